// Group commit. A durable commit waits for the disk (SQLite's synchronous=FULL, an fsync;
// PostgreSQL's WAL flush); the writes that arrive while one commit is under way wait
// together and go into the next transaction, so that a hundred readers publishing at
// once cost a few commits, not a hundred. A batch starts once the event loop has handled
// the input at hand (setImmediate), not at its first write: better-sqlite3 commits
// synchronously, so a batch started at once would hold that one write only, and the
// requests read in the same turn of the loop would each wait for a commit of their own. Each caller's promise settles only once the
// transaction holding its write is committed: a success still follows its own durable
// write. A write that fails fails its whole batch (none of it is committed), so the
// writes given here are ones that do not fail in the normal course (conflicts are
// handled in SQL).
import type { Kysely } from "kysely";

/** Enough for any burst; a bigger batch only makes its first caller wait longer. */
const MAX_BATCH = 256;

interface Job<DB> {
  write: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class WriteBatch<DB> {
  private waiting: Job<DB>[] = [];
  private committing = false;
  private scheduled = false;

  /** `grouped: false` (COMMENTS_GROUP_COMMIT=0, for the benchmark): one transaction per write. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly grouped = true,
  ) {}

  /** Runs `write` in a transaction, with the others waiting at the same time; resolves once it is committed. */
  write<T>(write: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    if (!this.grouped || this.db.isTransaction)
      return this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleCommit();
    });
  }

  private scheduleCommit(): void {
    if (this.scheduled || this.committing || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.commitNext();
    });
  }

  private commitNext(): void {
    if (this.committing || this.waiting.length === 0) return;
    this.committing = true;
    const jobs = this.waiting.splice(0, MAX_BATCH);
    this.db
      .transaction()
      .execute(async (trx) => {
        const results: unknown[] = [];
        for (const job of jobs) results.push(await job.write(trx));
        return results;
      })
      .then(
        (results) => jobs.forEach((job, index) => job.resolve(results[index])),
        (error: unknown) => jobs.forEach((job) => job.reject(error)),
      )
      .finally(() => {
        this.committing = false;
        this.scheduleCommit();
      });
  }
}

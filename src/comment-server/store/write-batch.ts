// Group commit. A durable commit waits for the disk (SQLite's synchronous=FULL, an fsync;
// PostgreSQL's WAL flush); the writes that arrive while one commit is under way wait
// together and go into the next transaction, so that a hundred readers publishing at
// once cost a few commits, not a hundred. Writes of one kind (comments queued, events
// counted) are handed to their writer together, which writes them in a few statements
// (a multi-row insert) rather than a few per write: on PostgreSQL each statement is a
// round trip, made while the batch holds its transaction.
//
// A batch starts once the event loop has handled the input at hand (setImmediate), not
// at its first write: better-sqlite3 commits synchronously, so a batch started at once
// would hold that one write only, and the requests read in the same turn of the loop
// would each wait for a commit of their own. Each caller's promise settles only once the
// transaction holding its write is committed: a success still follows its own durable
// write. A writer that fails fails its whole batch (none of it is committed), so the
// writers given here are ones that do not fail in the normal course (conflicts are
// handled in SQL).
import type { Kysely } from "kysely";

/** Enough for any burst; a bigger batch only makes its first caller wait longer. */
const MAX_BATCH = 256;

/** Writes `items` in the transaction `trx`; resolves to each one's result, in their order. */
export type BatchWriter<DB, Item, Result> = (trx: Kysely<DB>, items: readonly Item[]) => Promise<Result[]>;

interface Job {
  item: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type AnyWriter<DB> = BatchWriter<DB, unknown, unknown>;

export class WriteBatch<DB> {
  /** The writes waiting, by writer, in the order they came. */
  private waiting = new Map<AnyWriter<DB>, Job[]>();
  private committing = false;
  private scheduled = false;

  /** `grouped: false` (COMMENTS_GROUP_COMMIT=0, for the benchmark): one transaction per write. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly grouped = true,
  ) {}

  /** Writes `item` through `writer` in a transaction shared with the writes waiting at the same time; resolves once it is committed. */
  async write<Item, Result>(writer: BatchWriter<DB, Item, Result>, item: Item): Promise<Result> {
    const alone = (trx: Kysely<DB>) => writer(trx, [item]).then((results) => resultOf(results, 0));
    if (this.db.isTransaction) return alone(this.db);
    if (!this.grouped) return this.db.transaction().execute(alone);
    return new Promise<Result>((resolve, reject) => {
      const jobs = this.waiting.get(writer as AnyWriter<DB>) ?? [];
      jobs.push({ item, resolve: resolve as (value: unknown) => void, reject });
      this.waiting.set(writer as AnyWriter<DB>, jobs);
      this.scheduleCommit();
    });
  }

  private scheduleCommit(): void {
    if (this.scheduled || this.committing || this.waiting.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.commitNext();
    });
  }

  /** The next batch: up to MAX_BATCH writes of each writer, the rest left for the one after. */
  private takeBatch(): Array<[AnyWriter<DB>, Job[]]> {
    const batch: Array<[AnyWriter<DB>, Job[]]> = [];
    for (const [writer, jobs] of this.waiting) {
      batch.push([writer, jobs.splice(0, MAX_BATCH)]);
      if (jobs.length === 0) this.waiting.delete(writer);
    }
    return batch;
  }

  private commitNext(): void {
    if (this.committing || this.waiting.size === 0) return;
    this.committing = true;
    const batch = this.takeBatch();
    this.db
      .transaction()
      .execute(async (trx) => {
        const results: unknown[][] = [];
        for (const [writer, jobs] of batch) {
          const written = await writer(
            trx,
            jobs.map((job) => job.item),
          );
          if (written.length !== jobs.length)
            throw new Error(`a batch writer gave ${written.length} results for ${jobs.length} writes`);
          results.push(written);
        }
        return results;
      })
      .then(
        (results) =>
          batch.forEach(([, jobs], index) => jobs.forEach((job, at) => job.resolve(results[index]?.[at]))),
        (error: unknown) => batch.forEach(([, jobs]) => jobs.forEach((job) => job.reject(error))),
      )
      .finally(() => {
        this.committing = false;
        this.scheduleCommit();
      });
  }
}

function resultOf<Result>(results: Result[], index: number): Result {
  if (results.length <= index) throw new Error("a batch writer gave no result for a write");
  return results[index] as Result;
}

// The moderation queue: every comment a reader confirmed, from its arrival to its file.
// A comment is queued once per preview token (a double click or a replayed request finds
// the row its token already made), and a decision applies only to a comment still
// waiting, so two moderators deciding at once decide once. Publishing takes a lock that
// holds across instances of the server (whilePublishing).
import { createHash } from "node:crypto";
import { sql, type Selectable } from "kysely";
import { textKey } from "../spam-marks.ts";
import type { CountedEvent } from "./counters.ts";
import { onPostgres, type QueueDb } from "./database.ts";
import type { CommentsTable, QueueDatabase, QueueStatus } from "./schema.ts";
import { WriteBatch } from "./write-batch.ts";

/** A spam rule a comment tripped: shown to the moderator, never to the reader. */
export type SpamMark = "links" | "duplicate";

/** What a reader sent, as the queue keeps it. */
interface ReaderComment {
  post: string;
  parent?: string;
  author: string;
  email: string;
  url?: string;
  text: string;
  /** When the reader confirmed it: the date its file will carry. */
  submittedAt: Date;
  marks: SpamMark[];
}

export interface QueuedComment extends ReaderComment {
  id: number;
  status: QueueStatus;
  publishedId?: string;
  publishError?: string;
}

export interface NewQueuedComment extends ReaderComment {
  /** The preview token it is published with. */
  token: string;
}

export type Decision = "approved" | "rejected" | "spam";

/** How long a comment no one published stays in the queue. */
export const UNPUBLISHED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function fromRow(row: Selectable<CommentsTable>): QueuedComment {
  const comment: QueuedComment = {
    id: row.id,
    status: row.status,
    post: row.post,
    author: row.author,
    email: row.email,
    text: row.text,
    submittedAt: new Date(row.submitted_at),
    marks: JSON.parse(row.marks) as SpamMark[],
  };
  if (row.parent !== null) comment.parent = row.parent;
  if (row.url !== null) comment.url = row.url;
  if (row.published_id !== null) comment.publishedId = row.published_id;
  if (row.publish_error !== null) comment.publishError = row.publish_error;
  return comment;
}

/** The name of the publisher's lock on PostgreSQL (advisory locks are numbers: its hash is taken). */
const PUBLISHER_LOCK = "nous-les-geeks: comment publisher";

interface Addition {
  comment: NewQueuedComment;
  counted?: CountedEvent;
}

/**
 * The comments of one batch (./write-batch.ts) in three statements whatever their number:
 * the rows, each made only if its token made none yet; the publications counted, for the
 * rows made; the rows found instead, for the tokens already used. Of two additions with
 * one token in a batch (a double click), the first makes the row and the second finds it.
 */
async function addComments(
  db: QueueDb,
  additions: readonly Addition[],
): Promise<Array<{ id: number; added: boolean }>> {
  const hashes = additions.map(({ comment }) => tokenHash(comment.token));
  const made = await db
    .insertInto("comments")
    .values(
      additions.map(({ comment }, index) => ({
        status: "pending" as const,
        post: comment.post,
        parent: comment.parent ?? null,
        author: comment.author,
        email: comment.email,
        url: comment.url ?? null,
        text: comment.text,
        text_key: textKey(comment.text),
        submitted_at: comment.submittedAt.toISOString(),
        marks: JSON.stringify(comment.marks),
        token_hash: hashes[index] as string,
      })),
    )
    .onConflict((conflict) => conflict.column("token_hash").doNothing())
    .returning(["id", "token_hash"])
    .execute();
  const madeFor = new Map(made.map((row) => [row.token_hash, row.id]));
  const results: Array<{ id: number; added: boolean } | undefined> = hashes.map((hash) => {
    const id = madeFor.get(hash);
    if (id === undefined) return undefined;
    madeFor.delete(hash);
    return { id, added: true };
  });
  const counted = additions.flatMap((addition, index) =>
    results[index] && addition.counted ? [addition.counted] : [],
  );
  if (counted.length > 0) await db.insertInto("rate_events").values(counted).execute();
  const used = [...new Set(hashes.filter((_, index) => !results[index]))];
  if (used.length > 0) {
    const found = await db
      .selectFrom("comments")
      .select(["id", "token_hash"])
      .where("token_hash", "in", used)
      .execute();
    const foundFor = new Map(found.map((row) => [row.token_hash, row.id]));
    hashes.forEach((hash, index) => {
      const id = foundFor.get(hash);
      if (!results[index] && id !== undefined) results[index] = { id, added: false };
    });
  }
  return results.map((result, index) => {
    if (!result) throw new Error(`comment queue: no row for the token of addition ${index}`);
    return result;
  });
}

export class CommentQueue {
  /** `writes`: the server's group commit (./write-batch.ts); one transaction per write otherwise. */
  constructor(
    private readonly db: QueueDb,
    private readonly writes: WriteBatch<QueueDatabase> = new WriteBatch(db, false),
  ) {}

  /**
   * Runs `task` as the only publisher of this queue, whichever instance of the server
   * asks. On PostgreSQL (several instances on one database): a transaction-level advisory
   * lock, held until `task` has written the file and marked the comment, released at once
   * if the instance dies; `task` gets the queue in that transaction, so it needs no second
   * connection. On SQLite (one server per file) `task` runs as it is: within the server,
   * the moderation service and the publisher publish one at a time, and the database file
   * takes one writer at a time, so a decision is taken once even by a command run beside
   * the server; the copy check and link() of the comment file (publishing/comment-file.ts)
   * keep a second writer from writing it twice.
   */
  async whilePublishing<T>(task: (queue: CommentQueue) => Promise<T>): Promise<T> {
    if (!onPostgres(this.db)) return task(this);
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${PUBLISHER_LOCK}))`.execute(trx);
      return task(new CommentQueue(trx));
    });
  }

  /**
   * Queues a confirmed comment; resolves once it is committed to disk, with `counted` (the
   * publication, against its client's limit) in the same transaction. A token already
   * used gives back the comment it queued, `added: false`, and counts nothing.
   */
  add(comment: NewQueuedComment, counted?: CountedEvent): Promise<{ id: number; added: boolean }> {
    return this.writes.write(addComments, counted ? { comment, counted } : { comment });
  }

  async get(id: number): Promise<QueuedComment | undefined> {
    const row = await this.db.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();
    return row && fromRow(row);
  }

  /** The comments in these states, oldest first. */
  async list(statuses: readonly QueueStatus[]): Promise<QueuedComment[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom("comments")
      .selectAll()
      .where("status", "in", statuses)
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  /** Whether this text (spaces and case aside) is already waiting, approved or published on the post. */
  async hasText(post: string, text: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("comments")
      .select("id")
      .where("post", "=", post)
      .where("text_key", "=", textKey(text))
      .where("status", "in", ["pending", "approved", "published"])
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Decides on comments still waiting; returns the ids it changed (a comment decided
   * meanwhile, by another moderator or another click, is left as it is).
   */
  async decide(ids: readonly number[], decision: Decision, now = new Date()): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable("comments")
      .set({ status: decision, decided_at: now.toISOString() })
      .where("id", "in", ids)
      .where("status", "=", "pending")
      .returning("id")
      .execute();
    return rows.map((row) => row.id).sort((a, b) => a - b);
  }

  /**
   * Refuses comments approved whose publication failed (their file could not be written,
   * and the moderator gives up on it); returns the ids it changed. One approved a moment
   * ago, whose file is being written, has no failure yet and is left to its publication; a
   * published one is left alone too: its file is withdrawn instead.
   */
  async refuseUnpublished(
    ids: readonly number[],
    decision: Exclude<Decision, "approved">,
    now = new Date(),
  ): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable("comments")
      .set({ status: decision, decided_at: now.toISOString(), publish_error: null })
      .where("id", "in", ids)
      .where("status", "=", "approved")
      .where("publish_error", "is not", null)
      .returning("id")
      .execute();
    return rows.map((row) => row.id).sort((a, b) => a - b);
  }

  async markPublished(id: number, publishedId: string): Promise<void> {
    await this.db
      .updateTable("comments")
      .set({ status: "published", published_id: publishedId, publish_error: null })
      .where("id", "=", id)
      .where("status", "=", "approved")
      .execute();
  }

  async markPublishFailed(id: number, reason: string): Promise<void> {
    await this.db
      .updateTable("comments")
      .set({ publish_error: reason })
      .where("id", "=", id)
      .where("status", "=", "approved")
      .execute();
  }

  /** Deletes the comments no one published that arrived more than 30 days ago; returns how many. */
  async purgeUnpublished(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - UNPUBLISHED_RETENTION_MS).toISOString();
    const result = await this.db
      .deleteFrom("comments")
      .where("status", "in", ["pending", "rejected", "spam"])
      .where("submitted_at", "<", before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Deletes every comment written with this e-mail address (compared without case);
   * returns those already published, whose files the moderator withdraws by id.
   */
  async forget(email: string): Promise<QueuedComment[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("comments")
        .selectAll()
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
        .execute();
      if (rows.length > 0)
        await trx
          .deleteFrom("comments")
          .where(
            "id",
            "in",
            rows.map((row) => row.id),
          )
          .execute();
      return rows.map(fromRow).filter((comment) => comment.status === "published");
    });
  }
}

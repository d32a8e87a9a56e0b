// Commenters who asked to be told of the replies to their comment: one subscription per
// comment, asked with the form's checkbox, confirmed from the link of an e-mail (double
// opt-in), ended by the link of any reply e-mail or by `comments:forget`. The id is
// random, so that no one can guess another's links (./subscription-token.ts signs it too).
import { randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import type { QueueDb } from "../store/database.ts";
import type { SubscriptionsTable } from "../store/schema.ts";

/** How long a subscription waits for its confirmation before it is deleted (its link then finds nothing). */
const UNCONFIRMED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** How long one waits for its comment to be published (the queue purges an unpublished comment then). */
const UNPUBLISHED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Confirmations waiting for one address at once: more is a robot filling in someone else's. */
export const MAX_UNCONFIRMED_PER_ADDRESS = 3;

export type Subscription = Selectable<SubscriptionsTable>;

/** The queries, on the database or inside a transaction the caller opened. */
export class Subscriptions {
  constructor(private readonly db: QueueDb) {}

  /** A new, unconfirmed subscription to the replies to queued comment `commentId`; its id. */
  async add(entry: { email: string; post: string; commentId: number }, now = Date.now()): Promise<string> {
    const id = randomBytes(16).toString("base64url");
    await this.db
      .insertInto("subscriptions")
      .values({
        id,
        email: entry.email,
        post: entry.post,
        comment_id: entry.commentId,
        published_id: null,
        created_at: now,
        confirmed_at: null,
      })
      .execute();
    return id;
  }

  /** How many subscriptions of this address (compared without case) wait for their confirmation. */
  async unconfirmedOf(email: string): Promise<number> {
    const row = await this.db
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
      .where("confirmed_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async get(id: string): Promise<Subscription | undefined> {
    return this.db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Confirms it; false if there is no such subscription (any more). */
  async confirm(id: string, now = Date.now()): Promise<boolean> {
    const result = await this.db
      .updateTable("subscriptions")
      .set((eb) => ({ confirmed_at: eb.fn.coalesce("confirmed_at", eb.val(now)) }))
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Ends it (its pending e-mails go with it); false if there was none. */
  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("subscriptions").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Queued comment `commentId` is now comment `publishedId` of its post: replies will name it. */
  async published(commentId: number, publishedId: string): Promise<void> {
    await this.db
      .updateTable("subscriptions")
      .set({ published_id: publishedId })
      .where("comment_id", "=", commentId)
      .execute();
  }

  /** The confirmed subscriptions to comment `publishedId` of `post`: those a direct reply to it concerns. */
  async toComment(post: string, publishedId: string): Promise<Subscription[]> {
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("post", "=", post)
      .where("published_id", "=", publishedId)
      .where("confirmed_at", "is not", null)
      .execute();
  }

  /** Deletes every subscription of this address (compared without case); how many. */
  async forget(email: string): Promise<number> {
    const result = await this.db
      .deleteFrom("subscriptions")
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes those never confirmed in 7 days, and those whose comment was not published in 30; how many. */
  async purge(now = Date.now()): Promise<number> {
    const result = await this.db
      .deleteFrom("subscriptions")
      .where((eb) =>
        eb.or([
          eb.and([eb("confirmed_at", "is", null), eb("created_at", "<", now - UNCONFIRMED_RETENTION_MS)]),
          eb.and([eb("published_id", "is", null), eb("created_at", "<", now - UNPUBLISHED_RETENTION_MS)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

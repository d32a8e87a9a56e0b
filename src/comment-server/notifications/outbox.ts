// The outbox: e-mails to send, written in the same request as what they tell (a comment
// queued, a reply approved), sent later by ./mail-sender.ts. An SMTP server that is down
// delays them; it never fails the request, and nothing is lost while it is down.
//
// Several senders (server instances) may share one outbox: a sender takes an e-mail by
// moving its next attempt a few minutes on, in one conditional update that only one of
// them wins; if it dies while sending, the e-mail is due again when that time comes.
import type { Selectable } from "kysely";
import type { QueueDb } from "../store/database.ts";
import type { MailOutboxTable } from "../store/schema.ts";

export type OutboxEntry = Selectable<MailOutboxTable>;

/** An e-mail to queue: what it is about. */
export type NewMail =
  | { kind: "moderator"; commentId: number }
  | { kind: "confirmation"; subscriptionId: string }
  | { kind: "reply"; subscriptionId: string; commentId: number };

/** How long a sender holds an e-mail it took: longer than any SMTP exchange takes (see ./mail-sender.ts). */
const LEASE_MS = 5 * 60 * 1000;
/** The wait after a first failure, doubled after each other one, up to an hour. */
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;
/** Sent e-mails are deleted a day after; those never sent are given up a week after they were queued. */
const SENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const UNSENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

function keyOf(mail: NewMail): string {
  switch (mail.kind) {
    case "moderator":
      return `moderator:${mail.commentId}`;
    case "confirmation":
      return `confirmation:${mail.subscriptionId}`;
    case "reply":
      return `reply:${mail.subscriptionId}:${mail.commentId}`;
  }
}

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export class MailOutbox {
  constructor(private readonly db: QueueDb) {}

  /** Queues e-mails, due now; one already queued for the same event is left as it is. */
  async add(mails: readonly NewMail[], now = Date.now()): Promise<void> {
    if (mails.length === 0) return;
    await this.db
      .insertInto("mail_outbox")
      .values(
        mails.map((mail) => ({
          key: keyOf(mail),
          kind: mail.kind,
          comment_id: mail.kind === "confirmation" ? null : mail.commentId,
          subscription_id: mail.kind === "moderator" ? null : mail.subscriptionId,
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          sent_at: null,
        })),
      )
      .onConflict((conflict) => conflict.column("key").doNothing())
      .execute();
  }

  /** Takes up to `limit` e-mails due now, oldest first; another sender will not take them meanwhile. */
  async take(limit: number, now = Date.now()): Promise<OutboxEntry[]> {
    const due = await this.db
      .selectFrom("mail_outbox")
      .select("key")
      .where("sent_at", "is", null)
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .execute();
    const taken: OutboxEntry[] = [];
    for (const { key } of due) {
      const entry = await this.db
        .updateTable("mail_outbox")
        .set({ next_attempt_at: now + LEASE_MS })
        .where("key", "=", key)
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .returningAll()
        .executeTakeFirst();
      if (entry) taken.push(entry);
    }
    return taken;
  }

  /** When the next e-mail is due, if any waits. */
  async nextDue(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.min("next_attempt_at").as("at"))
      .where("sent_at", "is", null)
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }

  async markSent(key: string, now = Date.now()): Promise<void> {
    await this.db
      .updateTable("mail_outbox")
      .set({ sent_at: now, last_error: null })
      .where("key", "=", key)
      .execute();
  }

  /** Records a failed attempt; the e-mail is due again after its backoff. */
  async markFailed(entry: OutboxEntry, error: string, now = Date.now()): Promise<number> {
    const attempts = entry.attempts + 1;
    const nextAttemptAt = now + retryDelay(attempts);
    await this.db
      .updateTable("mail_outbox")
      .set({ attempts, next_attempt_at: nextAttemptAt, last_error: error })
      .where("key", "=", entry.key)
      .execute();
    return nextAttemptAt;
  }

  /** Deletes an e-mail with nothing left to tell (its comment decided, its subscription confirmed…). */
  async drop(key: string): Promise<void> {
    await this.db.deleteFrom("mail_outbox").where("key", "=", key).execute();
  }

  /** Deletes the sent e-mails older than a day and gives up those queued a week ago; how many of these. */
  async purge(now = Date.now()): Promise<{ sent: number; givenUp: number }> {
    const sent = await this.db
      .deleteFrom("mail_outbox")
      .where("sent_at", "<", now - SENT_RETENTION_MS)
      .executeTakeFirst();
    const givenUp = await this.db
      .deleteFrom("mail_outbox")
      .where("sent_at", "is", null)
      .where("created_at", "<", now - UNSENT_RETENTION_MS)
      .executeTakeFirst();
    return { sent: Number(sent.numDeletedRows), givenUp: Number(givenUp.numDeletedRows) };
  }
}

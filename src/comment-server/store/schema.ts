// The tables of the comment queue, as Kysely sees them. One shape for SQLite today and
// PostgreSQL later: times are ISO 8601 text (UTC) or milliseconds as numbers, lists are
// JSON text, so neither backend needs a type the other lacks.
import type { Generated } from "kysely";

/** Where a queued comment stands. */
export type QueueStatus =
  /** waiting for a moderator */
  | "pending"
  /** approved, its file not written yet (or writing it failed: see publish_error) */
  | "approved"
  /** its file is in content/posts/<post>/comments/ */
  | "published"
  | "rejected"
  /** refused as spam by a moderator */
  | "spam";

export interface CommentsTable {
  id: Generated<number>;
  status: QueueStatus;
  post: string;
  parent: string | null;
  author: string;
  /** Never published: kept to tell the commenter (and forget them on request). */
  email: string;
  url: string | null;
  text: string;
  /** A hash of the text, spaces and case aside: finds a duplicate on the post without reading every text. */
  text_key: string;
  /** When the reader confirmed the comment (ISO, UTC): the date its file will carry. */
  submitted_at: string;
  /** JSON array of the spam rules the comment tripped ("links", "duplicate"). */
  marks: string;
  /** SHA-256 of the preview token it was published with: a token publishes at most once. */
  token_hash: string;
  decided_at: string | null;
  /** The comment's id in its post once its file is written. */
  published_id: string | null;
  /** Why writing or committing its file failed, for the moderation page (French). */
  publish_error: string | null;
}

/** One preview, publication or failed login, for the limits: keyed on a keyed hash of the client's address. */
export interface RateEventsTable {
  client: string;
  action: string;
  at: number;
}

export interface SessionsTable {
  /** SHA-256 of the session cookie's value: a stolen database gives no session. */
  id_hash: string;
  csrf: string;
  expires_at: number;
}

/** What an e-mail is about (src/comment-server/notifications/). */
export type MailKind =
  /** to the moderators: a comment is waiting (comment_id) */
  | "moderator"
  /** to a commenter who asked for replies: confirm it (subscription_id) */
  | "confirmation"
  /** to a subscriber: a direct reply (comment_id) to their comment was approved (subscription_id) */
  | "reply";

/**
 * An e-mail to send, until it is sent and a while after. It holds no address and no text:
 * the message is written when it is sent, from the comment and the subscription it names,
 * so an e-mail whose comment or subscription was deleted meanwhile (forgotten,
 * unsubscribed, purged) is not sent, and the outbox keeps nothing personal.
 */
export interface MailOutboxTable {
  /** What it is about, e.g. "reply:<subscription>:<comment>": the same event queues one e-mail. */
  key: string;
  kind: MailKind;
  comment_id: number | null;
  subscription_id: string | null;
  /** Milliseconds, as every time below. */
  created_at: number;
  attempts: number;
  /** When a sender may try it (again); pushed forward while one is sending it. */
  next_attempt_at: number;
  /** The last attempt's failure, without any address. */
  last_error: string | null;
  sent_at: number | null;
}

/** A commenter's wish to be told of the replies to their comment (double opt-in). */
export interface SubscriptionsTable {
  /** Random (128 bits); the links' signed tokens carry it. */
  id: string;
  email: string;
  post: string;
  /** The queue id of the comment whose replies are wanted. */
  comment_id: number;
  /** That comment's id in its post, once published: replies name it as their parent. */
  published_id: string | null;
  created_at: number;
  /** Null until the commenter confirms from the e-mail's link. */
  confirmed_at: number | null;
}

export interface QueueDatabase {
  comments: CommentsTable;
  rate_events: RateEventsTable;
  sessions: SessionsTable;
  mail_outbox: MailOutboxTable;
  subscriptions: SubscriptionsTable;
}

// The two moments that make e-mails, and what each queues in the outbox, in one
// transaction:
// - a comment is queued (the reader's "Publier le commentaire"): the moderators' e-mail,
//   and, if its author ticked "Me prévenir par e-mail…", their subscription and its
//   confirmation e-mail;
// - a comment is published (approved, its file written): its subscription learns its id
//   in the post, and each confirmed subscriber to the comment it answers directly gets
//   an e-mail. A pending or refused reply is never published, so it sends nothing.
// Neither ever fails what called it: the comment is queued, or published, already; an
// e-mail that could not be queued is logged (without any address) and the request goes on.
import type { QueueDb } from "../store/database.ts";
import type { QueuedComment } from "../store/queue.ts";
import { failureText } from "./failure-text.ts";
import type { MailSettings } from "./mail-settings.ts";
import { MailOutbox, type NewMail } from "./outbox.ts";
import { MAX_UNCONFIRMED_PER_ADDRESS, Subscriptions } from "./subscriptions.ts";

export interface NotifierOptions {
  db: QueueDb;
  settings: MailSettings;
  log: (line: string) => void;
  /** Called once e-mails are queued: the server's sender looks at the outbox at once. */
  wake?: () => void;
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  /** Queued comment `comment` arrived; `subscribe`: its author asked for the replies. */
  async commentQueued(
    comment: { id: number; post: string; email: string },
    subscribe: boolean,
  ): Promise<void> {
    const { db, settings, log } = this.options;
    try {
      const queued = await db.transaction().execute(async (trx) => {
        const mails: NewMail[] = [];
        if (settings.moderators.length > 0) mails.push({ kind: "moderator", commentId: comment.id });
        if (subscribe) {
          const subscriptions = new Subscriptions(trx);
          if ((await subscriptions.unconfirmedOf(comment.email)) >= MAX_UNCONFIRMED_PER_ADDRESS)
            log(
              `mail: no subscription for comment ${comment.id}: confirmations already waiting for that address`,
            );
          else {
            const subscriptionId = await subscriptions.add({
              email: comment.email,
              post: comment.post,
              commentId: comment.id,
            });
            mails.push({ kind: "confirmation", subscriptionId });
          }
        }
        await new MailOutbox(trx).add(mails);
        return mails.length;
      });
      if (queued > 0) this.options.wake?.();
    } catch (error) {
      log(`mail: nothing queued for comment ${comment.id}: ${failureText(error)}`);
    }
  }

  /** Queued comment `comment` is now comment `publishedId` of its post. */
  async commentPublished(comment: QueuedComment, publishedId: string): Promise<void> {
    const { db, log } = this.options;
    try {
      const queued = await db.transaction().execute(async (trx) => {
        const subscriptions = new Subscriptions(trx);
        await subscriptions.published(comment.id, publishedId);
        if (comment.parent === undefined) return 0;
        const mails: NewMail[] = (await subscriptions.toComment(comment.post, comment.parent))
          // Nobody is told of their own reply.
          .filter((subscription) => !sameAddress(subscription.email, comment.email))
          .map((subscription) => ({ kind: "reply", subscriptionId: subscription.id, commentId: comment.id }));
        await new MailOutbox(trx).add(mails);
        return mails.length;
      });
      if (queued > 0) this.options.wake?.();
    } catch (error) {
      log(`mail: no reply e-mail queued for comment ${comment.id}: ${failureText(error)}`);
    }
  }
}

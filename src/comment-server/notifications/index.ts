// E-mail notifications (issue 20, README "Notifications"), put together for the server:
// the notifier that queues e-mails when a comment is queued or published (./notifier.ts),
// the outbox they wait in (./outbox.ts), and its sender (./mail-sender.ts), started at
// once for what a previous run left in the outbox. The routes a subscriber's links open
// are ../routes/subscription-routes.ts.
import type { ServerConfig } from "../config.ts";
import { SitePosts } from "../site-posts.ts";
import { siteMetadata } from "../../site/metadata.ts";
import type { QueueDb } from "../store/database.ts";
import type { CommentQueue } from "../store/queue.ts";
import { composeMail } from "./compose-mail.ts";
import { MailSender } from "./mail-sender.ts";
import type { MailSettings } from "./mail-settings.ts";
import { Notifier } from "./notifier.ts";
import { MailOutbox } from "./outbox.ts";
import { Subscriptions } from "./subscriptions.ts";

export interface Notifications {
  notifier: Notifier;
  subscriptions: Subscriptions;
  /** Stops the sender once the e-mail it is sending, if any, is done with. */
  close(): Promise<void>;
}

export function startNotifications(
  config: ServerConfig,
  settings: MailSettings,
  db: QueueDb,
  queue: CommentQueue,
  log: (line: string) => void,
): Notifications {
  const subscriptions = new Subscriptions(db);
  const context = {
    queue,
    subscriptions,
    posts: new SitePosts(config.projectRoot, config.siteHome),
    secret: config.secret,
    publicUrl: config.publicUrl,
    siteHome: config.siteHome,
    site: siteMetadata().title,
    moderators: settings.moderators,
  };
  const sender = new MailSender({
    outbox: new MailOutbox(db),
    settings,
    compose: (entry) => composeMail(entry, context),
    log,
  });
  sender.wake();
  return {
    notifier: new Notifier({ db, settings, log, wake: () => sender.wake() }),
    subscriptions,
    close: () => sender.close(),
  };
}

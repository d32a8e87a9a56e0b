// Starts the intake server: opens the queue's database, builds the application, listens,
// and keeps the database tidy (comments no one published are purged after 30 days, spent
// counts and sessions as soon as they are over).
import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "./app.ts";
import type { ServerConfig } from "./config.ts";
import { createServerLogger } from "./logger.ts";
import { Moderation } from "./moderation/moderate.ts";
import { startNotifications } from "./notifications/index.ts";
import { MailOutbox } from "./notifications/outbox.ts";
import { Subscriptions } from "./notifications/subscriptions.ts";
import { createPublisher } from "./publishing/index.ts";
import { RATE_WINDOW_MS } from "./rate-limit.ts";
import { EventCounter } from "./store/counters.ts";
import { databaseAnswers, openQueueDatabase, type QueueDb } from "./store/database.ts";
import { CommentQueue } from "./store/queue.ts";
import { SessionStore } from "./store/sessions.ts";
import { WriteBatch } from "./store/write-batch.ts";

const TIDY_EVERY_MS = 60 * 60 * 1000;
/** The longest window any count looks back over (the login throttle's is shorter). */
const LONGEST_COUNT_WINDOW_MS = Math.max(RATE_WINDOW_MS, 60 * 60 * 1000);

export interface RunningServer {
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:8081 */
  address: string;
  close(): Promise<void>;
}

async function tidy(db: QueueDb, queue: CommentQueue, log: (line: string) => void): Promise<void> {
  const purged = await queue.purgeUnpublished();
  if (purged > 0) log(`purged ${purged} comment(s) no one published in 30 days`);
  await new EventCounter(db).purge(Date.now() - LONGEST_COUNT_WINDOW_MS);
  await new SessionStore(db).purge();
  // E-mails sent a day ago, or given up after a week; subscriptions never confirmed, or
  // whose comment was never published (../notifications/).
  const mails = await new MailOutbox(db).purge();
  if (mails.givenUp > 0) log(`mail: ${mails.givenUp} e-mail(s) given up, not sent in 7 days`);
  await new Subscriptions(db).purge();
}

/** Starts the server; its log goes to `logDestination` (standard output by default), as JSON lines. */
export async function startCommentServer(
  config: ServerConfig,
  logDestination?: DestinationStream,
): Promise<RunningServer> {
  const logger = createServerLogger(logDestination);
  const log = (line: string) => logger.info(line);
  const publisher = createPublisher({ ...config.publishing, log });
  for (const warning of config.warnings) log(`warning: ${warning}`);
  const db = await openQueueDatabase(config.databasePath, { log });
  // The queue's writes (comments queued, previews counted) share durable commits (./store/write-batch.ts).
  const writes = new WriteBatch(db, config.groupCommit);
  const queue = new CommentQueue(db, writes);
  // E-mail notifications, when COMMENTS_SMTP_URL is set: the outbox's sender runs in the background.
  const notifications = config.mail && startNotifications(config, config.mail, db, queue, log);
  const moderation = new Moderation(
    queue,
    publisher,
    notifications &&
      ((comment, publishedId) => notifications.notifier.commentPublished(comment, publishedId)),
  );
  const services = {
    logger,
    queue,
    counter: new EventCounter(db, writes),
    sessions: new SessionStore(db),
    moderation,
    log,
    databaseAnswers: () => databaseAnswers(db),
    ...(notifications ? { notifications } : {}),
  };
  const app = buildApp(config, services);
  await tidy(db, queue, log);
  // Comments approved whose file could not be written (or the server stopped first): published now.
  const retried = moderation.retryUnpublished().then(
    (outcomes) =>
      outcomes.forEach((outcome) => log(`moderation: ${outcome.id} ${outcome.result} (retried at start)`)),
    (error: Error) => log(`moderation: retry at start: ${error.message}`),
  );
  const timer = setInterval(
    () => void tidy(db, queue, log).catch((error: Error) => log(`tidy: ${error.message}`)),
    TIDY_EVERY_MS,
  );
  timer.unref();
  const address = await app.listen({ host: config.host, port: config.port });
  return {
    app,
    address,
    async close() {
      clearInterval(timer);
      await app.close();
      await retried;
      await publisher.close();
      await notifications?.close();
      await db.destroy();
    },
  };
}

// The notifications' tables on PostgreSQL (tests/helpers/postgres.ts starts a throw-away
// cluster): migration 002 runs there as on SQLite; an event queues one e-mail however
// often it is told; two senders at once never take the same e-mail; a reply approved
// queues one e-mail per confirmed subscriber to the comment it answers; and forgetting an
// address leaves no subscription nor e-mail behind (on delete cascade).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { MailOutbox } from "../../src/comment-server/notifications/outbox.ts";
import { Notifier } from "../../src/comment-server/notifications/notifier.ts";
import { Subscriptions } from "../../src/comment-server/notifications/subscriptions.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { postgresSkip, startPostgres, type PostgresCluster } from "../helpers/postgres.ts";

const SETTINGS = {
  smtpUrl: "smtp://127.0.0.1:1",
  from: { address: "commentaires@nouslesgeeks.fr" },
  moderators: ["moderation@nouslesgeeks.fr"],
};

let tokens = 0;
function aComment(fields: Partial<NewQueuedComment> = {}): NewQueuedComment {
  return {
    post: "le-smo",
    author: "Zoé",
    email: "zoe@exemple.fr",
    text: `Commentaire ${++tokens}`,
    submittedAt: new Date(),
    marks: [],
    token: `jeton-${tokens}`,
    ...fields,
  };
}

describe("notifications on PostgreSQL", { skip: postgresSkip() }, () => {
  let cluster: PostgresCluster;
  let db: QueueDb;
  before(async () => {
    cluster = await startPostgres();
    db = await openQueueDatabase(await cluster.createDatabase());
  });
  after(async () => {
    await db?.destroy();
    await cluster?.destroy();
  });

  test("one e-mail per event, taken by one sender, one per confirmed subscriber, gone with its comment", async () => {
    const queue = new CommentQueue(db);
    const outbox = new MailOutbox(db);
    const subscriptions = new Subscriptions(db);
    const log: string[] = [];
    const notifier = new Notifier({ db, settings: SETTINGS, log: (line) => log.push(line) });

    const first = await queue.add(aComment());
    await notifier.commentQueued({ id: first.id, post: "le-smo", email: "zoe@exemple.fr" }, true);
    await notifier.commentQueued({ id: first.id, post: "le-smo", email: "zoe@exemple.fr" }, false);
    const [one, other] = await Promise.all([outbox.take(10), outbox.take(10)]);
    assert.deepEqual([...(one ?? []), ...(other ?? [])].map((entry) => entry.kind).sort(), [
      "confirmation",
      "moderator",
    ]);
    assert.deepEqual(await outbox.take(10), [], "taken: not due again before its lease ends");

    const subscription = await db.selectFrom("subscriptions").selectAll().executeTakeFirstOrThrow();
    assert.equal(await subscriptions.confirm(subscription.id), true);
    await subscriptions.published(first.id, "7");
    const reply = await queue.add(aComment({ author: "Greg", email: "greg@exemple.fr", parent: "7" }));
    const published = await queue.get(reply.id);
    assert.ok(published);
    await notifier.commentPublished(published, "8");
    const replies = await db.selectFrom("mail_outbox").selectAll().where("kind", "=", "reply").execute();
    assert.deepEqual(
      replies.map((entry) => [entry.subscription_id, entry.comment_id]),
      [[subscription.id, reply.id]],
    );
    assert.deepEqual(log, []);

    await queue.forget("ZOE@exemple.fr");
    assert.equal((await db.selectFrom("subscriptions").selectAll().execute()).length, 0);
    // The reply's e-mail is about Greg's comment, but for Zoé's subscription: gone with it.
    assert.deepEqual(await db.selectFrom("mail_outbox").select("key").execute(), []);
  });
});

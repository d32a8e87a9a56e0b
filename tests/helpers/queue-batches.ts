// One promise of the queue's group commit (src/comment-server/store/write-batch.ts), on
// whichever database: a preview token queues one comment, whether its two posts land in
// one batch (a double click, one multi-row insert) or in two, and only the publication
// that queued a row is counted. Run on SQLite by tests/unit and on PostgreSQL by tests/server.
import assert from "node:assert/strict";
import type { QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import { WriteBatch } from "../../src/comment-server/store/write-batch.ts";

export async function assertEachTokenQueuesOnce(db: QueueDb): Promise<void> {
  const queue = new CommentQueue(db, new WriteBatch(db));
  const comment = (text: string) => ({
    post: "un-article",
    author: "Zoé",
    email: "d@exemple.fr",
    text,
    submittedAt: new Date(),
    marks: [],
    token: `jeton-${text}`,
  });
  const counted = (client: string) => ({ client, action: "publish", at: Date.now() });
  const before = await queue.add(comment("déjà là"), counted("earlier"));
  // Made in one turn of the event loop: one batch.
  const [first, second, again, other] = await Promise.all([
    queue.add(comment("deux clics"), counted("double-click")),
    queue.add(comment("deux clics"), counted("double-click")),
    queue.add(comment("déjà là"), counted("earlier")),
    queue.add(comment("un autre"), counted("other")),
  ]);
  assert.deepEqual(first, { id: first?.id, added: true });
  assert.deepEqual(second, { id: first?.id, added: false });
  assert.deepEqual(again, { id: before.id, added: false });
  assert.equal(other?.added, true);
  assert.equal(new Set([before.id, first?.id, other?.id]).size, 3);
  const events = await db
    .selectFrom("rate_events")
    .select("client")
    .where("client", "in", ["earlier", "double-click", "other"])
    .execute();
  assert.deepEqual(events.map((event) => event.client).sort(), ["double-click", "earlier", "other"]);
  const rows = await db.selectFrom("comments").select("text").where("email", "=", "d@exemple.fr").execute();
  assert.deepEqual(rows.map((row) => row.text).sort(), ["deux clics", "déjà là", "un autre"]);
}

// The intake server's small parts, one promise each: how a client is counted, how a form
// body is read, what the queue keeps and forgets, which comments are marked as spam.
import assert from "node:assert/strict";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { after, before, describe, test } from "node:test";
import { clientBlock, clientKey } from "../../src/comment-server/client-key.ts";
import { FormBodyError, MAX_FORM_FIELDS, parseFormBody } from "../../src/comment-server/form-body.ts";
import { spamMarks, textKey } from "../../src/comment-server/spam-marks.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, UNPUBLISHED_RETENTION_MS } from "../../src/comment-server/store/queue.ts";
import { QueueSqliteDialect } from "../../src/comment-server/store/sqlite-driver.ts";
import { WriteBatch } from "../../src/comment-server/store/write-batch.ts";
import { assertEachTokenQueuesOnce } from "../helpers/queue-batches.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("a client is counted by a keyed hash of its address", () => {
  test("an IPv4 address is one client; an IPv4-mapped IPv6 address is that IPv4 client", () => {
    assert.equal(clientBlock("203.0.113.5"), "203.0.113.5");
    assert.equal(clientBlock("::ffff:203.0.113.5"), "203.0.113.5");
  });

  test("an IPv6 subscriber's /64 is one client, however it changes the rest", () => {
    assert.equal(clientBlock("2001:db8:1:2:3:4:5:6"), clientBlock("2001:0db8:0001:0002:ffff::1"));
    assert.notEqual(clientBlock("2001:db8:1:2::1"), clientBlock("2001:db8:1:3::1"));
    assert.equal(clientBlock("2001:db8::1"), "2001:db8:0:0");
  });

  test("the key depends on the secret and does not hold the address", () => {
    const key = clientKey("secret-one-0123456789", "203.0.113.5");
    assert.notEqual(key, clientKey("secret-two-0123456789", "203.0.113.5"));
    assert.equal(key, clientKey("secret-one-0123456789", "::ffff:203.0.113.5"));
    assert.ok(!key.includes("203"));
  });
});

describe("form bodies are read strictly", () => {
  test("+ is a space, percent-encoded UTF-8 is decoded, a repeated name keeps every value", () => {
    const fields = parseFormBody(bytes("comment=Tr%C3%A8s+bien+%21&id=1&id=2&empty=&bare"));
    assert.equal(fields.comment, "Très bien !");
    assert.deepEqual(fields.id, ["1", "2"]);
    assert.equal(fields.empty, "");
    assert.equal(fields.bare, "");
  });

  test("raw UTF-8 is accepted (some clients do not encode it)", () => {
    assert.equal(parseFormBody(bytes("author=Zoé")).author, "Zoé");
  });

  test("a stray %, bytes that are not UTF-8, or too many fields are refused", () => {
    assert.throws(() => parseFormBody(bytes("a=100%")), FormBodyError);
    assert.throws(() => parseFormBody(bytes("a=%zz")), FormBodyError);
    assert.throws(() => parseFormBody(bytes("a=%C3%28")), FormBodyError);
    assert.throws(() => parseFormBody(bytes("a=%C0%AF")), FormBodyError, "an overlong form");
    assert.throws(() => parseFormBody(bytes("a=%ED%A0%80")), FormBodyError, "a surrogate");
    assert.throws(() => parseFormBody(Buffer.from([0x61, 0x3d, 0xff])), FormBodyError);
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=x`).join("&");
    assert.throws(() => parseFormBody(bytes(many)), FormBodyError);
    assert.doesNotThrow(() => parseFormBody(bytes(many.split("&").slice(1).join("&"))));
  });

  test("a field named like an Object property is only a field", () => {
    const fields = parseFormBody(bytes("__proto__=x&constructor=y"));
    assert.equal(fields["__proto__"], "x");
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });
});

describe("spam marks", () => {
  const evidence = { alreadyQueued: false, publishedBodies: [] };
  test("more than 3 links marks a comment; 3 do not", () => {
    const four = '<p><a href="a">a</a> <a href="b">b</a> <a href="c">c</a> <a href="d">d</a></p>';
    assert.deepEqual(spamMarks({ ...evidence, text: "…", renderedHtml: four }), ["links"]);
    assert.deepEqual(
      spamMarks({ ...evidence, text: "…", renderedHtml: four.replace(/ <a href="d">d<\/a>/, "") }),
      [],
    );
  });
  test("the same text, spaces and case aside, has the same key", () => {
    assert.equal(textKey("BRAVO  !"), textKey(" bravo !"));
    assert.notEqual(textKey("Bravo !"), textKey("Bravo ?"));
  });
  test("a text already queued or already published on the post is a duplicate", () => {
    const rendered = "<p>Bravo</p>\n";
    assert.deepEqual(
      spamMarks({ text: "BRAVO  !", renderedHtml: rendered, alreadyQueued: true, publishedBodies: [] }),
      ["duplicate"],
    );
    assert.deepEqual(
      spamMarks({ text: "Bravo", renderedHtml: rendered, alreadyQueued: false, publishedBodies: [rendered] }),
      ["duplicate"],
    );
    assert.deepEqual(
      spamMarks({
        text: "Bravo",
        renderedHtml: rendered,
        alreadyQueued: false,
        publishedBodies: ["<p>Merci</p>"],
      }),
      [],
    );
  });
});

describe("the queue keeps what it must, and no longer", () => {
  let dir: string;
  let db: QueueDb;
  let queue: CommentQueue;
  before(async () => {
    dir = temporaryDir("queue");
    db = await openQueueDatabase(join(dir, "comments.db"));
    queue = new CommentQueue(db);
  });
  after(async () => {
    await db.destroy();
    removeDir(dir);
  });

  const comment = (text: string, email: string, submittedAt: Date) => ({
    post: "un-article",
    author: "Zoé",
    email,
    text,
    submittedAt,
    marks: [],
    token: `token-${text}`,
  });

  test("comments no one published go after 30 days; published ones stay", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const old = new Date(now.getTime() - UNPUBLISHED_RETENTION_MS - 1000);
    const recent = new Date(now.getTime() - UNPUBLISHED_RETENTION_MS + 60_000);
    const oldPending = await queue.add(comment("ancien", "a@exemple.fr", old));
    const oldRejected = await queue.add(comment("refusé", "a@exemple.fr", old));
    const oldPublished = await queue.add(comment("publié", "a@exemple.fr", old));
    const young = await queue.add(comment("récent", "b@exemple.fr", recent));
    await queue.decide([oldRejected.id], "rejected");
    await queue.decide([oldPublished.id], "approved");
    await queue.markPublished(oldPublished.id, "12");
    assert.equal(await queue.purgeUnpublished(now), 2);
    assert.equal(await queue.get(oldPending.id), undefined);
    assert.equal(await queue.get(oldRejected.id), undefined);
    assert.equal((await queue.get(oldPublished.id))?.status, "published");
    assert.equal((await queue.get(young.id))?.status, "pending");
  });

  test("forgetting an address deletes all it wrote and names what was published", async () => {
    const published = await queue.forget(" A@Exemple.FR ");
    assert.deepEqual(
      published.map((entry) => [entry.post, entry.publishedId]),
      [["un-article", "12"]],
    );
    const left = await queue.list(["pending", "approved", "published", "rejected", "spam"]);
    assert.ok(left.every((entry) => entry.email !== "a@exemple.fr"));
    assert.equal(left.length, 1);
  });

  test("a token queues one comment, in one batch (a double click) or across batches; only it is counted", () =>
    assertEachTokenQueuesOnce(db));

  test("a decision applies only to a comment still waiting", async () => {
    const { id } = await queue.add(comment("à décider", "c@exemple.fr", new Date()));
    const [first, second] = await Promise.all([queue.decide([id], "approved"), queue.decide([id], "spam")]);
    assert.deepEqual([...(first ?? []), ...(second ?? [])], [id]);
  });
});

describe("group commit", () => {
  let dir: string;
  let db: QueueDb;
  before(async () => {
    dir = temporaryDir("batch");
    db = await openQueueDatabase(join(dir, "comments.db"));
  });
  after(async () => {
    await db.destroy();
    removeDir(dir);
  });

  /** Each client named is one event row, written in one statement per batch. */
  const batches: number[] = [];
  const events = async (trx: QueueDb, clients: readonly string[]) => {
    batches.push(clients.length);
    await trx
      .insertInto("rate_events")
      .values(clients.map((client) => ({ client, action: "test", at: 1 })))
      .execute();
    return clients.map((client) => `written: ${client}`);
  };
  const failing = async () => Promise.reject(new Error("broken"));
  /** The database, counting the transactions begun through it. */
  const countingTransactions = () => {
    let transactions = 0;
    const counted = new Proxy(db, {
      get: (target, name) =>
        name === "transaction" ? () => (transactions++, target.transaction()) : Reflect.get(target, name),
    });
    return { db: counted as QueueDb, transactions: () => transactions };
  };
  const stored = async (prefix: string) =>
    (await db.selectFrom("rate_events").select("client").where("client", "like", `${prefix}%`).execute())
      .length;

  test("writes arriving together share commits, and each resolves once its own is committed", async () => {
    const batch = new WriteBatch(db);
    const counting = countingTransactions();
    const grouped = new WriteBatch(counting.db);
    batches.length = 0;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => grouped.write(events, `together-${i}`)),
    );
    assert.equal(await stored("together-"), 100);
    const transactions = counting.transactions();
    assert.ok(transactions < 10, `${transactions} transactions for 100 writes at once`);
    assert.equal(batches.length, transactions, "one call of the writer per batch, with all its writes");
    // Each write gets its own result back.
    assert.deepEqual(
      results,
      Array.from({ length: 100 }, (_, i) => `written: together-${i}`),
    );
    // One write alone is committed at once, not held for company.
    assert.equal(await batch.write(events, "alone"), "written: alone");
    assert.equal(await stored("alone"), 1);
  });

  test("writes of two kinds made together share one transaction", async () => {
    const counting = countingTransactions();
    const grouped = new WriteBatch(counting.db);
    const other = async (trx: QueueDb, clients: readonly string[]) => events(trx, clients);
    await Promise.all([grouped.write(events, "kind-a"), grouped.write(other, "kind-b")]);
    assert.equal(await stored("kind-"), 2);
    assert.equal(counting.transactions(), 1);
  });

  test("a write that fails fails its batch, and nothing of that batch is committed", async () => {
    const batch = new WriteBatch(db);
    // Committed in a batch of its own, before the others arrive.
    await batch.write(events, "first");
    const fine = batch.write(events, "fails-with-it");
    const broken = batch.write(failing, "anything");
    await assert.rejects(broken, /broken/);
    await assert.rejects(fine, /broken/);
    assert.equal(await stored("fails-with-it"), 0);
    assert.equal(await stored("first"), 1);
  });

  test("a writer that loses a write's result fails its batch", async () => {
    const batch = new WriteBatch(db);
    const short = async (trx: QueueDb, clients: readonly string[]) => (await events(trx, clients)).slice(1);
    await assert.rejects(
      Promise.all([batch.write(short, "short-1"), batch.write(short, "short-2")]),
      /1 results for 2 writes/,
    );
    assert.equal(await stored("short-"), 0);
  });

  test("ungrouped (COMMENTS_GROUP_COMMIT=0), each write is its own transaction", async () => {
    const batch = new WriteBatch(db, false);
    batches.length = 0;
    await Promise.all(Array.from({ length: 10 }, (_, i) => batch.write(events, `apart-${i}`)));
    assert.equal(await stored("apart-"), 10);
    assert.deepEqual(
      batches,
      Array.from({ length: 10 }, () => 1),
    );
  });
});

describe("the SQLite driver's prepared statements", () => {
  test("a query run at every request stays prepared among many others run once", async () => {
    const sqlite = new SQLite(":memory:");
    let prepared = 0;
    const counting = new Proxy(sqlite, {
      get: (target, name) =>
        name === "prepare"
          ? (source: string) => (prepared++, target.prepare(source))
          : (Reflect.get(target, name) as unknown),
    });
    const db = new Kysely<{ t: { n: number } }>({ dialect: new QueueSqliteDialect(counting) });
    try {
      await sql`create table t (n integer)`.execute(db);
      const hot = () => db.selectFrom("t").select("n").where("n", "=", 1).execute();
      await hot();
      const before = prepared;
      // Lengths of multi-row inserts, as group commit makes them: more than are kept.
      for (let rows = 1; rows <= 300; rows++) {
        await db
          .insertInto("t")
          .values(Array.from({ length: rows }, (_, n) => ({ n })))
          .execute();
        await hot();
      }
      assert.equal(prepared - before, 300, "the hot query was prepared again");
    } finally {
      await db.destroy();
    }
  });
});

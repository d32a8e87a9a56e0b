// The intake server on PostgreSQL, through real sockets and a throw-away cluster
// (tests/helpers/postgres.ts): a representative part of intake.test.ts and
// moderation.test.ts run again there, then what must hold across two instances on one
// database: a token posted to both at once queues one comment, the rate limit and the
// login throttle count what both saw, a session opened on one works on the other, and two
// approvals of one comment at the same moment on both write one file and both say it is
// published. And `npm run comments:migrate`, from a SQLite file to an empty database.
// Skipped, saying why, where Debian's PostgreSQL binaries are missing.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parseHTML } from "linkedom";
import { sql } from "kysely";
import { LOGIN_FAILURES_ALLOWED } from "../../src/comment-server/routes/moderation-routes.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { EventCounter } from "../../src/comment-server/store/counters.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { SessionStore } from "../../src/comment-server/store/sessions.ts";
import {
  aReader,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type Fields,
  type TestServer,
} from "../helpers/comment-server.ts";
import { postgresSkip, startPostgres, type PostgresCluster } from "../helpers/postgres.ts";
import { assertEachTokenQueuesOnce } from "../helpers/queue-batches.ts";
import { runScript } from "../helpers/run-script.ts";
import { removeDir, temporaryProject } from "../helpers/site.ts";

const PASSWORD = "mot de passe de test, assez long";
/** The address both instances answer at, as a load balancer in front of them would. */
const PUBLIC_URL = "http://localhost:8081";
const PUBLIC_ORIGIN = new URL(PUBLIC_URL).origin;
const SEED_COMMENTS = join("content/posts", SEED_POST, "comments");

function documentOf(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

function textareaValue(page: string): string | undefined {
  const element = documentOf(page).querySelector('textarea[name="comment"]');
  return element?.textContent?.replace(/^\n/, "");
}

function statusLine(text: string): string {
  return (documentOf(text).querySelector('[role="status"]')?.textContent ?? "").replaceAll("\u00A0", " ");
}

function csrfOf(text: string): string {
  const value = documentOf(text).querySelector('input[name="csrf"]')?.getAttribute("value");
  assert.ok(value, "a CSRF token on the page");
  return value;
}

async function publish(server: TestServer, fields: Fields, headers?: Record<string, string>) {
  return postForm(`${server.url}/publier`, { ...fields, token: tokenMadeAgo(fields, 5_000) }, headers);
}

async function everything(db: QueueDb) {
  return new CommentQueue(db).list(["pending", "approved", "published", "rejected", "spam"]);
}

describe("on PostgreSQL", { skip: postgresSkip() }, () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster?.destroy());

  describe("a reader's comment (as in intake.test.ts)", () => {
    let server: TestServer;
    let db: QueueDb;
    before(async () => {
      const database = await cluster.createDatabase();
      server = await startTestServer({ database });
      db = await openQueueDatabase(database);
    });
    after(async () => {
      await db?.destroy();
      await server?.close();
    });

    test("published with a valid token: the thanks page, and the comment queued once however often it is sent", async () => {
      const fields: Fields = { ...aReader, comment: "Publié une seule fois, sur PostgreSQL." };
      const token = tokenMadeAgo(fields, 5_000);
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await postForm(`${server.url}/publier`, { ...fields, token });
        assert.equal(answer.status, 200);
        assert.match(answer.text, /en attente de modération/);
      }
      const mine = (await everything(db)).filter((comment) => comment.text === fields.comment);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]?.status, "pending");
      assert.equal(mine[0]?.email, fields.email);
      assert.ok(!server.log.some((line) => line.includes(fields.email ?? "-")), "the e-mail reached the log");
    });

    test("a forged token is refused with a new preview, the text kept, nothing queued", async () => {
      const fields = { ...aReader, comment: "Jeton forgé." };
      const answer = await postForm(`${server.url}/publier`, {
        ...fields,
        token: `${Date.now() - 10_000}.${"A".repeat(43)}`,
      });
      assert.equal(answer.status, 400);
      assert.match(answer.text, /a changé depuis son aperçu/);
      assert.equal(textareaValue(answer.text), fields.comment);
      assert.equal((await everything(db)).filter((comment) => comment.text === fields.comment).length, 0);
    });

    test("a text already queued on the post is queued marked as a duplicate", async () => {
      const headers = { origin: SITE_ORIGIN, "x-forwarded-for": "203.0.113.9" };
      assert.equal(
        (await publish(server, { ...aReader, comment: "Deux fois le même texte." }, headers)).status,
        200,
      );
      const again = { ...aReader, author: "Autre", comment: "deux fois  le même texte." };
      assert.equal((await publish(server, again, headers)).status, 200);
      const marks = (await everything(db)).find((comment) => comment.text === again.comment)?.marks;
      assert.deepEqual(marks, ["duplicate"]);
    });
  });

  /** Two instances of the server on one database, as behind a load balancer, and what a test does with them. */
  async function twoInstances(projects: readonly [string, string]) {
    const database = await cluster.createDatabase();
    const env = { COMMENTS_ADMIN_PASSWORD: PASSWORD, COMMENTS_URL: PUBLIC_URL };
    const servers = [
      await startTestServer({ project: projects[0], database, env }),
      await startTestServer({ project: projects[1], database, env }),
    ] as const;
    const db = await openQueueDatabase(database);
    const queue = new CommentQueue(db);
    let tokens = 0;

    const session = async (server: TestServer): Promise<string> => {
      const answer = await postForm(
        `${server.url}/moderation/connexion`,
        { password: PASSWORD },
        { origin: PUBLIC_ORIGIN },
      );
      assert.equal(answer.status, 303, answer.text);
      const cookie = answer.headers.getSetCookie().find((line) => line.startsWith("moderation="));
      assert.ok(cookie, "a session cookie");
      return cookie.split(";")[0] ?? "";
    };
    const page = async (server: TestServer, cookie: string, query = "") => {
      const response = await fetch(`${server.url}/moderation${query}`, { headers: { cookie } });
      return { status: response.status, text: await response.text() };
    };
    const approve = (server: TestServer, cookie: string, csrf: string, id: number) =>
      postForm(
        `${server.url}/moderation/decision`,
        new URLSearchParams({ csrf, action: "approuver", "id[]": String(id) }).toString(),
        { origin: PUBLIC_ORIGIN, cookie },
      );
    /** How many sessions of the database wait for an advisory lock right now. */
    const waitingForTheLock = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from pg_locks where locktype = 'advisory' and not granted`.execute(db);
      return Number(rows[0]?.n ?? 0);
    };

    return {
      servers,
      db,
      queue,
      session,
      page,
      approve,
      /** A comment in the queue, waiting. */
      async queued(text: string): Promise<number> {
        const comment: NewQueuedComment = {
          post: SEED_POST,
          author: "Camille",
          email: "camille@exemple.fr",
          text,
          submittedAt: new Date("2024-03-02T09:30:00Z"),
          marks: [],
          token: `jeton-instances-${++tokens}`,
        };
        return (await queue.add(comment)).id;
      },
      /**
       * Approves the comment on both instances at the same moment: the test holds the
       * publisher's lock until both wait for it, so that both approvals are under way
       * together whatever the machine's speed. Each instance's status line, after.
       */
      async approveOnBothAtOnce(id: number): Promise<string[]> {
        const moderators: Array<{ server: TestServer; cookie: string; csrf: string }> = [];
        for (const server of servers) {
          const cookie = await session(server);
          moderators.push({ server, cookie, csrf: csrfOf((await page(server, cookie)).text) });
        }
        let approvals: Promise<Awaited<ReturnType<typeof approve>>[]> = Promise.resolve([]);
        await queue.whilePublishing(async () => {
          approvals = Promise.all(moderators.map((m) => approve(m.server, m.cookie, m.csrf, id)));
          const deadline = Date.now() + 10_000;
          while ((await waitingForTheLock()) < moderators.length) {
            assert.ok(Date.now() < deadline, "the two approvals never both waited for the lock");
            await sleep(20);
          }
        });
        const answers = await approvals;
        const lines = [];
        for (const [n, answer] of answers.entries()) {
          assert.equal(answer.status, 303, answer.text);
          const moderator = moderators[n];
          assert.ok(moderator);
          const query = (answer.headers.get("location") ?? "").slice("/moderation".length);
          lines.push(statusLine((await page(moderator.server, moderator.cookie, query)).text));
        }
        return lines;
      },
      async close() {
        await db.destroy();
        for (const server of servers) await server.close();
      },
    };
  }

  /** The files of the post holding this text, in a project. */
  function copiesOf(project: string, text: string): string[] {
    const folder = join(project, SEED_COMMENTS);
    return readdirSync(folder).filter((name) => readFileSync(join(folder, name), "utf8").includes(text));
  }

  describe("two instances on one database and one project", () => {
    let project: string;
    let instances: Awaited<ReturnType<typeof twoInstances>>;
    before(async () => {
      project = temporaryProject("seed");
      instances = await twoInstances([project, project]);
    });
    after(async () => {
      await instances?.close();
      removeDir(project);
    });

    test("the same token posted to both at once queues one comment", async () => {
      const [a, b] = instances.servers;
      const fields: Fields = { ...aReader, comment: "Envoyé aux deux instances à la fois." };
      const token = tokenMadeAgo(fields, 5_000);
      const answers = await Promise.all(
        [a, b, a, b].map((server) => postForm(`${server.url}/publier`, { ...fields, token })),
      );
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 200, 200, 200],
      );
      const rows = (await everything(instances.db)).filter((comment) => comment.text === fields.comment);
      assert.equal(rows.length, 1);
    });

    test("the rate limit counts what both instances saw: the sixth publication, on either, gets a 429", async () => {
      const [a, b] = instances.servers;
      await instances.db.deleteFrom("rate_events").execute();
      for (let i = 1; i <= 5; i++)
        assert.equal(
          (await publish(i % 2 === 0 ? b : a, { ...aReader, comment: `Alterné ${i}.` })).status,
          200,
        );
      const sixth = { ...aReader, comment: "Le sixième, sur l’autre instance." };
      const refused = await publish(b, sixth);
      assert.equal(refused.status, 429);
      assert.equal(textareaValue(refused.text), sixth.comment);
    });

    test("failed logins are counted on both: after the failures allowed, spread over both, even the right password gets a 429", async () => {
      const [a, b] = instances.servers;
      await instances.db.deleteFrom("rate_events").execute();
      for (let attempt = 0; attempt < LOGIN_FAILURES_ALLOWED; attempt++) {
        const answer = await postForm(
          `${(attempt % 2 === 0 ? a : b).url}/moderation/connexion`,
          { password: `essai ${attempt}` },
          { origin: PUBLIC_ORIGIN },
        );
        assert.equal(answer.status, 401);
      }
      const blocked = await postForm(
        `${a.url}/moderation/connexion`,
        { password: PASSWORD },
        { origin: PUBLIC_ORIGIN },
      );
      assert.equal(blocked.status, 429);
      await instances.db.deleteFrom("rate_events").execute();
    });

    test("a session opened on one instance works on the other, its CSRF token included", async () => {
      const [a, b] = instances.servers;
      const id = await instances.queued("Décidé sur l’autre instance.");
      const cookie = await instances.session(a);
      const shown = await instances.page(b, cookie);
      assert.equal(shown.status, 200);
      assert.match(shown.text, /Décidé sur l’autre instance\./);
      const answer = await instances.approve(b, cookie, csrfOf((await instances.page(a, cookie)).text), id);
      assert.equal(answer.headers.get("location"), "/moderation?fait=approuve&ok=1&echecs=0&deja=0");
      const published = await instances.queue.get(id);
      assert.equal(published?.status, "published");
      const file = readFileSync(join(project, SEED_COMMENTS, `${published?.publishedId}.md`), "utf8");
      assert.match(file, /Décidé sur l’autre instance\./);
      assert.doesNotMatch(file, /@exemple\.fr/);
    });

    test("the same comment approved on both at the same moment: one file, both pages say it is published", async () => {
      const text = "Approuvé sur les deux instances à la fois.";
      const id = await instances.queued(text);
      assert.deepEqual(await instances.approveOnBothAtOnce(id), [
        "1 commentaire approuvé et publié.",
        "1 commentaire approuvé et publié.",
      ]);
      assert.equal(copiesOf(project, text).length, 1);
      assert.equal((await instances.queue.get(id))?.status, "published");
    });
  });

  describe("two instances on one database, one checkout each", () => {
    let projects: [string, string];
    let instances: Awaited<ReturnType<typeof twoInstances>>;
    before(async () => {
      projects = [temporaryProject("seed"), temporaryProject("seed")];
      instances = await twoInstances(projects);
    });
    after(async () => {
      await instances?.close();
      for (const project of projects ?? []) removeDir(project);
    });

    test("approved on both at once, the comment is written once, in one checkout: the second instance finds it published under the lock", async () => {
      const text = "Une seule copie, quelle que soit l’instance.";
      const id = await instances.queued(text);
      assert.deepEqual(await instances.approveOnBothAtOnce(id), [
        "1 commentaire approuvé et publié.",
        "1 commentaire approuvé et publié.",
      ]);
      const copies = projects.flatMap((project) => copiesOf(project, text));
      assert.equal(copies.length, 1, copies.join(", "));
      const published = await instances.queue.get(id);
      assert.equal(`${published?.publishedId}.md`, copies[0]);
    });
  });

  describe("group commit", () => {
    test("a token queues one comment, in one multi-row insert (a double click) or across batches; only it is counted", async () => {
      const db = await openQueueDatabase(await cluster.createDatabase());
      try {
        await assertEachTokenQueuesOnce(db);
      } finally {
        await db.destroy();
      }
    });
  });

  describe("npm run comments:migrate", () => {
    test("copies a SQLite queue to an empty database: ids kept, later ids past them, sessions and counts too; a second copy is refused", async () => {
      const project = temporaryProject("seed");
      try {
        const sqlite = await openQueueDatabase(join(project, "comments.db"));
        const queue = new CommentQueue(sqlite);
        const comment = (text: string, token: string): NewQueuedComment => ({
          post: SEED_POST,
          author: "Camille",
          email: "camille@exemple.fr",
          text,
          submittedAt: new Date("2024-03-02T09:30:00Z"),
          marks: ["links"],
          token,
        });
        const kept = (await queue.add(comment("Gardé.", "jeton-a"))).id;
        const approved = (
          await queue.add({ ...comment("Approuvé.", "jeton-b"), parent: "1", url: "https://exemple.fr/" })
        ).id;
        await queue.decide([approved], "approved");
        // The newest comment deleted (forgotten): its id is never given again, on PostgreSQL either.
        const forgotten = (await queue.add({ ...comment("Oublié.", "jeton-c"), email: "oubli@exemple.fr" }))
          .id;
        await queue.forget("oubli@exemple.fr");
        const { cookie } = await new SessionStore(sqlite).open();
        await new EventCounter(sqlite).record("client-a", "publish");
        await new EventCounter(sqlite).record("client-b", "preview");
        const before = await queue.list(["pending", "approved"]);
        await sqlite.destroy();

        const database = await cluster.createDatabase();
        const copy = runScript(project, "comments:migrate", ["--from", "comments.db", "--to", database]);
        assert.equal(copy.status, 0, copy.stderr);
        assert.match(copy.stdout, /comments\u00A0: 2 lignes/);
        assert.match(copy.stdout, /sessions\u00A0: 1 ligne$/m);
        assert.match(copy.stdout, /rate_events\u00A0: 2 lignes/);
        assert.doesNotMatch(copy.stdout + copy.stderr, /@exemple\.fr|postgres:\/\//);

        const postgres = await openQueueDatabase(database);
        try {
          const copied = new CommentQueue(postgres);
          assert.deepEqual(await copied.list(["pending", "approved"]), before);
          assert.deepEqual(
            before.map((row) => row.id),
            [kept, approved],
          );
          assert.ok(await new SessionStore(postgres).find(cookie), "the moderator's session was not copied");
          assert.equal(await new EventCounter(postgres).count("client-a", "publish", 0), 1);
          const next = (await copied.add(comment("Après la copie.", "jeton-d"))).id;
          assert.equal(next, forgotten + 1);
        } finally {
          await postgres.destroy();
        }

        const again = runScript(project, "comments:migrate", ["--from", "comments.db", "--to", database]);
        assert.equal(again.status, 1);
        assert.match(
          again.stderr,
          /^comments:migrate: --to: la base PostgreSQL n’est pas vide \(table comments\u00A0: 3 lignes\)/m,
        );
        const missing = runScript(project, "comments:migrate", ["--from", "absent.db", "--to", database]);
        assert.equal(missing.status, 1);
        assert.match(missing.stderr, /--from: absent\.db n’existe pas/);
      } finally {
        removeDir(project);
      }
    });
  });
});

// The README's "Several instances on PostgreSQL", run as it says: two instances on one
// throw-away PostgreSQL database, behind a real nginx whose configuration is the README's
// own block (only the instances' addresses and a loopback port put in). Readers are
// spread over both, a preview made on one is published on the other, the rate limit
// counts the reader's real address whatever X-Forwarded-For a client sends, a moderator's
// session goes through, and readers still publish when one instance is gone.
// Skipped, saying why, where PostgreSQL or nginx is missing (never under CI=true).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parseHTML } from "linkedom";
import { TOKEN_MIN_AGE_MS } from "../../src/comment-server/preview-token.ts";
import { RATE_LIMITS } from "../../src/comment-server/rate-limit.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import {
  aReader,
  moderateOnTheWeb,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type Fields,
  type TestServer,
} from "../helpers/comment-server.ts";
import { freePort } from "../helpers/http.ts";
import { nginxSkip, readmeNginxBlock, startNginx, type Nginx } from "../helpers/nginx.ts";
import { postgresSkip, startPostgres, type PostgresCluster } from "../helpers/postgres.ts";
import { removeDir, temporaryProject } from "../helpers/site.ts";

const PASSWORD = "mot de passe de test, assez long";

/**
 * The README's nginx block for several instances, as an operator copies it: the example
 * machines' addresses replaced by `instances`, and the server block ("… as above")
 * given the first block's body size limit and a loopback `port` instead of TLS.
 */
function readmeNginxConfig(instances: readonly string[], port: number): string {
  const single = readmeNginxBlock("server_name commentaires.");
  const several = readmeNginxBlock("upstream comments {");
  const bodyLimit = /^\s*client_max_body_size .*$/m.exec(single)?.[0];
  assert.ok(bodyLimit, "the first block limits the body size");

  let next = 0;
  const config = several
    .replace(/^(\s*server )\S+:8081;/gm, (_line, start: string) => `${start}${instances[next++]};`)
    .replace(
      /^(\s*)# … as above, with:$/m,
      (_line, indent: string) => `${indent}listen 127.0.0.1:${port};\n${bodyLimit}`,
    );
  assert.equal(next, instances.length, "one upstream server line per instance");
  assert.match(config, new RegExp(`listen 127\\.0\\.0\\.1:${port};`), 'the "as above" line');
  return config;
}

function documentOf(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

/** The paths each instance answered, from its log lines. */
function pathsServed(server: TestServer): string[] {
  return server.log
    .map((line) => JSON.parse(line) as { msg: string; req?: { method: string; path: string } })
    .filter((line) => line.msg === "request completed")
    .map((line) => `${line.req?.method} ${line.req?.path}`);
}

describe(
  "two instances on PostgreSQL behind nginx, configured as the README says",
  { skip: postgresSkip() || nginxSkip() },
  () => {
    let cluster: PostgresCluster;
    let project: string;
    const servers: TestServer[] = [];
    let nginx: Nginx;
    let db: QueueDb;
    let publicUrl: string;
    let texts = 0;

    before(async () => {
      cluster = await startPostgres();
      const database = await cluster.createDatabase();
      project = temporaryProject("seed");
      const port = await freePort();
      publicUrl = `http://127.0.0.1:${port}`;
      const env = {
        COMMENTS_ADMIN_PASSWORD: PASSWORD,
        COMMENTS_URL: publicUrl,
        // nginx connects from here, as the README's note says.
        COMMENTS_TRUST_PROXY: "127.0.0.1",
      };
      for (let n = 0; n < 2; n++) servers.push(await startTestServer({ project, database, env }));
      nginx = await startNginx(
        readmeNginxConfig(
          servers.map((server) => new URL(server.url).host),
          port,
        ),
        port,
      );
      db = await openQueueDatabase(database);
    });
    // Every request comes from nginx's address: each test starts with no publication counted.
    beforeEach(() => db.deleteFrom("rate_events").execute());
    after(async () => {
      await nginx?.stop();
      await db?.destroy();
      for (const server of servers) await server.close();
      await cluster?.destroy();
      if (project) removeDir(project);
    });

    /** A reader's fields with a text of their own (the duplicate rule sees distinct readers). */
    function aComment(what: string): Fields {
      return { ...aReader, comment: `${what} (n° ${++texts}).` };
    }

    async function queuedWith(text: string) {
      return (await new CommentQueue(db).list(["pending"])).filter((comment) => comment.text === text);
    }

    test("spreads the readers over both, and a preview made on one is published by the other", async () => {
      const fields = aComment("Passé par nginx, de l’aperçu à la publication");
      const preview = await postForm(`${publicUrl}/apercu`, fields);
      assert.equal(preview.status, 200, preview.text);
      const token = documentOf(preview.text).querySelector('input[name="token"]')?.getAttribute("value");
      assert.ok(token, "the preview's token");
      await sleep(TOKEN_MIN_AGE_MS + 200);
      const thanks = await postForm(`${publicUrl}/publier`, { ...fields, token });
      assert.equal(thanks.status, 200, thanks.text);
      assert.match(thanks.text, /en attente de modération/);
      assert.equal((await queuedWith(fields.comment ?? "")).length, 1);

      // nginx's round robin: the preview on one instance, the publication on the other.
      const served = servers.map(pathsServed);
      assert.ok(
        served.some((paths) => paths.includes("POST /apercu")) &&
          served.some((paths) => paths.includes("POST /publier")),
      );
      assert.ok(
        !served.some((paths) => paths.includes("POST /apercu") && paths.includes("POST /publier")),
        `each instance did one of the two: ${JSON.stringify(served)}`,
      );
      assert.equal((await fetch(`${publicUrl}/healthz`)).status, 200);
    });

    test("the rate limit counts the reader's address as nginx saw it, whatever X-Forwarded-For the client sends", async () => {
      const statuses = [];
      for (let n = 0; n <= RATE_LIMITS.publish; n++) {
        const fields = aComment("Un robot qui change d’adresse à chaque envoi");
        const answer = await postForm(
          `${publicUrl}/publier`,
          { ...fields, token: tokenMadeAgo(fields, 5_000) },
          { origin: SITE_ORIGIN, "x-forwarded-for": `203.0.113.${n + 1}` },
        );
        statuses.push(answer.status);
      }
      assert.deepEqual(statuses, [...Array<number>(RATE_LIMITS.publish).fill(200), 429]);

      // Straight to an instance (nginx's own address, trusted), the forged header would
      // have been believed: it is nginx's `proxy_set_header X-Forwarded-For $remote_addr`
      // that keeps it out.
      const direct = servers[0];
      assert.ok(direct);
      const fields = aComment("Le même robot, sans passer par nginx");
      const answer = await postForm(
        `${direct.url}/publier`,
        { ...fields, token: tokenMadeAgo(fields, 5_000) },
        { origin: SITE_ORIGIN, "x-forwarded-for": "203.0.113.99" },
      );
      assert.equal(answer.status, 200);
    });

    test("a moderator logs in, sees the queue and approves through nginx, whichever instance answers each click", async () => {
      const fields = aComment("Approuvé à travers nginx");
      const thanks = await postForm(`${publicUrl}/publier`, {
        ...fields,
        token: tokenMadeAgo(fields, 5_000),
      });
      assert.equal(thanks.status, 200, thanks.text);
      const [queued] = await queuedWith(fields.comment ?? "");
      assert.ok(queued);

      // Each of its requests (login, page, decision) goes to the next instance in turn.
      const page = await moderateOnTheWeb(publicUrl, PASSWORD, queued.id, "approuver");
      assert.ok(page.includes(fields.comment ?? ""), "the comment waiting on the moderation page");

      const folder = join(project, "content/posts", SEED_POST, "comments");
      const files = () =>
        readdirSync(folder).filter((name) =>
          readFileSync(join(folder, name), "utf8").includes(fields.comment ?? ""),
        );
      for (let waited = 0; files().length === 0; waited += 50) {
        assert.ok(waited < 10_000, "the approved comment's file is written");
        await sleep(50);
      }
      assert.equal(files().length, 1);
    });

    test("with one instance gone, nginx sends the readers to the other and nothing is lost", async () => {
      const gone = servers.pop();
      await gone?.close();
      for (let n = 0; n < 4; n++) {
        const fields = aComment("Envoyé pendant qu’une instance est arrêtée");
        const thanks = await postForm(`${publicUrl}/publier`, {
          ...fields,
          token: tokenMadeAgo(fields, 5_000),
        });
        assert.equal(thanks.status, 200, `${thanks.status}: ${nginx.errors()}`);
        assert.equal((await queuedWith(fields.comment ?? "")).length, 1);
      }
    });
  },
);

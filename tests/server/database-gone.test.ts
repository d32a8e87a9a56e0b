// Fault: PostgreSQL stopped while readers submit, then started again. Readers get a French
// 503 page that still holds the text they typed, never a stack trace; /healthz says 503
// while the database is away and 200 once it is back; the server recovers on its own,
// without a restart; every comment that got the thanks page is queued exactly once, none
// that got an error page is. Skipped, saying why, where Debian's PostgreSQL binaries are missing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parseHTML } from "linkedom";
import { account, type Submission } from "../helpers/comment-server-process.ts";
import {
  aReader,
  postForm,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type TestServer,
} from "../helpers/comment-server.ts";
import { postgresSkip, startPostgres, type PostgresCluster } from "../helpers/postgres.ts";

const READERS = 6;

interface Answer {
  text: string;
  status: number;
  page: string;
}

async function health(server: TestServer): Promise<number> {
  return (await fetch(`${server.url}/healthz`)).status;
}

/** The comment's text as the answer's form holds it (a browser decodes the references). */
function typedText(page: string): string | undefined {
  const document = parseHTML(page).document as unknown as Document;
  const raw = document.querySelector('textarea[name="comment"]')?.innerHTML;
  return raw?.replace(/^\n/, "").replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

describe("fault: the database gone", { skip: postgresSkip() }, () => {
  let cluster: PostgresCluster;
  let server: TestServer;
  before(async () => {
    cluster = await startPostgres();
    server = await startTestServer({
      database: await cluster.createDatabase(),
      env: { COMMENTS_TRUST_PROXY: "127.0.0.1", COMMENTS_ADMIN_PASSWORD: "mot de passe de test, assez long" },
    });
  });
  after(async () => {
    await server?.close();
    await cluster?.destroy();
  });

  test(
    "PostgreSQL stopped while readers submit: a French 503 with their text, /healthz 503; back on its own once it returns",
    { timeout: 120_000 },
    async () => {
      assert.equal(await health(server), 200);
      const answers: Answer[] = [];
      let next = 0;
      let stop = false;
      // Readers publishing one comment after another, each from its own address (through
      // the trusted proxy) with its own text.
      const load = Promise.all(
        Array.from({ length: READERS }, async () => {
          while (!stop) {
            const n = next++;
            const text = `Écrit pendant la panne ? Numéro ${n}, « gardé » & rendu.`;
            const fields = { ...aReader, comment: text };
            const answer = await postForm(
              `${server.url}/publier`,
              { ...fields, token: tokenMadeAgo(fields, 5_000) },
              { origin: SITE_ORIGIN, "x-forwarded-for": `10.1.${(n >> 8) & 255}.${n & 255}` },
            );
            answers.push({ text, status: answer.status, page: answer.text });
            await sleep(10);
          }
        }),
      );
      const accepted = (from = 0) => answers.slice(from).filter((answer) => answer.status === 200).length;

      try {
        // Stopped once readers are being thanked, while they keep sending.
        const accepting = Date.now() + 20_000;
        while (accepted() < READERS) {
          assert.ok(Date.now() < accepting, "no comment accepted within 20 s");
          await sleep(20);
        }
        await cluster.stop();
        await sleep(1_000);
        assert.equal(await health(server), 503, "/healthz while the database is stopped");
        const login = await postForm(
          `${server.url}/moderation/connexion`,
          { password: "un essai" },
          { origin: server.url },
        );
        assert.equal(login.status, 503, "a moderator's login while the database is stopped");
        assert.match(login.text, /momentanément indisponible/);
        assert.doesNotMatch(login.text, /un essai/);
        await cluster.start();
        const startedAt = answers.length;
        // Back without a restart: the next readers are thanked again.
        const deadline = Date.now() + 20_000;
        while (accepted(startedAt) < READERS) {
          assert.ok(Date.now() < deadline, "the server did not recover within 20 s of the database's return");
          await sleep(50);
        }
      } finally {
        stop = true;
        await load;
      }
      assert.equal(await health(server), 200, "/healthz once the database is back");

      const unavailable = answers.filter((answer) => answer.status === 503);
      assert.ok(unavailable.length > 0, "no reader met the stopped database");
      for (const answer of answers) {
        assert.ok(answer.status === 200 || answer.status === 503, `status ${answer.status}: ${answer.page}`);
        assert.match(answer.page, /<html lang="fr">/);
        assert.doesNotMatch(answer.page, /at .*\.ts:\d+|Error:|ECONNREFUSED|57P01/);
      }
      for (const answer of unavailable) {
        assert.match(answer.page, /momentanément indisponible/);
        assert.equal(typedText(answer.page), answer.text, "the reader's text is not in the 503 page's form");
      }

      const submissions: Submission[] = answers.map((answer) => ({
        text: answer.text,
        outcome: answer.status === 200 ? "accepted" : "refused",
      }));
      const books = await account(server.databasePath, submissions);
      assert.equal(books.lost, 0, JSON.stringify(books));
      assert.equal(books.duplicated, 0, JSON.stringify(books));
      assert.equal(books.refusedButQueued, 0, JSON.stringify(books));
      assert.ok(
        server.log.some((line) => line.includes("database unavailable")),
        "the log does not say the database was unavailable",
      );
    },
  );
});

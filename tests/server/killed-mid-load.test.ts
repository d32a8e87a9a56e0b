// Fault: the intake server killed with SIGKILL while readers submit, then restarted on
// the same SQLite file. Every submission that got the thanks page is in the queue exactly
// once; none that got an HTTP error is; a connection cut before any answer counts either way.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { account, serverProcess, submitUntil } from "../helpers/comment-server-process.ts";
import { freePort } from "../helpers/http.ts";
import { removeDir, temporaryDir, temporaryProject } from "../helpers/site.ts";
import { TEST_SECRET } from "../helpers/comment-server.ts";

test(
  "killed mid-load and restarted: nothing accepted is lost, nothing is queued twice",
  { timeout: 120_000 },
  async () => {
    const project = temporaryProject("seed");
    const dataDir = temporaryDir("killed");
    const databasePath = join(dataDir, "comments.db");
    const server = await serverProcess(
      project,
      {
        COMMENTS_SECRET: TEST_SECRET,
        COMMENTS_DATABASE: databasePath,
        COMMENTS_TRUST_PROXY: "127.0.0.1",
        SITE_URL: "https://www.nouslesgeeks.fr/",
      },
      await freePort(),
    );
    try {
      let stop = false;
      const load = submitUntil(
        () => server.url,
        10,
        () => stop,
      );
      await sleep(1_500);
      await server.kill();
      await sleep(300);
      await server.start();
      await sleep(1_500);
      stop = true;
      const submissions = await load;
      await server.stop();
      const books = await account(databasePath, submissions);
      assert.ok(books.accepted > 20, `too few accepted to mean anything: ${JSON.stringify(books)}`);
      assert.ok(books.cut > 0, `the kill cut no request: ${JSON.stringify(books)}`);
      assert.equal(books.lost, 0, JSON.stringify(books));
      assert.equal(books.duplicated, 0, JSON.stringify(books));
      assert.equal(books.refusedButQueued, 0, JSON.stringify(books));
    } finally {
      await server.stop();
      removeDir(dataDir);
      removeDir(project);
    }
  },
);

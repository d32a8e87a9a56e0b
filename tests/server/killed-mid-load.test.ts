// Fault: the intake server killed with SIGKILL while readers submit, then restarted on
// the same SQLite file. Every submission that got the thanks page is in the queue exactly
// once; none that got an HTTP error is; a connection cut before any answer counts either way.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { killedMidLoad } from "../helpers/comment-server-process.ts";
import { removeDir, temporaryDir, temporaryProject } from "../helpers/site.ts";

test(
  "killed mid-load and restarted: nothing accepted is lost, nothing is queued twice",
  { timeout: 120_000 },
  async () => {
    const project = temporaryProject("seed");
    const dataDir = temporaryDir("killed");
    const databasePath = join(dataDir, "comments.db");
    try {
      const books = await killedMidLoad(project, databasePath, 10);
      assert.ok(books.accepted > 20, `too few accepted to mean anything: ${JSON.stringify(books)}`);
      assert.ok(books.cut > 0, `the kill cut no request: ${JSON.stringify(books)}`);
      assert.equal(books.lost, 0, JSON.stringify(books));
      assert.equal(books.duplicated, 0, JSON.stringify(books));
      assert.equal(books.refusedButQueued, 0, JSON.stringify(books));
    } finally {
      removeDir(dataDir);
      removeDir(project);
    }
  },
);

// COMMENTS_REBUILD=1 (src/comment-server/publishing/site-rebuild.ts, site-swap.ts), with a
// stand-in for the build that writes one page: approvals debounced into one build, a build
// asked for during another run after it, the new site swapped in as a whole by renaming a
// link over `_site`, a failed build leaving the site in place. A real build of a small
// project: tests/build/comment-publishing.test.ts.
import assert from "node:assert/strict";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { createPublisher, type ApprovedComment } from "../../src/comment-server/publishing/index.ts";
import { postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const POST = "un-article";

// Writes index.html (the number of comment files) into --output, after BUILD_DELAY_MS;
// fails when the project holds "build-fails"; notes its start and end in builds.log.
const STAND_IN_BUILD = `
import { appendFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
const output = process.argv.find((arg) => arg.startsWith("--output=")).slice("--output=".length);
appendFileSync("builds.log", "start\\n");
await new Promise((resolve) => setTimeout(resolve, Number(process.env.BUILD_DELAY_MS ?? 0)));
if (existsSync("build-fails")) {
  console.error("content/posts/un-article/comments/9.md:2: date: not a date (écrit par x@example.org)");
  process.exit(1);
}
const comments = readdirSync("content/posts/${POST}/comments").length;
writeFileSync(output + "/index.html", comments + " commentaires");
appendFileSync("builds.log", "end\\n");
`;

function project(): string {
  const root = temporaryDir("publishing-rebuild");
  writeFiles(root, {
    [`content/posts/${POST}/index.md`]: postFile("Un article"),
    "build.mjs": STAND_IN_BUILD,
  });
  return root;
}

function approved(n: number): ApprovedComment {
  return {
    post: POST,
    author: `Lecteur ${n}`,
    text: `Avis n° ${n}`,
    submittedAt: new Date(Date.UTC(2024, 6, 1, n)),
  };
}

function builds(root: string): string[] {
  return readFileSync(join(root, "builds.log"), "utf8").trim().split("\n");
}

function served(root: string): string {
  return readFileSync(join(root, "_site/index.html"), "utf8");
}

function publisherOf(root: string, logs: string[], debounceMs = 50) {
  return createPublisher({
    projectRoot: root,
    rebuild: { debounceMs, command: [process.execPath, "build.mjs"] },
    log: (line) => logs.push(line),
  });
}

function withProject(test: (root: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const root = project();
    try {
      await test(root);
    } finally {
      removeDir(root);
    }
  };
}

describe("COMMENTS_REBUILD=1", () => {
  it(
    "builds once after several approvals, into _site.builds/, and makes _site a link to it",
    withProject(async (root) => {
      const logs: string[] = [];
      const publisher = publisherOf(root, logs);
      await Promise.all([1, 2, 3].map((n) => publisher.publish(approved(n))));
      await publisher.idle();
      assert.deepEqual(builds(root), ["start", "end"]);
      assert.ok(lstatSync(join(root, "_site")).isSymbolicLink());
      const [build] = readdirSync(join(root, "_site.builds"));
      assert.equal(readlinkSync(join(root, "_site")), `_site.builds/${build}`, "a relative link");
      assert.equal(served(root), "3 commentaires");
      assert.ok(logs.includes(`site rebuilt: _site/ now shows _site.builds/${build}/`), logs.join("\n"));
      await publisher.close();
    }),
  );

  it(
    "a build asked for while one runs runs once more after it, and the build before the served one is kept",
    withProject(async (root) => {
      process.env.BUILD_DELAY_MS = "300";
      try {
        const publisher = publisherOf(root, []);
        await publisher.publish(approved(1));
        while (!existsSync(join(root, "builds.log"))) await sleep(10);
        await publisher.publish(approved(2));
        await publisher.publish(approved(3));
        await publisher.idle();
        assert.deepEqual(builds(root), ["start", "end", "start", "end"]);
        assert.equal(served(root), "3 commentaires");
        assert.equal(
          readdirSync(join(root, "_site.builds")).length,
          2,
          "the served build and the one before",
        );
        await publisher.publish(approved(4));
        await publisher.idle();
        const kept = readdirSync(join(root, "_site.builds"));
        assert.equal(kept.length, 2, "the oldest is deleted");
        await publisher.close();
      } finally {
        delete process.env.BUILD_DELAY_MS;
      }
    }),
  );

  it(
    "a failed build leaves the site in place and is logged, without an e-mail address; its folder is deleted",
    withProject(async (root) => {
      const logs: string[] = [];
      const publisher = publisherOf(root, logs);
      await publisher.publish(approved(1));
      await publisher.idle();
      const link = readlinkSync(join(root, "_site"));
      writeFileSync(join(root, "build-fails"), "");
      await publisher.publish(approved(2));
      await publisher.idle();
      assert.equal(readlinkSync(join(root, "_site")), link);
      assert.equal(served(root), "1 commentaires");
      assert.deepEqual(readdirSync(join(root, "_site.builds")), [link.replace("_site.builds/", "")]);
      const failure = logs.find((line) => line.startsWith("site rebuild failed"));
      assert.equal(
        failure,
        "site rebuild failed (exit status 1: content/posts/un-article/comments/9.md:2: date: not a date (écrit par [adresse])); _site/ still shows the previous build",
      );
      for (const line of logs) assert.doesNotMatch(line, /@/);
      await publisher.close();
    }),
  );

  it(
    "the first swap over a plain _site folder (npm run build's) moves it aside, kept until the next swap",
    withProject(async (root) => {
      mkdirSync(join(root, "_site"));
      writeFileSync(join(root, "_site/index.html"), "ancien site");
      const publisher = publisherOf(root, []);
      await publisher.publish(approved(1));
      await publisher.idle();
      assert.equal(served(root), "1 commentaires");
      const folders = readdirSync(join(root, "_site.builds"));
      const before = folders.find((name) => name.endsWith(".before"));
      assert.ok(before, folders.join(", "));
      assert.equal(readFileSync(join(root, "_site.builds", before, "index.html"), "utf8"), "ancien site");
      await publisher.publish(approved(2));
      await publisher.idle();
      assert.equal(
        readdirSync(join(root, "_site.builds")).some((name) => name.endsWith(".before")),
        false,
      );
      await publisher.close();
    }),
  );

  it(
    "close starts a build still waiting for its timer, and resolves once it is done",
    withProject(async (root) => {
      const publisher = publisherOf(root, [], 60_000);
      await publisher.publish(approved(1));
      await publisher.close();
      assert.deepEqual(builds(root), ["start", "end"]);
      assert.equal(served(root), "1 commentaires");
    }),
  );
});

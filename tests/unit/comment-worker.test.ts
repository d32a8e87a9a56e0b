// The comment worker of `npm run build`: validates every comment before anything is
// rendered, then renders each post on request, writes its feed, and gives the page the
// same parts the dev server's in-process path gives (src/comments/render-outputs.ts).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { after, describe, it } from "node:test";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { postCommentFeed, postFactsOf, postPageParts } from "../../src/comments/render-outputs.ts";
import { loadPost } from "../../src/content/posts.ts";
import { useCommentWorker, WORKER_MIN_POSTS } from "../../src/comments/worker/use-comment-worker.ts";
import { CommentWorker, CommentWorkerError } from "../../src/comments/worker/comment-worker-client.ts";
import { BuildComments } from "../../src/comments/build-comments.ts";
import { startCommentWorkerEarly, takeEarlyCommentWorker } from "../../src/comments/worker/early-start.js";
import { commentFile, postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const site = {
  homeUrl: "https://exemple.fr/blog/",
  title: "Site",
  language: "fr",
  author: { name: "Camille" },
  commentMaxDepth: 5,
};

describe("the comment worker", () => {
  const root = temporaryDir("worker");
  const output = join(root, "_site");
  const worker = new CommentWorker(root);
  after(async () => {
    await worker.finish();
    removeDir(root);
  });
  writeFiles(root, {
    "content/posts/a/index.md": postFile("Billet a"),
    "content/posts/a/comments/1.md": commentFile(
      { author: "Léa", date: "2024-03-02T10:00:00+01:00" },
      "Bonjour <script>alert(1)</script> https://exemple.org",
    ),
    "content/posts/a/comments/2.md": commentFile({
      author: "Tom",
      date: "2024-03-02T11:00:00+01:00",
      parent: '"1"',
    }),
    "content/posts/b/index.md": postFile("Billet b"),
    "content/posts/b/comments/1.md": commentFile({ author: "Zoé", date: "2024-03-03T10:00:00+01:00" }),
    "content/posts/c/index.md": postFile("Billet c", "draft: true\n"),
    "content/posts/c/comments/1.md": commentFile({ author: "Zoé", date: "hier" }),
    "content/posts/c/comments/note.txt": "pas un commentaire",
    "other/posts/d/index.md": postFile("Billet d"),
    "other/posts/d/comments/1.md": commentFile({ author: "Inès", date: "2024-03-04T10:00:00+01:00" }),
  });
  const dir = (slug: string) => join(root, "content/posts", slug);

  it("reports every problem of every post, with the comments of each post", async () => {
    worker.validate(join(root, "content"));
    const { posts, problems } = await worker.validated();
    assert.deepEqual(
      problems.map((p) => `${p.file}: ${p.field}`),
      ["content/posts/c/comments/1.md: date", "content/posts/c/comments/note.txt: file name"],
    );
    assert.deepEqual(
      posts.map((p) => [p.dir, p.comments.map((c) => c.id)]),
      [
        [dir("a"), ["1", "2"]],
        [dir("b"), ["1"]],
        [dir("c"), []],
      ],
    );
  });

  it("renders what a page asks for, as the in-process path does, and writes its feed", async () => {
    worker.render(site, output, "build");
    const b = await worker.take(dir("b"));
    const a = await worker.take(dir("a"));
    assert.deepEqual(a.section.renderedIds, ["1", "2"]);
    assert.equal(b.section.count, 1);
    const loaded = loadPost(dir("a"), root).post;
    assert.ok(loaded);
    const facts = postFactsOf(loaded);
    const comments = new CommentReader(root).load(dir("a")).comments;
    const expected = {
      ...postPageParts(facts, comments, site),
      feed: postCommentFeed(facts, comments, site),
    };
    assert.deepEqual(a.section, expected.section);
    assert.equal(a.jsonLd, expected.jsonLd);
    assert.doesNotMatch(a.section.html, /<script>/);
    assert.equal(readFileSync(join(output, "a/commentaires.xml"), "utf8"), expected.feed);
    assert.ok(existsSync(join(output, "b/commentaires.xml")));
    assert.equal(existsSync(join(output, "c/commentaires.xml")), false, "a draft is not shown by a build");
  });

  it("answers for the folder asked last when asked for another before answering", async () => {
    const other = new CommentWorker(root);
    try {
      other.validate(join(root, "content"));
      other.validate(join(root, "other"));
      assert.deepEqual(
        (await other.validated()).posts.map((p) => p.dir),
        [join(root, "other/posts/d")],
      );
    } finally {
      await other.finish();
    }
  });

  it("refuses a post it was not asked to render", async () => {
    await assert.rejects(worker.take(dir("c")), CommentWorkerError);
  });
});

describe("useCommentWorker", () => {
  it("is for one-off builds of large sites, unless COMMENTS_WORKER says otherwise", () => {
    assert.equal(
      useCommentWorker("build", () => WORKER_MIN_POSTS, {}),
      true,
    );
    assert.equal(
      useCommentWorker("build", () => WORKER_MIN_POSTS - 1, {}),
      false,
    );
    assert.equal(
      useCommentWorker("serve", () => 10_000, {}),
      false,
      "the dev server keeps its in-process cache",
    );
    assert.equal(
      useCommentWorker("build", () => 1, { COMMENTS_WORKER: "always" }),
      true,
    );
    assert.equal(
      useCommentWorker("build", () => 10_000, { COMMENTS_WORKER: "never" }),
      false,
    );
    assert.equal(
      useCommentWorker("watch", () => 1, { COMMENTS_WORKER: "always" }),
      false,
    );
    assert.equal(
      useCommentWorker("serve", () => assert.fail("the dev server must not list the posts for this"), {}),
      false,
    );
  });
});

describe("a comment worker that fails", () => {
  const root = temporaryDir("failing-worker");
  after(() => removeDir(root));
  writeFiles(root, { "content/posts/a/index.md": "---\n---\n" });
  /** A CommentWorker running `source` as its thread instead of the real one. */
  const workerRunning = (source: string, options?: { silenceLimitMs: number }) => {
    const module = join(root, `worker-${Math.random().toString(36).slice(2)}.mjs`);
    writeFiles(root, { [relative(root, module)]: source });
    const before = process.env.COMMENT_WORKER_MODULE;
    process.env.COMMENT_WORKER_MODULE = pathToFileURL(module).href;
    try {
      return new CommentWorker(root, options);
    } finally {
      if (before === undefined) delete process.env.COMMENT_WORKER_MODULE;
      else process.env.COMMENT_WORKER_MODULE = before;
    }
  };

  it("rejects what the build waits for at once, with the worker's own error, when the thread throws", async () => {
    const worker = workerRunning(
      'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { throw new Error("le disque a disparu"); });\n',
    );
    const started = performance.now();
    worker.validate(join(root, "content"));
    await assert.rejects(
      worker.validated(),
      (error: Error) => error instanceof CommentWorkerError && /le disque a disparu/.test(error.message),
    );
    assert.ok(
      performance.now() - started < 1000,
      `failed after ${Math.round(performance.now() - started)} ms`,
    );
    await assert.rejects(worker.validated(), /le disque a disparu/, "and everything asked after");
    await worker.finish();
  });

  it("rejects at once when the thread exits, or fails to load", async () => {
    for (const source of ["process.exit(3);\n", 'import "un-paquet-qui-n-existe-pas";\n']) {
      const worker = workerRunning(source);
      worker.validate(join(root, "content"));
      await assert.rejects(
        worker.validated(),
        (error: Error) =>
          error instanceof CommentWorkerError && /exit code 3|un-paquet-qui-n-existe-pas/.test(error.message),
        source,
      );
      await worker.finish();
    }
  });

  it("rejects at once when a thread started early stopped before the build took it over", async () => {
    const started = new Worker("process.exit(4);", { eval: true });
    await new Promise((resolve) => started.once("exit", resolve));
    const worker = new CommentWorker(root, { started });
    worker.validate(join(root, "content"));
    await assert.rejects(worker.validated(), /stopped before the build took it over/);
    await worker.finish();
  });

  it("stops a thread that sends nothing for the silence limit, saying so", async () => {
    const worker = workerRunning(
      'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { for (;;); });\n',
      { silenceLimitMs: 300 },
    );
    worker.validate(join(root, "content"));
    await assert.rejects(worker.validated(), /sent nothing for 0.3 s: stopped/);
    await worker.finish();
  });
});

describe("a post page asked for twice in one build", () => {
  const root = temporaryDir("twice");
  after(() => removeDir(root));
  writeFiles(root, {
    "content/posts/a/index.md":
      '---\ntitle: Billet a\ndate: 2024-03-01T10:00:00+01:00\nauthor: Camille\ndescription: "Résumé."\n---\nTexte.\n',
    "content/posts/a/comments/1.md": commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00" }),
    "content/posts/a/comments/2.md": commentFile({
      author: "Tom",
      date: "2024-03-02T11:00:00+01:00",
      parent: '"1"',
    }),
  });
  for (const mode of ["never", "always"]) {
    it(`gets the same comments again, counted once by the render ledger (COMMENTS_WORKER=${mode})`, async () => {
      const before = process.env.COMMENTS_WORKER;
      process.env.COMMENTS_WORKER = mode;
      try {
        const comments = new BuildComments(root);
        await comments.beginBuild({
          contentDir: join(root, "content"),
          outputDir: join(root, `_site-${mode}`),
          runMode: "build",
          writesFiles: true,
          site,
        });
        await comments.ensureValid();
        const [first, atOnce] = await Promise.all([
          comments.postPage(join(root, "content/posts/a")),
          comments.postPage(join(root, "content/posts/a")),
        ]);
        const second = await comments.postPage(join(root, "content/posts/a"));
        assert.deepEqual(atOnce, first, "asked twice at once");
        assert.deepEqual(second, first, "asked again once the first was answered");
        assert.deepEqual(first.renderedIds, ["1", "2"]);
        await comments.endBuild();
      } finally {
        if (before === undefined) delete process.env.COMMENTS_WORKER;
        else process.env.COMMENTS_WORKER = before;
      }
    });
  }
});

describe("the comment worker started early (scripts/eleventy.js)", () => {
  const root = temporaryDir("early");
  after(() => removeDir(root));
  writeFiles(root, {
    "content/posts/a/index.md": postFile("Billet a"),
    "content/posts/a/comments/1.md": commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00" }),
  });
  const workerUrl = new URL("../../src/comments/worker/comment-worker-entry.js", import.meta.url).href;
  const start = (env: NodeJS.ProcessEnv) =>
    startCommentWorkerEarly({ workerUrl, contentDir: join(root, "content"), projectRoot: root, env });

  it("starts nothing for a small site, nor when told not to", () => {
    for (const env of [
      {},
      { BUILD_EARLY_WORKER: "0", COMMENTS_WORKER: "always" },
      { COMMENTS_WORKER: "never" },
    ]) {
      start(env);
      assert.equal(takeEarlyCommentWorker(), undefined, JSON.stringify(env));
    }
  });

  it("is taken over once by the build's comments, which get its validation", async () => {
    start({ COMMENTS_WORKER: "always" });
    const before = process.env.COMMENTS_WORKER;
    process.env.COMMENTS_WORKER = "always";
    try {
      const comments = new BuildComments(root);
      comments.prepare("build", join(root, "content"));
      assert.equal(takeEarlyCommentWorker(), undefined, "taken");
      await comments.beginBuild({
        contentDir: join(root, "content"),
        outputDir: join(root, "_site"),
        runMode: "build",
        writesFiles: false,
        site,
      });
      await comments.ensureValid();
      assert.deepEqual((await comments.postPage(join(root, "content/posts/a"))).renderedIds, ["1"]);
      await comments.endBuild();
    } finally {
      if (before === undefined) delete process.env.COMMENTS_WORKER;
      else process.env.COMMENTS_WORKER = before;
    }
  });

  it("is left by the dev server, and taken and stopped by a build that does not want it", () => {
    start({ COMMENTS_WORKER: "always" });
    new BuildComments(root).prepare("serve", join(root, "content"));
    const left = takeEarlyCommentWorker();
    assert.ok(left, "the dev server leaves it");
    void left.terminate();
    start({ COMMENTS_WORKER: "always" });
    // A build of this one post, COMMENTS_WORKER unset, wants no worker.
    const before = process.env.COMMENTS_WORKER;
    delete process.env.COMMENTS_WORKER;
    try {
      new BuildComments(root).prepare("build", join(root, "content"));
      assert.equal(takeEarlyCommentWorker(), undefined, "the build took it (and stopped it)");
    } finally {
      if (before !== undefined) process.env.COMMENTS_WORKER = before;
    }
  });
});

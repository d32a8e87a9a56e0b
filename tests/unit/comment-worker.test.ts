// The comment worker of `npm run build`: validates every comment before anything is
// rendered, then renders each post on request, writes its feed, and gives the page the
// same parts the dev server's in-process path gives (src/comments/post-comment-outputs.ts).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it, mock } from "node:test";
import { DateTime } from "luxon";
import { CommentStore } from "../../src/comments/comment-store.ts";
import { postCommentFeed, postPageParts } from "../../src/comments/post-comment-outputs.ts";
import { useCommentWorker, WORKER_MIN_POSTS } from "../../src/comments/worker/use-comment-worker.ts";
import { CommentWorker, CommentWorkerError } from "../../src/comments/worker/comment-worker-client.ts";
import { startCommentWorkerEarly, takeEarlyCommentWorker } from "../../src/comments/worker/early-start.ts";
import { SiteComments } from "../../src/comments/site-comments.ts";
import { commentFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const site = { homeUrl: "https://exemple.fr/blog/", title: "Site", language: "fr", author: { name: "Camille" }, commentMaxDepth: 5 };
const post = (slug: string) => ({ slug, title: `Billet ${slug}`, description: "Résumé.", author: "Camille", date: "2024-03-01T10:00:00+01:00" });

describe("the comment worker", () => {
  const root = temporaryDir("worker");
  const output = join(root, "_site");
  const worker = new CommentWorker(root);
  after(async () => {
    await worker.finish();
    removeDir(root);
  });
  writeFiles(root, {
    "content/posts/a/index.md": "---\n---\n",
    "content/posts/a/comments/1.md": commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00" }, "Bonjour <script>alert(1)</script> https://exemple.org"),
    "content/posts/a/comments/2.md": commentFile({ author: "Tom", date: "2024-03-02T11:00:00+01:00", parent: '"1"' }),
    "content/posts/b/index.md": "---\n---\n",
    "content/posts/b/comments/1.md": commentFile({ author: "Zoé", date: "2024-03-03T10:00:00+01:00" }),
    "content/posts/c/index.md": "---\n---\n",
    "content/posts/c/comments/1.md": commentFile({ author: "Zoé", date: "hier" }),
    "content/posts/c/comments/note.txt": "pas un commentaire",
    "other/posts/d/index.md": "---\n---\n",
    "other/posts/d/comments/1.md": commentFile({ author: "Inès", date: "2024-03-04T10:00:00+01:00" }),
  });
  const dir = (slug: string) => join(root, "content/posts", slug);

  it("reports every problem of every post, with the comments of each post", () => {
    worker.validate(join(root, "content"));
    const { posts, problems } = worker.validated();
    assert.deepEqual(
      problems.map((p) => `${p.file}: ${p.field}`),
      ["content/posts/c/comments/1.md: date", "content/posts/c/comments/note.txt: file name"],
    );
    assert.deepEqual(posts.map((p) => [p.dir, p.comments.map((c) => c.id)]), [[dir("a"), ["1", "2"]], [dir("b"), ["1"]], [dir("c"), []]]);
  });

  it("renders what a page asks for, as the in-process path does, and writes its feed", () => {
    worker.render(site, output, [{ ...post("a"), dir: dir("a") }, { ...post("b"), dir: dir("b") }]);
    const b = worker.take(dir("b"));
    const a = worker.take(dir("a"));
    assert.deepEqual(a.section.renderedIds, ["1", "2"]);
    assert.equal(b.section.count, 1);
    const facts = { ...post("a"), date: DateTime.fromISO(post("a").date, { setZone: true }) };
    const comments = new CommentStore(root).load(dir("a")).comments;
    const expected = { ...postPageParts(facts, comments, site), feed: postCommentFeed(facts, comments, site) };
    assert.deepEqual(a.section, expected.section);
    assert.equal(a.jsonLd, expected.jsonLd);
    assert.doesNotMatch(a.section.html, /<script>/);
    assert.equal(readFileSync(join(output, "a/commentaires.xml"), "utf8"), expected.feed);
    assert.ok(existsSync(join(output, "b/commentaires.xml")));
  });

  it("answers for the folder asked last when asked for another before answering", () => {
    const other = new CommentWorker(root);
    try {
      other.validate(join(root, "content"));
      other.validate(join(root, "other"));
      assert.deepEqual(other.validated().posts.map((p) => p.dir), [join(root, "other/posts/d")]);
    } finally {
      void other.finish();
    }
  });

  it("refuses a post it was not asked to render, or one taken twice", () => {
    assert.throws(() => worker.take(dir("c")), CommentWorkerError);
    assert.throws(() => worker.take(dir("a")), /already taken/);
  });
});

describe("useCommentWorker", () => {
  it("is for one-off builds of large sites, unless COMMENTS_WORKER says otherwise", () => {
    assert.equal(useCommentWorker("build", () => WORKER_MIN_POSTS, {}), true);
    assert.equal(useCommentWorker("build", () => WORKER_MIN_POSTS - 1, {}), false);
    assert.equal(useCommentWorker("serve", () => 10_000, {}), false, "the dev server keeps its in-process cache");
    assert.equal(useCommentWorker("build", () => 1, { COMMENTS_WORKER: "always" }), true);
    assert.equal(useCommentWorker("build", () => 10_000, { COMMENTS_WORKER: "never" }), false);
    assert.equal(useCommentWorker("watch", () => 1, { COMMENTS_WORKER: "always" }), false);
    assert.equal(useCommentWorker("serve", () => assert.fail("the dev server must not list the posts for this"), {}), false);
  });
});

describe("the comment worker's early start (scripts/eleventy.js)", () => {
  const root = temporaryDir("early");
  after(() => removeDir(root));
  writeFiles(root, {
    "content/posts/a/index.md": "---\n---\n",
    "content/posts/a/comments/1.md": commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00" }),
  });
  const withWorkerChoice = <T>(choice: string | undefined, run: () => T): T => {
    const before = process.env.COMMENTS_WORKER;
    if (choice === undefined) delete process.env.COMMENTS_WORKER;
    else process.env.COMMENTS_WORKER = choice;
    try {
      return run();
    } finally {
      if (before === undefined) delete process.env.COMMENTS_WORKER;
      else process.env.COMMENTS_WORKER = before;
    }
  };

  it("starts nothing for a small site, and does not tune V8 for it", () => {
    const beforeStart = mock.fn();
    assert.equal(withWorkerChoice(undefined, () => startCommentWorkerEarly(join(root, "content"), { projectRoot: root, beforeStart })), false);
    assert.equal(takeEarlyCommentWorker(), undefined);
    assert.equal(beforeStart.mock.callCount(), 0);
  });

  it("hands the started worker, validating the folder, to whoever takes it first", async () => {
    const beforeStart = mock.fn(() => assert.equal(takeEarlyCommentWorker(), undefined, "nothing started yet"));
    assert.equal(withWorkerChoice("always", () => startCommentWorkerEarly(join(root, "content"), { projectRoot: root, beforeStart })), true);
    assert.equal(beforeStart.mock.callCount(), 1);
    const early = takeEarlyCommentWorker();
    assert.ok(early);
    assert.equal(takeEarlyCommentWorker(), undefined, "taken once");
    assert.equal(early.contentDir, join(root, "content"));
    assert.deepEqual(early.worker.validated().posts.map((p) => [p.dir, p.comments.map((c) => c.id)]), [[join(root, "content/posts/a"), ["1"]]]);
    await early.worker.finish();
  });

  it("is taken by the site's comments of a one-off build, not by the dev server's", async () => {
    withWorkerChoice("always", () => startCommentWorkerEarly(join(root, "content"), { projectRoot: root }));
    withWorkerChoice("always", () => new SiteComments(root).prepare("serve", join(root, "content")));
    const left = takeEarlyCommentWorker();
    assert.ok(left, "the dev server leaves it");
    await left.worker.finish();
    withWorkerChoice("always", () => startCommentWorkerEarly(join(root, "content"), { projectRoot: root }));
    withWorkerChoice("never", () => new SiteComments(root).prepare("build", join(root, "content")));
    assert.equal(takeEarlyCommentWorker(), undefined, "the build took it, whatever it would have chosen itself");
  });
});

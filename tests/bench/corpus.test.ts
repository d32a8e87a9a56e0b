// The benchmark's corpus generator: deterministic, and valid by the project's own
// content check (so the benchmark measures builds that succeed, not error paths).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { corpusFiles, isComment, writeCorpus } from "../../bench/corpus.ts";
import { eleventyNodeOptions, projectBuild } from "../../bench/project-site.ts";
import { repositoryRoot } from "../helpers/site.ts";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { checkContent } from "../../src/content/check-content.ts";

function depthOf(id: string, parents: ReadonlyMap<string, string | undefined>): number {
  const parent = parents.get(id);
  return parent === undefined ? 1 : 1 + depthOf(parent, parents);
}

describe("the benchmark corpus", () => {
  it("is the same on every run, and post n does not depend on the corpus size", () => {
    const first = [...corpusFiles({ posts: 3 })];
    assert.deepEqual([...corpusFiles({ posts: 3 })], first);
    assert.deepEqual([...corpusFiles({ posts: 5 })].slice(0, first.length), first);
    assert.equal(first.filter(isComment).length, 30);
  });

  for (const commentsPerPost of [10, 5]) {
    it(`passes the project's content check with ${commentsPerPost} comments a post: posts, comments and reply graphs`, () => {
      const projectDir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
      try {
        const written = writeCorpus(projectDir, { posts: 4, commentsPerPost });
        assert.deepEqual(written, { posts: 4, comments: 4 * commentsPerPost });
        const report = checkContent(join(projectDir, "content"), new CommentReader(projectDir), projectDir);
        assert.deepEqual(report.problems, []);
        assert.equal(report.posts.length, 4);
        assert.equal(report.commentCount, 4 * commentsPerPost);
      } finally {
        rmSync(projectDir, { recursive: true, force: true });
      }
    });
  }

  it("threads comments several levels deep, in French with links and guillemets", () => {
    const files = [...corpusFiles({ posts: 20 })];
    let deepest = 0;
    for (const post of files.filter((file) => !isComment(file))) {
      const dir = post.path.replace(/index\.md$/, "comments/");
      const parents = new Map(
        files
          .filter((file) => file.path.startsWith(dir))
          .map(
            (file) => [file.path.slice(dir.length, -3), /^parent: "(\d+)"$/m.exec(file.text)?.[1]] as const,
          ),
      );
      for (const id of parents.keys()) deepest = Math.max(deepest, depthOf(id, parents));
    }
    assert.ok(deepest >= 5, `deepest reply at level ${deepest}`);
    const text = files.map((file) => file.text).join("\n");
    for (const expected of ["«", "»", "é", "](https://", "’"]) assert.ok(text.includes(expected), expected);
  });
});

describe("the benchmark's project build", () => {
  it("runs Node with the options of package.json's eleventy script, as npm run build does", () => {
    const packageJson = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const options = eleventyNodeOptions(repositoryRoot);
    assert.equal(
      `node ${[...options, "scripts/eleventy.js"].join(" ")}`,
      packageJson.scripts.eleventy?.split(" --config")[0],
    );
    const command = projectBuild(repositoryRoot, "/tmp/sortie");
    assert.deepEqual(command.args.slice(0, options.length + 2), [
      ...options,
      "scripts/eleventy.js",
      "--config=.eleventy.ts",
    ]);
  });
});

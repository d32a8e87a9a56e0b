// A one-off build of a large site renders comments in a worker thread, a small one in
// process (src/comments/build-comments.ts). Both ways must build the same site, byte for
// byte: the seed (with the comment form and its "Répondre" links), a post full of hostile
// comments, posts with withdrawn comments or closed to comments, and pages and mentions.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { hostileProject } from "../fixtures/hostile-project.ts";
import { pagesContent } from "../fixtures/pages-project.ts";
import {
  buildSite,
  builtFiles,
  commentFile,
  postFile,
  removeDir,
  temporaryProject,
  writeFiles,
} from "../helpers/site.ts";

function assertSameSite(a: string, b: string): void {
  const files = builtFiles(a);
  assert.deepEqual(builtFiles(b), files);
  assert.ok(
    files.some((file) => file.endsWith("commentaires.xml")),
    "comment feeds are written",
  );
  for (const file of files)
    assert.equal(readFileSync(join(b, file), "utf8"), readFileSync(join(a, file), "utf8"), file);
}

const COMMENTS_URL = "https://commentaires.exemple.fr";
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

/**
 * In process, then in the worker started early by the launcher, then in one the
 * configuration starts. `env`: for all three (COMMENTS_URL).
 */
function buildBothWays(project: string, env: NodeJS.ProcessEnv = {}): [string, string] {
  dirs.push(project);
  const ways = [
    { COMMENTS_WORKER: "never" },
    { COMMENTS_WORKER: "always" },
    { COMMENTS_WORKER: "always", BUILD_EARLY_WORKER: "0" },
  ];
  const [inProcess, inWorker, inLateWorker] = ways.map((way) => {
    const result = buildSite({ projectDir: project, env: { COMMENTS_URL: "", ...env, ...way } });
    dirs.push(result.outputDir);
    assert.equal(result.status, 0, result.stderr);
    return result.outputDir;
  });
  assertSameSite(inWorker as string, inLateWorker as string);
  return [inProcess as string, inWorker as string];
}

describe("the comment worker and the in-process path", () => {
  it("build the seed site the same, with its form and 'Répondre' links", () => {
    const [inProcess, inWorker] = buildBothWays(temporaryProject("seed"), { COMMENTS_URL: COMMENTS_URL });
    assertSameSite(inProcess, inWorker);
    const page = readFileSync(join(inWorker, "le-smo-le-nouveau-community-management/index.html"), "utf8");
    assert.equal(page.match(/class="comment-reply-link"/g)?.length, 11);
    assert.match(page, /<form [^>]*action="https:\/\/commentaires\.exemple\.fr\/apercu"/);
  });
  it("build withdrawn comments and a post closed to comments the same", () => {
    const comment = (fields: Record<string, string>, body?: string) =>
      commentFile({ date: "2024-03-02T10:00:00+01:00", ...fields }, body);
    const [inProcess, inWorker] = buildBothWays(
      temporaryProject({
        "content/posts/un-article/index.md": postFile("Un article"),
        "content/posts/un-article/comments/1.md": comment({ author: "Léa" }),
        "content/posts/un-article/comments/2.md": comment({ parent: "1", withdrawn: "true" }, ""),
        "content/posts/un-article/comments/3.md": comment({ author: "Tom", parent: "2" }),
        "content/posts/ferme/index.md": postFile("Fermé", "comments: closed\n"),
        "content/posts/ferme/comments/1.md": comment({ author: "Zoé", withdrawn: "true" }, "Retiré."),
        "content/posts/ferme/comments/2.md": comment({ author: "Inès", parent: "1" }),
      }),
      { COMMENTS_URL: COMMENTS_URL },
    );
    assertSameSite(inProcess, inWorker);
    const open = readFileSync(join(inWorker, "un-article/index.html"), "utf8");
    assert.equal(open.match(/class="comment-reply-link"/g)?.length, 2);
    assert.match(open, /Commentaire retiré/);
    const closed = readFileSync(join(inWorker, "ferme/index.html"), "utf8");
    assert.doesNotMatch(closed, /comment-reply-link|<form|Zoé|Retiré\./);
    assert.match(closed, /Les commentaires sont fermés\./);
    // Withdrawn comments are not counted: 2 of 3, 1 of 2.
    const home = readFileSync(join(inWorker, "index.html"), "utf8");
    assert.match(home, /href="\/un-article\/#comments">2 réflexions</);
    assert.match(home, /href="\/ferme\/#comments">Une réflexion</);
  });
  it("build pages (nested, with comments) and mentions the same", () => {
    const [inProcess, inWorker] = buildBothWays(temporaryProject(pagesContent()), { COMMENTS_URL });
    assertSameSite(inProcess, inWorker);
    const page = readFileSync(join(inWorker, "a-propos/equipe/index.html"), "utf8");
    assert.match(page, /<li id="comment-2" [\s\S]*<li id="mention-3" /);
    assert.ok(builtFiles(inWorker).includes("a-propos/equipe/commentaires.xml"));
  });
  it("build a post of hostile comments the same", () =>
    assertSameSite(...buildBothWays(hostileProject().project)));
  it("leave out a draft and its comments the same, and give a post without comments its empty feed", () => {
    const [inProcess, inWorker] = buildBothWays(
      temporaryProject({
        "content/posts/un-article/index.md": postFile("Un article"),
        "content/posts/un-brouillon/index.md": postFile("Un brouillon", "draft: true\n"),
        "content/posts/un-brouillon/comments/1.md": commentFile({
          author: "Léa",
          date: "2024-03-02T10:00:00+01:00",
        }),
      }),
    );
    assertSameSite(inProcess, inWorker);
    assert.deepEqual(
      builtFiles(inWorker).filter((file) => file.startsWith("un-")),
      ["un-article/commentaires.xml", "un-article/index.html"],
    );
  });
  it("stop a build that Eleventy stops (a template error) instead of hanging, either way", () => {
    const project = temporaryProject("seed");
    dirs.push(project);
    writeFiles(project, { "content/cassee.njk": "{{ 1 | filtreinconnu }}" });
    for (const mode of ["never", "always"]) {
      const result = buildSite({ projectDir: project, env: { COMMENTS_WORKER: mode }, timeoutMs: 60_000 });
      dirs.push(result.outputDir);
      assert.equal(
        result.status,
        1,
        `COMMENTS_WORKER=${mode}: status ${result.status} (null: still running after 60 s)`,
      );
      assert.match(result.stderr, /cassee\.njk[\s\S]*filter not found: filtreinconnu/, mode);
    }
  });
  it("fail a build within a second of the worker's death, with its own error", () => {
    const project = temporaryProject("seed");
    dirs.push(project);
    writeFiles(project, {
      "src/comments/worker/comment-worker.ts":
        'import { parentPort } from "node:worker_threads";\nparentPort?.on("message", () => {\n  throw new Error("le disque a disparu");\n});\n',
    });
    const started = performance.now();
    const result = buildSite({ projectDir: project, env: { COMMENTS_WORKER: "always" }, timeoutMs: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    dirs.push(result.outputDir);
    assert.equal(result.status, 1, `status ${result.status} (null: still running after 60 s)`);
    assert.match(result.stderr, /the comment worker failed: Error: le disque a disparu/);
    // The whole build, bundling and start-up included, in the time it takes to start.
    assert.ok(seconds < 15, `the build took ${seconds.toFixed(1)} s to fail`);
  });
});

describe("a build that writes no pages", () => {
  for (const mode of ["never", "always"]) {
    for (const args of [["--dryrun"], ["--to=json"]]) {
      it(`writes no comment feed either (${args.join(" ")}, COMMENTS_WORKER=${mode})`, () => {
        const project = temporaryProject("seed");
        dirs.push(project);
        const result = buildSite({ projectDir: project, args, env: { COMMENTS_WORKER: mode } });
        dirs.push(result.outputDir);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(builtFiles(result.outputDir), []);
      });
    }
  }
});

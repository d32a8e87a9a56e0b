// The authoring commands in a temporary copy of the project, then the build: a new post
// is hidden while it is a draft and published once it is not; new comments and replies
// appear nested where they belong; every refusal writes nothing and says why in one line.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runScript, type ScriptResult } from "../helpers/run-script.ts";
import { buildSite, readPage, removeDir, temporaryProject } from "../helpers/site.ts";

const SEED = "le-smo-le-nouveau-community-management";
const COMMENTS = join("content/posts", SEED, "comments");

/** Every file under the project's content/, to check that a refusal left nothing behind. */
function contentFiles(project: string): string[] {
  return readdirSync(join(project, "content"), { recursive: true, encoding: "utf8" }).sort();
}

function assertRefused(result: ScriptResult, command: string, pattern: RegExp): void {
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.equal(result.stdout, "");
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? "", new RegExp(`^${command}: `));
  assert.match(lines[0] ?? "", pattern);
}

describe("npm run new:post", () => {
  let project: string;
  before(() => (project = temporaryProject("seed")));
  after(() => removeDir(project));

  it("creates a draft that the build leaves out, then publishes it once draft: true is gone", () => {
    const created = runScript(project, "new:post", ["L'été à Noël : où aller ?"]);
    assert.equal(created.status, 0, created.stderr);
    assert.equal(created.stdout, "content/posts/l-ete-a-noel-ou-aller/index.md\n");
    const file = join(project, "content/posts/l-ete-a-noel-ou-aller/index.md");
    assert.match(
      readFileSync(file, "utf8"),
      /^---\ntitle: "L'été à Noël : où aller \?"\ndate: "\d{4}-\d\d-\d\dT\d\d:\d\d\+0[12]:00"\nauthor: "David Schuster"\ndescription: ""\ndraft: true\n---\n/,
    );

    // A draft can already take comments (e.g. from a proofreader).
    const comment = runScript(
      project,
      "new:comment",
      ["l-ete-a-noel-ou-aller", "--author", "Relectrice"],
      "Relu, c’est prêt.",
    );
    assert.equal(comment.stdout, "content/posts/l-ete-a-noel-ou-aller/comments/1.md\n", comment.stderr);

    const hidden = buildSite({ projectDir: project });
    try {
      assert.equal(hidden.status, 0, hidden.stderr);
      assert.deepEqual(
        readdirSync(hidden.outputDir).filter((name) => name.startsWith("l-ete")),
        [],
      );
      for (const file of ["index.html", "feed.xml", "sitemap.xml"])
        assert.doesNotMatch(
          readFileSync(join(hidden.outputDir, file), "utf8"),
          /l-ete-a-noel-ou-aller/,
          file,
        );
    } finally {
      removeDir(hidden.outputDir);
    }

    // Published without its summary: refused, naming the file, the line and the field.
    writeFileSync(file, readFileSync(file, "utf8").replace("draft: true\n", ""));
    const unsummarised = buildSite({ projectDir: project });
    try {
      assert.notEqual(unsummarised.status, 0);
      assert.match(
        unsummarised.stderr,
        /^content\/posts\/l-ete-a-noel-ou-aller\/index\.md:5: description: must not be empty once the post is published/m,
      );
    } finally {
      removeDir(unsummarised.outputDir);
    }

    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        'description: ""',
        'description: "Où partir au soleil quand il neige chez nous."',
      ),
    );
    const published = buildSite({ projectDir: project });
    try {
      assert.equal(published.status, 0, published.stderr);
      assert.equal(
        readPage(published.outputDir, "/l-ete-a-noel-ou-aller/").querySelector("h1")?.textContent,
        "L’été à Noël\u00A0: où aller\u202F?",
      );
      assert.equal(
        readPage(published.outputDir, "/l-ete-a-noel-ou-aller/").querySelector(".draft-notice"),
        null,
      );
      assert.equal(
        readPage(published.outputDir, "/l-ete-a-noel-ou-aller/")
          .querySelector('meta[name="description"]')
          ?.getAttribute("content"),
        "Où partir au soleil quand il neige chez nous.",
      );
      assert.match(
        readPage(published.outputDir, "/l-ete-a-noel-ou-aller/").querySelector("#comment-1")?.textContent ??
          "",
        /Relu, c’est prêt\./,
      );
      const home = readPage(published.outputDir, "/");
      assert.ok(home.querySelector('a[href="/l-ete-a-noel-ou-aller/"]'));
      assert.equal(home.querySelector(".draft-marker"), null);
      for (const file of ["feed.xml", "sitemap.xml"])
        assert.match(
          readFileSync(join(published.outputDir, file), "utf8"),
          /https:\/\/www\.nouslesgeeks\.fr\/l-ete-a-noel-ou-aller\//,
          file,
        );
    } finally {
      removeDir(published.outputDir);
    }
  });

  it("refuses to overwrite an existing post, and leaves it as it was", () => {
    const before = contentFiles(project);
    const seedPost = readFileSync(join(project, "content/posts", SEED, "index.md"), "utf8");
    const result = runScript(project, "new:post", ["Le SMO, le nouveau Community Management ?"]);
    assertRefused(
      result,
      "new:post",
      /content\/posts\/le-smo-le-nouveau-community-management\/index\.md: already exists/,
    );
    assert.equal(readFileSync(join(project, "content/posts", SEED, "index.md"), "utf8"), seedPost);
    assert.deepEqual(contentFiles(project), before);
  });

  it("refuses a title without letters, one whose address another page has and a missing title, writing nothing", () => {
    const before = contentFiles(project);
    assertRefused(
      runScript(project, "new:post", ["???"]),
      "new:post",
      /title: "\?\?\?" has no letter or digit/,
    );
    assertRefused(
      runScript(project, "new:post", ["Assets"]),
      "new:post",
      /title: "Assets" would put the post at \/assets\/, already the address of the stylesheet/,
    );
    assertRefused(runScript(project, "new:post", []), "new:post", /title: missing/);
    assert.deepEqual(contentFiles(project), before);
  });
});

describe("npm run new:comment", () => {
  let project: string;
  before(() => (project = temporaryProject("seed")));
  after(() => removeDir(project));

  it("adds a comment and a reply to it, nested where they belong", () => {
    const author = `Jean "JD" : l'ami #1`;
    const comment = runScript(
      project,
      "new:comment",
      [SEED, "--author", author, "--url", "https://example.org/jd"],
      "Un *nouvel* avis : oui.\n",
    );
    assert.equal(comment.status, 0, comment.stderr);
    assert.equal(comment.stdout, `${COMMENTS}/12.md\n`);
    const reply = runScript(
      project,
      "new:comment",
      [SEED, "--author", "David Schuster", "--reply-to", "12"],
      "Merci Jean !",
    );
    assert.equal(reply.status, 0, reply.stderr);
    assert.equal(reply.stdout, `${COMMENTS}/13.md\n`);
    const deepReply = runScript(
      project,
      "new:comment",
      [SEED, "--author", "Hélène", "--reply-to", "6"],
      "Je réponds au 6.",
    );
    assert.equal(deepReply.stdout, `${COMMENTS}/14.md\n`, deepReply.stderr);

    const build = buildSite({ projectDir: project });
    try {
      assert.equal(build.status, 0, build.stderr);
      const page = readPage(build.outputDir, `/${SEED}/`);
      const twelve = page.querySelector("#comment-12");
      assert.ok(twelve, "comment 12 is on the page");
      assert.equal(twelve.parentElement?.parentElement?.id, "comments", "comment 12 is a top-level comment");
      assert.match(twelve.textContent ?? "", /Jean "JD" : l'ami #1/);
      assert.ok(twelve.querySelector('a[href="https://example.org/jd"]'), "the author's web site is linked");
      assert.equal(twelve.querySelector("em")?.textContent, "nouvel");
      assert.equal(
        page.querySelector("#comment-13")?.parentElement?.parentElement?.id,
        "comment-12",
        "13 answers 12",
      );
      assert.equal(
        page.querySelector("#comment-14")?.parentElement?.parentElement?.id,
        "comment-6",
        "14 answers 6",
      );
      assert.equal(page.querySelectorAll("li[id^='comment-']").length, 14);
    } finally {
      removeDir(build.outputDir);
    }
  });

  it("refuses bad input with one line naming the argument, and writes nothing", () => {
    const before = contentFiles(project);
    const refusals: [string[], string, RegExp][] = [
      [["pas-de-post", "--author", "A"], "x", /^new:comment: post-slug: no post "pas-de-post"/],
      [["../..", "--author", "A"], "x", /^new:comment: post-slug: no post/],
      [[SEED, "--author", "A", "--reply-to", "99"], "x", /^new:comment: --reply-to: no comment "99"/],
      [[SEED, "--author", "A", "--url", "javascript:alert(1)"], "x", /^new:comment: --url: /],
      [[SEED, "--author", "  "], "x", /^new:comment: --author: must not be empty/],
      [[SEED], "x", /^new:comment: --author: missing/],
      [[SEED, "--autor", "A"], "x", /^new:comment: --autor: unknown option/],
      [
        [SEED, "--author", "A"],
        " \n\n",
        /^new:comment: comment text \(standard input\): the comment has no text/,
      ],
    ];
    for (const [args, input, pattern] of refusals)
      assertRefused(runScript(project, "new:comment", args, input), "new:comment", pattern);
    assert.deepEqual(contentFiles(project), before);
  });
});

// Authoring mistakes: each broken file is refused with one line naming the file, the
// field and what is expected; all problems are listed together; the build exits non-zero
// without a stack trace; nothing is written for a refused build.
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runScript } from "../helpers/run-script.ts";
import { buildSite, commentFile, postFile, removeDir, temporaryProject } from "../helpers/site.ts";

const POST = "content/posts/un-article";
const C = `${POST}/comments`;
const okComment = (extra: Record<string, string> = {}) =>
  commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00", ...extra });

/** Each case: files on top of one valid post, and the line expected from the checker. */
const cases: Array<{ name: string; files: Record<string, string>; expected: RegExp }> = [
  {
    name: "missing author",
    files: { [`${C}/1.md`]: commentFile({ date: "2024-03-02T10:00:00+01:00" }) },
    expected: /^content\/posts\/un-article\/comments\/1\.md: author: required/m,
  },
  {
    name: "date that does not exist",
    files: { [`${C}/1.md`]: okComment({ date: "2011-02-31T10:00:00+01:00" }) },
    expected:
      /^content\/posts\/un-article\/comments\/1\.md:3: date: "2011-02-31T10:00:00\+01:00" is not valid: expected an ISO 8601 date-time/m,
  },
  {
    name: "date without offset",
    files: { [`${C}/1.md`]: okComment({ date: "2024-03-02T10:00:00" }) },
    expected: /comments\/1\.md:3: date: .*with its offset/m,
  },
  {
    name: "javascript: url",
    files: { [`${C}/1.md`]: okComment({ url: "javascript:alert(1)" }) },
    expected: /comments\/1\.md:4: url: "javascript:alert\(1\)" is not valid: expected a web address/m,
  },
  {
    name: "unknown field",
    files: { [`${C}/1.md`]: okComment({ autor: "Léa" }) },
    expected: /comments\/1\.md:4: autor: unknown field \(allowed: author, date, parent, url, withdrawn\)/m,
  },
  {
    name: "withdrawn that is not true or false",
    files: { [`${C}/1.md`]: okComment({ withdrawn: "oui" }) },
    expected: /comments\/1\.md:4: withdrawn: expected true or false/m,
  },
  {
    name: "withdrawn comment without its date",
    files: { [`${C}/1.md`]: commentFile({ withdrawn: "true" }, "") },
    expected: /^content\/posts\/un-article\/comments\/1\.md: date: required/m,
  },
  {
    name: "post whose comments are neither open nor closed",
    files: { [`${POST}/index.md`]: postFile("Un article", "comments: fermés\n") },
    expected: /^content\/posts\/un-article\/index\.md:6: comments: expected open or closed/m,
  },
  {
    name: "broken YAML",
    files: { [`${C}/1.md`]: "---\nauthor: Léa\ndate: [2024\n---\nTexte\n" },
    expected: /comments\/1\.md:\d+: front matter: invalid YAML/m,
  },
  {
    name: "no front matter",
    files: { [`${C}/1.md`]: "Juste du texte\n" },
    expected: /comments\/1\.md:1: front matter: missing front matter/m,
  },
  {
    name: "empty body",
    files: { [`${C}/1.md`]: "---\nauthor: Léa\ndate: 2024-03-02T10:00:00+01:00\n---\n\n" },
    expected: /comments\/1\.md: body: the comment has no text/m,
  },
  {
    name: "unknown parent",
    files: { [`${C}/1.md`]: okComment({ parent: '"7"' }) },
    expected: /^content\/posts\/un-article\/comments\/1\.md:4: parent: no comment "7" in this post/m,
  },
  {
    name: "answers itself",
    files: { [`${C}/1.md`]: okComment({ parent: "1" }) },
    expected: /comments\/1\.md:4: parent: a comment cannot answer itself/m,
  },
  {
    name: "cycle",
    files: { [`${C}/1.md`]: okComment({ parent: "2" }), [`${C}/2.md`]: okComment({ parent: "1" }) },
    expected: /comments\/1\.md:4: parent: replies form a cycle: 1 → 2 → 1/m,
  },
  {
    name: "id used twice",
    files: { [`${C}/1.md`]: okComment(), [`${C}/1.MD`]: okComment() },
    expected: /comments\/1\.md: file name: the id "1" \(the file name without \.md\) is already used by/m,
  },
  {
    name: "unusable file name",
    files: { [`${C}/a b.md`]: okComment() },
    expected: /comments\/a b\.md: file name: "a b" must use only letters, digits, - and _/m,
  },
  {
    name: "not a Markdown file",
    files: { [`${C}/1.txt`]: okComment() },
    expected: /comments\/1\.txt: file name: not a comment: comment files end in \.md/m,
  },
  {
    name: "post without title",
    files: {
      [`${POST}/index.md`]:
        "---\ndate: 2024-03-01T10:00:00+01:00\nauthor: Camille\ndescription: x\n---\nTexte\n",
    },
    expected: /^content\/posts\/un-article\/index\.md: title: required/m,
  },
  {
    name: "post folder named otherwise than an address",
    files: { "content/posts/Mon Billet/index.md": postFile("Mon Billet") },
    expected: /^content\/posts\/Mon Billet: folder: .*; rename it to content\/posts\/mon-billet$/m,
  },
  {
    name: "post folder with another page's address",
    files: { "content/posts/page/index.md": postFile("Page") },
    expected:
      /^content\/posts\/page: folder: "page" cannot be a post's address: \/page\/ is already that of /m,
  },
  {
    name: "post with a bad date",
    files: {
      [`${POST}/index.md`]: postFile("Un article").replace(
        "2024-03-01T10:00:00+01:00",
        "2024-13-01T10:00:00+01:00",
      ),
    },
    expected: /index\.md:3: date: "2024-13-01T10:00:00\+01:00" is not valid/m,
  },
  {
    name: "post with a tag that is not text",
    files: { [`${POST}/index.md`]: postFile("Un article", "tags: [seo, 2010]\n") },
    expected:
      /index\.md:6: tags\.1: expected a list of tags, e\.g\. \[seo, réseaux sociaux\] \(each tag is text\)/m,
  },
  {
    name: "post folder without index.md",
    files: { "content/posts/orphelin/comments/1.md": okComment() },
    expected: /^content\/posts\/orphelin: index\.md: missing/m,
  },
];

const projects: string[] = [];
after(() => projects.forEach(removeDir));

function projectWith(files: Record<string, string>): string {
  const project = temporaryProject({ [`${POST}/index.md`]: postFile("Un article"), ...files });
  projects.push(project);
  return project;
}

function checkContent(project: string) {
  return runScript(project, "check:content", []);
}

describe("npm run check:content refuses each authoring mistake with one clear line", () => {
  for (const { name, files, expected } of cases) {
    it(name, () => {
      const result = checkContent(projectWith(files));
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, expected);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    });
  }
  it("only warns about a reply dated before its parent", () => {
    const result = checkContent(
      projectWith({
        [`${C}/1.md`]: okComment(),
        [`${C}/2.md`]: okComment({ parent: "1", date: "2024-03-01T09:00:00+01:00" }),
      }),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      /^content\/posts\/un-article\/comments\/2\.md:3: date: this reply is dated before the comment it answers .*\(warning\)$/m,
    );
    assert.match(result.stdout, /^1 post, 2 comments checked: 0 errors, 1 warning$/m);
  });
});

describe("npm run check:content checks old addresses (aliases) across the site, as the build does", () => {
  it("refuses an alias that is another post's address, in the build's line, and exits non-zero", () => {
    const result = checkContent(
      projectWith({ "content/posts/autre/index.md": postFile("Autre", 'aliases:\n  - "/un-article/"\n') }),
    );
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stderr,
      /^content\/posts\/autre\/index\.md: aliases: "\/un-article\/" is the address of content\/posts\/un-article\/index\.md: remove it from one of them$/m,
    );
    assert.match(result.stderr, /^2 posts, 0 comments checked: 1 error, 0 warnings$/m);
  });
});

describe("npm run check:content's summary", () => {
  /** Eleven valid comments and `twelfth`: twelve comment files in all. */
  const twelveComments = (twelfth: string) => ({
    ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`${C}/${i + 1}.md`, okComment()])),
    [`${C}/12.md`]: twelfth,
  });

  it("says post, comment, error and warning for exactly one", () => {
    const result = checkContent(projectWith({ [`${C}/1.md`]: okComment({ parent: '"9"' }) }));
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^1 post, 1 comment checked: 1 error, 0 warnings$/m);
  });
  it("counts every comment file looked at, whatever is wrong with it", () => {
    const badFrontMatter = checkContent(projectWith(twelveComments(okComment({ date: "hier" }))));
    assert.match(badFrontMatter.stderr, /^content\/posts\/un-article\/comments\/12\.md:3: date: /m);
    assert.match(badFrontMatter.stderr, /^1 post, 12 comments checked: 1 error, 0 warnings$/m);
    const unknownParent = checkContent(projectWith(twelveComments(okComment({ parent: '"99"' }))));
    assert.match(
      unknownParent.stderr,
      /^content\/posts\/un-article\/comments\/12\.md:4: parent: no comment "99" in this post/m,
    );
    assert.match(unknownParent.stderr, /^1 post, 12 comments checked: 1 error, 0 warnings$/m);
  });
  it("counts a post whose own file is refused, with its comments", () => {
    const project = projectWith({
      [`${C}/1.md`]: okComment(),
      [`${C}/2.md`]: okComment(),
      "content/posts/autre/index.md": postFile("Autre"),
    });
    writeFileSync(
      join(project, `${POST}/index.md`),
      "---\ntitle: Un article\ndate: demain\nauthor: Camille\ndescription: Test.\n---\nTexte.\n",
    );
    const result = checkContent(project);
    assert.match(result.stderr, /^2 posts, 2 comments checked: 1 error, 0 warnings$/m);
  });
});

// Small sites build their comments in process, large ones in a worker thread
// (src/comments/build-comments.ts): both ways must refuse broken content the same way.
for (const worker of ["never", "always"]) {
  describe(`a build with broken content (COMMENTS_WORKER=${worker})`, () => {
    it("lists every problem, exits non-zero without a stack trace and writes no page", () => {
      const project = projectWith({
        [`${C}/1.md`]: okComment({ parent: '"9"' }),
        [`${C}/2.md`]: okComment({ date: "hier" }),
        [`${C}/3.md`]: okComment({ couleur: "rouge" }),
      });
      const result = buildSite({ projectDir: project, env: { DEBUG: "", COMMENTS_WORKER: worker } });
      projects.push(result.outputDir);
      assert.notEqual(result.status, 0);
      const lines = result.stderr.split("\n").filter((line) => line.startsWith("content/"));
      assert.equal(lines.length, 3, result.stderr);
      assert.match(result.stderr, /3 problems in the content/);
      assert.match(
        result.stderr,
        /^content\/posts\/un-article\/comments\/1\.md:4: parent: no comment "9" in this post/m,
      );
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
      assert.ok(!existsSync(join(result.outputDir, "un-article/index.html")));
    });
    it("lists a broken post and broken comments together", () => {
      const project = projectWith({ [`${C}/1.md`]: okComment({ date: "hier" }) });
      writeFileSync(
        join(project, "content/posts/un-article/index.md"),
        "---\ntitle: Un article\ndate: demain\nauthor: Camille\ndescription: Test.\n---\nTexte.\n",
      );
      const result = buildSite({ projectDir: project, env: { DEBUG: "", COMMENTS_WORKER: worker } });
      projects.push(result.outputDir);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /^content\/posts\/un-article\/index\.md:\d+: date: /m);
      assert.match(result.stderr, /^content\/posts\/un-article\/comments\/1\.md:\d+: date: /m);
      assert.match(result.stderr, /2 problems in the content/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    });
    it("refuses a post's broken YAML in one line, as Eleventy reads on", () => {
      const project = projectWith({ [`${C}/1.md`]: okComment() });
      writeFileSync(
        join(project, "content/posts/un-article/index.md"),
        "---\ntitle: Un article\ndate: [2024\nauthor: Camille\n---\nTexte.\n",
      );
      const result = buildSite({ projectDir: project, env: { DEBUG: "", COMMENTS_WORKER: worker } });
      projects.push(result.outputDir);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /^content\/posts\/un-article\/index\.md:\d+: front matter: invalid YAML/m);
      assert.match(result.stderr, /1 problem in the content/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
      assert.ok(!existsSync(join(result.outputDir, "un-article/index.html")));
    });
    it("stops on another template's broken YAML, naming it", () => {
      const project = projectWith({ [`${C}/1.md`]: okComment() });
      writeFileSync(join(project, "content/cassee.njk"), "---\ntitle: [Cassée\n---\n<p>Texte</p>\n");
      const result = buildSite({ projectDir: project, env: { COMMENTS_WORKER: worker } });
      projects.push(result.outputDir);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /content\/cassee\.njk: front matter: invalid YAML/);
      assert.ok(!existsSync(join(result.outputDir, "cassee/index.html")));
    });
    it("passes with valid content", () => {
      const result = buildSite({
        projectDir: projectWith({ [`${C}/1.md`]: okComment() }),
        env: { COMMENTS_WORKER: worker },
      });
      projects.push(result.outputDir);
      assert.equal(result.status, 0, result.stderr);
    });
  });
}

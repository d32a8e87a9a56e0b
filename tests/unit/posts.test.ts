// Which of Eleventy's pages are posts, and in which order the collection lists them.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { eleventyYaml, forgetKeptFrontMatter, splitFrontMatter } from "../../src/content/front-matter.ts";
import { compareByDateThenPath, isPostPage } from "../../src/content/posts.ts";
import { readTextFile } from "../../src/content/read-text-file.ts";

describe("isPostPage", () => {
  it("accepts content/posts/<slug>/index.md, with or without ./", () => {
    assert.ok(isPostPage("./content/posts/le-smo/index.md", "content/posts"));
    assert.ok(isPostPage("content/posts/le-smo/index.md", "./content/posts/"));
  });
  it("refuses other pages, comments and nested folders", () => {
    for (const path of ["./content/index.11ty.js", "./content/posts/index.md", "./content/posts/le-smo/comments/1.md", "./content/posts/a/b/index.md", "./content/posts/le-smo/autre.md", "./content/postsx/le-smo/index.md"]) {
      assert.equal(isPostPage(path, "content/posts"), false, path);
    }
  });
});

describe("compareByDateThenPath", () => {
  it("sorts oldest first, then by path for the same date", () => {
    const day = (iso: string) => new Date(iso);
    const items = [
      { date: day("2024-03-02"), inputPath: "./content/posts/b/index.md" },
      { date: day("2024-03-01"), inputPath: "./content/posts/z/index.md" },
      { date: day("2024-03-02"), inputPath: "./content/posts/a/index.md" },
    ];
    assert.deepEqual([...items].sort(compareByDateThenPath).map((item) => item.inputPath), ["./content/posts/z/index.md", "./content/posts/a/index.md", "./content/posts/b/index.md"]);
  });
});

describe("eleventyYaml (a post's front matter parsed once a build)", () => {
  const text = "---\ntitle: Un titre\ndate: 2024-03-01T10:00:00+01:00\n---\nTexte.\n";
  it("gives Eleventy the check's parse once, as gray-matter passes it, then parses again", () => {
    const checked = splitFrontMatter(text, { keepForEleventy: true });
    const first = eleventyYaml("\ntitle: Un titre\ndate: 2024-03-01T10:00:00+01:00");
    assert.equal(first, checked.data);
    const second = eleventyYaml("\ntitle: Un titre\ndate: 2024-03-01T10:00:00+01:00");
    assert.notEqual(second, checked.data);
    assert.deepEqual(second, { title: "Un titre", date: "2024-03-01T10:00:00+01:00" }, "dates stay strings");
  });
  // Eleventy's reader, gray-matter, hands the YAML engine the text between the fences
  // with the line break after the opening one, and with CRLF line ends a last "\r".
  const grayMatter = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("gray-matter") as (text: string, options: object) => { data: unknown };
  for (const [lineEnds, lineEnd] of [["LF", "\n"], ["CRLF", "\r\n"]]) {
    it(`hands Eleventy's reader the check's parse, ${lineEnds} line ends`, () => {
      const file = text.replaceAll("\n", lineEnd as string);
      const checked = splitFrontMatter(file, { keepForEleventy: true });
      assert.equal(grayMatter(file, { engines: { yaml: eleventyYaml } }).data, checked.data);
    });
  }
  it("keeps nothing for comments, nor after a new check starts", () => {
    const comment = splitFrontMatter(text);
    assert.notEqual(eleventyYaml("\ntitle: Un titre\ndate: 2024-03-01T10:00:00+01:00"), comment.data);
    const post = splitFrontMatter(text, { keepForEleventy: true });
    forgetKeptFrontMatter();
    assert.notEqual(eleventyYaml("\ntitle: Un titre\ndate: 2024-03-01T10:00:00+01:00"), post.data);
  });
});

describe("readTextFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "read-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  it("reads small and large files, byte order mark and accents included", () => {
    const small = "\uFEFF---\nauthor: Hélène\n---\nÇa marche « bien ».\n";
    const large = "é".repeat(70_000);
    writeFileSync(join(dir, "small.md"), small);
    writeFileSync(join(dir, "large.md"), large);
    writeFileSync(join(dir, "empty.md"), "");
    assert.equal(readTextFile(join(dir, "small.md")), small);
    assert.equal(readTextFile(join(dir, "large.md")), large);
    assert.equal(readTextFile(join(dir, "empty.md")), "");
    assert.equal(readTextFile(join(dir, "small.md")), small, "the buffer is reused safely");
  });
  it("fails on a missing file as readFileSync does", () => {
    assert.throws(() => readTextFile(join(dir, "absent.md")), { code: "ENOENT" });
  });
});

// Which of Eleventy's pages are posts, and in which order the collection lists them.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { parseFrontMatterYaml, splitFrontMatter } from "../../src/content/front-matter.ts";
import { compareByDateThenPath, isPostPage } from "../../src/content/posts.ts";

describe("isPostPage", () => {
  it("accepts content/posts/<slug>/index.md, with or without ./", () => {
    assert.ok(isPostPage("./content/posts/le-smo/index.md", "content/posts"));
    assert.ok(isPostPage("content/posts/le-smo/index.md", "./content/posts/"));
  });
  it("refuses other pages, comments and nested folders", () => {
    for (const path of [
      "./content/index.11ty.js",
      "./content/posts/index.md",
      "./content/posts/le-smo/comments/1.md",
      "./content/posts/a/b/index.md",
      "./content/posts/le-smo/autre.md",
      "./content/postsx/le-smo/index.md",
    ]) {
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
    assert.deepEqual(
      [...items].sort(compareByDateThenPath).map((item) => item.inputPath),
      ["./content/posts/z/index.md", "./content/posts/a/index.md", "./content/posts/b/index.md"],
    );
  });
});

describe("parseFrontMatterYaml (Eleventy's YAML engine)", () => {
  // Eleventy's reader, gray-matter, hands the YAML engine the text between the fences.
  const grayMatter = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))(
    "gray-matter",
  ) as (text: string, options: object) => { data: unknown };
  for (const [lineEnds, lineEnd] of [
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ]) {
    it(`reads what the check reads, dates as strings, ${lineEnds} line ends`, () => {
      const file = "---\ntitle: Un titre\ndate: 2011-02-31T10:00:00+01:00\n---\nTexte.\n".replaceAll(
        "\n",
        lineEnd as string,
      );
      const data = grayMatter(file, { engines: { yaml: parseFrontMatterYaml } }).data;
      assert.deepEqual(data, { title: "Un titre", date: "2011-02-31T10:00:00+01:00" });
      assert.deepEqual(data, splitFrontMatter(file).data);
    });
  }
});

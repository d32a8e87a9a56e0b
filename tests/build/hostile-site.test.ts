// A whole site built from hostile content: every comment of the corpus is on the page,
// nothing on the page can execute or restyle anything, template syntax stays text, and
// front matter values are escaped in text, attributes, JSON-LD and feeds.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { hostileProject, SLUG } from "../fixtures/hostile-project.ts";
import { parseHTML } from "linkedom";
import { inertnessProblems, inertnessProblemsOfFragment } from "../helpers/inert-html.ts";

const { DOMParser } = parseHTML("<!doctype html><html></html>");
import {
  buildSite,
  builtFiles,
  commentFile,
  readPage,
  removeDir,
  temporaryProject,
  writeFiles,
  type BuildResult,
} from "../helpers/site.ts";

describe("a site built from hostile content", () => {
  let project: string;
  let commentCount: number;
  let build: BuildResult;
  let page: Document;
  before(() => {
    ({ project, commentCount } = hostileProject());
    build = buildSite({ projectDir: project });
    assert.equal(build.status, 0, build.stderr);
    page = readPage(build.outputDir, `/${SLUG}/`);
  });
  after(() => {
    removeDir(project);
    removeDir(build.outputDir);
  });

  it("renders every comment of the corpus", () => {
    assert.equal(page.querySelectorAll("#comments li[id^='comment-']").length, commentCount);
  });

  it("keeps every comment body inside the allow-list", () => {
    for (const content of page.querySelectorAll(".comment-content")) {
      assert.deepEqual(inertnessProblems(content), [], content.closest("li")?.id);
    }
  });

  it("has nothing that executes or restyles, anywhere on any page", () => {
    for (const file of builtFiles(build.outputDir).filter((f) => f.endsWith(".html"))) {
      const document = readPage(build.outputDir, `/${file}`);
      for (const element of document.querySelectorAll("*")) {
        for (const name of element.getAttributeNames()) {
          assert.ok(!name.startsWith("on"), `${file}: event attribute ${name} on <${element.tagName}>`);
          assert.notEqual(name, "style", `${file}: style attribute on <${element.tagName}>`);
        }
        const value = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        assert.doesNotMatch(value, /^\s*(javascript|vbscript|data):/i, `${file}: ${value}`);
      }
      for (const tag of ["style", "iframe", "object", "embed", "form", "base", "svg", "math", "img"]) {
        assert.equal(document.querySelectorAll(tag).length, 0, `${file}: <${tag}>`);
      }
      for (const script of document.querySelectorAll("script")) {
        assert.equal(script.getAttribute("type"), "application/ld+json", `${file}: executable <script>`);
        assert.doesNotThrow(
          () => JSON.parse(script.textContent ?? ""),
          `${file}: JSON-LD must stay valid JSON`,
        );
        assert.doesNotMatch(
          script.textContent ?? "",
          /</,
          `${file}: "<" in JSON-LD could close the script element`,
        );
      }
    }
  });

  it("shows front matter values as text", () => {
    assert.equal(
      page.querySelector("h1")?.textContent,
      `<script>alert("titre")</script> & {{ 7*7 }} "guillemets"`,
    );
    assert.equal(
      page.querySelector('meta[name="description"]')?.getAttribute("content"),
      `"><script>alert(1)</script>`,
    );
    const authors = [...page.querySelectorAll(".comment-author")].map((a) => a.textContent);
    assert.ok(authors.includes("<script>alert(1)</script>"));
    assert.ok(authors.includes("Alicba"), "bidi override removed from author names");
    for (const link of page.querySelectorAll("a.comment-author")) {
      assert.match(
        link.getAttribute("href") ?? "",
        /^https:\/\/exemple\.fr\/(%22%3E%3Cscript%3Ealert\(1\)%3C\/script%3E|\?q=%3Cb%3E&r=%27x%27)$/,
      );
      assert.equal(link.getAttribute("rel"), "nofollow ugc");
    }
  });

  it("never runs template syntax", () => {
    assert.match(page.querySelector(".post-content")?.textContent ?? "", /\{\{ 7\*7 \}\} \{% raw %\}/);
    assert.ok(
      [...page.querySelectorAll(".comment-content")].some((c) => c.textContent?.includes("{{ 7*7 }}")),
    );
    // The written text only: the page's ids and times hold numbers of their own.
    for (const text of page.querySelectorAll(".post-content, .comment-content"))
      assert.doesNotMatch(text.textContent ?? "", /\b49\b/);
  });

  it("keeps the post's comment feed well-formed, every entry's HTML inert", () => {
    const xml = readFileSync(join(build.outputDir, SLUG, "commentaires.xml"), "utf8");
    const feed = new DOMParser().parseFromString(xml, "text/xml");
    const entries = [...feed.querySelectorAll("entry")];
    assert.equal(entries.length, commentCount);
    for (const entry of entries) {
      const content = entry.querySelector("content")?.textContent ?? "";
      assert.deepEqual(
        inertnessProblemsOfFragment(content),
        [],
        entry.querySelector("id")?.textContent ?? "",
      );
      assert.doesNotMatch(entry.querySelector("author name")?.textContent ?? "", /[\u202A-\u202E]/);
    }
    assert.doesNotMatch(xml, /<script|<img|<svg/i);
  });

  it("escapes titles in the feed", () => {
    const feed = readFileSync(join(build.outputDir, "feed.xml"), "utf8");
    assert.match(
      feed,
      /<title>&lt;script&gt;alert\(&quot;titre&quot;\)&lt;\/script&gt; &amp; \{\{ 7\*7 \}\}/,
    );
    assert.doesNotMatch(feed, /<script/);
  });
});

describe("the render ledger", () => {
  it("fails the build, naming the files, when a layout loses comments", () => {
    const project = temporaryProject({
      "content/posts/un-article/index.md":
        "---\ntitle: Un article\ndate: 2024-03-01T10:00:00+01:00\nauthor: Camille\ndescription: x\n---\nTexte\n",
      "content/posts/un-article/comments/1.md": commentFile({
        author: "Léa",
        date: "2024-03-02T10:00:00+01:00",
      }),
    });
    // A layout that forgets the comments.
    writeFiles(project, { "layouts/post.njk": "---\nlayout: base.njk\n---\n{{ content | safe }}\n" });
    const result = buildSite({ projectDir: project });
    try {
      assert.notEqual(result.status, 0);
      assert.match(
        result.stderr,
        /content\/posts\/un-article\/index\.md: comments: not every comment is on the page exactly once: content\/posts\/un-article\/comments\/1\.md rendered 0 times/,
      );
    } finally {
      removeDir(project);
      removeDir(result.outputDir);
    }
  });
});

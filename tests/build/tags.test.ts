// Tags on a whole build: each post lists its tags, each tag has its pages (ten posts a
// page, as the home page), /tags/ lists them with their counts, the sitemap has them,
// drafts never count; every page valid and every link resolving.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { findBrokenLinks } from "../helpers/link-check.ts";
import { buildFixture, readPage, repositoryRoot, type BuiltFixture } from "../helpers/site.ts";

function postOn(day: number, tags: string, extra = ""): string {
  return `---\ntitle: "Billet ${day}"\ndate: 2024-03-${String(day).padStart(2, "0")}T10:00:00+01:00\nauthor: Camille\ndescription: "Résumé."\ntags: ${tags}\n${extra}---\nTexte.\n`;
}

describe("tags", () => {
  let fixture: BuiltFixture;
  const page = (path: string) => readPage(fixture.build.outputDir, path);
  before(() => {
    const files: Record<string, string> = {};
    // 23 posts tagged "Référencement" (three spellings, "référencement" the most used),
    // every third one also "SMO"; a draft with a tag of its own.
    for (let day = 1; day <= 23; day++) {
      const spelling = day === 1 ? "Référencement" : day === 2 ? "REFERENCEMENT" : "référencement";
      files[`content/posts/billet-${day}/index.md`] = postOn(
        day,
        day % 3 ? `[${spelling}]` : `[${spelling}, SMO]`,
      );
    }
    files["content/posts/brouillon/index.md"] = postOn(24, "[SMO, Secret]", "draft: true\n");
    fixture = buildFixture(files);
  });
  after(() => fixture?.remove());

  it("lists a post's tags under its article, linked to their pages", () => {
    const links = [...page("/billet-3/").querySelectorAll(".post-tags a")].map((a) => [
      a.textContent,
      a.getAttribute("href"),
      a.getAttribute("rel"),
    ]);
    assert.deepEqual(links, [
      ["référencement", "/tags/referencement/", "tag"],
      ["SMO", "/tags/smo/", "tag"],
    ]);
    assert.equal(page("/billet-3/").querySelector(".post-tags h2")?.textContent, "Étiquettes");
  });

  it("gives each tag its pages, ten posts a page newest first, with a French pagination", () => {
    const first = page("/tags/referencement/");
    assert.equal(first.querySelector("h1")?.textContent, "Étiquette «\u00A0référencement\u00A0»");
    assert.equal(first.querySelector(".tag-count")?.textContent, "23 articles · Toutes les étiquettes");
    assert.equal(first.querySelectorAll(".post-summary").length, 10);
    assert.equal(first.querySelector(".post-summary h2")?.textContent, "Billet 23");
    assert.equal(
      first.querySelector(".pagination")?.getAttribute("aria-label"),
      "Pages de l’étiquette «\u00A0référencement\u00A0»",
    );
    assert.equal(
      first.querySelector('.pagination a[rel="next"]')?.getAttribute("href"),
      "/tags/referencement/page/2/",
    );
    const last = page("/tags/referencement/page/3/");
    assert.equal(
      last.querySelector("h1")?.textContent,
      "Étiquette «\u00A0référencement\u00A0», page 3 sur 3",
    );
    assert.equal(last.querySelectorAll(".post-summary").length, 3);
    assert.match(
      last.querySelector("title")?.textContent ?? "",
      /^Étiquette «\u00A0référencement\u00A0», page 3 – /,
    );
  });

  it("lists every tag on /tags/ with its count, drafts left out", () => {
    const items = [...page("/tags/").querySelectorAll(".tag-list li")].map((li) => li.textContent);
    assert.deepEqual(items, ["référencement (23 articles)", "SMO (7 articles)"]);
    assert.equal(existsSync(join(fixture.build.outputDir, "tags/secret/index.html")), false);
  });

  it("puts /tags/ and each tag's first page in the sitemap", () => {
    const sitemap = readFileSync(join(fixture.build.outputDir, "sitemap.xml"), "utf8");
    assert.match(sitemap, /<loc>https:\/\/www\.nouslesgeeks\.fr\/tags\/<\/loc>/);
    assert.match(
      sitemap,
      /<loc>https:\/\/www\.nouslesgeeks\.fr\/tags\/smo\/<\/loc><lastmod>2024-03-21T10:00\+01:00<\/lastmod>/,
    );
    assert.doesNotMatch(sitemap, /secret/);
  });

  it("writes valid pages whose links all resolve", async () => {
    const config = JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    for (const path of [
      "tags/index.html",
      "tags/referencement/index.html",
      "tags/referencement/page/2/index.html",
      "billet-3/index.html",
    ]) {
      const report = await validator.validateString(
        readFileSync(join(fixture.build.outputDir, path), "utf8"),
        path,
      );
      assert.deepEqual(
        report.results.flatMap((result) =>
          result.messages.map((m) => `${path}:${m.line}: ${m.ruleId}: ${m.message}`),
        ),
        [],
      );
    }
    assert.deepEqual(findBrokenLinks(fixture.build.outputDir), []);
  });
});

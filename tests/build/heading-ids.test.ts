// Every id on every built page is unique: the seed site, plus a post whose headings
// repeat ("Bilan", "Bilan", "Bilan 2") and whose raw HTML uses ids the site would give,
// its title's among them (src/html/heading-ids.ts has the rules).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
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

const POST = "content/posts/bilan";
const ARTICLE = [
  '<div id="bilan">Écrit à la main, avant tout titre.</div>',
  "## Bilan",
  "## Bilan",
  "## Bilan 2",
  'Un repère : <span id="bilan-2-2">ici</span>.',
  "## Contenu",
  "## Comments",
].join("\n\n");

/** The ids that appear more than once on this page. */
function repeatedIds(html: string): string[] {
  const { document } = parseHTML(html);
  const ids = [...document.querySelectorAll("[id]")].map((element) => element.getAttribute("id") ?? "");
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

describe("heading ids on built pages", () => {
  let project: string;
  let build: BuildResult;
  before(() => {
    project = temporaryProject("seed");
    writeFiles(project, {
      [`${POST}/index.md`]: `---\ntitle: "Bilan"\ndate: 2024-03-01T10:00:00+01:00\nauthor: Camille\ndescription: "Des titres répétés."\n---\n${ARTICLE}\n`,
      [`${POST}/comments/1.md`]: commentFile(
        { author: "Léa", date: "2024-03-02T10:00:00+01:00" },
        "Un commentaire.",
      ),
    });
    build = buildSite({ projectDir: project });
    assert.equal(build.status, 0, build.stderr);
  });
  after(() => {
    removeDir(project);
    removeDir(build.outputDir);
  });

  it("writes no id twice on any page, the seed's included", () => {
    const pages = builtFiles(build.outputDir).filter((file) => file.endsWith(".html"));
    assert.ok(
      pages.includes("le-smo-le-nouveau-community-management/index.html") &&
        pages.includes("bilan/index.html"),
    );
    for (const file of pages)
      assert.deepEqual(repeatedIds(readFileSync(join(build.outputDir, file), "utf8")), [], file);
  });

  it("keeps the author's ids as written and moves the site's headings, the title's too, to free suffixes", () => {
    const page = readPage(build.outputDir, "/bilan/");
    assert.ok(page.querySelector("div#bilan"));
    assert.ok(page.querySelector("span#bilan-2-2"));
    assert.equal(page.querySelector("h1")?.id, "bilan-2");
    assert.deepEqual(
      [...page.querySelectorAll(".post-content h2")].map((h) => h.id),
      ["bilan-3", "bilan-4", "bilan-2-3", "contenu-2", "section-comments"],
    );
  });
});

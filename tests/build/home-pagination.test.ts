// The home page lists posts newest first, ten a page, with their French date, their
// description and their comment count, and links the pages together.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { slugifyTitle } from "../../src/format/slug.ts";
import { buildFixture, commentFile, readPage, type BuiltFixture } from "../helpers/site.ts";

const TITLES = Array.from({ length: 23 }, (_, i) => `Billet numéro ${i + 1}`);

function postOn(day: number, title: string): string {
  return `---\ntitle: "${title}"\ndate: 2024-03-${String(day).padStart(2, "0")}T10:00:00+01:00\nauthor: Camille\ndescription: "Résumé du ${title.toLowerCase()}."\n---\nTexte.\n`;
}

describe("the home page", () => {
  let fixture: BuiltFixture;
  before(() => {
    const files: Record<string, string> = {};
    TITLES.forEach(
      (title, i) => (files[`content/posts/${slugifyTitle(title)}/index.md`] = postOn(i + 1, title)),
    );
    const first = slugifyTitle(TITLES[22] ?? "");
    files[`content/posts/${first}/comments/1.md`] = commentFile({
      author: "Léa",
      date: "2024-03-24T10:00:00+01:00",
    });
    const second = slugifyTitle(TITLES[21] ?? "");
    files[`content/posts/${second}/comments/1.md`] = commentFile({
      author: "Léa",
      date: "2024-03-24T10:00:00+01:00",
    });
    files[`content/posts/${second}/comments/2.md`] = commentFile({
      author: "Tom",
      date: "2024-03-24T11:00:00+01:00",
      parent: '"1"',
    });
    fixture = buildFixture(files);
  });
  after(() => fixture?.remove());

  it("shows the ten newest posts first, with date, description and count", () => {
    const home = readPage(fixture.build.outputDir, "/");
    const entries = [...home.querySelectorAll(".post-summary")];
    assert.equal(entries.length, 10);
    assert.deepEqual(
      entries.map((e) => e.querySelector("h2 a")?.textContent),
      TITLES.slice(13).reverse(),
    );
    assert.equal(
      entries[0]?.querySelector("h2 a")?.getAttribute("href"),
      `/${slugifyTitle(TITLES[22] ?? "")}/`,
    );
    assert.match(entries[0]?.textContent ?? "", /23 mars 2024/);
    assert.match(entries[0]?.textContent ?? "", /Résumé du billet numéro 23\./);
    assert.match(entries[0]?.textContent ?? "", /Une réflexion/);
    assert.match(entries[1]?.textContent ?? "", /2 réflexions/);
    assert.match(entries[2]?.textContent ?? "", /Aucune réflexion/);
  });

  it("paginates: /page/2/ and /page/3/, linked both ways", () => {
    const home = readPage(fixture.build.outputDir, "/");
    assert.equal(home.querySelector('.pagination a[rel="next"]')?.getAttribute("href"), "/page/2/");
    const second = readPage(fixture.build.outputDir, "/page/2/");
    assert.equal(second.querySelectorAll(".post-summary").length, 10);
    assert.equal(second.querySelector('.pagination a[rel="prev"]')?.getAttribute("href"), "/");
    assert.equal(second.querySelector('.pagination [aria-current="page"]')?.textContent, "2");
    const third = readPage(fixture.build.outputDir, "/page/3/");
    assert.deepEqual(
      [...third.querySelectorAll(".post-summary h2 a")].map((a) => a.textContent),
      ["Billet numéro 3", "Billet numéro 2", "Billet numéro 1"],
    );
    assert.equal(third.querySelector('.pagination a[rel="next"]'), null);
    assert.ok(!existsSync(join(fixture.build.outputDir, "page/4")));
  });
});

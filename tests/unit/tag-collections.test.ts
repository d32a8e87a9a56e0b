// scripts/eleventy-patches/tag-collections.js: each tag's collection is the one Eleventy
// makes (the same pages, in the same order, a new array each time), also after pages are
// added between two tags' collections, as Eleventy adds them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eleventyModule } from "../../scripts/eleventy-patches/index.js";
import { indexTagCollections } from "../../scripts/eleventy-patches/tag-collections.js";

interface Page {
  inputPath: string;
  date: Date;
  data: { tags?: string | string[] };
}
interface Collection {
  add(page: Page): void;
  getFilteredByTag(tag?: string): Page[];
}
type CollectionClass = (new () => Collection) & { prototype: Collection };

const page = (name: string, day: number, tags?: string | string[]): Page => ({
  inputPath: `./content/posts/${name}/index.md`,
  date: new Date(Date.UTC(2010, 6, day)),
  data: tags === undefined ? {} : { tags },
});

const TAGS = ["posts", "smo", "réseaux sociaux", "absent", "all", ""];

test("each tag's pages are Eleventy's own, in its order, before and after pages are added", async () => {
  const TemplateCollection = (await eleventyModule("TemplateCollection")) as CollectionClass;
  const TemplateData = await eleventyModule("Data/TemplateData");
  const original = TemplateCollection.prototype.getFilteredByTag;
  const pages = [
    page("b", 3, ["posts", "smo"]),
    page("a", 3, ["posts", "réseaux sociaux"]),
    page("c", 1, "smo"),
    page("d", 9, ["posts", "smo", "smo"]),
    page("e", 5),
    page("f", 2, ["all", "posts"]),
  ];
  const later = [page("g", 4, ["smo"]), page("h", 1, ["posts"])];
  const expected = (items: Page[]) => {
    const collection = new TemplateCollection();
    for (const item of items) collection.add(item);
    return TAGS.map((tag) => original.call(collection, tag).map((item) => item.inputPath));
  };
  const before = expected(pages);
  const after = expected([...pages, ...later]);
  try {
    assert.equal(indexTagCollections(TemplateCollection, TemplateData), true);
    const collection = new TemplateCollection();
    for (const item of pages) collection.add(item);
    const found = () => TAGS.map((tag) => collection.getFilteredByTag(tag).map((item) => item.inputPath));
    assert.deepEqual(found(), before);
    // A caller changing what it got changes nothing for the next one.
    collection.getFilteredByTag("smo").length = 0;
    assert.deepEqual(found(), before);
    for (const item of later) collection.add(item);
    assert.deepEqual(found(), after);
    // Another collection (another build) has its own pages.
    const other = new TemplateCollection();
    other.add(page("z", 1, ["smo"]));
    assert.deepEqual(
      other.getFilteredByTag("smo").map((item) => item.inputPath),
      ["./content/posts/z/index.md"],
    );
  } finally {
    TemplateCollection.prototype.getFilteredByTag = original;
  }
});

test("changes nothing where Eleventy has no such methods", () => {
  const notEleventy = { prototype: {} };
  assert.equal(indexTagCollections(notEleventy, { getIncludedTagNames: () => [] }), false);
  assert.deepEqual(notEleventy, { prototype: {} });
  assert.equal(indexTagCollections(class {}, {}), false);
});

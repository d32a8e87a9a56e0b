// scripts/eleventy-patches/template-map-lookup.js replaces Eleventy 3.1's scan of every page by an index:
// it must find the very entry the scan found.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { eleventyModule } from "../../scripts/eleventy-patches/index.js";
import { indexTemplateMapLookups } from "../../scripts/eleventy-patches/template-map-lookup.js";

type Lookup = (this: { map: { inputPath: string; id: number }[] }, inputPath: string) => unknown;

const { TemplatePath } = createRequire(import.meta.resolve("@11ty/eleventy"))("@11ty/eleventy-utils") as {
  TemplatePath: { absolutePath(path: string): string };
};

describe("the indexed TemplateMap lookup", () => {
  it("finds the first entry with the path or its absolute form, as Eleventy's scan does", async () => {
    const TemplateMap = (await eleventyModule("TemplateMap")) as {
      prototype: { getMapEntryForInputPath: Lookup };
    };
    const scan = TemplateMap.prototype.getMapEntryForInputPath;
    assert.equal(indexTemplateMapLookups(TemplateMap, TemplatePath), true, "patched");
    const indexed = TemplateMap.prototype.getMapEntryForInputPath;
    assert.notEqual(indexed, scan);
    const map = [
      { inputPath: "./content/posts/a/index.md", id: 1 },
      { inputPath: resolve("content/posts/b/index.md"), id: 2 },
      { inputPath: "./content/posts/b/index.md", id: 3 },
      { inputPath: "./content/posts/a/index.md", id: 4 },
    ];
    const self = { map };
    // Twice: the second time, the absolute forms come from the lookup's memory.
    for (const pass of [1, 2]) {
      for (const path of [
        "./content/posts/a/index.md",
        "./content/posts/b/index.md",
        "./content/posts/c/index.md",
        resolve("content/posts/b/index.md"),
      ]) {
        assert.equal(indexed.call(self, path), scan.call(self, path), `${path} (pass ${pass})`);
      }
    }
    map.push({ inputPath: "./content/posts/c/index.md", id: 5 });
    assert.equal(
      (indexed.call(self, "./content/posts/c/index.md") as { id: number }).id,
      5,
      "an entry added later is found",
    );
  });

  it("changes nothing in a TemplateMap without the lookup it indexes (another Eleventy)", () => {
    class RenamedLookup {
      getMapEntry(): undefined {
        return undefined;
      }
    }
    assert.equal(indexTemplateMapLookups(RenamedLookup, TemplatePath), false);
    assert.deepEqual(Object.getOwnPropertyNames(RenamedLookup.prototype), ["constructor", "getMapEntry"]);
  });
});

// Which output folders a one-off build empties first (src/build/output-folder.ts): only
// one inside the project that holds none of its sources.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { emptyOutputFolder, mayEmptyOutputFolder } from "../../src/build/output-folder.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

const SOURCES = ["content", "layouts", "content/_data"];

describe("mayEmptyOutputFolder", () => {
  const project = "/home/camille/blog";
  const may = (output: string) => mayEmptyOutputFolder({ output, sources: SOURCES }, project);

  it("says yes for a folder inside the project, relative or absolute", () => {
    assert.equal(may("_site"), true);
    assert.equal(may("/home/camille/blog/build/site"), true);
  });

  it("says no for the project itself, a folder outside it, node_modules, or a folder holding the sources", () => {
    for (const output of [".", "/home/camille/blog", "..", "../blog-site", "/tmp/site", "/", "node_modules/.cache", "content/..", "content", "layouts"]) {
      assert.equal(may(output), false, output);
    }
  });

  it("says no for a folder that is a project of its own", () => {
    const root = temporaryDir("output-folder");
    try {
      mkdirSync(join(root, "site"));
      writeFileSync(join(root, "site", "package.json"), "{}");
      assert.equal(mayEmptyOutputFolder({ output: "site", sources: SOURCES }, root), false);
    } finally {
      removeDir(root);
    }
  });
});

describe("emptyOutputFolder", () => {
  it("removes what the folder holds and keeps the folder", () => {
    const root = temporaryDir("output-folder");
    try {
      mkdirSync(join(root, "_site", "old-post"), { recursive: true });
      writeFileSync(join(root, "_site", "old-post", "index.html"), "old");
      writeFileSync(join(root, "_site", "feed.xml"), "old");
      assert.equal(emptyOutputFolder({ output: "_site", sources: SOURCES }, root), true);
      assert.deepEqual(readdirSync(join(root, "_site")), []);
    } finally {
      removeDir(root);
    }
  });
});


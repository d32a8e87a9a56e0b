// scripts/bundle-hash.js keeps the launcher's bundles with a manifest of the files they
// were made from: a build must never run a bundle of files that changed since (the
// comment worker's bundle holds markdown-it, luxon, js-yaml… themselves), and must not
// bundle again for nothing.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileHash, reusableBundles, saveBundles, writeCacheFile } from "../../scripts/bundle-hash.js";
import { removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

describe("the launcher's bundle sets", () => {
  let root: string;
  let cache: string;
  const entries = { eleventyConfig: ".eleventy.ts", commentWorker: "src/worker.ts" };
  /** The hash of each of these files (of the project), by path, as the launcher records them. */
  const inputs = (...files: string[]) => Object.fromEntries(files.map((file) => [join(root, file), fileHash(join(root, file))]));
  const save = (files: string[], text = "bundle") => saveBundles(cache, entries, { eleventyConfig: `${text}: config`, commentWorker: `${text}: worker` }, inputs(...files));

  before(() => {
    root = temporaryDir("bundle-hash");
    cache = join(root, "cache");
    writeFiles(root, { ".eleventy.ts": "export default () => {};\n", "extra/banner.ts": "export const banner = 1;\n", "src/worker.ts": "export {};\n" });
  });
  after(() => removeDir(root));

  it("finds no set in a cache folder that does not exist yet", () => {
    assert.equal(reusableBundles(cache, entries), undefined);
  });

  it("finds the set made from files that did not change, with each bundle's text", () => {
    const saved = save([".eleventy.ts", "extra/banner.ts", "src/worker.ts", "tsconfig.json"]);
    assert.deepEqual(reusableBundles(cache, entries), saved);
    assert.equal(readFileSync(saved.eleventyConfig, "utf8"), "bundle: config");
    assert.equal(readFileSync(saved.commentWorker, "utf8"), "bundle: worker");
  });

  it("finds no set for other entry points", () => {
    assert.equal(reusableBundles(cache, { ...entries, eleventyConfig: "other.config.ts" }), undefined);
  });

  // Each change that must give new bundles, made one after the other.
  const changes: [string, () => void][] = [
    ["a file it was made from changes, wherever it is", () => writeFiles(root, { "extra/banner.ts": "export const banner = 2;\n" })],
    ["a file it was made from is removed", () => rmSync(join(root, "extra/banner.ts"))],
    ["a file that was absent appears", () => writeFiles(root, { "tsconfig.json": "{}\n" })],
  ];
  for (const [what, change] of changes) {
    it(`finds none once ${what}`, () => {
      const files = [".eleventy.ts", "extra/banner.ts", "src/worker.ts", "tsconfig.json"];
      save(files);
      assert.ok(reusableBundles(cache, entries));
      change();
      assert.equal(reusableBundles(cache, entries), undefined);
    });
  }

  it("keeps the sets of other files beside each other (another project, a build at the same time)", () => {
    writeFiles(root, { "extra/banner.ts": "export const banner = 'a';\n" });
    const a = save([".eleventy.ts", "extra/banner.ts"], "a");
    writeFiles(root, { "extra/banner.ts": "export const banner = 'b';\n" });
    const b = save([".eleventy.ts", "extra/banner.ts"], "b");
    assert.notEqual(a.eleventyConfig, b.eleventyConfig);
    assert.deepEqual(reusableBundles(cache, entries), b);
    writeFiles(root, { "extra/banner.ts": "export const banner = 'a';\n" });
    assert.deepEqual(reusableBundles(cache, entries), a);
  });

  it("ignores a set whose bundle is gone, and a manifest it cannot read", () => {
    writeFiles(root, { "extra/banner.ts": "export const banner = 'c';\n" });
    const saved = save([".eleventy.ts", "extra/banner.ts"], "c");
    rmSync(saved.commentWorker);
    writeFileSync(join(cache, "bundles.0123456789abcdef.json"), "{ not json");
    assert.equal(reusableBundles(cache, entries), undefined);
  });

  it("removes the files made over an hour ago when it makes a set, and not the others", () => {
    const old = save([".eleventy.ts"], "old");
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    writeFileSync(join(cache, "left-half-written.tmp"), "{}");
    for (const name of readdirSync(cache)) utimesSync(join(cache, name), hoursAgo, hoursAgo);
    writeFileSync(join(cache, "recent.tmp"), "{}");
    writeFiles(root, { ".eleventy.ts": "export default () => ({});\n" });
    const made = save([".eleventy.ts"], "new");
    const id = basename(made.eleventyConfig).split(".")[1];
    assert.deepEqual(readdirSync(cache).sort(), [`bundles.${id}.json`, `commentWorker.${id}.mjs`, `eleventyConfig.${id}.mjs`, "recent.tmp"]);
    assert.notEqual(old.eleventyConfig, made.eleventyConfig);
  });
});

// Builds running at once write the same files: a reader sees one whole or none.
describe("writeCacheFile", () => {
  it("makes the folder and writes the file, leaving no temporary file", () => {
    const root = temporaryDir("bundle-cache");
    try {
      const file = join(root, "a", "b", "bundle.mjs");
      writeCacheFile(file, "1");
      writeCacheFile(file, "2");
      assert.equal(readFileSync(file, "utf8"), "2");
      assert.deepEqual(readdirSync(join(root, "a", "b")), ["bundle.mjs"]);
    } finally {
      removeDir(root);
    }
  });

  it("throws when the file cannot be put in place, and removes its temporary file", () => {
    const root = temporaryDir("bundle-cache");
    try {
      // A folder where the file should go: the rename fails.
      const file = join(root, "taken");
      mkdirSync(join(file, "inside"), { recursive: true });
      assert.throws(() => writeCacheFile(file, "1"));
      assert.deepEqual(readdirSync(root), ["taken"]);
    } finally {
      removeDir(root);
    }
  });
});

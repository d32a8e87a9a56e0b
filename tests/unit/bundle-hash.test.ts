// scripts/bundle-hash.js keeps the launcher's bundles with a manifest of the files they
// were made from: a build must never run a bundle of files that changed since (the
// comment worker's bundle holds markdown-it, luxon, js-yaml… themselves), and must not
// bundle again for nothing.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileHash, reusableBundle, saveBundle, writeCacheFile } from "../../scripts/bundle-hash.js";
import { removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

describe("the launcher's kept bundles", () => {
  let root: string;
  let cache: string;
  /** The hash of each of these files (of the project), by path, as the launcher records them. */
  const inputs = (...files: string[]) =>
    Object.fromEntries(files.map((file) => [join(root, file), fileHash(join(root, file))]));
  const save = (files: string[], text = "bundle") =>
    saveBundle(cache, "eleventy.config", ".eleventy.ts", text, inputs(...files));
  const reusable = () => reusableBundle(cache, "eleventy.config", ".eleventy.ts");

  before(() => {
    root = temporaryDir("bundle-hash");
    cache = join(root, "cache");
    writeFiles(root, {
      ".eleventy.ts": "export default () => {};\n",
      "extra/banner.ts": "export const banner = 1;\n",
    });
  });
  after(() => removeDir(root));

  it("are none in a cache folder that does not exist yet", () => {
    assert.equal(reusable(), undefined);
  });

  it("hold the bundle made from files that did not change, with its text", () => {
    const saved = save([".eleventy.ts", "extra/banner.ts", "tsconfig.json"]);
    assert.equal(reusable(), saved);
    assert.equal(readFileSync(saved, "utf8"), "bundle");
  });

  it("hold none for another name or another entry point", () => {
    assert.equal(reusableBundle(cache, "comment-worker", ".eleventy.ts"), undefined);
    assert.equal(reusableBundle(cache, "eleventy.config", "other.config.ts"), undefined);
  });

  // Each change that must give a new bundle, made one after the other.
  const changes: [string, () => void][] = [
    [
      "a file it was made from changes, wherever it is",
      () => writeFiles(root, { "extra/banner.ts": "export const banner = 2;\n" }),
    ],
    ["a file it was made from is removed", () => rmSync(join(root, "extra/banner.ts"))],
    ["a file that was absent appears", () => writeFiles(root, { "tsconfig.json": "{}\n" })],
  ];
  for (const [what, change] of changes) {
    it(`hold none once ${what}`, () => {
      save([".eleventy.ts", "extra/banner.ts", "tsconfig.json"]);
      assert.ok(reusable());
      change();
      assert.equal(reusable(), undefined);
    });
  }

  it("of other files are kept beside each other (another project, a build at the same time)", () => {
    writeFiles(root, { "extra/banner.ts": "export const banner = 'a';\n" });
    const a = save([".eleventy.ts", "extra/banner.ts"], "a");
    writeFiles(root, { "extra/banner.ts": "export const banner = 'b';\n" });
    const b = save([".eleventy.ts", "extra/banner.ts"], "b");
    assert.notEqual(a, b);
    assert.equal(reusable(), b);
    writeFiles(root, { "extra/banner.ts": "export const banner = 'a';\n" });
    assert.equal(reusable(), a);
  });

  it("are not found without their bundle, nor through a manifest that cannot be read", () => {
    writeFiles(root, { "extra/banner.ts": "export const banner = 'c';\n" });
    rmSync(save([".eleventy.ts", "extra/banner.ts"], "c"));
    writeFileSync(join(cache, "eleventy.config.0123456789abcdef.json"), "{ not json");
    writeFileSync(join(cache, "eleventy.config.0123456789abcdef.mjs"), "");
    assert.equal(reusable(), undefined);
  });

  it("of the same name made over an hour ago are removed when one is made, and no other file", () => {
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    writeFileSync(join(cache, "eleventy.config.mjs.123.left-half-written.tmp"), "");
    writeFileSync(join(cache, "comment-worker.0123456789abcdef.mjs"), "");
    for (const name of readdirSync(cache)) utimesSync(join(cache, name), hoursAgo, hoursAgo);
    writeFileSync(join(cache, "eleventy.config.recent.mjs"), "");
    writeFiles(root, { ".eleventy.ts": "export default () => ({});\n" });
    const id = basename(save([".eleventy.ts"], "new")).split(".")[2];
    assert.deepEqual(readdirSync(cache).sort(), [
      "comment-worker.0123456789abcdef.mjs",
      `eleventy.config.${id}.json`,
      `eleventy.config.${id}.mjs`,
      "eleventy.config.recent.mjs",
    ]);
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

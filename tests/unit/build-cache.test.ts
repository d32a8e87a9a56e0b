// How the build writes its cache files (src/build/build-cache.js): whole or not at all,
// and nothing left behind when it cannot.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeCacheFile } from "../../src/build/build-cache.js";
import { removeDir, temporaryDir } from "../helpers/site.ts";

describe("writeCacheFile", () => {
  it("makes the folder and writes the file, leaving no temporary file", () => {
    const root = temporaryDir("build-cache");
    try {
      const file = join(root, "a", "b", "offsets.json");
      writeCacheFile(file, "{}");
      writeCacheFile(file, '{"again":true}');
      assert.equal(readFileSync(file, "utf8"), '{"again":true}');
      assert.deepEqual(readdirSync(join(root, "a", "b")), ["offsets.json"]);
    } finally {
      removeDir(root);
    }
  });

  it("throws when the file cannot be put in place, and removes its temporary file", () => {
    const root = temporaryDir("build-cache");
    try {
      // A folder where the file should go: the rename fails.
      const file = join(root, "taken");
      mkdirSync(join(file, "inside"), { recursive: true });
      assert.throws(() => writeCacheFile(file, "{}"));
      assert.deepEqual(readdirSync(root), ["taken"]);
    } finally {
      removeDir(root);
    }
  });
});

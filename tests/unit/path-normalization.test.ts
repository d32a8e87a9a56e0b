// scripts/eleventy-patches/path-normalization.js: Eleventy's path normalisation gives the
// same answers remembered as computed, and forgets them when the working folder changes.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { eleventyModule } from "../../scripts/eleventy-patches/index.js";
import { rememberPathNormalization } from "../../scripts/eleventy-patches/path-normalization.js";

type Normalizer = { fullNormalization(path: unknown): unknown };

test("remembered normalisations are Eleventy's own, for this working folder", async () => {
  const PathNormalizer = (await eleventyModule("Util/PathNormalizer")) as Normalizer;
  const original = PathNormalizer.fullNormalization;
  const paths = [
    "./content/posts/un-article/index.md",
    join(process.cwd(), "content/pages/a-propos/index.md"),
    "content/../layouts/base.njk",
    `file://${join(process.cwd(), "layouts/post.njk")}`,
    "",
  ];
  const expected = paths.map((path) => original.call(PathNormalizer, path));
  const elsewhere = mkdtempSync(join(tmpdir(), "normalisation-"));
  const cwd = process.cwd();
  try {
    assert.equal(rememberPathNormalization(PathNormalizer), true);
    for (const round of [1, 2])
      assert.deepEqual(
        paths.map((path) => PathNormalizer.fullNormalization(path)),
        expected,
        `round ${round}`,
      );
    assert.equal(PathNormalizer.fullNormalization(undefined), undefined);
    // Relative to the working folder: another folder, other answers, as Eleventy's.
    process.chdir(elsewhere);
    const there = original.call(PathNormalizer, paths[1]);
    assert.notEqual(there, expected[1]);
    assert.equal(PathNormalizer.fullNormalization(paths[1]), there);
  } finally {
    process.chdir(cwd);
    PathNormalizer.fullNormalization = original;
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test("changes nothing where Eleventy has no such method", () => {
  const notEleventy = {};
  assert.equal(rememberPathNormalization(notEleventy), false);
  assert.deepEqual(notEleventy, {});
});

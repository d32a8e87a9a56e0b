// scripts/eleventy-patches/index.js applies its patches only to the Eleventy they were
// written for, and never stops a build because of them: each one left out (another
// version, a file moved, a method renamed, a failure) is told in one line.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it, mock } from "node:test";
import {
  applyPatches,
  eleventyModule,
  eleventyPatches,
  installedEleventyVersion,
  patchEleventy,
  PATCHED_VERSION,
} from "../../scripts/eleventy-patches/index.js";
import { indexTemplateMapLookups } from "../../scripts/eleventy-patches/template-map-lookup.js";

const { TemplatePath } = createRequire(import.meta.resolve("@11ty/eleventy"))("@11ty/eleventy-utils") as {
  TemplatePath: { absolutePath(path: string): string };
};

/** The patches applied and the lines warned when applying `patches` to Eleventy `version`. */
async function applied(
  patches: { name: string; apply: () => Promise<boolean> }[],
  version: string | undefined,
) {
  const lines: string[] = [];
  const names = await applyPatches(patches, version, (line) => lines.push(line));
  return { names, lines };
}

describe("the Eleventy patches", () => {
  it("are for the Eleventy installed, 3.1.8, and all apply to it without a word", async () => {
    assert.equal(installedEleventyVersion(), "3.1.8");
    assert.equal(PATCHED_VERSION, "3.1.8");
    const warn = mock.method(console, "warn", () => undefined);
    try {
      assert.deepEqual(await patchEleventy({ oneOffBuild: true }), [
        "template-map-lookup",
        "dependency-graph-edges",
        "path-normalization",
        "written-pages-memory",
      ]);
      assert.equal(warn.mock.callCount(), 0);
    } finally {
      warn.mock.restore();
    }
  });

  it("leave out those BUILD_SKIP_PATCHES names (the benchmark's builds without them)", async () => {
    assert.deepEqual(
      await patchEleventy({ oneOffBuild: true, env: { BUILD_SKIP_PATCHES: "written-pages-memory" } }),
      ["template-map-lookup", "dependency-graph-edges", "path-normalization"],
    );
    assert.deepEqual(
      await patchEleventy({
        oneOffBuild: true,
        env: {
          BUILD_SKIP_PATCHES:
            "template-map-lookup,dependency-graph-edges,path-normalization,written-pages-memory",
        },
      }),
      [],
    );
  });

  it("leave the dev server's way of writing pages as Eleventy's, and render a touched file alone there", () => {
    assert.deepEqual(
      eleventyPatches(false).map((patch) => patch.name),
      ["template-map-lookup", "dependency-graph-edges", "path-normalization", "touched-file-rebuilds"],
    );
  });

  it("are left out on another version, with one line each naming it and the version found", async () => {
    let tried = false;
    const patch = {
      name: "template-map-lookup",
      apply: async () => {
        tried = true;
        return true;
      },
    };
    for (const version of ["3.2.0", undefined]) {
      const { names, lines } = await applied([patch], version);
      assert.deepEqual(names, []);
      assert.equal(lines.length, 1);
      assert.match(
        lines[0]!,
        new RegExp(
          `^scripts/eleventy-patches/template-map-lookup\\.js: not applied to Eleventy ${version}, as it was written for 3\\.1\\.8`,
        ),
      );
    }
    assert.equal(tried, false);
  });

  it("leave out, in one line, a patch whose file of Eleventy is not there (moved)", async () => {
    const moved = {
      name: "template-map-lookup",
      apply: async () => indexTemplateMapLookups(await eleventyModule("TemplatePageMap"), TemplatePath),
    };
    const { names, lines } = await applied([moved, { name: "other", apply: async () => true }], "3.1.8");
    assert.deepEqual(names, ["other"]);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0]!,
      /template-map-lookup\.js: not applied to Eleventy 3\.1\.8, as it failed: .*TemplatePageMap\.js/,
    );
  });

  it("leave out, in one line, a patch whose method of Eleventy is not there (renamed)", async () => {
    const renamed = {
      name: "template-map-lookup",
      apply: async () => indexTemplateMapLookups(class {}, TemplatePath),
    };
    const { names, lines } = await applied([renamed], "3.1.8");
    assert.deepEqual(names, []);
    assert.deepEqual(lines, [
      "scripts/eleventy-patches/template-map-lookup.js: not applied to Eleventy 3.1.8, as the code it changes is not there; the build goes on without it",
    ]);
  });

  it("leave out, in one line, a patch that throws, even with a message of several lines", async () => {
    const failing = {
      name: "written-pages-memory",
      apply: async () => {
        throw new Error("first line\nsecond line");
      },
    };
    const { lines } = await applied([failing], "3.1.8");
    assert.deepEqual(lines, [
      "scripts/eleventy-patches/written-pages-memory.js: not applied to Eleventy 3.1.8, as it failed: first line; the build goes on without it",
    ]);
  });
});

// Every internal link, asset and #fragment of the built site resolves.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findBrokenLinks } from "../helpers/link-check.ts";
import { buildSite, removeDir, temporaryProject, writeFiles, type BuildResult } from "../helpers/site.ts";

describe("links of the built site", () => {
  let build: BuildResult;
  before(() => {
    build = buildSite();
    assert.equal(build.status, 0, build.stderr);
  });
  after(() => removeDir(build.outputDir));

  it("has no broken internal link, asset or fragment", () => {
    assert.deepEqual(findBrokenLinks(build.outputDir), []);
  });

  it("would notice a broken link (the checker can fail)", () => {
    const project = temporaryProject("seed");
    writeFiles(project, {
      "content/casse.md":
        "---\ntitle: Cassé\npermalink: /casse/\nlayout: base.njk\n---\n[nulle part](/nulle-part/) et [ancre](#absente)\n",
    });
    const broken = buildSite({ projectDir: project });
    try {
      assert.equal(broken.status, 0, broken.stderr);
      const lines = findBrokenLinks(broken.outputDir);
      assert.ok(
        lines.some((line) => line.includes("/nulle-part/ (no such file)")),
        lines.join("\n"),
      );
      assert.ok(
        lines.some((line) => line.includes('#absente (no element with id "absente")')),
        lines.join("\n"),
      );
    } finally {
      removeDir(project);
      removeDir(broken.outputDir);
    }
  });
});

// Which output folder a one-off build empties first (src/build/output-folder.ts): only the
// project's own _site/, and not when it is a link or holds what a build never writes.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { decideEmptying, emptyFolder } from "../../src/build/output-folder.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

function withProject(test: (project: string) => void): void {
  const root = temporaryDir("output-folder");
  try {
    test(root);
  } finally {
    removeDir(root);
  }
}

describe("decideEmptying", () => {
  it("empties the project's own _site/, named relatively or absolutely, or notes there is none yet", () => {
    withProject((project) => {
      assert.deepEqual(decideEmptying("_site", "_site", project), { empty: true });
      mkdirSync(join(project, "_site"));
      assert.deepEqual(decideEmptying("./_site/", "_site", project), { empty: true });
      assert.deepEqual(decideEmptying(join(project, "_site"), "_site", project), { empty: true });
    });
  });

  it("leaves every other folder alone, silently: --output folders belong to their caller", () => {
    withProject((project) => {
      for (const output of [
        ".",
        "..",
        "docs",
        "src",
        "content",
        "content/posts",
        "layouts",
        "_site/..",
        "/tmp/site",
        "/",
      ]) {
        assert.deepEqual(decideEmptying(output, "_site", project), { empty: false }, output);
      }
    });
  });

  it("refuses, with a warning, a _site/ that is a link (its target may be anywhere) or holds .git, package.json or node_modules", () => {
    withProject((project) => {
      mkdirSync(join(project, "elsewhere"));
      symlinkSync(join(project, "elsewhere"), join(project, "_site"), "dir");
      const linked = decideEmptying("_site", "_site", project);
      assert.equal(linked.empty, false);
      assert.match(
        (!linked.empty && linked.warning) || "",
        /^_site\/ was not emptied before the build \(it is a symbolic link\)/,
      );
    });
    for (const marker of [".git", "package.json", "node_modules"]) {
      withProject((project) => {
        mkdirSync(join(project, "_site"));
        writeFileSync(join(project, "_site", marker), "");
        const decision = decideEmptying("_site", "_site", project);
        assert.equal(decision.empty, false, marker);
        assert.match(
          (!decision.empty && decision.warning) || "",
          new RegExp(`\\(it holds ${marker.replace(".", "\\.")}\\)`),
        );
      });
    }
  });
});

describe("emptyFolder", () => {
  it("removes what the folder holds and keeps the folder", () => {
    withProject((project) => {
      mkdirSync(join(project, "_site", "old-post"), { recursive: true });
      writeFileSync(join(project, "_site", "old-post", "index.html"), "old");
      writeFileSync(join(project, "_site", "feed.xml"), "old");
      emptyFolder(join(project, "_site"));
      assert.deepEqual(readdirSync(join(project, "_site")), []);
    });
  });
});

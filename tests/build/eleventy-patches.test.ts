// The launcher's changes to Eleventy's internals (scripts/eleventy-patches/) on an Eleventy
// they were not written for: a copy of Eleventy 3.1.8 in a project's own node_modules,
// given another version number, or with a file moved. The build goes on, unpatched, and
// says so in one line per patch left out.
import assert from "node:assert/strict";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSite, removeDir, repositoryRoot, temporaryProject } from "../helpers/site.ts";

const SITE = {
  ".eleventy.ts": 'export default () => ({ dir: { input: "site" } });\n',
  "site/index.md": "# Accueil\n",
};

/** A project whose Eleventy is a copy of ours, changed by `change` (given the copy's folder). */
function projectWithEleventy(change: (eleventyDir: string) => void): string {
  const project = temporaryProject(SITE, { ownCache: true });
  const scope = join(project, "node_modules/@11ty");
  rmSync(scope);
  mkdirSync(scope);
  for (const name of readdirSync(join(repositoryRoot, "node_modules/@11ty"))) {
    if (name !== "eleventy")
      symlinkSync(join(repositoryRoot, "node_modules/@11ty", name), join(scope, name), "dir");
  }
  cpSync(join(repositoryRoot, "node_modules/@11ty/eleventy"), join(scope, "eleventy"), { recursive: true });
  change(join(scope, "eleventy"));
  return project;
}

/** The lines of a build's standard error that tell of a patch left out. */
function patchWarnings(project: string): string[] {
  const build = buildSite({ projectDir: project });
  try {
    assert.equal(build.status, 0, build.stderr);
    assert.match(readFileSync(join(build.outputDir, "index.html"), "utf8"), /<h1>Accueil<\/h1>/);
    return build.stderr.split("\n").filter((line) => line.includes("eleventy-patches"));
  } finally {
    removeDir(build.outputDir);
  }
}

describe("the Eleventy patches on another Eleventy", () => {
  it("are left out on another version, one line each naming the version found", () => {
    const project = projectWithEleventy((dir) => {
      const file = join(dir, "package.json");
      writeFileSync(file, readFileSync(file, "utf8").replace('"version": "3.1.8"', '"version": "3.2.0"'));
    });
    try {
      const warnings = patchWarnings(project);
      assert.equal(warnings.length, 4, warnings.join("\n"));
      assert.match(warnings[0]!, /template-map-lookup.*3\.2\.0/);
      assert.match(warnings[1]!, /dependency-graph-edges.*3\.2\.0/);
      assert.match(warnings[2]!, /path-normalization.*3\.2\.0/);
      assert.match(warnings[3]!, /written-pages-memory.*3\.2\.0/);
    } finally {
      removeDir(project);
    }
  });

  it("leave out the one whose file moved, in one line, and the build goes on", () => {
    const project = projectWithEleventy((dir) => {
      // As a later Eleventy might: the file renamed, and Eleventy's own imports of it.
      renameSync(join(dir, "src/TemplateMap.js"), join(dir, "src/TemplatePageMap.js"));
      for (const name of readdirSync(join(dir, "src"), { recursive: true })
        .map(String)
        .filter((name) => name.endsWith(".js"))) {
        const file = join(dir, "src", name);
        const text = readFileSync(file, "utf8");
        if (text.includes("TemplateMap.js"))
          writeFileSync(file, text.replaceAll("TemplateMap.js", "TemplatePageMap.js"));
      }
    });
    try {
      const warnings = patchWarnings(project);
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0]!, /template-map-lookup.*3\.1\.8/);
    } finally {
      removeDir(project);
    }
  });
});

// `npm run build` runs esbuild's bundles of the configuration and the comment worker
// (scripts/eleventy.js), kept in node_modules/.cache/: a build reuses them only while
// every file they were made from is unchanged, wherever it is (here extra/, outside src/),
// and does not run esbuild again when nothing changed. A project with its own cache
// folder, whose configuration prints a banner from extra/banner.ts.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { buildSite, removeDir, temporaryDir, temporaryProject, writeFiles } from "../helpers/site.ts";

const CONFIG = `import { banner } from "./extra/banner.ts";
export default function (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
  eleventyConfig.addGlobalData("banner", banner);
  return { dir: { input: "site" } };
}
`;
const banner = (text: string) => `export const banner = "${text}";\n`;

describe("the launcher's bundles", () => {
  let project: string;
  let cacheDir: string;

  /** Builds the project; the text of its home page. */
  function build(): string {
    const result = buildSite({ projectDir: project });
    try {
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /could not bundle/);
      return readFileSync(join(result.outputDir, "index.html"), "utf8");
    } finally {
      removeDir(result.outputDir);
    }
  }

  /** Each file of the cache folder with its modification time. */
  function cacheFiles(): string[] {
    return readdirSync(cacheDir)
      .map((name) => `${name} ${statSync(join(cacheDir, name)).mtimeMs}`)
      .sort();
  }

  before(() => {
    project = temporaryProject(
      {
        ".eleventy.ts": CONFIG,
        "extra/banner.ts": banner("première bannière"),
        "site/index.md": "{{ banner }}\n",
      },
      { ownCache: true },
    );
    cacheDir = join(project, "node_modules/.cache/nous-les-geeks");
  });
  after(() => removeDir(project));

  it("are made by the first build", () => {
    assert.match(build(), /première bannière/);
    assert.ok(
      cacheFiles().some((file) => file.startsWith("eleventy.config.")),
      cacheFiles().join("\n"),
    );
  });

  it("are reused as they are by a build of the same code: esbuild does not run", () => {
    const before = cacheFiles();
    assert.match(build(), /première bannière/);
    assert.deepEqual(cacheFiles(), before);
  });

  it("are made again once a module imported from outside src/ changes", () => {
    writeFiles(project, { "extra/banner.ts": banner("seconde bannière") });
    assert.match(build(), /seconde bannière/);
  });

  it("are shared safely by builds that run at once, each with the latest code", async () => {
    writeFiles(project, { "extra/banner.ts": banner("troisième bannière") });
    const outputs = [temporaryDir("site"), temporaryDir("site"), temporaryDir("site")];
    try {
      await Promise.all(
        outputs.map((output) =>
          promisify(execFile)(
            process.execPath,
            ["scripts/eleventy.js", "--config=.eleventy.ts", `--output=${output}`, "--quiet"],
            { cwd: project },
          ),
        ),
      );
      for (const output of outputs)
        assert.match(readFileSync(join(output, "index.html"), "utf8"), /troisième bannière/);
    } finally {
      outputs.forEach(removeDir);
    }
    assert.match(build(), /troisième bannière/);
  });
});

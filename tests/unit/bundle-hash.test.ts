// scripts/bundle-hash.js names the launcher's bundles: a build must never run a bundle
// made from other sources or other package versions (the comment worker's bundle holds
// markdown-it, luxon, js-yaml… themselves), and must not rebuild for nothing.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { dependencyNames, sourcesHash } from "../../scripts/bundle-hash.js";

describe("the bundles' hash", () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const packageJson = (name: string, version: string) => JSON.stringify({ name, version });
  const hash = () => sourcesHash(".eleventy.ts", [join(root, "scripts/eleventy.js")], root);

  before(() => {
    root = mkdtempSync(join(tmpdir(), "bundle-hash-"));
    write("package.json", JSON.stringify({ dependencies: { "markdown-it": "^14.0.0" }, devDependencies: { esbuild: "^0.25.0" } }));
    write("node_modules/markdown-it/package.json", packageJson("markdown-it", "14.1.0"));
    write("node_modules/esbuild/package.json", packageJson("esbuild", "0.25.0"));
    write(".eleventy.ts", "export default () => {};\n");
    write("src/comments/thread.ts", "export const a = 1;\n");
    write("src/site/notes.md", "not code\n");
    write("scripts/eleventy.js", "// launcher\n");
    write("README.md", "# site\n");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("lists the dependencies and devDependencies of package.json", () => {
    assert.deepEqual(dependencyNames(root), ["markdown-it", "esbuild"]);
  });

  it("stays the same when nothing a bundle is made from changes", () => {
    const first = hash();
    write("README.md", "# another text\n");
    write("src/site/notes.md", "still not code\n");
    assert.equal(hash(), first);
  });

  it("reads a configuration named by its absolute path (--config=/…/.eleventy.ts)", () => {
    const absolute = () => sourcesHash(join(root, ".eleventy.ts"), [join(root, "scripts/eleventy.js")], root);
    const previous = absolute();
    write(".eleventy.ts", "export default () => ({ absolute: true });\n");
    assert.notEqual(absolute(), previous);
  });

  // Each change that must give new bundles, made one after the other.
  const changes: [string, string, string][] = [
    ["a source file under src/", "src/comments/thread.ts", "export const a = 2;\n"],
    ["a new source file under src/", "src/format/dates.ts", "export {};\n"],
    ["the configuration", ".eleventy.ts", "export default () => ({});\n"],
    ["the launcher", "scripts/eleventy.js", "// launcher, new options\n"],
    ["a dependency's installed version, with no lock record (yarn, pnpm)", "node_modules/markdown-it/package.json", packageJson("markdown-it", "14.1.1")],
    ["esbuild's version", "node_modules/esbuild/package.json", packageJson("esbuild", "0.25.1")],
    ["tsconfig.json, which esbuild reads", "tsconfig.json", JSON.stringify({ compilerOptions: { target: "ES2022" } })],
    ["npm's record of the installed tree", "node_modules/.package-lock.json", JSON.stringify({ packages: { "node_modules/markdown-it": { version: "14.1.1" } } })],
    ["package.json", "package.json", JSON.stringify({ dependencies: { "markdown-it": "^14.1.1" }, devDependencies: { esbuild: "^0.25.0" } })],
  ];
  for (const [what, path, text] of changes) {
    it(`changes with ${what}`, () => {
      const previous = hash();
      write(path, text);
      assert.notEqual(hash(), previous);
    });
  }
});

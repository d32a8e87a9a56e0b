// The name of the launcher's bundles (scripts/eleventy.js): a hash of everything a
// bundle is made from, so that a build never runs a bundle of other sources or of other
// package versions. Plain JavaScript: it runs before TypeScript is available.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Every package the project's package.json names, dependencies and devDependencies.
 * @returns {string[]}
 */
export function dependencyNames(root = ".") {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  return [...Object.keys(dependencies), ...Object.keys(devDependencies)];
}

/**
 * A hash of the configuration `config`, every script of src/, the files that make the
 * bundles (`makers`: the launcher, this module), tsconfig.json (esbuild reads it),
 * package.json and the installed packages' versions: the worker's bundle holds them all.
 * Paths are relative to `root`.
 * @param {string} config
 * @param {string[]} makers
 * @returns {string} 16 hexadecimal digits
 */
export function sourcesHash(config, makers, root = ".") {
  const sources = [config, ...readdirSync(resolve(root, "src"), { recursive: true }).map((name) => join("src", String(name))).filter((name) => /\.[cm]?[jt]s$/.test(name))].sort();
  const hash = createHash("sha256");
  for (const file of makers) hash.update(readFileSync(resolve(root, file)));
  // The installed packages: npm's record of the whole tree (node_modules/.package-lock.json,
  // rewritten by every install) where there is one, and each dependency's own version
  // (yarn and pnpm write no such record); esbuild's, which makes the bundles, even if a
  // package.json does not name it.
  const dependencies = ["esbuild", ...dependencyNames(root)].map((name) => `node_modules/${name}/package.json`);
  const installed = new Set(["tsconfig.json", "package.json", "node_modules/.package-lock.json", ...dependencies]);
  for (const file of installed) {
    if (existsSync(resolve(root, file))) hash.update(`\0${file}\0`).update(readFileSync(resolve(root, file)));
  }
  for (const file of sources) hash.update(`\0${file}\0`).update(readFileSync(resolve(root, file)));
  return hash.digest("hex").slice(0, 16);
}

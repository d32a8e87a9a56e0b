// The launcher's bundles (scripts/eleventy.js) are kept in sets, each beside a manifest of
// every file it was made from, with the file's hash. A build reuses a set only while each
// of those files still has its hash. Sets are named by a hash of their manifest, so builds
// of other code (another project sharing node_modules, a build running at the same time)
// never write over each other's. Plain JavaScript: it runs before TypeScript is available.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeCacheFile } from "../src/build/build-cache.js";

/** Sets made over an hour ago are removed when a new set is made; a build using one makes it again. */
const SET_LIFETIME_MS = 3_600_000;

/** @param {string | Uint8Array} bytes */
export function contentHash(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A file's hash; "absent" when it cannot be read, so that a file appearing is a change too.
 * @param {string} file
 */
export function fileHash(file) {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return "absent";
  }
}

/**
 * The set of bundles of `entries` (a bundle's name: its entry point) kept in `dir` whose
 * inputs all still have their hashes, by name; undefined if there is none.
 * @template {string} Name
 * @param {string} dir
 * @param {Record<Name, string>} entries
 * @returns {Record<Name, string> | undefined}
 */
export function reusableBundles(dir, entries) {
  /** @type {Map<string, string>} each file hashed once, however many manifests name it */
  const hashes = new Map();
  const hashOf = (/** @type {string} */ file) => hashes.get(file) ?? hashes.set(file, fileHash(file)).get(file);
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => /^bundles\.\w+\.json$/.test(name)) : [];
  for (const name of names) {
    const id = name.split(".")[1];
    try {
      /** @type {{ entries: unknown, inputs: Record<string, string> }} */
      const manifest = JSON.parse(readFileSync(join(dir, name), "utf8"));
      if (JSON.stringify(manifest.entries) !== JSON.stringify(entries)) continue;
      if (!Object.entries(manifest.inputs).every(([file, hash]) => hashOf(file) === hash)) continue;
      const bundles = bundleFiles(dir, entries, String(id));
      if (Object.values(bundles).every((file) => existsSync(/** @type {string} */ (file)))) return bundles;
    } catch {
      // Not a manifest this code wrote: another set may do.
    }
  }
  return undefined;
}

/**
 * Writes a set of bundles (`texts`, by name), then its manifest: `entries` and the hash of
 * each of its `inputs`, by path. Removes the sets made over an hour ago.
 * @template {string} Name
 * @param {string} dir
 * @param {Record<Name, string>} entries
 * @param {Record<Name, string>} texts
 * @param {Record<string, string>} inputs
 * @returns {Record<Name, string>} the bundles' files, by name
 */
export function saveBundles(dir, entries, texts, inputs) {
  const manifest = JSON.stringify({ entries, inputs: Object.fromEntries(Object.entries(inputs).sort()) });
  const id = contentHash(manifest).slice(0, 16);
  const bundles = bundleFiles(dir, entries, id);
  for (const name of /** @type {Name[]} */ (Object.keys(entries))) writeCacheFile(bundles[name], texts[name]);
  // Last: a manifest names only bundles already in place.
  const manifestFile = join(dir, `bundles.${id}.json`);
  writeCacheFile(manifestFile, manifest);
  removeOldSets(dir, [manifestFile, ...Object.values(bundles).map(String)]);
  return bundles;
}

/**
 * @template {string} Name
 * @param {string} dir
 * @param {Record<Name, string>} entries
 * @param {string} id
 * @returns {Record<Name, string>}
 */
function bundleFiles(dir, entries, id) {
  return /** @type {Record<Name, string>} */ (Object.fromEntries(Object.keys(entries).map((name) => [name, join(dir, `${name}.${id}.mjs`)])));
}

/**
 * Removes the bundles, manifests and half-written files made over an hour ago but `keep`;
 * the folder's other files stay.
 * @param {string} dir
 * @param {string[]} keep
 */
function removeOldSets(dir, keep) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!/\.(mjs|tmp)$|^bundles\.\w+\.json$/.test(name) || keep.includes(file)) continue;
    const made = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - made > SET_LIFETIME_MS) rmSync(file, { force: true });
  }
}

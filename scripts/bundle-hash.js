// The launcher's bundles (scripts/eleventy.js) are kept in node_modules/.cache/ in sets,
// each beside a manifest of every file it was made from, with the file's hash. A build
// reuses a set only while each of those files still has its hash. Sets are named by a
// hash of their manifest, so builds of other code (another project sharing node_modules,
// a build running at the same time) never write over each other's, and each file is
// written whole or not at all. Plain JavaScript: it runs before TypeScript is available.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Relative to the project's folder. */
export const CACHE_DIR = join("node_modules", ".cache", "nous-les-geeks");

/** Files made over an hour ago are removed when a new set is made; a build using them makes them again. */
const LIFETIME_MS = 3_600_000;

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
 * The bundle files of set `id`, by name (a bundle's name is that of its entry point's).
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
 * The bundles of `entries` (entry points, by name) kept in `dir` by a set whose files all
 * still have their hashes, by name; undefined if there is no such set.
 * @template {string} Name
 * @param {string} dir
 * @param {Record<Name, string>} entries
 * @returns {Record<Name, string> | undefined}
 */
export function reusableBundles(dir, entries) {
  /** @type {Map<string, string>} each file hashed once, however many manifests name it */
  const hashes = new Map();
  const unchanged = (/** @type {[string, string]} */ [file, hash]) => (hashes.get(file) ?? hashes.set(file, fileHash(file)).get(file)) === hash;
  const ids = (existsSync(dir) ? readdirSync(dir) : []).flatMap((name) => /^bundles\.(\w+)\.json$/.exec(name)?.slice(1) ?? []);
  for (const id of ids) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, `bundles.${id}.json`), "utf8"));
      const bundles = bundleFiles(dir, entries, id);
      const found = JSON.stringify(manifest.entries) === JSON.stringify(entries) && Object.entries(manifest.inputs).every(unchanged);
      if (found && Object.values(bundles).every((file) => existsSync(/** @type {string} */ (file)))) return bundles;
    } catch {
      // Not a manifest this code wrote: another set may do.
    }
  }
  return undefined;
}

/**
 * Writes a set of bundles (`texts`, by name), then its manifest: `entries` and `inputs`,
 * the hash of every file the bundles were made from, by path. Removes the old files.
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
  const keep = [manifestFile, ...Object.values(bundles)];
  for (const file of readdirSync(dir).map((name) => join(dir, name))) {
    const made = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (!keep.includes(file) && Date.now() - made > LIFETIME_MS) rmSync(file, { force: true });
  }
  return bundles;
}

/**
 * Writes `file` whole or not at all (through a temporary file renamed over it): builds
 * running at once may write the same file, and a reader must never see half of it. The
 * temporary file is removed if anything fails; the error is thrown.
 * @param {string} file
 * @param {string} text
 */
export function writeCacheFile(file, text) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

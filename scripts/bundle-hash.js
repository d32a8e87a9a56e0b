// The launcher's bundles (scripts/eleventy.js) are kept in node_modules/.cache/, each
// beside a manifest of every file it was made from, with the file's hash. A build reuses a
// bundle only while each of those files still has its hash. Bundles are named by a hash of
// their manifest, so builds of other code (another project sharing node_modules, a build
// running at the same time) never write over each other's, and each file is written whole
// or not at all. Plain JavaScript: it runs before TypeScript is available.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";

/** Relative to the project's folder. */
export const CACHE_DIR = join("node_modules", ".cache", "nous-les-geeks");

/** How long a bundle of other files is kept. */
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
 * The manifests of the bundles named `name` in `dir`.
 * @param {string} dir
 * @param {string} name
 */
function manifestsOf(dir, name) {
  return existsSync(dir)
    ? readdirSync(dir).filter((file) => file.startsWith(`${name}.`) && file.endsWith(".json"))
    : [];
}

/**
 * The bundle of `entry` kept in `dir` under `name` whose manifest's files all still have
 * their hashes; undefined if there is none.
 * @param {string} dir
 * @param {string} name
 * @param {string} entry
 * @param {Map<string, string>} hashes the files hashed so far: each once a build, however
 *   many manifests name it (a build's two bundles share most of theirs)
 */
export function reusableBundle(dir, name, entry, hashes = new Map()) {
  const unchanged = (/** @type {[string, string]} */ [file, hash]) =>
    (hashes.get(file) ?? hashes.set(file, fileHash(file)).get(file)) === hash;
  for (const manifest of manifestsOf(dir, name)) {
    const bundle = join(dir, manifest.replace(/\.json$/, ".mjs"));
    if (!existsSync(bundle)) continue;
    try {
      const made = JSON.parse(readFileSync(join(dir, manifest), "utf8"));
      if (made.entry === entry && Object.entries(made.inputs).every(unchanged)) return bundle;
    } catch {
      // Not a manifest this code wrote: another may do.
    }
  }
  return undefined;
}

/**
 * Writes a bundle (`text`) under `name`, then its manifest: its entry point and `inputs`,
 * the hash of every file it was made from, by path. Removes the bundles of that name made
 * over an hour ago, with their manifests: a build wanting one makes it again.
 * @param {string} dir
 * @param {string} name
 * @param {string} entry
 * @param {string} text
 * @param {Record<string, string>} inputs
 * @returns {string} the bundle's file
 */
export function saveBundle(dir, name, entry, text, inputs) {
  const manifest = JSON.stringify({ entry, inputs: Object.fromEntries(Object.entries(inputs).sort()) });
  const file = join(dir, `${name}.${contentHash(manifest).slice(0, 16)}`);
  writeCacheFile(`${file}.mjs`, text);
  // Last: a manifest names only a bundle in place.
  writeCacheFile(`${file}.json`, manifest);
  for (const old of readdirSync(dir)
    .filter((other) => other.startsWith(`${name}.`))
    .map((other) => join(dir, other))) {
    const age = Date.now() - (statSync(old, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (!old.startsWith(`${file}.`) && age > LIFETIME_MS) rmSync(old, { force: true });
  }
  return `${file}.mjs`;
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

// Where the build keeps what it can make again, and how it writes there: the launcher's
// bundles (scripts/eleventy.js) and the site zone's offsets (./site-zone-cache.ts).
// Plain JavaScript, so that the launcher, which runs before TypeScript is available,
// shares it with the TypeScript.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Relative to the project's root. */
export const CACHE_DIR = join("node_modules", ".cache", "nous-les-geeks");

/**
 * Writes `file` whole or not at all (through a temporary file renamed over it): builds,
 * and a build's two threads, may write the same file at once, and a reader must never
 * see half of it. The temporary file is removed if anything fails; the error is thrown.
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

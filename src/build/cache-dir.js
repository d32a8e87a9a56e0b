// Where the build keeps what it can make again: the launcher's bundles
// (scripts/eleventy.js) and the site zone's offsets (./site-zone-cache.ts), relative to
// the project's root. Plain JavaScript, so that the launcher, which runs before
// TypeScript is available, reads the same constant as the TypeScript.
import { join } from "node:path";

export const CACHE_DIR = join("node_modules", ".cache", "nous-les-geeks");

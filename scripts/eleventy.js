// Starts Eleventy with our TypeScript, for `npm run build` and `npm start`. Plain
// JavaScript: TypeScript is not available yet. Arguments go to Eleventy.
//
// A one-off build (`npm run build`) loads no TypeScript at run time: esbuild bundles
// .eleventy.ts and the code it imports (src/) into one JavaScript module and the comment
// worker (src/comments/worker/) into another, kept in
// node_modules/.cache/ under a hash of the sources and package versions (./bundle-hash.js:
// a build with unchanged code does not run esbuild; concurrent builds share the files
// safely). Loading our forty-odd modules one by one through tsx's and Eleventy's module
// hooks was most of a small site's build time (docs/performance.md).
//
// The dev server (--serve, --watch) registers tsx instead, after loading Eleventy and the
// heavy dependencies with plain Node (only our TypeScript goes through tsx's hooks), so
// that Eleventy reloads .eleventy.ts when it changes.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CACHE_DIR, writeCacheFile } from "../src/build/build-cache.js";
import { dependencyNames, sourcesHash } from "./bundle-hash.js";
import { patchEleventy } from "./eleventy-patches/index.js";

const WORKER_SOURCE = "src/comments/worker/comment-worker.ts";

/**
 * Removes bundles of other versions of the code (and files left half-written), once they
 * are an hour old; the folder's other files (src/build/site-zone-cache.ts) stay.
 * @param {string[]} keep
 */
function pruneOldBundles(keep) {
  const now = Date.now();
  for (const name of readdirSync(CACHE_DIR)) {
    const file = resolve(CACHE_DIR, name);
    if (!/\.(mjs|tmp)$/.test(name) || keep.includes(file)) continue;
    if (now - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true });
  }
}

// Packages bundled with our code rather than imported: zod is some sixty modules, which
// Node's loader took 43 ms to load one by one (a quarter of the seed site's extra start-up),
// and only the schema builders we use survive esbuild's tree-shaking (zod/mini's: 6 ms). Packages
// Eleventy loads too (markdown-it, luxon…) must stay imports: bundled, they would load twice.
// The comment worker's bundle holds every package it uses: its thread loads its own copy
// of each anyway, and one file starts faster than Node's loader resolving and reading
// some eighty (the worker starts validating 35 ms sooner, 250 posts build in 0.69 s
// instead of 0.72 s; docs/performance.md).
const BUNDLED_PACKAGES = ["zod"];

/** Every package of package.json but the bundled ones: esbuild leaves them as imports. */
function externalPackages() {
  return dependencyNames().filter((name) => !BUNDLED_PACKAGES.includes(name));
}

/**
 * Bundles one TypeScript entry point into `file`; `external` packages stay imports.
 * @param {string} entryPoint
 * @param {string} file
 */
async function bundle(entryPoint, file, external = externalPackages()) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [resolve(entryPoint)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external,
    write: false,
    logLevel: "error",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${entryPoint}`);
  writeCacheFile(file, output.text);
}

const args = process.argv.slice(2);
const watching = args.some((arg) => /^--(serve|watch)(=|$)/.test(arg));
const configIndex = args.findIndex((arg) => arg.startsWith("--config="));
const config = args[configIndex]?.slice("--config=".length);

/**
 * The bundled configuration and comment worker, made if the sources
 * changed; undefined when they cannot be written (a read-only node_modules, say): the
 * build then runs through tsx, as the dev server does.
 * @param {string} config
 */
async function bundledModules(config) {
  try {
    const hash = sourcesHash(config, [fileURLToPath(import.meta.url), fileURLToPath(new URL("bundle-hash.js", import.meta.url))]);
    const configModule = resolve(CACHE_DIR, `eleventy.config.${hash}.mjs`);
    const workerModule = resolve(CACHE_DIR, `comment-worker.${hash}.mjs`);
    const modules = [configModule, workerModule];
    if (!modules.every((file) => existsSync(file))) {
      await Promise.all([bundle(config, configModule), bundle(WORKER_SOURCE, workerModule, [])]);
      pruneOldBundles(modules);
    }
    return { configModule, workerModule };
  } catch (error) {
    console.warn(`scripts/eleventy.js: could not bundle ${config} (${error instanceof Error ? error.message : error}); running it through tsx instead`);
    return undefined;
  }
}

const bundled = !watching && config?.endsWith(".ts") ? await bundledModules(config) : undefined;
if (bundled) {
  // Read by src/comments/worker/comment-worker-client.ts.
  process.env.COMMENT_WORKER_MODULE = pathToFileURL(bundled.workerModule).href;
  // Loaded now, with its dependencies, before Eleventy's module hooks would see each of them.
  await import(pathToFileURL(bundled.configModule).href);
  args[configIndex] = `--config=${bundled.configModule}`;
  process.argv = [...process.argv.slice(0, 2), ...args];
} else {
  await import("@11ty/eleventy");
  await import("@11ty/eleventy-plugin-rss");
  await Promise.all([import("markdown-it"), import("luxon"), import("zod/mini")]);
  const { register } = await import("tsx/esm/api");
  register();
}

// Eleventy 3.1's quadratic steps and its memory of finished pages (scripts/eleventy-patches/).
await patchEleventy({ oneOffBuild: !watching });

// Eleventy's command line, next to its entry point (its package exports do not name it).
await import(new URL("../cmd.cjs", import.meta.resolve("@11ty/eleventy")).href);

// Starts Eleventy with our TypeScript, for `npm run build` and `npm start`. Plain
// JavaScript: TypeScript is not available yet. Arguments go to Eleventy.
//
// A one-off build (`npm run build`) loads no TypeScript at run time: esbuild bundles
// .eleventy.ts and the code it imports into one JavaScript module and the comment worker
// (src/comments/worker/) into another, kept in node_modules/.cache/ and reused while every
// file they were made from is unchanged (./bundle-hash.js). Loading our modules one by one
// through tsx's and Eleventy's module hooks was most of a small site's build time
// (docs/performance.md).
//
// The dev server (--serve, --watch) registers tsx instead, after loading Eleventy and the
// heavy dependencies with plain Node (only our TypeScript goes through tsx's hooks), so
// that Eleventy reloads .eleventy.ts when it changes.
import { pathToFileURL } from "node:url";
import { bundleOf, externalPackages } from "./bundle.js";
import { startCommentWorkerEarly } from "../src/comments/worker/early-start.js";
import { patchEleventy } from "./eleventy-patches/index.js";

const WORKER_SOURCE = "src/comments/worker/comment-worker.ts";

// Packages bundled with our code rather than imported: zod is some sixty modules for
// Node's loader, and only the schema builders we use survive esbuild's tree-shaking.
// Packages Eleventy loads too (markdown-it, luxon…) must stay imports: bundled, they would
// load twice. The comment worker's bundle holds every package it uses: its thread loads
// its own copy of each anyway, and one file starts faster than Node's loader resolving
// and reading some eighty.
const BUNDLED_PACKAGES = ["zod"];

/** This launcher's bundles, made again when it changes (./bundle.js). */
const cachedBundle = (
  /** @type {string} */ name,
  /** @type {string} */ entryPoint,
  /** @type {string[]} */ external,
) => bundleOf(name, entryPoint, external, "scripts/eleventy.js");

/**
 * The bundled configuration and comment worker; undefined when they cannot be written (a
 * read-only node_modules, say): the build then runs through tsx, as the dev server does.
 * @param {string} config
 */
async function bundledModules(config) {
  try {
    const [configModule, workerModule] = await Promise.all([
      cachedBundle("eleventy.config", config, externalPackages(BUNDLED_PACKAGES)),
      cachedBundle("comment-worker", WORKER_SOURCE, []),
    ]);
    return { configModule, workerModule };
  } catch (error) {
    console.warn(
      `scripts/eleventy.js: could not bundle ${config} (${error instanceof Error ? error.message : error}); running it through tsx instead`,
    );
    return undefined;
  }
}

const args = process.argv.slice(2);
const watching = args.some((arg) => /^--(serve|watch)(=|$)/.test(arg));
const configIndex = args.findIndex((arg) => arg.startsWith("--config="));
const config = args[configIndex]?.slice("--config=".length);

// BUILD_BUNDLE=0 runs a one-off build through tsx too: the benchmark measures what bundling buys.
const bundling = !watching && config?.endsWith(".ts") && process.env.BUILD_BUNDLE !== "0";
const bundled = bundling && config ? await bundledModules(config) : undefined;
if (bundled) {
  // Read by src/comments/worker/comment-worker-client.ts.
  process.env.COMMENT_WORKER_MODULE = pathToFileURL(bundled.workerModule).href;
  // A large site's comment worker starts now, not once the configuration has loaded
  // (src/comments/worker/early-start.js), unless Eleventy is given another --input.
  if (!args.some((arg) => arg.startsWith("--input"))) {
    startCommentWorkerEarly({
      workerUrl: process.env.COMMENT_WORKER_MODULE,
      contentDir: "content",
      projectRoot: process.cwd(),
    });
  }
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

// Eleventy 3.1.8's quadratic page lookups and its memory of finished pages
// (scripts/eleventy-patches/: on another Eleventy, a warning and none of them).
await patchEleventy({ oneOffBuild: !watching });

// Eleventy's command line, next to its entry point (its package exports do not name it).
await import(new URL("../cmd.cjs", import.meta.resolve("@11ty/eleventy")).href);

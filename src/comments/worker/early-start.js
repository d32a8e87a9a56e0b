// A large one-off build's comment worker, started by the launcher (scripts/eleventy.js)
// before it imports the configuration (Eleventy, markdown-it, luxon…): the worker checks
// the posts and reads the comments meanwhile. The configuration takes it over and asks it
// to validate that folder, as it would a worker of its own (the answer is ready, or on its
// way), or stops it. The launcher and the configuration's bundle are separate modules, so
// the worker is handed over through a global, under a registered symbol. Plain
// JavaScript: the launcher runs before TypeScript is available. BUILD_EARLY_WORKER=0
// leaves the start to the configuration (the benchmark measures what starting early buys).
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";

/** From this many posts, a one-off build hands the comments to a worker thread (./use-comment-worker.ts). */
export const WORKER_MIN_POSTS = 50;

const HANDOVER = Symbol.for("nous-les-geeks.early-comment-worker");

/**
 * How many folders `contentDir`/posts holds: an estimate of the posts, made before any
 * TypeScript (the configuration counts them again with the definition of a post folder).
 * @param {string} contentDir
 */
function folderCount(contentDir) {
  try {
    return readdirSync(join(contentDir, "posts"), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    ).length;
  } catch {
    return 0;
  }
}

/**
 * Starts the comment worker of `workerUrl` on `contentDir` if this build looks large
 * enough to want it, and keeps it for `takeEarlyCommentWorker`.
 * @param {{ workerUrl: string, contentDir: string, projectRoot: string, env?: NodeJS.ProcessEnv }} options
 */
export function startCommentWorkerEarly({ workerUrl, contentDir, projectRoot, env = process.env }) {
  if (env.BUILD_EARLY_WORKER === "0" || env.COMMENTS_WORKER === "never") return;
  if (env.COMMENTS_WORKER !== "always" && folderCount(contentDir) < WORKER_MIN_POSTS) return;
  const worker = new Worker(new URL(workerUrl), {
    workerData: { projectRoot, contentDir: resolve(contentDir) },
  });
  // Until it is taken over, nothing waits for it: a build that ends first is not held up.
  worker.unref();
  /** @type {Record<symbol, Worker | undefined>} */ (globalThis)[HANDOVER] = worker;
}

/**
 * The worker started early, if any, once: whoever takes it owns it.
 * @returns {Worker | undefined}
 */
export function takeEarlyCommentWorker() {
  const handover = /** @type {Record<symbol, Worker | undefined>} */ (globalThis);
  const early = handover[HANDOVER];
  delete handover[HANDOVER];
  return early;
}

// Whether a build renders the comments in a worker thread (./comment-worker.ts) or in
// process (../read-comments.ts).

import { WORKER_MIN_POSTS } from "./early-start.js";

/**
 * From WORKER_MIN_POSTS posts, a one-off build hands the comments to a worker thread (and
 * tunes V8 for a long build: src/build/v8-tiering.ts). Below, the thread's start-up (a
 * fresh V8 isolate loading its bundle) costs about what it saves (docs/performance.md).
 * COMMENTS_WORKER=always|never overrides the choice (tests use it to cover both ways).
 */
export { WORKER_MIN_POSTS };

/** `postCount` is asked only when it decides: a dev-server rebuild does not list the posts for it. */
export function useCommentWorker(
  runMode: string,
  postCount: () => number,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (runMode !== "build" || env.COMMENTS_WORKER === "never") return false;
  return env.COMMENTS_WORKER === "always" || postCount() >= WORKER_MIN_POSTS;
}

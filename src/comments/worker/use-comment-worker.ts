// Whether a build renders the comments in a worker thread (./comment-worker.ts) or in
// process (../comment-store.ts).

/**
 * From this many posts, a one-off build hands the comments to a worker thread. Below,
 * the thread's start-up (a fresh V8 isolate loading its modules) costs more than it
 * saves. Measured (output on tmpfs, 3 runs): 250 posts 1.18 s in process, 1.27 s with
 * the worker; 1,000 posts about equal; 4,000 posts 6.9 s in process, 5.1 s with it.
 * COMMENTS_WORKER=always|never overrides the choice (tests use it to cover both ways).
 */
export const WORKER_MIN_POSTS = 500;

/** `postCount` is asked only when it decides: a dev-server rebuild does not list the posts for it. */
export function useCommentWorker(runMode: string, postCount: () => number, env: NodeJS.ProcessEnv = process.env): boolean {
  if (runMode !== "build" || env.COMMENTS_WORKER === "never") return false;
  return env.COMMENTS_WORKER === "always" || postCount() >= WORKER_MIN_POSTS;
}

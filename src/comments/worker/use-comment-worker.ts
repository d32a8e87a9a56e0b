// Whether a build renders the comments in a worker thread (./comment-worker.ts) or in
// process (../comment-store.ts).

/**
 * From this many posts, a one-off build hands the comments to a worker thread. Below,
 * the thread's start-up (a fresh V8 isolate loading its modules) costs about what it
 * saves. Since the worker starts before the configuration loads (./early-start.ts),
 * measured on tmpfs, medians of 5 interleaved runs, in process against the worker: the
 * seed site 0.44 s against 0.46 s, 30 posts 0.53 s both ways, 100 posts 0.66 s both
 * ways, 250 posts 0.92 s against 0.87 s (4,000 posts, earlier: 6.9 s against 5.1 s).
 * COMMENTS_WORKER=always|never overrides the choice (tests use it to cover both ways).
 */
export const WORKER_MIN_POSTS = 200;

/** `postCount` is asked only when it decides: a dev-server rebuild does not list the posts for it. */
export function useCommentWorker(runMode: string, postCount: () => number, env: NodeJS.ProcessEnv = process.env): boolean {
  if (runMode !== "build" || env.COMMENTS_WORKER === "never") return false;
  return env.COMMENTS_WORKER === "always" || postCount() >= WORKER_MIN_POSTS;
}

// How eagerly V8 optimizes code, for a large site's build.
//
// V8 optimizes a function (TurboFan, on its helper threads) once it has run for a while,
// inlining what it calls. A build of a few seconds runs thousands of warm functions
// (Eleventy's, Nunjucks', markdown-it's, ours) each a few thousand times: measured on a
// 4,000-post build, V8's helpers spent about 2 s of CPU, most of it optimizing (TurboFan
// compiled 861 functions, 3.4 s of compile jobs), on a two-core machine where the build's
// two JavaScript threads (Eleventy, the comment worker) already want both cores. Waiting
// longer before optimizing and inlining less leaves only the really hot code to optimize.
// Measured (docs/performance.md): 4,000 posts 3.69 s → 3.42 s, 1,000 posts 1.52 s → 1.28 s,
// 250 posts 0.85 s → 0.72 s (with --always-sparkplug then, below).
//
// Set at run time, only for a build that starts the comment worker (scripts/eleventy.js,
// once it has counted the posts: 50 or more, src/comments/worker/use-comment-worker.ts):
// any V8 flag changes the hash under which Node's own modules are cached, so the first
// use of each of them is compiled again (+20–30 ms, measured on the seed site and on 100
// posts built in process, too short a build for the flags to pay back; with the worker,
// 100 posts take 0.56 s against 0.62 s in process without the flags).
import { setFlagsFromString } from "node:v8";

export const LARGE_BUILD_V8_FLAGS = [
  // V8's default is 67,584 (bytecode run between tiering checks): optimize 4.4× later.
  "--interrupt-budget=300000",
  // V8's default is 920: smaller optimizing jobs.
  "--max-inlined-bytecode-size-cumulative=300",
  // Not --always-sparkplug (baseline code for every function at once): it was part of
  // the set until the worker's bundle held its packages; since, it costs 250 posts
  // 20–40 ms (and 25 MB) and gives 1,000 and 4,000 posts nothing (docs/performance.md).
] as const;

/** Before the comment worker starts: V8's flags are the process's, its threads' too. */
export function tuneV8ForLargeBuild(): void {
  for (const flag of LARGE_BUILD_V8_FLAGS) setFlagsFromString(flag);
}

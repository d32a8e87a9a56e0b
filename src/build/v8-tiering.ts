// How eagerly V8 optimizes code, for a large site's build on a machine with few cores.
//
// V8 optimizes a warm function on its helper threads, inlining what it calls. A build of a
// few seconds runs thousands of warm functions (Eleventy's, Nunjucks', markdown-it's,
// ours); on a machine of one or two cores, where the build's two JavaScript threads (the
// pages, the comment worker) already want every core, optimizing them all competes with
// the build itself. Waiting longer before optimizing and inlining less leaves only the
// really hot code to optimize. With more cores the helpers have room of their own, and V8's
// defaults stand. docs/performance.md has what the flags buy.
//
// BUILD_V8_TUNING=1 sets the flags whatever the machine, BUILD_V8_TUNING=0 never. The
// comment worker sets them as it starts: a small build, which starts none, keeps V8's
// defaults (any flag set makes Node compile its own modules again).
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";

export const LARGE_BUILD_V8_FLAGS = [
  // Bytecode run between tiering checks (V8's default is 67,584): optimize later.
  "--interrupt-budget=300000",
  // V8's default is 920: smaller optimizing jobs.
  "--max-inlined-bytecode-size-cumulative=300",
] as const;

/** The cores at or under which a large build tunes V8 (BUILD_V8_TUNING aside). */
const FEW_CORES = 2;

/** Whether a large build on this machine tunes V8. */
export function wantsV8Tuning(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): boolean {
  if (env.BUILD_V8_TUNING === "1") return true;
  if (env.BUILD_V8_TUNING === "0") return false;
  return cores <= FEW_CORES;
}

/**
 * Sets the flags, before the comment worker starts (V8's flags are the process's, its
 * threads' too). A flag this V8 refuses is a warning, never a failed build.
 */
export function tuneV8ForLargeBuild(
  flags: readonly string[] = LARGE_BUILD_V8_FLAGS,
  set: (flag: string) => void = setFlagsFromString,
): void {
  for (const flag of flags) {
    try {
      set(flag);
    } catch (error) {
      console.warn(
        `V8 flag ${flag} not set (${error instanceof Error ? error.message : String(error)}): the build goes on with V8's default`,
      );
    }
  }
}

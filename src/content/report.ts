// Prints content problems for authors, one line each, and stops a build on errors.
// No stack trace: the file, the field and what is expected say everything (set DEBUG
// to get Eleventy's own error instead).
import { errorsIn, formatProblem, type Problem } from "./problem.ts";

class ContentError extends Error {}

export function reportContentProblems(
  problems: readonly Problem[],
  options: { stopOnError: boolean },
  log: (line: string) => void = console.error,
): void {
  for (const p of problems) log(formatProblem(p));
  const errors = errorsIn(problems);
  if (errors.length === 0) return;
  const summary = `${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the content: fix the ${errors.length === 1 ? "file" : "files"} named above.`;
  if (!options.stopOnError) {
    log(summary);
    return;
  }
  if (process.env.DEBUG) throw new ContentError(summary);
  log(summary);
  process.exit(1);
}

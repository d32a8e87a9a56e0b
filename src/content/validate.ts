// Runs a file's front matter through a schema and turns zod's findings into Problems,
// one per field, with the line of the field when it can be found.
import type { core, output, ZodMiniObject } from "zod/mini";
import { FrontMatterError, lineOfKey, splitFrontMatter, type FrontMatter } from "./front-matter.ts";
import { problem, type Problem } from "./problem.ts";

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function problemsFromIssue(
  file: string,
  frontMatter: FrontMatter,
  issue: core.$ZodIssue,
  allowed: string[],
): Problem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) =>
      problem(file, key, `unknown field (allowed: ${allowed.join(", ")})`, {
        line: lineOfKey(frontMatter.yaml, key),
      }),
    );
  }
  const field = issue.path.map(String).join(".") || "front matter";
  const top = issue.path[0];
  const line = typeof top === "string" ? lineOfKey(frontMatter.yaml, top) : undefined;
  return [problem(file, field, issue.message, line === undefined ? {} : { line })];
}

/** A file's front matter split from its body, or the one problem that stops it (broken YAML, no closing ---). */
export function readFrontMatter(file: string, text: string): Validated<FrontMatter> {
  try {
    return { ok: true, value: splitFrontMatter(text) };
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    const at = error.line === undefined ? {} : { line: error.line };
    return { ok: false, problems: [problem(file, "front matter", error.message, at)] };
  }
}

export function validateFrontMatter<S extends ZodMiniObject>(
  schema: S,
  file: string,
  frontMatter: FrontMatter,
): Validated<output<S>> {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return { ok: true, value: result.data };
  const allowed = Object.keys(schema.shape);
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => problemsFromIssue(file, frontMatter, issue, allowed)),
  };
}

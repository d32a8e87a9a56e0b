// Checks the reply graph of one post: every comment id is usable and unique, every
// parent exists and is another comment, replies form no cycle. A reply dated before
// the comment it answers is only a warning (clocks and imports get this wrong).
// Each problem names what the author wrote: the file name (the id), or the front matter
// field (`parent`, `date`) with its line, as the checks of a single file do.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { lineOfKey, splitFrontMatter } from "../content/front-matter.ts";
import { problem, type Problem } from "../content/problem.ts";
import type { Comment } from "./comment.ts";

/** What the reply graph needs of a comment: rendered or not, it is checked the same. */
export type ReplyFacts = Pick<Comment, "id" | "file" | "parent" | "date">;

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The line of a front matter field in a comment's file. A comment keeps no lines, so the
 * file is read again, for a problem only; its path is relative to the project. Unknown
 * (no line printed) when the file cannot be read: not written yet (`new:comment` checks
 * before writing), or gone since.
 */
function lineOfField(projectRoot: string, file: string, field: string): number | undefined {
  try {
    return lineOfKey(splitFrontMatter(readFileSync(resolve(projectRoot, file), "utf8")).yaml, field);
  } catch {
    return undefined;
  }
}

function fieldProblem(
  projectRoot: string,
  comment: ReplyFacts,
  field: "parent" | "date",
  message: string,
  extra: Partial<Problem> = {},
): Problem {
  const line = lineOfField(projectRoot, comment.file, field);
  return problem(comment.file, field, message, line === undefined ? extra : { ...extra, line });
}

function idProblems(comments: readonly ReplyFacts[]): Problem[] {
  const problems: Problem[] = [];
  const firstFileById = new Map<string, string>();
  for (const comment of comments) {
    if (!VALID_ID.test(comment.id)) {
      problems.push(
        problem(
          comment.file,
          "file name",
          `"${comment.id}" must use only letters, digits, - and _ before .md (it becomes the comment's id, #comment-${comment.id})`,
        ),
      );
    }
    const first = firstFileById.get(comment.id);
    if (first !== undefined)
      problems.push(
        problem(
          comment.file,
          "file name",
          `the id "${comment.id}" (the file name without .md) is already used by ${first}`,
        ),
      );
    else firstFileById.set(comment.id, comment.file);
  }
  return problems;
}

function parentProblems(
  comments: readonly ReplyFacts[],
  byId: ReadonlyMap<string, ReplyFacts>,
  projectRoot: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const comment of comments) {
    if (comment.parent === undefined) continue;
    const parent = byId.get(comment.parent);
    if (comment.parent === comment.id)
      problems.push(fieldProblem(projectRoot, comment, "parent", "a comment cannot answer itself"));
    else if (!parent)
      problems.push(
        fieldProblem(
          projectRoot,
          comment,
          "parent",
          `no comment "${comment.parent}" in this post (expected the file name, without .md, of a comment in the same comments/ folder)`,
        ),
      );
    else if (comment.date < parent.date) {
      problems.push(
        fieldProblem(
          projectRoot,
          comment,
          "date",
          `this reply is dated before the comment it answers (${parent.file})`,
          { severity: "warning" },
        ),
      );
    }
  }
  return problems;
}

function cycleProblems(
  comments: readonly ReplyFacts[],
  byId: ReadonlyMap<string, ReplyFacts>,
  projectRoot: string,
): Problem[] {
  const problems: Problem[] = [];
  const settled = new Set<string>();
  for (const start of comments) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: ReplyFacts | undefined = start;
    while (current && !settled.has(current.id)) {
      if (onPath.has(current.id)) {
        const cycle = path.slice(path.indexOf(current.id));
        if (cycle.length > 1) {
          const first = byId.get(cycle[0] ?? "") ?? start;
          problems.push(
            fieldProblem(
              projectRoot,
              first,
              "parent",
              `replies form a cycle: ${[...cycle, current.id].join(" → ")}`,
            ),
          );
        }
        break;
      }
      path.push(current.id);
      onPath.add(current.id);
      current = current.parent === undefined ? undefined : byId.get(current.parent);
    }
    for (const id of path) settled.add(id);
  }
  return problems;
}

/** `projectRoot`: what the comments' `file` paths are relative to. */
export function checkReplies(comments: readonly ReplyFacts[], projectRoot = process.cwd()): Problem[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  return [
    ...idProblems(comments),
    ...parentProblems(comments, byId, projectRoot),
    ...cycleProblems(comments, byId, projectRoot),
  ];
}

// Checks the reply graph of one post: every comment id is usable and unique, every
// parent exists and is another comment, replies form no cycle. A reply dated before
// the comment it answers is only a warning (clocks and imports get this wrong).
import { problem, type Problem } from "../content/problem.ts";
import type { Comment } from "./comment.ts";

/** What the reply graph needs of a comment: rendered or not, it is checked the same. */
export type ReplyFacts = Pick<Comment, "id" | "file" | "parent" | "date">;

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function idProblems(comments: readonly ReplyFacts[]): Problem[] {
  const problems: Problem[] = [];
  const firstFileById = new Map<string, string>();
  for (const comment of comments) {
    if (!VALID_ID.test(comment.id)) {
      problems.push(problem(comment.file, "id", `the file name "${comment.id}" must use only letters, digits, - and _ (it becomes #comment-${comment.id})`));
    }
    const first = firstFileById.get(comment.id);
    if (first !== undefined) problems.push(problem(comment.file, "id", `the id "${comment.id}" is already used by ${first}`));
    else firstFileById.set(comment.id, comment.file);
  }
  return problems;
}

function parentProblems(comments: readonly ReplyFacts[], byId: ReadonlyMap<string, ReplyFacts>): Problem[] {
  const problems: Problem[] = [];
  for (const comment of comments) {
    if (comment.parent === undefined) continue;
    const parent = byId.get(comment.parent);
    if (comment.parent === comment.id) problems.push(problem(comment.file, "parent", "a comment cannot answer itself"));
    else if (!parent) problems.push(problem(comment.file, "parent", `no comment "${comment.parent}" in this post (expected the file name, without .md, of a comment in the same comments/ folder)`));
    else if (comment.date < parent.date) {
      problems.push(problem(comment.file, "date", `this reply is dated before the comment it answers (${parent.file})`, { severity: "warning" }));
    }
  }
  return problems;
}

function cycleProblems(comments: readonly ReplyFacts[], byId: ReadonlyMap<string, ReplyFacts>): Problem[] {
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
          const first = byId.get(cycle[0] ?? "");
          problems.push(problem(first?.file ?? start.file, "parent", `replies form a cycle: ${[...cycle, current.id].join(" → ")}`));
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

export function checkReplies(comments: readonly ReplyFacts[]): Problem[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  return [...idProblems(comments), ...parentProblems(comments, byId), ...cycleProblems(comments, byId)];
}

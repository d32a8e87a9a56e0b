// Checks the ids of one post's mentions: each is usable, unique among its mentions, and
// not the id of one of its comments. Comments and mentions share one sequence of ids (an
// imported blog's comment_ID numbers both, and src/authoring/next-comment-id.ts never gives
// a comment a mention's id), so `#comment-12` and `#mention-12` never name two things.
import { problem, type Problem } from "../content/problem.ts";
import type { Mention } from "./mention.ts";

/** What the id check needs of a mention: rendered or not, it is checked the same. */
export type MentionFacts = Pick<Mention, "id" | "file">;

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function checkMentionIds(
  mentions: readonly MentionFacts[],
  comments: readonly { id: string; file: string }[],
): Problem[] {
  const problems: Problem[] = [];
  const commentFiles = new Map(comments.map((comment) => [comment.id, comment.file]));
  const firstFileById = new Map<string, string>();
  for (const mention of mentions) {
    if (!VALID_ID.test(mention.id))
      problems.push(
        problem(
          mention.file,
          "file name",
          `"${mention.id}" must use only letters, digits, - and _ before .md (it becomes the mention's id, #mention-${mention.id})`,
        ),
      );
    const comment = commentFiles.get(mention.id);
    const first = firstFileById.get(mention.id);
    if (comment !== undefined)
      problems.push(
        problem(
          mention.file,
          "file name",
          `the id "${mention.id}" is also that of the comment ${comment}: a post's comments and mentions share one sequence of ids; rename one of them`,
        ),
      );
    else if (first !== undefined)
      problems.push(
        problem(
          mention.file,
          "file name",
          `the id "${mention.id}" (the file name without .md) is already used by ${first}`,
        ),
      );
    else firstFileById.set(mention.id, mention.file);
  }
  return problems;
}

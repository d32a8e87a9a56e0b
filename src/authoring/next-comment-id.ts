// The id of a new comment: one more than the highest numeric id of the post. Gaps left by
// deleted comments are not reused, so a link to #comment-5 never starts pointing at a
// different comment. A post's comments and mentions share one sequence of ids (an
// imported blog numbers both with WordPress's comment_ID): a new comment never takes the
// id of a mention either.

/**
 * `fileNames` are the entries of the post's comments/ and mentions/ folders ("1.md",
 * "12.md", …): both, so that the new id is neither a comment's nor a mention's.
 */
export function nextCommentId(fileNames: readonly string[]): string {
  let highest = 0;
  for (const name of fileNames) {
    const match = /^(\d+)\.md$/i.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return String(highest + 1);
}

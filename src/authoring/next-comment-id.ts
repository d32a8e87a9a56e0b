// The id of a new comment: one more than the highest numeric id of the post. Gaps left by
// deleted comments are not reused, so a link to #comment-5 never starts pointing at a
// different comment.

/** `fileNames` are the entries of the post's comments/ folder ("1.md", "12.md", …). */
export function nextCommentId(fileNames: readonly string[]): string {
  let highest = 0;
  for (const name of fileNames) {
    const match = /^(\d+)\.md$/i.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return String(highest + 1);
}

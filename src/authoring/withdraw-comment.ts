// Withdrawing a published comment (issue "Readers leave comments"): its file is rewritten
// to keep only its date, its parent and `withdrawn: true`, so that the repository no longer
// holds the name, the web site or the text. The comment keeps its place in the thread:
// the page shows "Commentaire retiré" with its replies under it (src/comments/render-thread.ts).
// Run by `npm run comments:moderate -- withdraw <post> <comment id>`.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { commentFolderEntries, COMMENTS_FOLDER } from "../comments/read-comments.ts";
import { commentIdOf, readComment } from "../comments/parse-comment.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { AuthoringError } from "./authoring-error.ts";
import { markdownWithFrontMatter } from "./front-matter-text.ts";
import { postOrPageOf } from "./post-or-page.ts";

/** The name of the comment's file in the post's comments/ folder: only a file that is there. */
function commentFileName(postDir: string, post: string, commentId: string): string {
  const names = (commentFolderEntries(postDir) ?? []).filter((name) => /\.md$/i.test(name));
  const name = names.find((entry) => commentIdOf(entry) === commentId);
  if (name !== undefined) return name;
  const ids = names.map(commentIdOf).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  throw new AuthoringError(
    "comment",
    `no comment "${commentId}" in post "${post}" (comments: ${ids.join(", ") || "none"})`,
  );
}

/** Replaces the file's text at once: a reader sees the old file or the new one, never half of one. */
function replaceFile(path: string, text: string): void {
  const temporary = join(path, "..", `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Withdraws the comment `commentId` of the post (or page) whose address is `post`; returns the path
 * of its file, relative to the project. Throws AuthoringError for an unknown post or
 * comment, or a file the build would refuse. Withdrawing it again changes nothing.
 */
export function withdrawComment(projectRoot: string, post: string, commentId: string): string {
  const postDir = postOrPageOf(projectRoot, post, "post").dir;
  const name = commentFileName(postDir, post, commentId);
  const file = join(relative(projectRoot, postDir), COMMENTS_FOLDER, name);
  const path = join(projectRoot, file);
  const text = readFileSync(path, "utf8");
  // Checked as the build checks it, so that what is kept (date, parent) is known to be valid.
  const [problem] = readComment(file, commentId, text).problems;
  if (problem)
    throw new AuthoringError(
      file,
      `cannot be withdrawn until it is fixed: ${problem.field}: ${problem.message}`,
    );
  const { data } = splitFrontMatter(text);
  // The date and the parent as the file wrote them (valid, as just checked).
  const kept = {
    date: String(data.date).trim(),
    parent: data.parent === undefined ? undefined : String(data.parent),
    withdrawn: true,
  };
  replaceFile(path, markdownWithFrontMatter(kept, ""));
  return file;
}

// Withdrawing a published comment (issue "Readers leave comments"): its file is rewritten
// to keep only its date, its parent and `withdrawn: true`, so that the repository no longer
// holds the name, the web site or the text. The comment keeps its place in the thread:
// the page shows "Commentaire retiré" with its replies under it (src/comments/render-thread.ts).
// A mention (pingback, trackback) is withdrawn the same way, keeping its type and date:
// it is then shown nowhere, and its file keeps its id taken, in the sequence the post's
// comments share.
// Run by `npm run comments:moderate -- withdraw <post> <comment or mention id>`.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  commentFolderEntries,
  COMMENTS_FOLDER,
  mentionFolderEntries,
  MENTIONS_FOLDER,
} from "../comments/read-comments.ts";
import { commentIdOf, readComment } from "../comments/parse-comment.ts";
import { readMention } from "../comments/parse-mention.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { AuthoringError } from "./authoring-error.ts";
import { markdownWithFrontMatter } from "./front-matter-text.ts";
import { postOrPageOf } from "./post-or-page.ts";

const markdownFiles = (names: string[] | undefined) => (names ?? []).filter((name) => /\.md$/i.test(name));

/**
 * The comment's file in the post's comments/ folder, or else the mention's in its mentions/
 * folder: only a file that is there.
 */
function responseFile(postDir: string, post: string, id: string): { folder: string; name: string } {
  const comments = markdownFiles(commentFolderEntries(postDir));
  const comment = comments.find((entry) => commentIdOf(entry) === id);
  if (comment !== undefined) return { folder: COMMENTS_FOLDER, name: comment };
  const mentions = markdownFiles(mentionFolderEntries(postDir));
  const mention = mentions.find((entry) => commentIdOf(entry) === id);
  if (mention !== undefined) return { folder: MENTIONS_FOLDER, name: mention };
  const ids = (names: string[]) =>
    names.map(commentIdOf).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  throw new AuthoringError(
    "comment",
    `no comment "${id}" in post "${post}" (comments: ${ids(comments).join(", ") || "none"}${mentions.length > 0 ? `; mentions: ${ids(mentions).join(", ")}` : ""})`,
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
 * Withdraws the comment (or the mention) `commentId` of the post (or page) whose address is
 * `post`; returns the path of its file, relative to the project. Throws AuthoringError for
 * an unknown post or comment, or a file the build would refuse. Withdrawing it again
 * changes nothing.
 */
export function withdrawComment(projectRoot: string, post: string, commentId: string): string {
  const postDir = postOrPageOf(projectRoot, post, "post").dir;
  const { folder, name } = responseFile(postDir, post, commentId);
  const file = join(relative(projectRoot, postDir), folder, name);
  const path = join(projectRoot, file);
  const text = readFileSync(path, "utf8");
  // Checked as the build checks it, so that what is kept is known to be valid.
  const read =
    folder === MENTIONS_FOLDER ? readMention(file, commentId, text) : readComment(file, commentId, text);
  const [problem] = read.problems;
  if (problem)
    throw new AuthoringError(
      file,
      `cannot be withdrawn until it is fixed: ${problem.field}: ${problem.message}`,
    );
  const { data } = splitFrontMatter(text);
  // What the file wrote (valid, as just checked): a comment's date and parent, which give
  // its place in the thread; a mention's type and date.
  const kept =
    folder === MENTIONS_FOLDER
      ? { type: String(data.type).trim(), date: String(data.date).trim(), withdrawn: true }
      : {
          date: String(data.date).trim(),
          parent: data.parent === undefined ? undefined : String(data.parent),
          withdrawn: true,
        };
  replaceFile(path, markdownWithFrontMatter(kept, ""));
  return file;
}

// `npm run new:comment`: a new comment (or reply) file in a post's (or a page's)
// comments/ folder. The text is checked exactly as the build will check it (same parser,
// same reply checks), so a comment this command writes never stops a build.
import { join, relative } from "node:path";
import {
  commentFolderEntries,
  COMMENTS_FOLDER,
  CommentReader,
  mentionFolderEntries,
} from "../comments/read-comments.ts";
import { checkReplies } from "../comments/check-replies.ts";
import type { Comment } from "../comments/comment.ts";
import { parseComment } from "../comments/parse-comment.ts";
import { errorsIn, type Problem } from "../content/problem.ts";
import { createCommentMarkdown } from "../markdown/comment-markdown.ts";
import { authoringDate } from "./authoring-date.ts";
import { AuthoringError } from "./authoring-error.ts";
import { markdownWithFrontMatter } from "./front-matter-text.ts";
import type { NewCommentRequest } from "./new-comment-args.ts";
import { nextCommentId } from "./next-comment-id.ts";
import { postOrPageOf } from "./post-or-page.ts";
import { FileExistsError, writeNewFile } from "./write-new-file.ts";

// Which command-line argument each checked field comes from, for messages.
const ARGUMENT_OF_FIELD: Record<string, string> = {
  author: "--author",
  url: "--url",
  parent: "--reply-to",
  body: "comment text (standard input)",
};

export interface NewComment {
  id: string;
  /** content/posts/<slug>/comments/<id>.md (content/pages/<path>/comments/<id>.md), relative to the project. */
  file: string;
  /** The file's text, front matter and body. */
  text: string;
  /** The new comment as the build will read it. */
  comment: Comment;
  /** The post's comments, read before its id was picked. */
  existing: readonly Comment[];
}

/** The first problem, named after the argument it comes from. */
function refusal(problems: readonly Problem[], file: string): AuthoringError {
  const [first] = problems;
  if (!first) return new AuthoringError(file, "refused by the build's checks");
  return new AuthoringError(ARGUMENT_OF_FIELD[first.field] ?? first.field, first.message);
}

/**
 * The new comment's file, checked as the build will check it; throws an AuthoringError
 * on any problem. Nothing is written: `writeNewFile(join(projectRoot, plan.file), plan.text)`
 * does, and fails if another writer took the id meanwhile. The comment server
 * (src/comment-server/publishing/) plans with it too.
 */
export function planNewComment(
  projectRoot: string,
  request: NewCommentRequest,
  body: string,
  now: Date,
): NewComment {
  // The post, or the page, whose address is `request.slug` (src/content/addresses.ts).
  const postDir = postOrPageOf(projectRoot, request.slug, "post-slug").dir;
  // The folders are listed before its comments are read, and the id is one more than any in
  // either: a file another process writes meanwhile (a copy of this very comment, say) is
  // then either read here, or written after the reading under this same id, and writing
  // this one fails rather than adding a copy under the next id. The post's mentions share
  // its sequence of ids: a new comment never takes a mention's.
  const names = [...(commentFolderEntries(postDir) ?? []), ...(mentionFolderEntries(postDir) ?? [])];
  const read = new CommentReader(projectRoot).load(postDir);
  const existing = read.comments;
  if (request.replyTo !== undefined && !existing.some((comment) => comment.id === request.replyTo)) {
    const ids = existing
      .map((comment) => comment.id)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .join(", ");
    throw new AuthoringError(
      "--reply-to",
      `no comment "${request.replyTo}" in post "${request.slug}" (comments: ${ids || "none yet"})`,
    );
  }
  const id = nextCommentId([...names, ...[...existing, ...read.mentions].map((item) => `${item.id}.md`)]);
  const file = join(relative(projectRoot, postDir), COMMENTS_FOLDER, `${id}.md`);
  const text = markdownWithFrontMatter(
    { author: request.author, date: authoringDate(now), parent: request.replyTo, url: request.url },
    body,
  );
  const parsed = parseComment(file, id, text, createCommentMarkdown());
  if (!parsed.comment) throw refusal(parsed.problems, file);
  const [first] = errorsIn(checkReplies([...existing, parsed.comment], projectRoot)).filter(
    (p) => p.file === file,
  );
  if (first) throw refusal([first], file);
  return { id, file, text, comment: parsed.comment, existing };
}

/** Writes the new comment; returns its path relative to the project. */
export function createComment(
  projectRoot: string,
  request: NewCommentRequest,
  body: string,
  now = new Date(),
): string {
  const plan = planNewComment(projectRoot, request, body, now);
  try {
    writeNewFile(join(projectRoot, plan.file), plan.text);
  } catch (error) {
    if (error instanceof FileExistsError)
      throw new AuthoringError(
        plan.file,
        "already exists (another comment was added at the same moment): nothing was written, run the command again",
      );
    throw error;
  }
  return plan.file;
}

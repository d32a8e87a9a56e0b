// An approved comment written as content/posts/<post>/comments/<id>.md (or a page's
// content/pages/<path>/comments/<id>.md), by the code of
// `npm run new:comment` (src/authoring/new-comment.ts): checked as the build checks it,
// the next free id, never over an existing file. Exactly once: a comment whose copy is
// already in the post (same author, date, parent and text, as the build reads them) is
// not written again, so a retry after a crash, or a second approval, finds the first copy.
import { join, relative } from "node:path";
import { AuthoringError } from "../../authoring/authoring-error.ts";
import type { NewCommentRequest } from "../../authoring/new-comment-args.ts";
import { planNewComment, type NewComment } from "../../authoring/new-comment.ts";
import { FileExistsError, writeNewFile } from "../../authoring/write-new-file.ts";
import type { Comment } from "../../comments/comment.ts";
import { COMMENTS_FOLDER } from "../../comments/read-comments.ts";
import { findPostOrPage } from "../../content/addresses.ts";
import { PAGES_FOLDER } from "../../content/page-dirs.ts";
import { CONTENT_DIR, POSTS_FOLDER } from "../../content/post-dirs.ts";
import { PublishError } from "./publish-error.ts";
import type { ApprovedComment, PublishedComment } from "./index.ts";

// Another process may take the id picked between the listing and the write; each attempt
// lists the folder again. Only a burst of writers to one post runs out of attempts.
const WRITE_ATTEMPTS = 5;

/** What new:comment is given; only these fields, whatever else the caller's object holds. */
function requestOf(comment: ApprovedComment): NewCommentRequest {
  const request: NewCommentRequest = { slug: comment.post, author: comment.author };
  if (comment.parent !== undefined) request.replyTo = comment.parent;
  if (comment.url !== undefined) request.url = comment.url;
  return request;
}

/** The comments/ folder of the post or page at `/<post>/`, relative to the project. */
function commentsFolder(projectRoot: string, post: string): string {
  const found = findPostOrPage(projectRoot, post);
  const dir = found ? relative(projectRoot, found.dir) : `${CONTENT_DIR}/${POSTS_FOLDER}/${post}`;
  return `${dir}/${COMMENTS_FOLDER}`;
}

/** Where a published comment's file is, relative to the project. */
export function commentFilePath(projectRoot: string, post: string, id: string): string {
  return `${commentsFolder(projectRoot, post)}/${id}.md`;
}

function sameComment(a: Comment, b: Comment): boolean {
  return (
    a.author === b.author &&
    a.date.toMillis() === b.date.toMillis() &&
    a.parent === b.parent &&
    a.bodyHtml === b.bodyHtml
  );
}

/** What the moderator reads when the comment cannot be written. */
function refusalReason(projectRoot: string, error: unknown, comment: ApprovedComment): string | undefined {
  const post = comment.post;
  if (error instanceof AuthoringError) {
    if (error.where === "post-slug")
      return `L’article ou la page « ${post} » n’existe plus (ni ${CONTENT_DIR}/${POSTS_FOLDER}/${post}/index.md ni ${CONTENT_DIR}/${PAGES_FOLDER}/${post}/index.md) : rétablissez-le puis publiez à nouveau, ou refusez ce commentaire.`;
    if (error.where === "--reply-to")
      return `Le commentaire auquel celui-ci répond (n° ${comment.parent}) n’existe plus sous « ${post} » : rétablissez-le puis publiez à nouveau, ou refusez ce commentaire.`;
    return `Le commentaire ne passe pas les vérifications du site (${error.line}) : refusez-le, ou corrigez la cause puis publiez à nouveau.`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTDIR")
    return `${commentsFolder(projectRoot, post)} n’est pas un dossier : remplacez-le par le dossier des commentaires, puis publiez à nouveau.`;
  if (typeof code === "string")
    return `Écriture impossible dans ${commentsFolder(projectRoot, post)} (${code}) : vérifiez les droits du dossier et l’espace disque, puis publiez à nouveau.`;
  return undefined;
}

function plan(projectRoot: string, comment: ApprovedComment): NewComment {
  try {
    return planNewComment(projectRoot, requestOf(comment), comment.text, comment.submittedAt);
  } catch (error) {
    const reason = refusalReason(projectRoot, error, comment);
    if (reason) throw new PublishError(reason);
    throw error;
  }
}

function copyIn(planned: NewComment): PublishedComment | undefined {
  const copy = planned.existing.find((comment) => sameComment(comment, planned.comment));
  return copy && { id: copy.id, file: copy.file, alreadyPublished: true };
}

/** The comment's file if it is already in its post, or undefined (also when the post cannot be read). */
export function findCommentFile(projectRoot: string, comment: ApprovedComment): PublishedComment | undefined {
  try {
    return copyIn(planNewComment(projectRoot, requestOf(comment), comment.text, comment.submittedAt));
  } catch {
    return undefined;
  }
}

/** Writes the comment's file, or finds the copy already there; throws PublishError. */
export function writeCommentFile(projectRoot: string, comment: ApprovedComment): PublishedComment {
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    const planned = plan(projectRoot, comment);
    const copy = copyIn(planned);
    if (copy) return copy;
    try {
      writeNewFile(join(projectRoot, planned.file), planned.text);
      return { id: planned.id, file: planned.file, alreadyPublished: false };
    } catch (error) {
      if (error instanceof FileExistsError) continue;
      const reason = refusalReason(projectRoot, error, comment);
      if (reason) throw new PublishError(reason);
      throw error;
    }
  }
  throw new PublishError(
    `D’autres commentaires de l’article « ${comment.post} » ont été publiés au même moment : publiez à nouveau.`,
  );
}

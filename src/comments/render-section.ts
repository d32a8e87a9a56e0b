// Renders a post page's comments section, in one call: the heading
// with its French count, the thread's HTML, and the form or the closed notice after it.
// It checks that every comment given was rendered exactly once (a withdrawn one too, as
// "Commentaire retiré"), so no change to threading or the depth cap can lose one.
import { commentsHeading } from "../format/plural.ts";
import { displayThread, DEFAULT_MAX_DEPTH } from "./display-thread.ts";
import { visibleCount, type Comment } from "./comment.ts";
import { respondHtml, type OpenComments } from "./render-respond.ts";
import { renderThread, type ThreadRenderOptions } from "./render-thread.ts";
import { buildThread } from "./thread.ts";

export interface CommentsSection {
  /** The comments readers see: withdrawn ones are not counted (src/comments/comment.ts). */
  count: number;
  heading: string;
  html: string;
  /** After the thread: "Laisser un commentaire" and its form, or "Les commentaires sont fermés." */
  respond: string;
  /** Ids of the comments in the HTML, for the build's render ledger. */
  renderedIds: string[];
}

export interface CommentsSectionOptions {
  title: string;
  postAuthor?: string;
  maxDepth?: number;
  /** Where readers may comment on the post; closed without. */
  open?: OpenComments;
}

class LostCommentError extends Error {}

function assertRenderedExactlyOnce(comments: readonly Comment[], renderedIds: readonly string[]): void {
  const times = new Map<string, number>();
  for (const id of renderedIds) times.set(id, (times.get(id) ?? 0) + 1);
  const wrong = comments.filter((comment) => times.get(comment.id) !== 1);
  if (wrong.length > 0 || renderedIds.length !== comments.length) {
    const names = wrong.map((comment) => `${comment.file} (rendered ${times.get(comment.id) ?? 0} times)`);
    throw new LostCommentError(
      `comments not rendered exactly once: ${names.join(", ") || `${renderedIds.length} rendered for ${comments.length} files`}`,
    );
  }
}

/** `thread`: the comments' reply tree, when the caller has built it already. */
export function renderCommentsSection(
  comments: readonly Comment[],
  options: CommentsSectionOptions,
  thread = buildThread(comments),
): CommentsSection {
  const items = displayThread(thread, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const threadOptions: ThreadRenderOptions = {};
  if (options.postAuthor !== undefined) threadOptions.postAuthor = options.postAuthor;
  if (options.open) threadOptions.replies = options.open;
  const rendered = renderThread(items, threadOptions);
  assertRenderedExactlyOnce(comments, rendered.renderedIds);
  const count = visibleCount(comments);
  return {
    count,
    heading: commentsHeading(count, options.title),
    html: rendered.html.value,
    respond: respondHtml(options.open).value,
    renderedIds: rendered.renderedIds,
  };
}

// The HTML of a comment thread: nested ordered lists, one <li id="comment-ID"> per
// comment. Text from the comment's front matter is escaped by html`…`; the body is the
// output of the comment markdown-it instance (raw HTML off), trusted as is.
//
// Readers of every kind can follow the thread: depth is the nesting of the lists (which
// screen readers announce; role="list" keeps it in Safari, which drops list semantics
// once list-style is none) and each list of replies is named after the comment it answers.
// Microformats let IndieWeb tools read it: each comment is a p-comment h-cite of the
// post's h-entry (or of the comment it answers), with u-in-reply-to on replies.
// Where comments are open, each comment has a "Répondre" link to the comment server's
// reply page for it (src/comment-form/comment-form.ts). A withdrawn comment keeps its
// place, its date and its replies, shown as "Commentaire retiré": no name, no text, no
// "Répondre", and no microformats (it is no longer a comment to cite).
import { formatFrenchDateTime, machineDateTime } from "../format/dates.ts";
import { deName } from "../format/elision.ts";
import { html, trustedHtml, type SafeHtml } from "../html/html.ts";
import { COMMENT_LINK_REL } from "../markdown/comment-markdown.ts";
import { replyPageUrl } from "../comment-form/comment-form.ts";
import type { Comment } from "./comment.ts";
import type { DisplayItem } from "./display-thread.ts";

export interface ThreadRenderOptions {
  /** Name of the post's author: their comments are marked as such. */
  postAuthor?: string;
  /**
   * When readers may answer: the comment server's address (COMMENTS_URL) and the post's
   * folder name, for each comment's "Répondre" link. Plain data: the comment worker
   * renders with these options too.
   */
  replies?: { commentsUrl: string; post: string };
}

const WITHDRAWN = "Commentaire retiré";

/** The id attribute of a comment's element: always prefixed, so no comment can clobber page ids. */
export function commentAnchor(id: string): string {
  return `comment-${id}`;
}

function authorHtml(comment: Comment): SafeHtml {
  if (comment.withdrawn) return html`<span class="comment-author comment-withdrawn-note">${WITHDRAWN}</span>`;
  if (comment.url)
    return html`<a class="comment-author p-author h-card" href="${comment.url}" rel="${COMMENT_LINK_REL}"><bdi>${comment.author}</bdi></a>`;
  return html`<bdi class="comment-author p-author h-card">${comment.author}</bdi>`;
}

function isPostAuthor(comment: Comment, options: ThreadRenderOptions): boolean {
  return (
    options.postAuthor !== undefined &&
    !comment.withdrawn &&
    comment.author.trim().toLowerCase() === options.postAuthor.trim().toLowerCase()
  );
}

/** The comment's header: its author, a badge for the post's author, its date, whom it answers. */
function commentMetaHtml(
  comment: Comment,
  parent: Comment | undefined,
  byAuthor: boolean,
  shownDate: string,
): SafeHtml {
  const badge = byAuthor ? html` <span class="comment-badge">auteur de l’article</span>` : "";
  // A withdrawn comment is no h-cite: its links must not become properties of the one around it.
  const cited = !comment.withdrawn;
  const replyTo = parent
    ? html`<span class="comment-reply-to">en réponse à <a${cited ? html` class="u-in-reply-to"` : ""} href="#${commentAnchor(parent.id)}">${parent.withdrawn ? "un commentaire retiré" : html`<bdi>${parent.author}</bdi>`}</a></span>`
    : "";
  const time = html`<time${cited ? html` class="dt-published"` : ""} datetime="${machineDateTime(comment.date)}">${shownDate}</time>`;
  const permalink = html`<a class="comment-permalink${cited ? " u-url" : ""}" href="#${commentAnchor(comment.id)}">${time}</a>`;
  return html`<header class="comment-meta">${authorHtml(comment)}${badge} ${permalink}${replyTo}</header>`;
}

/** The link to the comment server's page for answering this comment, named after whom it answers. */
function replyLinkHtml(comment: Comment, options: ThreadRenderOptions): SafeHtml | "" {
  if (!options.replies || comment.withdrawn) return "";
  const href = replyPageUrl(options.replies.commentsUrl, options.replies.post, comment.id);
  return html`
<p class="comment-reply"><a class="comment-reply-link" href="${href}" rel="nofollow">Répondre<span class="visually-hidden"> à ${comment.author}</span></a></p>`;
}

function commentHtml(item: DisplayItem, options: ThreadRenderOptions, rendered: string[]): SafeHtml {
  const { comment, parent } = item.node;
  rendered.push(comment.id);
  const byAuthor = isPostAuthor(comment, options);
  const shownDate = formatFrenchDateTime(comment.date);
  // Named after the comment, not only its author: several "Anonyme" (or two comments of
  // one person) would otherwise give lists of replies the same name. (Two comments of one
  // author in the same minute still would: rare enough to leave.)
  const repliesLabel = comment.withdrawn
    ? `Réponses au commentaire retiré du ${shownDate}`
    : `Réponses au commentaire ${deName(comment.author)} du ${shownDate}`;
  const replies =
    item.children.length > 0
      ? html`
<ol class="comment-replies" role="list" aria-label="${repliesLabel}">${item.children.map((child) => commentHtml(child, options, rendered))}</ol>`
      : "";
  const classes = comment.withdrawn
    ? "comment comment-withdrawn"
    : `comment p-comment h-cite${byAuthor ? " comment-by-author" : ""}`;
  const content = comment.withdrawn
    ? ""
    : html`
<div class="comment-content e-content" dir="auto">${trustedHtml(comment.bodyHtml)}</div>`;
  return html`
<li id="${commentAnchor(comment.id)}" class="${classes}" data-depth="${item.level}">
<article class="comment-card">
${commentMetaHtml(comment, parent, byAuthor, shownDate)}${content}${replyLinkHtml(comment, options)}
</article>${replies}
</li>`;
}

export interface RenderedThread {
  html: SafeHtml;
  /** Ids of the comments rendered, in page order: lets callers check that none is lost. */
  renderedIds: string[];
}

export function renderThread(
  items: readonly DisplayItem[],
  options: ThreadRenderOptions = {},
): RenderedThread {
  const renderedIds: string[] = [];
  const body = items.map((item) => commentHtml(item, options, renderedIds));
  return {
    html:
      items.length > 0
        ? html`<ol class="comment-list" role="list">${body}
</ol>`
        : html``,
    renderedIds,
  };
}

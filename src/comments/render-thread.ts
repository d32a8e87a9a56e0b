// The HTML of a comment thread: nested ordered lists, one <li id="comment-ID"> per
// comment. Text from the comment's front matter is escaped by html`…`; the body is the
// output of the comment markdown-it instance (raw HTML off), trusted as is.
import { formatFrenchDateTime, machineDateTime } from "../format/dates.ts";
import { html, trustedHtml, type SafeHtml } from "../html/html.ts";
import { COMMENT_LINK_REL } from "../markdown/comment-markdown.ts";
import type { Comment } from "./comment.ts";
import type { DisplayItem } from "./display-thread.ts";

export interface ThreadRenderOptions {
  /** Name of the post's author: their comments are marked as such. */
  postAuthor?: string;
}

/** The id attribute of a comment's element: always prefixed, so no comment can clobber page ids. */
export function commentAnchor(id: string): string {
  return `comment-${id}`;
}

function authorHtml(comment: Comment): SafeHtml {
  if (comment.url) return html`<a class="comment-author" href="${comment.url}" rel="${COMMENT_LINK_REL}"><bdi>${comment.author}</bdi></a>`;
  return html`<bdi class="comment-author">${comment.author}</bdi>`;
}

function isPostAuthor(comment: Comment, options: ThreadRenderOptions): boolean {
  return options.postAuthor !== undefined && comment.author.trim().toLowerCase() === options.postAuthor.trim().toLowerCase();
}

function commentHtml(item: DisplayItem, options: ThreadRenderOptions, rendered: string[]): SafeHtml {
  const { comment, parent } = item.node;
  rendered.push(comment.id);
  const anchor = commentAnchor(comment.id);
  const byAuthor = isPostAuthor(comment, options);
  const replies = item.children.length > 0 ? html`<ol class="comment-replies">${item.children.map((child) => commentHtml(child, options, rendered))}</ol>` : "";
  return html`<li id="${anchor}" class="comment${byAuthor ? " comment-by-author" : ""}" data-depth="${item.level}"><article class="comment-card"><header class="comment-meta">${authorHtml(comment)}${byAuthor ? html` <span class="comment-badge">auteur de l’article</span>` : ""} <a class="comment-permalink" href="#${anchor}"><time datetime="${machineDateTime(comment.date)}">${formatFrenchDateTime(comment.date)}</time></a>${parent ? html`<span class="comment-reply-to">en réponse à <a href="#${commentAnchor(parent.id)}"><bdi>${parent.author}</bdi></a></span>` : ""}</header><div class="comment-content" dir="auto">${trustedHtml(comment.bodyHtml)}</div></article>${replies}</li>`;
}

export interface RenderedThread {
  html: SafeHtml;
  /** Ids of the comments rendered, in page order: lets callers check that none is lost. */
  renderedIds: string[];
}

export function renderThread(items: readonly DisplayItem[], options: ThreadRenderOptions = {}): RenderedThread {
  const renderedIds: string[] = [];
  const body = items.map((item) => commentHtml(item, options, renderedIds));
  return { html: items.length > 0 ? html`<ol class="comment-list">${body}</ol>` : html``, renderedIds };
}

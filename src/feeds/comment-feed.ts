// The Atom feed of one post's comments ("Flux des commentaires"), newest first, so a
// reader can follow a discussion without coming back. Comment text is untrusted: it is
// written only through html`…`, which escapes it (the escapes are valid XML too), and
// the body travels as escaped HTML in <content type="html">. A withdrawn comment has no
// entry (a feed reader that has it already may keep it: the feed cannot take it back).
// RFC 4287.
import type { DateTime } from "luxon";
import type { Comment } from "../comments/comment.ts";
import { rfc3339DateTime } from "../format/dates.ts";
import { commentAnchor } from "../comments/render-thread.ts";
import { compareByDate } from "../comments/thread.ts";
import { deName } from "../format/elision.ts";
import { html } from "../html/html.ts";
import { frenchTypography } from "../markdown/french-typography-text.ts";

export interface CommentFeedPost {
  title: string;
  /** Absolute URL of the post page. */
  url: string;
  /** Absolute URL of this feed. */
  feedUrl: string;
  /** A post's date; a page has none. */
  published?: DateTime;
  language: string;
  siteTitle: string;
}

const NO_DATE = "1970-01-01T00:00:00Z";

/** The URL of a post's comment feed, relative to the post's own URL. */
export const COMMENT_FEED_FILE = "commentaires.xml";

// A comment's links to a part of the page (href="#comment-1") would be resolved by a feed
// reader against the feed's URL, as the feed has no xml:base: they are made absolute
// against the post's URL. The body comes from markdown-it with raw HTML off, so `="`
// only occurs in its own tags: a commenter's literal href="#x" is escaped (&quot;) and
// left alone. The base is escaped for the attribute it goes into.
function absoluteFragmentLinks(bodyHtml: string, pageUrl: string): string {
  // Most comments link to no part of the page: no escaping, no regular expression for them.
  if (!bodyHtml.includes('="#')) return bodyHtml;
  const base = html`${pageUrl}`.value;
  return bodyHtml.replace(/(\s(?:href|src)=")#/g, (_, attribute: string) => `${attribute}${base}#`);
}

function entryTitle(comment: Comment, byId: ReadonlyMap<string, Comment>): string {
  const parent = comment.parent === undefined ? undefined : byId.get(comment.parent);
  if (!parent) return `Commentaire ${deName(comment.author)}`;
  return `Réponse ${deName(comment.author)} à ${parent.withdrawn ? "un commentaire retiré" : parent.author}`;
}

export function commentFeed(post: CommentFeedPost, comments: readonly Comment[]): string {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const newestFirst = comments
    .filter((comment) => !comment.withdrawn)
    .sort(compareByDate)
    .reverse();
  // Without a comment, the post's date; a page without comments has none: the epoch, as
  // the posts' feed before its first post (the same content always builds the same bytes).
  const updated = newestFirst[0]?.date ?? post.published;
  const entries = newestFirst.map((comment) => {
    const url = `${post.url}#${commentAnchor(comment.id)}`;
    return html`<entry>
<title>${entryTitle(comment, byId)}</title>
<link href="${url}" rel="alternate" type="text/html"/>
<id>${url}</id>
<published>${rfc3339DateTime(comment.date)}</published>
<updated>${rfc3339DateTime(comment.date)}</updated>
<author><name>${comment.author}</name>${comment.url ? html`<uri>${comment.url}</uri>` : ""}</author>
<content type="html">${absoluteFragmentLinks(comment.bodyHtml, post.url)}</content>
</entry>
`;
  });
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${post.language}">
<title>${frenchTypography(`Commentaires sur « ${post.title} » – ${post.siteTitle}`)}</title>
<link href="${post.feedUrl}" rel="self" type="application/atom+xml"/>
<link href="${post.url}" rel="alternate" type="text/html"/>
<id>${post.feedUrl}</id>
<updated>${updated ? rfc3339DateTime(updated) : NO_DATE}</updated>
${entries}</feed>
`.value;
}

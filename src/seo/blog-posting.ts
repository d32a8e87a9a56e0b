// Structured data for search engines: a post as a schema.org BlogPosting (a page as a
// WebPage), with its comments as nested Comment items following the reply tree (not the
// display's depth cap). A withdrawn comment is left out, its replies taking its place
// under the comment it answered. https://schema.org/BlogPosting, https://schema.org/Comment
//
// Its mentions (pingbacks and trackbacks) are no comments: each is another site's page
// that cites this one. schema.org's `citation` says exactly that ("a citation or
// reference to another creative work, such as another publication, web page…"), from the
// citing work to the cited one; `mentions` is weaker (a work "contains a reference to,
// but is not necessarily about" a thing) and points the same way. Neither has an inverse
// property, so the post lists the pages that cite it with JSON-LD's @reverse: each is a
// WebPage whose `citation` is this post. https://schema.org/citation,
// https://www.w3.org/TR/json-ld11/#reverse-properties
import type { DateTime } from "luxon";
import { visibleCount, type Comment } from "../comments/comment.ts";
import type { Mention } from "../comments/mention.ts";
import { rfc3339DateTime } from "../format/dates.ts";
import { commentAnchor } from "../comments/render-thread.ts";
import { buildThread, type ThreadNode } from "../comments/thread.ts";
import { renderedHtmlToText } from "../html/plain-text.ts";

export interface PostFacts {
  title: string;
  description: string;
  /** The post's absolute URL. */
  url: string;
  published: DateTime;
  author: { name: string; url?: string };
  language: string;
  site: { name: string; url: string };
}

type JsonLd = { [key: string]: string | number | JsonLd | JsonLd[] };

function person(name: string, url?: string): JsonLd {
  return url ? { "@type": "Person", name, url } : { "@type": "Person", name };
}

/** The items of a comment and its replies: one, or its replies' when it is withdrawn. */
function commentItems(node: ThreadNode, postUrl: string): JsonLd[] {
  return node.comment.withdrawn
    ? node.replies.flatMap((reply) => commentItems(reply, postUrl))
    : [commentItem(node, postUrl)];
}

function commentItem(node: ThreadNode, postUrl: string): JsonLd {
  const { comment } = node;
  const url = `${postUrl}#${commentAnchor(comment.id)}`;
  const item: JsonLd = {
    "@type": "Comment",
    "@id": url,
    url,
    author: person(comment.author, comment.url),
    dateCreated: rfc3339DateTime(comment.date),
    text: renderedHtmlToText(comment.bodyHtml),
  };
  const replies = node.replies.flatMap((reply) => commentItems(reply, postUrl));
  if (replies.length > 0) item.comment = replies;
  return item;
}

/** The pages that cite this one, as JSON-LD's reverse `citation` (see the top of this file). */
function citedBy(mentions: readonly Mention[]): JsonLd[] {
  return mentions.map((mention) => ({ "@type": "WebPage", url: mention.source, name: mention.title }));
}

/** Adds the comments (nested) and the pages citing it to a post's or a page's JSON-LD. */
function withResponses(
  work: JsonLd,
  url: string,
  comments: readonly Comment[],
  thread: readonly ThreadNode[] | undefined,
  mentions: readonly Mention[],
): JsonLd {
  const items = (thread ?? buildThread(comments)).flatMap((node) => commentItems(node, url));
  if (items.length > 0) work.comment = items;
  if (mentions.length > 0) work["@reverse"] = { citation: citedBy(mentions) };
  return work;
}

/**
 * `thread`: the comments' reply tree, when the caller has built it already; `mentions`, in
 * the order the page shows them.
 */
export function blogPosting(
  post: PostFacts,
  comments: readonly Comment[],
  thread?: readonly ThreadNode[],
  mentions: readonly Mention[] = [],
): JsonLd {
  const posting: JsonLd = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "@id": post.url,
    url: post.url,
    mainEntityOfPage: post.url,
    headline: post.title,
    description: post.description,
    datePublished: rfc3339DateTime(post.published),
    author: person(post.author.name, post.author.url),
    publisher: { "@type": "Organization", name: post.site.name, url: post.site.url },
    inLanguage: post.language,
    commentCount: visibleCount(comments),
  };
  return withResponses(posting, post.url, comments, thread, mentions);
}

/** What a page's JSON-LD says of it: no date, no author (src/content/pages.ts). */
export interface PageFacts {
  title: string;
  /** Empty when the page has none. */
  description: string;
  /** The page's absolute URL. */
  url: string;
  language: string;
  site: { name: string; url: string };
}

/** A page as a schema.org WebPage of the site, with its comments and the pages citing it. */
export function webPage(
  page: PageFacts,
  comments: readonly Comment[],
  thread?: readonly ThreadNode[],
  mentions: readonly Mention[] = [],
): JsonLd {
  const data: JsonLd = {
    "@context": "https://schema.org",
    "@type": "WebPage",
    "@id": page.url,
    url: page.url,
    name: page.title,
    ...(page.description === "" ? {} : { description: page.description }),
    isPartOf: { "@type": "WebSite", name: page.site.name, url: page.site.url },
    inLanguage: page.language,
    commentCount: visibleCount(comments),
  };
  return withResponses(data, page.url, comments, thread, mentions);
}

// "<" could end the script element; U+2028 and U+2029 end a line in older JavaScript.
const SCRIPT_UNSAFE = /[<\u2028\u2029]/g;

/**
 * A <script type="application/ld+json"> element. JSON may hold any text, but inside a
 * <script> element "</script>" or "<!--" would end or confuse it: every "<" is written
 * as \u003c (still the same JSON), so untrusted comment text cannot break out.
 */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data).replace(
    SCRIPT_UNSAFE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<script type="application/ld+json">${json}</script>`;
}

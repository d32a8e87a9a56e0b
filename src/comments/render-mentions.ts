// The HTML of a post's mentions (pingbacks and trackbacks): after its comments, under a
// heading of their own with their own count ("2 mentions"), oldest first, each a
// <li id="mention-ID"> with the linking page's title (a link with rel="nofollow ugc"),
// whether it came as a ping or a trackback, its date and its excerpt. Nothing at all when
// there are none. The title is escaped by html`…`; the excerpt is the output of the
// comment markdown-it instance (raw HTML off), trusted as is.
//
// Each mention is an h-cite inside the post's h-entry, but not its p-comment: IndieWeb
// tools read it as a citation of the post, not as one of its comments.
import { formatFrenchDateTime, machineDateTime } from "../format/dates.ts";
import { countMentions } from "../format/plural.ts";
import { html, trustedHtml } from "../html/html.ts";
import { COMMENT_LINK_REL } from "../markdown/comment-markdown.ts";
import type { Mention, MentionType } from "./mention.ts";
import { compareByDate } from "./thread.ts";

/** How each kind of mention is named on the page: WordPress's French words. */
const TYPE_NAMES: Record<MentionType, string> = { pingback: "Ping", trackback: "Rétrolien" };

/** The id attribute of a mention's element: prefixed, as a comment's is (`comment-…`). */
function mentionAnchor(id: string): string {
  return `mention-${id}`;
}

/** The mentions in the order the page shows them: oldest first, the same date by id. */
export function mentionsInOrder(mentions: readonly Mention[]): Mention[] {
  return [...mentions].sort(compareByDate);
}

function mentionHtml(mention: Mention) {
  const anchor = mentionAnchor(mention.id);
  const excerpt = mention.excerptHtml
    ? html`
<div class="comment-content e-content" dir="auto">${trustedHtml(mention.excerptHtml)}</div>`
    : "";
  return html`
<li id="${anchor}" class="mention h-cite">
<article class="comment-card">
<header class="comment-meta"><a class="comment-author p-name u-url" href="${mention.source}" rel="${COMMENT_LINK_REL}"><bdi>${mention.title}</bdi></a> <span class="comment-badge">${TYPE_NAMES[mention.type]}</span> <a class="comment-permalink" href="#${anchor}"><time class="dt-published" datetime="${machineDateTime(mention.date)}">${formatFrenchDateTime(mention.date)}</time></a></header>${excerpt}
</article>
</li>`;
}

/** The mentions' section of a post page, to follow its comments; "" when it has none. */
export function renderMentions(mentions: readonly Mention[]): string {
  if (mentions.length === 0) return "";
  return html`
<section id="mentions" class="mentions" aria-labelledby="mentions-title">
<h3 id="mentions-title">${countMentions(mentions.length)}</h3>
<ol class="mention-list" role="list">${mentionsInOrder(mentions).map(mentionHtml)}
</ol>
</section>`.value;
}

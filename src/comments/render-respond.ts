// The end of a post's comments section: "Laisser un commentaire" and the comment form
// (src/comment-form/comment-form.ts), which posts to the comment server, where readers
// may comment; "Les commentaires sont fermés." where they may not (no COMMENTS_URL, a
// post saying `comments: closed`, a draft).
import { commentFormHtml } from "../comment-form/comment-form.ts";
import { html, type SafeHtml } from "../html/html.ts";

/** Where readers may comment on a post: the comment server's address and the post's folder name. */
export interface OpenComments {
  commentsUrl: string;
  post: string;
}

// Ids starting "comments-" can be neither a comment's anchor ("comment-<id>") nor a
// heading's (a slug starting "comment" becomes "section-…", src/html/heading-ids.ts).
const SECTION_ID = "comments-respond";

export function respondHtml(open: OpenComments | undefined): SafeHtml {
  if (!open)
    return html`
<p class="comments-closed">Les commentaires sont fermés.</p>`;
  return html`
<section id="${SECTION_ID}" class="comment-respond" aria-labelledby="${SECTION_ID}-title">
<h3 id="${SECTION_ID}-title">Laisser un commentaire</h3>
${commentFormHtml({ commentsUrl: open.commentsUrl, post: open.post, idPrefix: "comments-form" })}
</section>`;
}

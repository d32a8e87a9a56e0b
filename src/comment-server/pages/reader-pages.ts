// The pages a reader meets on the intake server: the preview of their comment, the
// answer once it is queued, the reply page quoting the comment they answer, and the form
// again with a French message beside each problem. Everything the reader typed goes
// through the html`` builder or the comment markdown (src/markdown/comment-markdown.ts),
// never into the page as is.
import type { Comment } from "../../comments/comment.ts";
import { commentFormHtml } from "../../comment-form/comment-form.ts";
import { formatFrenchDateTime } from "../../format/dates.ts";
import { html, trustedHtml, type SafeHtml } from "../../html/html.ts";
import { frenchTypography } from "../../markdown/french-typography-text.ts";
import type { SitePost } from "../site-posts.ts";
import type { SubmissionField, SubmittedFields } from "../submission.ts";
import { pageHtml } from "./layout.ts";

/** What every reader page needs to know of the server. */
export interface ReaderPageContext {
  siteHome: string;
  publicUrl: string;
  /** The server sends e-mail: its forms offer the replies by e-mail (the built pages' form does not). */
  offersNotifications?: boolean;
}

/** "l’article", "la page": what a comment is written under. */
function theWork(post: SitePost): string {
  return post.kind === "page" ? "la page" : "l’article";
}

function postLink(post: SitePost): SafeHtml {
  return html`<a href="${post.url}">${frenchTypography(post.title)}</a>`;
}

function noticeHtml(notice: string | undefined): SafeHtml | string {
  return notice
    ? html`<p class="form-notice" role="note"><strong>${frenchTypography(notice)}</strong></p>`
    : "";
}

/** The comment as it will look on the page (author, text), before anyone approves it. */
function commentCardHtml(author: string, renderedText: string, meta: SafeHtml | string = ""): SafeHtml {
  return html`<article class="comment-card comment-preview">
<header class="comment-meta"><bdi class="comment-author">${author}</bdi>${meta}</header>
<div class="comment-content" dir="auto">${trustedHtml(renderedText)}</div>
</article>`;
}

export interface PreviewPage {
  post: SitePost;
  fields: SubmittedFields;
  author: string;
  renderedText: string;
  token: string;
  /** Why the reader sees the preview again (a changed comment, a click too fast…). */
  notice?: string;
}

export function previewPage(context: ReaderPageContext, page: PreviewPage): string {
  const parent = page.post.comments.find((comment) => comment.id === page.fields.parent.trim());
  const answering = parent ? html`, en réponse à <bdi>${parent.author}</bdi>` : "";
  return pageHtml({
    title: "Aperçu de votre commentaire",
    siteHome: context.siteHome,
    main: html`<h1>Aperçu de votre commentaire</h1>
${noticeHtml(page.notice)}
<p>Sur ${theWork(page.post)} ${postLink(page.post)}${answering}. Votre commentaire n’est pas encore envoyé${"\u00A0"}: relisez-le, modifiez-le si besoin, puis publiez-le.</p>
${commentCardHtml(page.author, page.renderedText)}
<section class="comment-respond" aria-labelledby="comment-form-title">
<h2 id="comment-form-title">Modifier ou publier</h2>
${commentFormHtml({ commentsUrl: context.publicUrl, post: page.post.slug, fields: page.fields, token: page.token, offerNotify: context.offersNotifications === true, ...(parent ? { parent: parent.id } : {}) })}
</section>`,
  });
}

export interface FormPage {
  title: string;
  /** The post written to, when it exists and is open: the form is shown again. */
  post?: SitePost;
  fields: SubmittedFields;
  errors?: Partial<Record<SubmissionField, string>>;
  notice?: string;
}

/** The form again, everything typed kept, with a French message beside each problem. */
export function formPage(context: ReaderPageContext, page: FormPage): string {
  const errorCount = Object.keys(page.errors ?? {}).length;
  const summary =
    errorCount > 0
      ? html`<p class="form-notice" role="note"><strong>${errorCount === 1 ? "Un champ est à corriger" : `${errorCount} champs sont à corriger`}${"\u00A0"}:</strong> le message est à côté du champ, et votre texte est conservé.</p>`
      : "";
  const where = page.post ? html`<p>Sur ${theWork(page.post)} ${postLink(page.post)}.</p>` : "";
  const form = commentFormHtml({
    commentsUrl: context.publicUrl,
    post: page.fields.post,
    fields: page.fields,
    offerNotify: context.offersNotifications === true,
    ...(page.errors ? { errors: page.errors } : {}),
    ...(page.fields.parent.trim() !== "" ? { parent: page.fields.parent.trim() } : {}),
  });
  return pageHtml({
    title: page.title,
    siteHome: context.siteHome,
    main: html`<h1>${frenchTypography(page.title)}</h1>
${noticeHtml(page.notice)}${summary}
${where}
<section class="comment-respond" aria-label="Votre commentaire">
${form}
</section>`,
  });
}

/** `subscribed`: the reader asked for the replies by e-mail, which a confirmation e-mail confirms. */
export function thanksPage(context: ReaderPageContext, post: SitePost, subscribed = false): string {
  const confirmation = subscribed
    ? html`
<p>${frenchTypography("Pour recevoir les réponses par e-mail, confirmez votre abonnement : un e-mail de confirmation vous est envoyé.")}</p>`
    : "";
  return pageHtml({
    title: "Commentaire envoyé",
    siteHome: context.siteHome,
    main: html`<h1>Commentaire envoyé</h1>
<p>${frenchTypography("Merci ! Votre commentaire est en attente de modération.")} Il paraîtra sous ${theWork(post)} une fois approuvé.</p>${confirmation}
<p><a href="${post.url}">Retour à ${theWork(post)} ${frenchTypography(`« ${post.title} »`)}</a></p>`,
  });
}

export function replyPage(context: ReaderPageContext, post: SitePost, comment: Comment): string {
  const date = formatFrenchDateTime(comment.date);
  const meta = html` <time datetime="${comment.date.toISO() ?? ""}">${date}</time>`;
  const title = `Répondre à ${comment.author}`;
  return pageHtml({
    title,
    siteHome: context.siteHome,
    main: html`<h1>Répondre à <bdi>${comment.author}</bdi></h1>
<p>Sur ${theWork(post)} ${postLink(post)}, le commentaire auquel vous répondez${"\u00A0"}:</p>
<blockquote class="comment-quote" cite="${post.url}#comment-${comment.id}">
${commentCardHtml(comment.author, comment.bodyHtml, meta)}
</blockquote>
<section class="comment-respond" aria-labelledby="comment-form-title">
<h2 id="comment-form-title">Votre réponse</h2>
${commentFormHtml({ commentsUrl: context.publicUrl, post: post.slug, parent: comment.id, offerNotify: context.offersNotifications === true })}
</section>`,
  });
}

/** A page that only says what happened (a refused request, an unknown address…). */
export function messagePage(
  context: ReaderPageContext,
  title: string,
  message: string,
  link?: { href: string; text: string },
): string {
  const back = link ? html`<p><a href="${link.href}">${link.text}</a></p>` : "";
  return pageHtml({
    title,
    siteHome: context.siteHome,
    main: html`<h1>${frenchTypography(title)}</h1>
<p>${frenchTypography(message)}</p>
${back}`,
  });
}

// The pages an e-mail's links open: confirming a subscription, and unsubscribing. Each
// shows what it is about and a button; only the button's POST acts, so a mail scanner
// that follows every link confirms nothing (and unsubscribes no one). The token rides
// in a hidden field, or in the address the form posts to, as the e-mail's link gave it.
import { html } from "../../html/html.ts";
import { frenchTypography } from "../../markdown/french-typography-text.ts";
import { pageHtml } from "../pages/layout.ts";
import type { ReaderPageContext } from "../pages/reader-pages.ts";
import { SUBSCRIPTION_PATHS, TOKEN_PARAMETER } from "./links.ts";

function postName(title: string) {
  return html`<cite>${frenchTypography(title)}</cite>`;
}

export function confirmPage(context: ReaderPageContext, page: { token: string; postTitle: string }): string {
  return pageHtml({
    title: "Confirmer votre abonnement",
    siteHome: context.siteHome,
    main: html`<h1>Confirmer votre abonnement</h1>
<p>Vous recevrez un e-mail à chaque réponse approuvée à votre commentaire sur l’article ${postName(page.postTitle)}. Chacun de ces e-mails permet de se désabonner.</p>
<form class="comment-form" method="post" action="${SUBSCRIPTION_PATHS.confirm}" accept-charset="utf-8">
<input type="hidden" name="${TOKEN_PARAMETER}" value="${page.token}">
<p><button type="submit">Confirmer</button></p>
</form>`,
  });
}

export function unsubscribePage(
  context: ReaderPageContext,
  page: { token: string; postTitle: string },
): string {
  const action = `${SUBSCRIPTION_PATHS.unsubscribe}?${new URLSearchParams({ [TOKEN_PARAMETER]: page.token }).toString()}`;
  return pageHtml({
    title: "Se désabonner",
    siteHome: context.siteHome,
    main: html`<h1>Se désabonner</h1>
<p>Ne plus recevoir d’e-mail pour les réponses à votre commentaire sur l’article ${postName(page.postTitle)}${"\u00A0"}?</p>
<form class="comment-form" method="post" action="${action}" accept-charset="utf-8">
<p><button type="submit">Me désabonner</button></p>
</form>`,
  });
}

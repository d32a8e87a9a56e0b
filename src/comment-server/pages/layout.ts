// The frame of every page the intake server answers with: French, the site's stylesheet
// (served by the server itself, so its policy needs no other origin), a way back to the
// site, no script, and never in a search engine's index. Its own Content Security Policy is sent as a header on every answer.
import { html, type SafeHtml } from "../../html/html.ts";
import { frenchTypography } from "../../markdown/french-typography-text.ts";
import { siteMetadata } from "../../site/metadata.ts";

/** Where the server serves the site's stylesheet (layouts/assets/site.css). */
export const STYLESHEET_PATH = "/assets/site.css";

/** Forms post only to the server itself; nothing loads from elsewhere; no frame may hold these pages. */
export const SERVER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface PageFrame {
  /** The page's title (plain text; French typography applied here). */
  title: string;
  /** The site's home page, for the header's link back. */
  siteHome: string;
  main: SafeHtml;
}

export function pageHtml(frame: PageFrame): string {
  const site = siteMetadata().title;
  const title = frenchTypography(frame.title);
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – ${site}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
<p class="site-title"><a href="${frame.siteHome}">${site}</a></p>
</header>
<main id="contenu" tabindex="-1">
${frame.main}
</main>
<footer class="site-footer">
<p><a href="${frame.siteHome}">Retour au site ${site}</a></p>
</footer>
</body>
</html>
`.value;
}

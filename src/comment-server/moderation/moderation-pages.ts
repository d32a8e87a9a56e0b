// The moderator's pages on the intake server: the login form, and the queue — the
// comments waiting, grouped by post, each with its decision buttons, then those approved
// whose file could not be written, with the reason and "Réessayer". No script: every
// button is a form's, every form carries the session's CSRF token.
//
// Everything a commenter wrote goes through the html`` builder, which escapes it, or, for
// the comment's text, through the build's comment markdown (raw HTML off). Their e-mail
// address is not on these pages: a page is cached, printed, shown on a shared screen, and
// a stolen session would otherwise hand over every commenter's address; the moderator
// finds it in the terminal (npm run comments:moderate -- show ID).
import type MarkdownIt from "markdown-it";
import type { Comment } from "../../comments/comment.ts";
import { formatFrenchDateTime, machineDateTime, siteDateTime } from "../../format/dates.ts";
import { html, trustedHtml, type SafeHtml } from "../../html/html.ts";
import { frenchTypography } from "../../markdown/french-typography-text.ts";
import { pageHtml } from "../pages/layout.ts";
import type { SitePost } from "../site-posts.ts";
import type { QueuedComment } from "../store/queue.ts";
import { countOf, firstLine, markLabel } from "./words.ts";

const NBSP = "\u00A0";

/** Where the moderator's forms post, under /moderation (the session cookie's path). */
export const MODERATION_PATHS = {
  page: "/moderation",
  login: "/moderation/connexion",
  logout: "/moderation/deconnexion",
  decide: "/moderation/decision",
  retry: "/moderation/reessayer",
} as const;

/**
 * The form fields of the moderator's forms. `id[]`: the form for all comments shown
 * repeats it, once per comment (the brackets tell html-validate the repetition is meant).
 */
export const MODERATION_FIELDS = {
  password: "password",
  csrf: "csrf",
  id: "id[]",
  action: "action",
} as const;

/** The decision buttons' values, as the form sends them. */
export type DecisionAction = "approuver" | "refuser" | "indesirable";

const DECISION_BUTTONS: readonly { action: DecisionAction; one: string; all: string }[] = [
  { action: "approuver", one: "Approuver", all: "Tout approuver" },
  { action: "refuser", one: "Refuser", all: "Tout refuser" },
  { action: "indesirable", one: "Indésirable", all: "Tout marquer indésirable" },
];

export interface ModerationContext {
  siteHome: string;
}

export interface LoginPage {
  /** A French message beside the password field (a wrong password). */
  error?: string;
  /** A French status line above the form (logged out). */
  status?: string;
  /** No COMMENTS_ADMIN_PASSWORD: the page says so and shows no form. */
  disabled?: boolean;
}

export function loginPage(context: ModerationContext, page: LoginPage = {}): string {
  const status = page.status
    ? html`<p class="form-notice" role="status">${frenchTypography(page.status)}</p>`
    : "";
  const error = page.error
    ? html`<p class="comment-form-error" id="mot-de-passe-erreur">${frenchTypography(page.error)}</p>`
    : "";
  const invalid = page.error ? html` aria-invalid="true" aria-describedby="mot-de-passe-erreur"` : "";
  const form = page.disabled
    ? html`<p>${frenchTypography("La modération en ligne est désactivée : aucun mot de passe n’est défini (COMMENTS_ADMIN_PASSWORD). Modérez depuis le terminal avec npm run comments:moderate.")}</p>`
    : html`<form class="comment-form" method="post" action="${MODERATION_PATHS.login}" accept-charset="utf-8">
<p class="comment-form-field${page.error ? " comment-form-invalid" : ""}"><label for="mot-de-passe">Mot de passe</label>
${error}<input id="mot-de-passe" name="${MODERATION_FIELDS.password}" type="password" autocomplete="current-password" required${invalid}></p>
<p><button type="submit">Se connecter</button></p>
</form>`;
  return pageHtml({
    title: "Modération",
    siteHome: context.siteHome,
    main: html`<h1>Modération</h1>
${status}${form}`,
  });
}

/** A pending comment with what the page shows about it. */
export interface PendingEntry {
  comment: QueuedComment;
  /** Its post as the site has it; undefined when the post is gone (or a draft). */
  post?: SitePost;
}

/**
 * The most comments waiting one page shows, oldest first: the form for all shown sends
 * one field per comment, and the server reads at most 200 fields in a form
 * (../form-body.ts); a flood of spam is decided a page at a time.
 */
export const MAX_SHOWN = 100;

export interface QueuePage {
  csrf: string;
  /** The oldest MAX_SHOWN comments waiting. */
  pending: readonly PendingEntry[];
  /** How many more are waiting, not shown. */
  notShown: number;
  /** Approved, their file not written: each with its reason. */
  unpublished: readonly PendingEntry[];
  /** A French status line, for the decision just made. */
  status?: string;
  markdown: MarkdownIt;
}

function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="${MODERATION_FIELDS.csrf}" value="${csrf}">`;
}

/** The plain text of a rendered comment (tags dropped, markdown-it's escapes undone), for an excerpt. */
function textOfHtml(rendered: string): string {
  return rendered
    .replace(/<[^>]*>/g, " ")
    .replace(/&(lt|gt|quot|#39|amp);/g, (_entity, name: string) =>
      name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : name === "#39" ? "'" : "&",
    )
    .replace(/\s+/g, " ")
    .trim();
}

function dateHtml(date: Date): SafeHtml {
  const time = siteDateTime(date);
  return html`<time datetime="${machineDateTime(time)}">${formatFrenchDateTime(time)}</time>`;
}

function postTitle(entry: PendingEntry): SafeHtml {
  if (!entry.post) return html`<code>${entry.comment.post}</code> (article introuvable ou brouillon)`;
  return html`<a href="${entry.post.url}">${frenchTypography(entry.post.title)}</a>`;
}

function parentHtml(entry: PendingEntry): SafeHtml | string {
  const parentId = entry.comment.parent;
  if (parentId === undefined) return "";
  const parent: Comment | undefined = entry.post?.comments.find((candidate) => candidate.id === parentId);
  if (!parent)
    return html`<p class="comment-reply-to">En réponse au commentaire ${parentId}, introuvable sur l’article.</p>`;
  if (parent.withdrawn)
    return html`<p class="comment-reply-to">En réponse au commentaire ${parentId} (retiré).</p>`;
  const excerpt = firstLine(textOfHtml(parent.bodyHtml), 120);
  return html`<p class="comment-reply-to">En réponse à <bdi>${parent.author}</bdi> (commentaire ${parentId})${NBSP}: «${NBSP}<bdi>${excerpt}</bdi>${NBSP}»</p>`;
}

function marksHtml(comment: QueuedComment): SafeHtml | string {
  if (comment.marks.length === 0) return "";
  return html`<p><strong>Probablement indésirable${NBSP}:</strong> ${comment.marks.map(markLabel).join(", ")}.</p>`;
}

function decisionButtons(label: (button: (typeof DECISION_BUTTONS)[number]) => string): SafeHtml {
  return html`${DECISION_BUTTONS.map(
    (button) =>
      html`<button type="submit" name="${MODERATION_FIELDS.action}" value="${button.action}">${label(button)}</button>
`,
  )}`;
}

function pendingHtml(entry: PendingEntry, page: QueuePage): SafeHtml {
  const { comment } = entry;
  const heading = `commentaire-${comment.id}`;
  const site = comment.url ? html` · site web${NBSP}: <span dir="ltr">${comment.url}</span>` : "";
  // The decision's form holds the whole card, so that the buttons are known by the comment they decide on.
  return html`<li class="comment">
<article class="comment-card" aria-labelledby="${heading}">
<form class="comment-form" method="post" action="${MODERATION_PATHS.decide}" aria-labelledby="${heading}">
<header class="comment-meta">
<h4 id="${heading}" class="comment-author">N°${NBSP}${comment.id}${NBSP}: <bdi>${comment.author}</bdi></h4>
<p>Reçu le ${dateHtml(comment.submittedAt)}${site}</p>
</header>
${parentHtml(entry)}${marksHtml(comment)}
<div class="comment-content" dir="auto">${trustedHtml(page.markdown.render(comment.text))}</div>
${csrfField(page.csrf)}<input type="hidden" name="${MODERATION_FIELDS.id}" value="${comment.id}">
<p>${decisionButtons((button) => button.one)}</p>
</form>
</article>
</li>`;
}

/** The pending comments by post, in the order their first comment arrived. */
function byPost(entries: readonly PendingEntry[]): PendingEntry[][] {
  const groups = new Map<string, PendingEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.comment.post);
    if (group) group.push(entry);
    else groups.set(entry.comment.post, [entry]);
  }
  return [...groups.values()];
}

function pendingSection(page: QueuePage): SafeHtml {
  if (page.pending.length === 0)
    return html`<section aria-labelledby="en-attente">
<h2 id="en-attente">En attente</h2>
<p>Aucun commentaire en attente.</p>
</section>`;
  const groups = byPost(page.pending).map((group, index) => {
    const first = group[0] as PendingEntry;
    const heading = `article-${index + 1}`;
    return html`<section aria-labelledby="${heading}">
<h3 id="${heading}">${postTitle(first)}</h3>
<ol class="comment-list" role="list">
${group.map((entry) => pendingHtml(entry, page))}
</ol>
</section>
`;
  });
  const ids = page.pending.map(
    (entry) => html`<input type="hidden" name="${MODERATION_FIELDS.id}" value="${entry.comment.id}">`,
  );
  const total = page.pending.length + page.notShown;
  const more =
    page.notShown > 0
      ? html`<p>${frenchTypography(`Les ${page.pending.length} plus anciens sont affichés ; les ${page.notShown} autres le seront une fois ceux-ci décidés.`)}</p>`
      : "";
  return html`<section aria-labelledby="en-attente">
<h2 id="en-attente">En attente (${countOf(total, "commentaire")})</h2>
${more}${groups}
<form class="comment-form" method="post" action="${MODERATION_PATHS.decide}" aria-labelledby="tous">
<h3 id="tous">Tous les commentaires affichés</h3>
<p>${frenchTypography(`La même décision pour les ${countOf(page.pending.length, "commentaire")} de cette page (ceux arrivés depuis son affichage n’en font pas partie) :`)}</p>
${csrfField(page.csrf)}${ids}
${decisionButtons((button) => button.all)}</form>
</section>`;
}

function unpublishedSection(page: QueuePage): SafeHtml | string {
  if (page.unpublished.length === 0) return "";
  // Each can be refused too: a publication that cannot succeed (its post is gone) is given up.
  const items = page.unpublished.map(
    (entry) =>
      html`<li><p id="non-publie-${entry.comment.id}">N°${NBSP}${entry.comment.id}, <bdi>${entry.comment.author}</bdi>, sur ${postTitle(entry)}${NBSP}: ${frenchTypography(entry.comment.publishError ?? "pas encore publié")}</p>
<form class="comment-form" method="post" action="${MODERATION_PATHS.decide}" aria-labelledby="non-publie-${entry.comment.id}">
${csrfField(page.csrf)}<input type="hidden" name="${MODERATION_FIELDS.id}" value="${entry.comment.id}">
<button type="submit" name="${MODERATION_FIELDS.action}" value="refuser">Refuser</button>
</form></li>
`,
  );
  return html`<section aria-labelledby="non-publies">
<h2 id="non-publies">Approuvés, pas encore publiés (${countOf(page.unpublished.length, "commentaire")})</h2>
<p>${frenchTypography("Leur fichier n’a pas pu être écrit : une fois la cause réglée, réessayez ; ou refusez celui qui ne pourra pas être publié.")}</p>
<ul>
${items}</ul>
<form class="comment-form" method="post" action="${MODERATION_PATHS.retry}">
${csrfField(page.csrf)}<button type="submit">Réessayer</button>
</form>
</section>`;
}

export function queuePage(context: ModerationContext, page: QueuePage): string {
  const status = page.status
    ? html`<p class="form-notice" role="status">${frenchTypography(page.status)}</p>`
    : "";
  return pageHtml({
    title: "Modération",
    siteHome: context.siteHome,
    main: html`<h1>Modération</h1>
${status}<form class="comment-form" method="post" action="${MODERATION_PATHS.logout}">
${csrfField(page.csrf)}<button type="submit">Se déconnecter</button>
</form>
${pendingSection(page)}
${unpublishedSection(page)}`,
  });
}

// The home page's content, one page of its pagination at a time: the page's posts, newest
// first, with date, author, comment count and summary, then the links to the other pages.
// Rendered by content/index.11ty.js: a function, where a Nunjucks template would be
// compiled again for each of its pages by Eleventy 3.1.
import { formatFrenchDate, machineDateTime, siteDateTime } from "../format/dates.ts";
import { countReflections } from "../format/plural.ts";
import { headingIds } from "../html/heading-ids.ts";
import { html, type SafeHtml } from "../html/html.ts";
import { frenchTypography } from "../markdown/french-typography-text.ts";
import { pageWindow } from "./page-window.ts";

export interface HomePost {
  url: string;
  title: string;
  date: Date;
  author: string;
  description: string | undefined;
  draft: boolean;
  commentCount: number;
}

export interface HomePage {
  /** 0-based, as Eleventy's pagination numbers pages. */
  pageNumber: number;
  /** The URL of every page, in order. */
  hrefs: readonly string[];
  posts: readonly HomePost[];
}

/** "Derniers articles" on the first page, "Articles, page 2 sur 400" after. */
function homePageHeading(pageNumber: number, pageCount: number): string {
  return pageNumber > 0 ? `Articles, page ${pageNumber + 1} sur ${pageCount}` : "Derniers articles";
}

/** The line under a post's title: draft or not, date, author, comments. */
function postMeta(post: HomePost): SafeHtml {
  const date = siteDateTime(post.date);
  const draft = post.draft ? html`<strong class="draft-marker">Brouillon</strong> · ` : "";
  const comments = html`<a href="${post.url}#comments">${countReflections(post.commentCount)}</a>`;
  return html`<p class="post-meta">${draft}<time datetime="${machineDateTime(date)}">${formatFrenchDate(date)}</time> · par ${post.author} · ${comments}</p>`;
}

/** `title`: the post's title with French typography, as its heading id was made from. */
function postSummary(post: HomePost, title: string, id: string): SafeHtml {
  const description = post.description
    ? html`
<p>${frenchTypography(post.description)}</p>`
    : "";
  return html`
<li class="post-summary">
<article>
<h2 id="${id}"><a href="${post.url}">${title}</a></h2>
${postMeta(post)}${description}
</article>
</li>`;
}

/** A page of a list of posts: the home page's, a tag's (src/site/tag-pages.ts). */
export interface PostListPage {
  heading: string;
  /** Under the heading, before the posts (escaped by the caller). */
  intro?: SafeHtml;
  posts: readonly HomePost[];
  /** 0-based, as Eleventy's pagination numbers pages. */
  pageNumber: number;
  /** The URL of every page of the list, in order. */
  hrefs: readonly string[];
  /** The name of its pagination's navigation, e.g. "Pages d’articles". */
  paginationLabel: string;
}

function pagination(page: PostListPage): SafeHtml | string {
  const count = page.hrefs.length;
  if (count <= 1) return "";
  const current = page.pageNumber + 1;
  const previous = page.hrefs[page.pageNumber - 1];
  const next = page.hrefs[page.pageNumber + 1];
  const newer =
    previous === undefined ? "" : html`<li><a href="${previous}" rel="prev">← Articles plus récents</a></li>`;
  const older =
    next === undefined ? "" : html`<li><a href="${next}" rel="next">Articles plus anciens →</a></li>`;
  const links = pageWindow(current, count).map((link) => {
    if (link === "gap") return html`\n<li class="pagination-gap" aria-hidden="true">…</li>`;
    return link === current
      ? html`\n<li><span aria-current="page">${link}</span></li>`
      : html`\n<li><a href="${page.hrefs[link - 1]}">${link}</a></li>`;
  });
  return html`
<nav class="pagination" aria-label="${page.paginationLabel}">
<ul>${newer}${links}${older}
</ul>
</nav>`;
}

/** The heading, the posts of this page, newest first, and the links to the other pages. */
export function renderPostListPage(page: PostListPage): string {
  // Heading ids: the page's title, then each post's (src/html/heading-ids.ts).
  const titles = page.posts.map((post) => frenchTypography(post.title));
  const ids = headingIds([page.heading, ...titles]);
  return html`<h1 class="page-title" id="${ids[0]}">${page.heading}</h1>${page.intro ?? ""}${
    page.posts.length === 0
      ? html`
<p>Aucun article pour l’instant.</p>`
      : ""
  }
<ol class="post-list" role="list">${page.posts.map((post, index) => postSummary(post, titles[index] ?? "", ids[index + 1] ?? ""))}
</ol>${pagination(page)}
`.value;
}

export function renderHomePage(page: HomePage): string {
  return renderPostListPage({
    ...page,
    heading: homePageHeading(page.pageNumber, page.hrefs.length),
    paginationLabel: "Pages d’articles",
  });
}

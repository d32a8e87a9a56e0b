// What readers see of the tags (./tags.ts gathers them): each tag's pages, listing its
// posts as the home page does (./home-page.ts), /tags/ listing every tag with its count,
// and the list of a post's tags on its page (layouts/post.njk).
import { countArticles } from "../format/plural.ts";
import { html, type SafeHtml } from "../html/html.ts";
import { frenchTypography } from "../markdown/french-typography-text.ts";
import { renderPostListPage, type HomePost } from "./home-page.ts";
import { headingIds } from "../html/heading-ids.ts";

/** "Étiquette « SMO »", then "Étiquette « SMO », page 2 sur 3": the <h1>, with French typography. */
export function tagPageHeading(name: string, pageNumber: number, pageCount: number): string {
  const heading = frenchTypography(`Étiquette « ${name} »`);
  return pageNumber > 0 ? `${heading}, page ${pageNumber + 1} sur ${pageCount}` : heading;
}

export interface TagPageView {
  name: string;
  /** All the tag's posts, on every page. */
  count: number;
  pageNumber: number;
  hrefs: readonly string[];
  posts: readonly HomePost[];
}

/** One page of a tag: its heading, how many posts hold it, this page's posts, the pagination. */
export function renderTagPage(page: TagPageView): string {
  return renderPostListPage({
    heading: tagPageHeading(page.name, page.pageNumber, page.hrefs.length),
    intro: html`
<p class="tag-count">${countArticles(page.count)} · <a href="/tags/">Toutes les étiquettes</a></p>`,
    posts: page.posts,
    pageNumber: page.pageNumber,
    hrefs: page.hrefs,
    paginationLabel: frenchTypography(`Pages de l’étiquette « ${page.name} »`),
  });
}

/** /tags/: every tag, by slug (close to alphabetical, without ICU's collation), with its count. */
export function renderTagIndex(tags: readonly { name: string; url: string; count: number }[]): string {
  const heading = "Étiquettes";
  const [id] = headingIds([heading]);
  const items = tags.map(
    (tag) =>
      html`
<li><a href="${tag.url}">${tag.name}</a> <span class="tag-count">(${countArticles(tag.count)})</span></li>`,
  );
  const list =
    tags.length === 0
      ? html`
<p>Aucune étiquette pour l’instant.</p>`
      : html`
<ul class="tag-list" role="list">${items}
</ul>`;
  return html`<h1 class="page-title" id="${id}">${heading}</h1>${list}
`.value;
}

/** A post's tags, under its article: links to their pages (a draft's tag may have none yet). */
export function renderPostTags(
  links: readonly { name: string; url: string | undefined }[],
): SafeHtml | string {
  if (links.length === 0) return "";
  const items = links.map((link) =>
    link.url === undefined
      ? html`<li>${link.name}</li>`
      : html`<li><a href="${link.url}" rel="tag" class="p-category">${link.name}</a></li>`,
  );
  return html`<div class="post-tags">
<h2 class="post-tags-title">Étiquettes</h2>
<ul class="post-tag-list" role="list">${items}</ul>
</div>`;
}

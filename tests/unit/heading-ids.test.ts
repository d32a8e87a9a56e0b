// Heading ids are given when the HTML is written (src/html/heading-ids.ts,
// src/markdown/heading-ids.ts): the slug of the heading, unique on its page, and ids
// written by hand (the layout's, an author's raw HTML) kept as written.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headingIds, PageIds, postPageIds } from "../../src/html/heading-ids.ts";
import { createArticleMarkdown } from "../../src/markdown/article-markdown.ts";

/** Every id attribute in this HTML, in document order. */
function idsIn(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? "");
}

/** The ids that appear more than once. */
function repeated(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/**
 * A post's page as the site writes it: `<main id="contenu">`, the title's <h1> (the
 * layout's `titleId`, else the `headingId` filter), the article through the real
 * Markdown instance, then the comments section's own ids.
 */
function postPage(
  title: string,
  markdown: string,
): { titleId: string; articleIds: string[]; pageIds: string[] } {
  const env: { titleId?: string } = {};
  const html = createArticleMarkdown({ pageIds: () => postPageIds(title) }).render(markdown, env);
  const titleId = env.titleId ?? headingIds([title])[0] ?? "";
  const articleIds = idsIn(html);
  return { titleId, articleIds, pageIds: ["contenu", titleId, ...articleIds, "comments", "comments-title"] };
}

describe("heading ids", () => {
  it("slugs the text, keeps comment-… ids for comments, numbers repeats after <main id=contenu>", () => {
    assert.deepEqual(headingIds(["Derniers articles", "Comments", "Contenu", "L’été", "L'été"]), [
      "derniers-articles",
      "section-comments",
      "contenu-2",
      "l-ete",
      "l-ete-2",
    ]);
  });

  it("gives a repeated heading the first suffix no other id on the page uses: Bilan, Bilan, Bilan 2 are unique", () => {
    assert.deepEqual(headingIds(["Bilan", "Bilan", "Bilan 2"]), ["bilan", "bilan-2", "bilan-2-2"]);
    assert.deepEqual(headingIds(["Bilan 2", "Bilan", "Bilan", "Bilan 2"]), [
      "bilan-2",
      "bilan",
      "bilan-3",
      "bilan-2-2",
    ]);
    const many = headingIds([
      "Bilan",
      "Bilan 2",
      "Bilan",
      "Bilan 3",
      "Bilan",
      "Bilan 2",
      "Bilan 2-2",
      "Bilan",
    ]);
    assert.deepEqual(repeated(many), []);
    assert.equal(many[0], "bilan");
  });

  it("gives a heading whose text has no slug an id that is not empty", () => {
    assert.deepEqual(headingIds(["?", "🎉"]), ["section", "section-2"]);
  });

  it("keeps the mentions' ids to them, and starts every id with a letter", () => {
    assert.deepEqual(headingIds(["Mentions", "Mention 12", "Mentions légales", "2010", "1er mai"]), [
      "section-mentions",
      "section-mention-12",
      "section-mentions-legales",
      "section-2010",
      "section-1er-mai",
    ]);
  });

  it("moves a heading whose id an author's id written later claims, to the first free suffix, and keeps the author's id", () => {
    const ids = new PageIds();
    let first = ids.assign("Bilan", (id) => (first = id));
    let second = ids.assign("Bilan", (id) => (second = id));
    assert.deepEqual([first, second], ["bilan", "bilan-2"]);
    ids.claim("bilan-2");
    assert.deepEqual([first, second], ["bilan", "bilan-3"]);
    ids.claim("bilan");
    assert.deepEqual([first, second], ["bilan-4", "bilan-3"]);
    // The author's ids are never moved, even when written twice.
    ids.claim("bilan");
    assert.deepEqual([first, second], ["bilan-4", "bilan-3"]);
    assert.equal(ids.assign("Bilan"), "bilan-5");
  });

  it("gives article headings ids after the post's title, raw HTML ids counted", () => {
    const md = createArticleMarkdown({ pageIds: () => postPageIds("Mon titre") });
    const html = md.render(
      '## Mon titre\n\n## *A* `b` & c\n\n## Répété\n\n<div id="repete">x</div>\n\n## Répété\n',
    );
    assert.equal(
      html,
      '<h2 id="mon-titre-2">Mon titre</h2>\n<h2 id="a-b-et-c"><em>A</em> <code>b</code> &amp; c</h2>\n<h2 id="repete-2">Répété</h2>\n<div id="repete">x</div>\n<h2 id="repete-3">Répété</h2>\n',
    );
  });

  it("gives the title's <h1> the same id through the layout's filter as before the article", () => {
    for (const title of ["Bilan", "Contenu", "Commentaires", "L'été ?"])
      assert.equal(postPageIds(title).titleId, headingIds([title])[0], title);
  });

  it("keeps every id of a post's page unique: title, Markdown headings, raw HTML ids written before and after them", () => {
    const markdown = [
      "## Bilan",
      '<p id="bilan-2">Écrit à la main.</p>',
      "## Bilan",
      "## Bilan 2",
      "## Contenu",
      'Du texte avec <span id="bilan-2-2">un repère</span>.',
      "## Bilan",
      '<figure id="bilan-3"><img src="a.png" alt=""></figure>',
      "## Commentaires",
      "## Comments",
    ].join("\n\n");
    const page = postPage("Bilan", markdown);
    assert.deepEqual(repeated(page.pageIds), [], page.pageIds.join(" "));
    assert.equal(page.titleId, "bilan");
    // The author's ids are as written; the headings moved around them.
    for (const id of ["bilan-2", "bilan-2-2", "bilan-3"]) assert.ok(page.articleIds.includes(id), id);
    assert.ok(page.articleIds.includes("contenu-2"));
    assert.ok(
      page.articleIds.includes("section-commentaires") && page.articleIds.includes("section-comments"),
    );
  });

  it("moves the title's id, not the author's, when the article's raw HTML uses it", () => {
    const page = postPage("Bilan", '<div id="bilan">Écrit à la main.</div>\n\n## Bilan\n');
    assert.deepEqual(page.articleIds, ["bilan", "bilan-3"]);
    assert.equal(page.titleId, "bilan-2");
    assert.deepEqual(repeated(page.pageIds), []);
  });
});

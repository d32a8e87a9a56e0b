// Heading ids are given when the HTML is written (src/html/heading-ids.ts,
// src/markdown/heading-ids.ts), with the rules of Eleventy's IdAttributePlugin they
// replace: these cases are the ones that plugin's output showed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headingIds, PageIds, postPageIds } from "../../src/html/heading-ids.ts";
import { createArticleMarkdown } from "../../src/markdown/article-markdown.ts";

describe("heading ids", () => {
  it("slugs the text, keeps comment-… ids for comments, numbers repeats after <main id=contenu>", () => {
    assert.deepEqual(headingIds(["Derniers articles", "Comments", "Contenu", "L’été", "L'été"]), ["derniers-articles", "section-comments", "contenu-2", "l-ete", "l-ete-2"]);
  });
  it("renames a heading whose id an element written later claims, as IdAttributePlugin did", () => {
    const ids = new PageIds();
    let renamed = "";
    assert.equal(ids.assign("Foo", (id) => (renamed = id)), "foo");
    ids.claim("foo");
    assert.equal(renamed, "foo-2");
  });
  it("gives article headings ids after the post's title, raw HTML ids counted", () => {
    const md = createArticleMarkdown({ pageIds: () => postPageIds("Mon titre") });
    const html = md.render('## Mon titre\n\n## *A* `b` & c\n\n## Répété\n\n<div id="repete">x</div>\n\n## Répété\n');
    assert.equal(
      html,
      '<h2 id="mon-titre-2">Mon titre</h2>\n<h2 id="a-b-et-c"><em>A</em> <code>b</code> &amp; c</h2>\n<h2 id="repete-2">Répété</h2>\n<div id="repete">x</div>\n<h2 id="repete-3">Répété</h2>\n',
    );
  });
});

// The tags: gathered by slug (spellings merged under the most used), drafts left out,
// paginated as the home page, and shown as French pages and lists.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collectTags, postTagLinks, tagPages, tagSlug, type TaggedPost } from "../../src/site/tags.ts";
import { countArticles } from "../../src/format/plural.ts";
import { renderPostTags, renderTagIndex, tagPageHeading } from "../../src/site/tag-pages.ts";

function post(day: number, tags: unknown, draft = false): TaggedPost {
  return { url: `/billet-${day}/`, date: new Date(Date.UTC(2024, 2, day)), data: { tags, draft } };
}

describe("collectTags", () => {
  it("merges the spellings of one slug under the most used, and lists each tag's posts newest first", () => {
    const posts = [
      post(1, ["SEO"]),
      post(2, ["seo", "Réseaux sociaux"]),
      post(3, ["seo"]),
      post(4, ["Séo "]),
    ];
    const tags = collectTags(posts);
    assert.deepEqual(
      tags.map((tag) => [tag.slug, tag.name, tag.url, tag.posts.map((p) => p.url)]),
      [
        ["reseaux-sociaux", "Réseaux sociaux", "/tags/reseaux-sociaux/", ["/billet-2/"]],
        ["seo", "seo", "/tags/seo/", ["/billet-4/", "/billet-3/", "/billet-2/", "/billet-1/"]],
      ],
    );
  });

  it("breaks a tie between spellings by code-point order, whatever the order of the posts", () => {
    assert.equal(collectTags([post(1, ["seo"]), post(2, ["SEO"])])[0]?.name, "SEO");
    assert.equal(collectTags([post(1, ["SEO"]), post(2, ["seo"])])[0]?.name, "SEO");
  });

  it("never counts drafts, and puts a post holding two spellings of a tag on its page once", () => {
    const tags = collectTags([post(1, ["SEO", "seo"]), post(2, ["SEO", "Brouillon"], true)]);
    assert.deepEqual(
      tags.map((tag) => [tag.name, tag.posts.length]),
      [["SEO", 1]],
    );
  });

  it("gives a tag with no latin letter or digit a stable address of its own", () => {
    assert.match(tagSlug("中文"), /^tag-[0-9a-f]{8}$/);
    assert.equal(tagSlug("中文"), tagSlug("中文"));
    assert.notEqual(tagSlug("中文"), tagSlug("日本語"));
  });
});

describe("tagPages", () => {
  it("cuts each tag into pages of ten: /tags/<slug>/, then /tags/<slug>/page/2/", () => {
    const posts = Array.from({ length: 23 }, (_, i) => post(i + 1, ["SEO"]));
    const pages = tagPages(collectTags([...posts, post(28, ["Autre"])]));
    assert.deepEqual(
      pages.map((page) => [page.tag.slug, page.pageNumber, page.posts.length]),
      [
        ["autre", 0, 1],
        ["seo", 0, 10],
        ["seo", 1, 10],
        ["seo", 2, 3],
      ],
    );
    assert.deepEqual(pages[1]?.hrefs, ["/tags/seo/", "/tags/seo/page/2/", "/tags/seo/page/3/"]);
    assert.equal(pages[1]?.posts[0]?.url, "/billet-23/");
  });
});

describe("what readers see of the tags", () => {
  it("links a post's tags to their pages, in its own spelling, and a draft's tag without a page as text", () => {
    const tags = collectTags([post(1, ["SEO"])]);
    const links = postTagLinks({ tags: ["seo", "Nouveau", "SEO"] }, tags);
    assert.deepEqual(links, [
      { name: "seo", url: "/tags/seo/" },
      { name: "Nouveau", url: undefined },
    ]);
    const markup = String(renderPostTags(links));
    assert.match(markup, /<h2 class="post-tags-title">Étiquettes<\/h2>/);
    assert.match(
      markup,
      /<li><a href="\/tags\/seo\/" rel="tag" class="p-category">seo<\/a><\/li><li>Nouveau<\/li>/,
    );
    assert.equal(String(renderPostTags([])), "");
  });

  it("writes French headings and counts, escaped", () => {
    assert.equal(tagPageHeading("SMO", 0, 1), "Étiquette «\u00A0SMO\u00A0»");
    assert.equal(tagPageHeading("SMO", 1, 3), "Étiquette «\u00A0SMO\u00A0», page 2 sur 3");
    const index = renderTagIndex([
      { name: "<b>", url: "/tags/b/", count: 1 },
      { name: "SMO", url: "/tags/smo/", count: 12 },
    ]);
    assert.match(index, /<a href="\/tags\/b\/">&lt;b&gt;<\/a> <span class="tag-count">\(1 article\)<\/span>/);
    assert.match(index, /\(12 articles\)/);
    assert.match(renderTagIndex([]), /Aucune étiquette pour l’instant\./);
  });
});

describe("countArticles", () => {
  it("counts a tag's posts in French", () => {
    assert.equal(countArticles(1), "1 article");
    assert.equal(countArticles(23), "23 articles");
    assert.equal(countArticles(1234), "1\u202F234 articles");
  });
});

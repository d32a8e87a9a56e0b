// The home page's pagination stays short however many pages there are: first, last, the
// current page and its neighbours, gaps for the rest.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { renderHomePage } from "../../src/site/home-page.ts";
import { pageWindow } from "../../src/site/page-window.ts";

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(2, 3), [1, 2, 3]);
    assert.deepEqual(pageWindow(4, 7), [1, 2, 3, 4, 5, 6, 7]);
  });
  it("keeps first, last and two neighbours, with gaps for the rest", () => {
    assert.deepEqual(pageWindow(1, 400), [1, 2, 3, "gap", 400]);
    assert.deepEqual(pageWindow(200, 400), [1, "gap", 198, 199, 200, 201, 202, "gap", 400]);
    assert.deepEqual(pageWindow(400, 400), [1, "gap", 398, 399, 400]);
  });
  it("shows a single left-out page instead of a gap", () => {
    assert.deepEqual(pageWindow(5, 9), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(pageWindow(6, 12), [1, "gap", 4, 5, 6, 7, 8, "gap", 12]);
  });
  it("has as many links on page 2,000 of 4,000 as on page 20 of 40", () => {
    assert.equal(pageWindow(2000, 4000).length, pageWindow(20, 40).length);
  });
});

describe("renderHomePage", () => {
  const hrefs = Array.from({ length: 400 }, (_, i) => (i === 0 ? "/" : `/page/${i + 1}/`));
  const post = {
    url: "/un-billet/",
    title: "Un billet : le « SMO »",
    date: new Date("2010-07-21T12:00:00Z"),
    author: "<Yannig>",
    description: "Résumé !",
    draft: false,
    commentCount: 2,
  };

  it("links the previous, next, neighbouring, first and last pages", () => {
    const { document } = parseHTML(
      `<main>${renderHomePage({ pageNumber: 199, hrefs, posts: [post] })}</main>`,
    );
    const nav = document.querySelector(".pagination");
    assert.equal(nav?.querySelector('a[rel="prev"]')?.getAttribute("href"), "/page/199/");
    assert.equal(nav?.querySelector('a[rel="next"]')?.getAttribute("href"), "/page/201/");
    assert.equal(nav?.querySelector('[aria-current="page"]')?.textContent, "200");
    const numbers = [...(nav?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
    assert.deepEqual(numbers.slice(1, -1), ["1", "…", "198", "199", "200", "201", "202", "…", "400"]);
    assert.equal(document.querySelector("h1")?.textContent, "Articles, page 200 sur 400");
  });
  it("escapes what authors wrote and counts comments in French", () => {
    const markup = renderHomePage({ pageNumber: 0, hrefs: ["/"], posts: [post] });
    assert.match(markup, /par &lt;Yannig&gt;/);
    assert.match(markup, /2 réflexions/);
    assert.match(markup, /Un billet\u00A0: le «\u00A0SMO\u00A0»/, "French spacing in titles");
    assert.doesNotMatch(markup, /class="pagination"/, "one page: no pagination");
  });
  it("says so when there is no post yet", () => {
    const { document } = parseHTML(
      `<main>${renderHomePage({ pageNumber: 0, hrefs: ["/"], posts: [] })}</main>`,
    );
    assert.equal(document.querySelector("h1")?.textContent, "Derniers articles");
    assert.match(document.querySelector("main")?.textContent ?? "", /Aucun article pour l’instant/);
  });
});

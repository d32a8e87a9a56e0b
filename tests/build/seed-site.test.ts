// Builds the real site into a temporary folder and checks what readers get on the seed
// article's page: the article, and its 11 comments nested exactly as in the seed.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, readPage, removeDir, type BuildResult } from "../helpers/site.ts";

const POST_URL = "/le-smo-le-nouveau-community-management/";
let build: BuildResult;
let page: Document;

/** The id of the comment element that holds this one, or null for a top-level comment. */
function parentCommentId(element: Element): string | null {
  const ol = element.parentElement;
  assert.equal(ol?.tagName, "OL", `comment ${element.id} must be directly inside an <ol>`);
  const holder = ol?.parentElement;
  if (holder?.id === "comments") return null;
  assert.equal(holder?.tagName, "LI");
  return holder?.id ?? null;
}

describe("the seed site", () => {
  before(() => {
    build = buildSite();
    assert.equal(build.status, 0, build.stderr);
    page = readPage(build.outputDir, POST_URL);
  });
  after(() => removeDir(build.outputDir));

  it("serves the article at its folder's address, in French", () => {
    assert.equal(page.documentElement.getAttribute("lang"), "fr");
    assert.match(
      page.querySelector("title")?.textContent ?? "",
      /^Le SMO, le nouveau Community Management\u202F\? – Nous les geeks$/,
    );
    assert.ok(page.querySelector('meta[name="description"]')?.getAttribute("content"));
    assert.ok(page.querySelector('meta[name="viewport"]'));
    assert.equal(page.querySelector("h1")?.textContent, "Le SMO, le nouveau Community Management\u202F?");
  });

  it("keeps the article verbatim: headings, list, links", () => {
    const headings = [...page.querySelectorAll(".post-content h2")].map((h) => h.textContent);
    assert.deepEqual(headings, [
      "Community Management",
      "Mais le SMO dans tout ça\u202F?",
      "Le SMO, complément du SEO et du SEM",
      "Une stratégie de référencement\u00A0: SMO",
    ]);
    assert.equal(page.querySelectorAll(".post-content ul > li").length, 2);
    const links = Object.fromEntries(
      [...page.querySelectorAll(".post-content a")].map((a) => [a.textContent, a.getAttribute("href")]),
    );
    assert.equal(links["DELL"], "http://twitter.com/delloutlet");
    assert.equal(links["best buy"], "http://twitter.com/BESTBUY");
    // The seed shows this address after a colon, as the text of its link.
    assert.equal(
      links["http://electronlibre.info/+Facebook-passe-les-500-millions-de,03257+"],
      "http://electronlibre.info/+Facebook-passe-les-500-millions-de,03257+",
    );
    assert.match(
      page.querySelector(".post-content")?.textContent ?? "",
      /cet article très intéressant\u00A0: http:\/\/electronlibre\.info\//,
    );
    assert.equal(links["www.twitter.com/davschuster"], "http://www.twitter.com/davschuster");
    assert.equal(links["www.nouslesgeeks.fr"], "http://www.nouslesgeeks.fr");
    // The typo a comment discusses is still there.
    assert.match(page.querySelector(".post-content")?.textContent ?? "", /C’est un outils de référencement/);
  });

  it("heads the comments with the count it shows", () => {
    const section = page.querySelector("section#comments");
    assert.ok(section);
    assert.equal(
      section.querySelector("h2")?.textContent,
      "11 réflexions au sujet de «\u00A0Le SMO, le nouveau Community Management\u202F?\u00A0»",
    );
    assert.equal(section.querySelectorAll("li[id^='comment-']").length, 11);
  });

  it("nests the 11 comments exactly as the seed's indentation", () => {
    const items = [...page.querySelectorAll("#comments li[id^='comment-']")];
    const tree = Object.fromEntries(items.map((li) => [li.id, parentCommentId(li)]));
    assert.deepEqual(tree, {
      "comment-1": null,
      "comment-2": null,
      "comment-3": "comment-2",
      "comment-4": null,
      "comment-5": null,
      "comment-6": "comment-5",
      "comment-7": "comment-6",
      "comment-8": "comment-7",
      "comment-9": "comment-8",
      "comment-10": "comment-8",
      "comment-11": null,
    });
    // Page order is the seed's order (siblings by date).
    assert.deepEqual(
      items.map((li) => li.id),
      [
        "comment-1",
        "comment-2",
        "comment-3",
        "comment-4",
        "comment-5",
        "comment-6",
        "comment-7",
        "comment-8",
        "comment-9",
        "comment-10",
        "comment-11",
      ],
    );
  });

  it("shows each comment's author, French date, permalink and whom it answers", () => {
    const greg = page.getElementById("comment-6");
    assert.ok(greg);
    assert.equal(greg.querySelector(".comment-author")?.textContent, "Greg");
    const time = greg.querySelector("a.comment-permalink time");
    assert.equal(time?.getAttribute("datetime"), "2010-07-23T14:32+02:00");
    assert.equal(time?.textContent, "23 juillet 2010 à 14 h 32");
    assert.equal(greg.querySelector("a.comment-permalink")?.getAttribute("href"), "#comment-6");
    const replyTo = greg.querySelector(":scope > article .comment-reply-to");
    assert.equal(replyTo?.textContent, "en réponse à Anonyme");
    assert.equal(replyTo?.querySelector("a")?.getAttribute("href"), "#comment-5");
    assert.equal(
      page.querySelector("#comment-9 > article .comment-reply-to")?.textContent,
      "en réponse à Greg",
    );
    assert.equal(page.querySelector("#comment-1 > article .comment-reply-to"), null);
  });

  it("marks comment links nofollow ugc and keeps comment text verbatim", () => {
    const link = page.querySelector("#comment-4 .comment-content a");
    assert.equal(link?.getAttribute("href"), "http://y8nn.fr/");
    assert.equal(link?.getAttribute("rel"), "nofollow ugc");
    for (const a of page.querySelectorAll(".comment-content a"))
      assert.equal(a.getAttribute("rel"), "nofollow ugc");
    assert.match(
      page.querySelector("#comment-8 .comment-content")?.textContent ?? "",
      /PS\u00A0: Je crois que mes posts sont du genre longs aussi \^\^/,
    );
  });

  it("lists the post on the home page with its French date and comment count", () => {
    const home = readPage(build.outputDir, "/");
    const entry = home.querySelector(".post-summary");
    assert.equal(entry?.querySelector("h2 a")?.getAttribute("href"), POST_URL);
    assert.match(entry?.textContent ?? "", /21 juillet 2010/);
    assert.match(entry?.textContent ?? "", /11 réflexions/);
  });

  it("publishes an Atom feed, a sitemap and a 404 page", () => {
    const feed = readFileSync(join(build.outputDir, "feed.xml"), "utf8");
    assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="fr">/);
    assert.match(
      feed,
      /<link href="https:\/\/www.nouslesgeeks.fr\/le-smo-le-nouveau-community-management\/"/,
    );
    const sitemap = readFileSync(join(build.outputDir, "sitemap.xml"), "utf8");
    assert.match(
      sitemap,
      /<loc>https:\/\/www.nouslesgeeks.fr\/le-smo-le-nouveau-community-management\/<\/loc>/,
    );
    assert.ok(existsSync(join(build.outputDir, "404.html")));
    assert.ok(
      !existsSync(join(build.outputDir, "le-smo-le-nouveau-community-management/comments")),
      "comments are not pages",
    );
  });
});

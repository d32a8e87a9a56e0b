// What search engines, social networks, feed readers and IndieWeb tools get from the
// seed site: meta tags, JSON-LD, microformats, the comment feed; plus the security
// headers and the page weight budget.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { metaContentSecurityPolicy, securityHeaders } from "../../src/site/security-headers.ts";
import { FIRST_ROUND_TRIP_BYTES, pageWeights } from "../../src/site/page-weight.ts";
import { runScript } from "../helpers/run-script.ts";
import { buildSite, readPage, removeDir, repositoryRoot, type BuildResult } from "../helpers/site.ts";

const SITE = "https://www.nouslesgeeks.fr";
const POST = "/le-smo-le-nouveau-community-management/";
const POST_URL = `${SITE}${POST}`;
// Built with the comment server's address: the form and the "Répondre" links count in the
// page's weight, and its origin is the one place forms may go.
const COMMENTS_URL = "https://commentaires.exemple.fr";

interface JsonComment {
  "@type": string;
  url: string;
  author: { name: string };
  dateCreated: string;
  text: string;
  comment?: JsonComment[];
}

/** "comment-5" → ["comment-6" → […]]: the reply tree of JSON-LD comments, by anchor. */
function tree(comments: JsonComment[] = []): Record<string, unknown> {
  return Object.fromEntries(comments.map((comment) => [comment.url.split("#")[1], tree(comment.comment)]));
}

function meta(document: Document, key: string): string | null | undefined {
  return document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
}

describe("being found and shared", () => {
  let build: BuildResult;
  let post: Document;
  before(() => {
    build = buildSite({ env: { COMMENTS_URL } });
    assert.equal(build.status, 0, build.stderr);
    post = readPage(build.outputDir, POST);
  });
  after(() => removeDir(build.outputDir));

  it("describes each page for search engines and social networks", () => {
    assert.equal(post.querySelector('link[rel="canonical"]')?.getAttribute("href"), POST_URL);
    // French typography as on the home page: no line break before the colon in a snippet.
    assert.match(meta(post, "description") ?? "", /^Community management, SMO, SEO, SEM\u00A0: ce que/);
    assert.equal(meta(post, "og:type"), "article");
    assert.equal(meta(post, "og:title"), "Le SMO, le nouveau Community Management\u202F?");
    assert.equal(meta(post, "og:description"), meta(post, "description"));
    assert.equal(meta(post, "og:url"), POST_URL);
    assert.equal(meta(post, "og:locale"), "fr_FR");
    assert.equal(meta(post, "og:site_name"), "Nous les geeks");
    assert.equal(meta(post, "article:published_time"), "2010-07-21T10:12+02:00");
    assert.equal(meta(post, "twitter:card"), "summary");
    const feeds = [...post.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map(
      (link) => [link.getAttribute("href"), link.getAttribute("title")],
    );
    assert.deepEqual(feeds, [
      ["/feed.xml", "Nous les geeks\u00A0: les articles"],
      [`${POST}commentaires.xml`, "Flux des commentaires"],
    ]);

    const home = readPage(build.outputDir, "/");
    assert.equal(meta(home, "og:type"), "website");
    assert.equal(home.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${SITE}/`);
    const notFound = readPage(build.outputDir, "/404.html");
    assert.equal(meta(notFound, "robots"), "noindex");
    assert.equal(
      notFound.querySelector('link[rel="canonical"]'),
      null,
      "a 404 page has no canonical address",
    );
  });

  it("gives the post and its comment thread as JSON-LD", () => {
    const scripts = post.querySelectorAll('script[type="application/ld+json"]');
    assert.equal(scripts.length, 1);
    const data = JSON.parse(scripts[0]?.textContent ?? "");
    assert.equal(data["@context"], "https://schema.org");
    assert.equal(data["@type"], "BlogPosting");
    assert.equal(data.headline, "Le SMO, le nouveau Community Management ?");
    assert.equal(data.url, POST_URL);
    assert.equal(data.inLanguage, "fr");
    assert.equal(data.datePublished, "2010-07-21T10:12:00+02:00");
    assert.deepEqual(data.author, {
      "@type": "Person",
      name: "David Schuster",
      url: "https://twitter.com/davschuster",
    });
    assert.equal(data.commentCount, 11);
    assert.deepEqual(tree(data.comment), {
      "comment-1": {},
      "comment-2": { "comment-3": {} },
      "comment-4": {},
      "comment-5": { "comment-6": { "comment-7": { "comment-8": { "comment-9": {}, "comment-10": {} } } } },
      "comment-11": {},
    });
    const greg = data.comment[3].comment[0] as JsonComment;
    assert.equal(greg["@type"], "Comment");
    assert.equal(greg.url, `${POST_URL}#comment-6`);
    assert.deepEqual(greg.author, { "@type": "Person", name: "Greg" });
    assert.equal(greg.dateCreated, "2010-07-23T14:32:00+02:00");
    assert.match(
      greg.text,
      /^Effectivement, j’annonce un suicide dans la profession pas-internet\u00A0: le mien\.\n/,
    );
    assert.doesNotMatch(greg.text, /<|&[a-z]+;/, "comment text is plain text");
  });

  it("marks the thread up with microformats (h-entry, p-comment h-cite, u-in-reply-to)", () => {
    const entry = post.querySelector(".h-entry");
    assert.ok(entry);
    assert.equal(
      entry.querySelector(".p-name")?.textContent,
      "Le SMO, le nouveau Community Management\u202F?",
    );
    assert.equal(entry.querySelector(".p-author.h-card")?.textContent, "David Schuster");
    assert.equal(entry.querySelector(".dt-published")?.getAttribute("datetime"), "2010-07-21T10:12+02:00");
    assert.equal(entry.querySelector(".u-url")?.getAttribute("href"), POST);
    assert.ok(entry.querySelector(".e-content h2"));
    const cites = [...entry.querySelectorAll(".p-comment.h-cite")];
    assert.equal(cites.length, 11);
    for (const cite of cites) {
      const card = cite.querySelector(":scope > .comment-card");
      assert.ok(card?.querySelector(".p-author.h-card")?.textContent, `${cite.id}: author`);
      assert.ok(card?.querySelector(".dt-published")?.getAttribute("datetime"), `${cite.id}: date`);
      assert.equal(card?.querySelector(".u-url")?.getAttribute("href"), `#${cite.id}`);
      assert.ok(card?.querySelector(".e-content")?.textContent, `${cite.id}: content`);
      // A reply is a p-comment of the comment it answers, and says so with u-in-reply-to.
      const holder = cite.parentElement?.closest(".h-cite");
      assert.equal(
        card?.querySelector(".u-in-reply-to")?.getAttribute("href") ?? null,
        holder ? `#${holder.id}` : null,
        `${cite.id}: in reply to`,
      );
    }
  });

  it("labels the comments section by its heading and each list of replies, uniquely, by the comment it answers", () => {
    const section = post.querySelector("section#comments");
    const heading = post.getElementById(section?.getAttribute("aria-labelledby") ?? "");
    assert.match(heading?.textContent ?? "", /^11 réflexions au sujet de/);
    const label = (id: string) =>
      post.querySelector(`#${id} > ol.comment-replies`)?.getAttribute("aria-label");
    assert.equal(label("comment-5"), "Réponses au commentaire d’Anonyme du 23 juillet 2010 à 10 h 05");
    assert.equal(label("comment-8"), "Réponses au commentaire de Greg du 24 juillet 2010 à 10 h 41");
    assert.match(label("comment-2") ?? "", /^Réponses au commentaire de Yannig du 22 juillet 2010 à 9 h 15$/);
    assert.equal(post.querySelectorAll("ol.comment-replies:not([aria-label])").length, 0);
    // Several "Anonyme", and Greg twice: no two lists of replies share a name.
    const labels = [...post.querySelectorAll("ol.comment-replies")].map((list) =>
      list.getAttribute("aria-label"),
    );
    assert.equal(new Set(labels).size, labels.length, labels.join(" | "));
  });

  it("publishes the post's comments as an Atom feed, newest first, linked from the post", () => {
    const link = [...post.querySelectorAll("#comments a")].find(
      (a) => a.textContent === "Flux des commentaires",
    );
    assert.equal(link?.getAttribute("href"), `${POST}commentaires.xml`);
    const xml = readFileSync(join(build.outputDir, POST, "commentaires.xml"), "utf8");
    const { document } = parseHTML(`<root>${xml.replace(/^<\?xml[^>]*>/, "")}</root>`);
    const feed = document.querySelector("feed");
    assert.equal(feed?.getAttribute("xml:lang"), "fr");
    assert.equal(
      feed?.querySelector(":scope > title")?.textContent,
      "Commentaires sur «\u00A0Le SMO, le nouveau Community Management\u202F?\u00A0» – Nous les geeks",
    );
    assert.equal(
      feed?.querySelector(':scope > link[rel="self"]')?.getAttribute("href"),
      `${POST_URL}commentaires.xml`,
    );
    const entries = [...document.querySelectorAll("entry")];
    assert.equal(entries.length, 11);
    assert.deepEqual(
      entries.map((entry) => entry.querySelector("id")?.textContent?.split("#")[1]),
      [
        "comment-11",
        "comment-10",
        "comment-9",
        "comment-8",
        "comment-7",
        "comment-6",
        "comment-5",
        "comment-4",
        "comment-3",
        "comment-2",
        "comment-1",
      ],
    );
    const nine = entries[2];
    assert.equal(nine?.querySelector("title")?.textContent, "Réponse d’Hélène à Greg");
    assert.equal(nine?.querySelector("updated")?.textContent, "2010-07-24T15:26:00+02:00");
    assert.equal(nine?.querySelector("content")?.getAttribute("type"), "html");
    assert.match(
      nine?.querySelector("content")?.textContent ?? "",
      /^<p>Je vais faire assez court/,
      "the body travels as escaped HTML",
    );
    assert.match(xml, /<content type="html">&lt;p&gt;Je vais faire assez court/);
  });

  it("sends a strict Content-Security-Policy, the same in every page and in _headers", () => {
    const policy = metaContentSecurityPolicy({ commentsUrl: COMMENTS_URL });
    const [others, formAction] = policy.split("; form-action ");
    assert.doesNotMatch(others ?? "", /unsafe|\*|https?:/, "nothing from elsewhere, nothing inline");
    assert.equal(formAction, COMMENTS_URL, "forms go to the comment server only");
    for (const path of ["/", POST, "/404.html"]) {
      const document = readPage(build.outputDir, path);
      const tag = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      assert.equal(tag?.getAttribute("content"), policy, path);
      assert.equal(
        document.head.children[1],
        tag,
        `${path}: the policy comes right after the charset, before anything it governs`,
      );
    }
    const headers = readFileSync(join(build.outputDir, "_headers"), "utf8");
    // The first block applies to every path; other blocks (caching…) may follow it.
    assert.ok(
      headers.startsWith(
        `/*\n${securityHeaders({ commentsUrl: COMMENTS_URL })
          .map(([name, value]) => `  ${name}: ${value}`)
          .join("\n")}\n`,
      ),
      headers,
    );
    assert.match(
      headers,
      new RegExp(
        `  Content-Security-Policy: ${policy.replace(/[*'().]/g, "\\$&")}; frame-ancestors 'none'\n`,
      ),
    );
    assert.match(headers, /^ {2}X-Content-Type-Options: nosniff$/m);
    assert.match(headers, /^ {2}Referrer-Policy: strict-origin-when-cross-origin$/m);
  });

  it("keeps the seed page, HTML and CSS, within the 14 KB of a first round trip; npm run size says so", () => {
    const weights = pageWeights(build.outputDir);
    const seed = weights.find((page) => page.url === POST);
    assert.ok(seed && seed.css > 0, "the stylesheet is counted");
    assert.ok(seed.total <= FIRST_ROUND_TRIP_BYTES, `the seed page weighs ${seed.total} bytes gzip`);
    const run = runScript(repositoryRoot, "size", [build.outputDir]);
    assert.equal(run.status, 0, run.stderr);
    // The home page, the post, the 404 page, /tags/ and the pages of the post's four tags.
    for (const path of ["/", POST, "/404.html", "/tags/", "/tags/smo/"])
      assert.match(run.stdout, new RegExp(`KB  ${path.replace(/\./g, "\\.")}\\n`));
    assert.match(run.stdout, /8 pages, 0 over 14 KB\./);
  });
});

// Pages and mentions in whole builds (issue 19), in process and in the comment worker,
// byte for byte: pages at their paths, nested; the header's navigation in `nav` order
// (drafts left out of a build, nothing at all on a site without); pages not on the home
// page, in the posts' feed or in the tags, but in the sitemap; comments on a page as on a
// post (thread, feed, form, "Répondre"); mentions apart from the comments, with their ids,
// counts and JSON-LD; a page at a post's address refused in one line naming both.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { COMMENTED_PAGE, MENTIONED_POST, pageFile, pagesContent } from "../fixtures/pages-project.ts";
import { runScript } from "../helpers/run-script.ts";
import {
  buildSite,
  builtFiles,
  postFile,
  readPage,
  removeDir,
  temporaryProject,
  type BuildResult,
} from "../helpers/site.ts";

const COMMENTS_URL = "https://commentaires.exemple.fr";
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function jsonLdOf(document: Document): Record<string, unknown> {
  return JSON.parse(
    document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}",
  ) as Record<string, unknown>;
}

describe("a site with pages and mentions", () => {
  let inProcess: BuildResult;
  let inWorker: BuildResult;
  before(() => {
    const project = temporaryProject(pagesContent());
    dirs.push(project);
    [inProcess, inWorker] = ["never", "always"].map((worker) => {
      const build = buildSite({ projectDir: project, env: { COMMENTS_URL, COMMENTS_WORKER: worker } });
      dirs.push(build.outputDir);
      assert.equal(build.status, 0, build.stderr);
      return build;
    }) as [BuildResult, BuildResult];
  });
  const page = (path: string) => readPage(inWorker.outputDir, path);
  const text = (path: string) => readFileSync(join(inWorker.outputDir, path), "utf8");

  it("is built the same in process and in the comment worker, byte for byte", () => {
    const files = builtFiles(inProcess.outputDir);
    assert.deepEqual(builtFiles(inWorker.outputDir), files);
    for (const file of files)
      assert.equal(
        readFileSync(join(inWorker.outputDir, file), "utf8"),
        readFileSync(join(inProcess.outputDir, file), "utf8"),
        file,
      );
  });

  it("puts each page at its path, a child page under its parent's, and writes no page for a mere step", () => {
    const files = builtFiles(inWorker.outputDir);
    for (const file of [
      "a-propos/index.html",
      "a-propos/equipe/index.html",
      "a-propos/equipe/commentaires.xml",
      "contact/index.html",
      "archives/2010/index.html",
    ])
      assert.ok(files.includes(file), file);
    assert.equal(files.includes("archives/index.html"), false);
    assert.equal(
      files.some((file) => file.startsWith("bientot/")),
      false,
      "a draft page is left out of a build",
    );
    assert.equal(page("/a-propos/").querySelector("h1")?.textContent, "À propos");
    assert.equal(
      page("/a-propos/").querySelector('meta[name="description"]')?.getAttribute("content"),
      "Qui nous sommes.",
    );
    assert.equal(
      page("/a-propos/equipe/").querySelector('link[rel="canonical"]')?.getAttribute("href"),
      "https://www.nouslesgeeks.fr/a-propos/equipe/",
    );
  });

  it("lists the pages with nav in the header's navigation, in that order, the page shown marked", () => {
    for (const path of ["/", "/un-article/", "/a-propos/equipe/", "/contact/", "/404.html"]) {
      const nav = page(path).querySelector("header.site-header nav");
      assert.equal(nav?.getAttribute("aria-label"), "Pages du site", path);
      assert.deepEqual(
        [...(nav?.querySelectorAll("a") ?? [])].map((a) => [a.getAttribute("href"), a.textContent]),
        [
          ["/a-propos/equipe/", "L’équipe"],
          ["/a-propos/", "À propos"],
          ["/archives/2010/", "2010"],
        ],
        path,
      );
    }
    const current = (path: string) =>
      [...page(path).querySelectorAll('nav [aria-current="page"]')].map((a) => a.getAttribute("href"));
    assert.deepEqual(current("/a-propos/"), ["/a-propos/"]);
    assert.deepEqual(current("/contact/"), []);
  });

  it("leaves the pages out of the home page, the posts' feed and the tags, and puts them in the sitemap", () => {
    const home = text("index.html");
    assert.doesNotMatch(
      home.replace(/<nav class="site-nav"[\s\S]*?<\/nav>/, ""),
      /a-propos|contact|archives/,
    );
    assert.doesNotMatch(text("feed.xml"), /a-propos|contact|archives/);
    const sitemap = text("sitemap.xml");
    for (const path of ["a-propos/", "a-propos/equipe/", "archives/2010/", "contact/"])
      assert.ok(sitemap.includes(`<url><loc>https://www.nouslesgeeks.fr/${path}</loc></url>`), path);
    assert.doesNotMatch(sitemap, /bientot/);
  });

  it("gives a page comments as a post has them: thread, heading, feed, form and 'Répondre' to its address", () => {
    const equipe = page(`/${COMMENTED_PAGE}/`);
    assert.equal(
      equipe.querySelector("#comments-title")?.textContent,
      "2 réflexions au sujet de «\u00A0L’équipe\u00A0»",
    );
    assert.deepEqual(
      [...equipe.querySelectorAll("#comments li[id^='comment-']")].map((li) => li.id),
      ["comment-1", "comment-2"],
    );
    assert.equal(
      equipe.querySelector("#comment-1 .comment-reply-link")?.getAttribute("href"),
      `${COMMENTS_URL}/repondre/a-propos%2Fequipe/1`,
    );
    assert.equal(equipe.querySelector('form input[name="post"]')?.getAttribute("value"), COMMENTED_PAGE);
    assert.equal(
      equipe.querySelector('link[rel="alternate"][title="Flux des commentaires"]')?.getAttribute("href"),
      "/a-propos/equipe/commentaires.xml",
    );
    const feed = text("a-propos/equipe/commentaires.xml");
    assert.match(feed, /<id>https:\/\/www\.nouslesgeeks\.fr\/a-propos\/equipe\/#comment-2<\/id>/);
    // A page without comments has no date to give its feed: the epoch, as the posts' feed without posts.
    assert.match(text("a-propos/commentaires.xml"), /<updated>1970-01-01T00:00:00Z<\/updated>/);
    const contact = page("/contact/");
    assert.equal(contact.querySelector("form"), null);
    assert.match(
      contact.querySelector(".comments-closed")?.textContent ?? "",
      /Les commentaires sont fermés\./,
    );
    // Its heading "Mentions légales" does not take the ids of the mentions' section.
    assert.equal(equipe.querySelector(".post-content h2")?.id, "section-mentions-legales");
  });

  it("shows mentions after the comments, apart, with their own heading, count and ids", () => {
    const post = page(`/${MENTIONED_POST}/`);
    assert.equal(
      post.querySelector("#comments-title")?.textContent,
      "2 réflexions au sujet de «\u00A0Un article\u00A0»",
    );
    const section = post.querySelector("#comments > section#mentions");
    assert.ok(section, "the mentions are in the comments' section, after their list");
    assert.equal(section.previousElementSibling?.className, "comment-list");
    assert.equal(section.querySelector("#mentions-title")?.textContent, "2 mentions");
    assert.deepEqual(
      [...section.querySelectorAll("li")].map((li) => [
        li.id,
        li.querySelector(".comment-badge")?.textContent,
        li.querySelector("a.comment-author")?.textContent,
        li.querySelector("a.comment-author")?.getAttribute("rel"),
      ]),
      [
        ["mention-2", "Ping", "Un billet <em>ailleurs</em>", "nofollow ugc"],
        ["mention-4", "Rétrolien", "Un autre blog", "nofollow ugc"],
      ],
    );
    assert.equal(section.querySelector("#mention-2 .e-content b"), null, "the excerpt's raw HTML is text");
    assert.equal(post.querySelectorAll("#comments li[id^='comment-']").length, 2);
    assert.equal(page(`/${COMMENTED_PAGE}/`).querySelector("#mentions-title")?.textContent, "1 mention");
    assert.equal(page("/sans-mentions/").querySelector("#mentions"), null);
    assert.doesNotMatch(text("sans-mentions/index.html"), /mention-|class="mention/);
    // Not in the comment feed: they are no comments.
    assert.doesNotMatch(text(`${MENTIONED_POST}/commentaires.xml`), /ailleurs|mention/);
  });

  it("gives the JSON-LD the comments as Comments and the mentions as pages citing the post, or the page", () => {
    const data = jsonLdOf(page(`/${MENTIONED_POST}/`)) as {
      commentCount: number;
      comment: unknown[];
      "@reverse": { citation: { "@type": string; url: string; name: string }[] };
    };
    assert.equal(data.commentCount, 2);
    assert.equal(data.comment.length, 1, "one top-level comment, its reply nested");
    assert.deepEqual(
      data["@reverse"].citation.map(({ url, name }) => [url, name]),
      [
        ["https://ailleurs.fr/un-billet", "Un billet <em>ailleurs</em>"],
        ["https://autre.exemple/", "Un autre blog"],
      ],
    );
    const equipe = jsonLdOf(page(`/${COMMENTED_PAGE}/`));
    assert.equal(equipe["@type"], "WebPage");
    assert.equal(equipe.commentCount, 2);
    assert.equal(jsonLdOf(page("/sans-mentions/"))["@reverse"], undefined);
  });

  it("counts the comments only on the home page", () => {
    assert.match(text("index.html"), /href="\/un-article\/#comments">2 réflexions</);
  });
});

describe("a site without pages", () => {
  it("has no navigation in its header: the seed's pages as they were", () => {
    const seed = buildSite();
    dirs.push(seed.outputDir);
    assert.equal(seed.status, 0, seed.stderr);
    for (const file of builtFiles(seed.outputDir).filter((name) => name.endsWith(".html")))
      assert.doesNotMatch(readFileSync(join(seed.outputDir, file), "utf8"), /site-nav|<nav|mention/, file);
  });
});

describe("a page at a post's address", () => {
  const project = temporaryProject({
    "content/posts/a-propos/index.md": postFile("À propos du blog"),
    "content/pages/a-propos/index.md": pageFile("À propos"),
    "content/pages/tags/index.md": pageFile("Mes étiquettes"),
  });
  dirs.push(project);
  const CLASH =
    /^content\/pages\/a-propos\/index\.md: folder: \/a-propos\/ is the address of both this page and the post content\/posts\/a-propos\/index\.md: rename the folder of one of them$/m;
  const RESERVED =
    /^content\/pages\/tags: folder: "tags" cannot be a page's address: \/tags\/ is already that of /m;

  for (const worker of ["never", "always"]) {
    it(`stops the build with one line naming both, and no page written (COMMENTS_WORKER=${worker})`, () => {
      const build = buildSite({ projectDir: project, env: { COMMENTS_WORKER: worker } });
      dirs.push(build.outputDir);
      assert.equal(build.status, 1, build.stderr);
      assert.match(build.stderr, CLASH);
      assert.match(build.stderr, RESERVED);
      assert.doesNotMatch(build.stderr, /\n\s+at /, "no stack trace");
      assert.deepEqual(
        builtFiles(build.outputDir).filter((file) => file.endsWith(".html")),
        [],
      );
    });
  }
  it("is refused by check:content the same", () => {
    const result = runScript(project, "check:content", []);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, CLASH);
    assert.match(result.stderr, RESERVED);
    assert.match(result.stderr, /^1 post, 2 pages, 0 comments checked: 2 errors, 0 warnings$/m);
  });
});

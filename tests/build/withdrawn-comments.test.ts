// A withdrawn comment in a whole build: the seed with its fifth comment (which Greg
// answered) withdrawn by withdrawComment. The page shows "Commentaire retiré" with Greg's
// reply still under it; the feed, the JSON-LD and the counts leave it out; nothing of its
// text or name is left anywhere in the site.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { withdrawComment } from "../../src/authoring/withdraw-comment.ts";
import {
  buildSite,
  builtFiles,
  readPage,
  removeDir,
  temporaryProject,
  type BuildResult,
} from "../helpers/site.ts";

const SEED = "le-smo-le-nouveau-community-management";
const COMMENTS_URL = "https://commentaires.exemple.fr";
// Words of comment 5's text, found nowhere else in the seed.
const WITHDRAWN_TEXT = /paix à son âme|se petit suicider/;

interface JsonComment {
  url: string;
  comment?: JsonComment[];
}

function anchors(comments: JsonComment[] = []): string[] {
  return comments.flatMap((comment) => [comment.url.split("#")[1] ?? "", ...anchors(comment.comment)]);
}

describe("a withdrawn comment in the built site", () => {
  let project: string;
  let build: BuildResult;
  let page: Document;
  before(() => {
    project = temporaryProject("seed");
    assert.equal(withdrawComment(project, SEED, "5"), `content/posts/${SEED}/comments/5.md`);
    build = buildSite({ projectDir: project, env: { COMMENTS_URL } });
    assert.equal(build.status, 0, build.stderr);
    page = readPage(build.outputDir, `/${SEED}/`);
  });
  after(() => {
    removeDir(project);
    removeDir(build.outputDir);
  });

  it("shows 'Commentaire retiré' in its place, without text or 'Répondre', its reply still under it", () => {
    const withdrawn = page.querySelector("#comment-5");
    assert.ok(withdrawn);
    const card = withdrawn.querySelector(":scope > .comment-card");
    assert.equal(card?.querySelector(".comment-author")?.textContent, "Commentaire retiré");
    assert.equal(card?.querySelector(".comment-content"), null);
    assert.equal(card?.querySelector(".comment-reply-link"), null);
    const reply = withdrawn.querySelector(":scope > ol > li");
    assert.equal(reply?.id, "comment-6", "Greg's reply stays nested under it");
    assert.equal(
      reply?.querySelector(".comment-reply-to")?.textContent,
      "en réponse à un commentaire retiré",
    );
    assert.equal(page.querySelectorAll("li.comment").length, 11, "every comment is still on the page");
    assert.equal(page.querySelectorAll(".comment-reply-link").length, 10);
    assert.doesNotMatch(page.documentElement.outerHTML, WITHDRAWN_TEXT);
  });

  it("counts ten comments, on the page and on the home page", () => {
    assert.match(page.querySelector("#comments-title")?.textContent ?? "", /^10 réflexions au sujet de/);
    assert.equal(page.querySelector('.post-meta a[href="#comments"]')?.textContent, "10 réflexions");
    const home = readPage(build.outputDir, "/");
    assert.match(home.querySelector(`a[href="/${SEED}/#comments"]`)?.textContent ?? "", /^10 réflexions$/);
  });

  it("leaves it out of the JSON-LD, its reply moved up under the comment it answered", () => {
    const script = page.querySelector('script[type="application/ld+json"]')?.textContent ?? "";
    const data = JSON.parse(script) as { commentCount: number; comment: JsonComment[] };
    assert.equal(data.commentCount, 10);
    const all = anchors(data.comment);
    assert.equal(all.length, 10);
    assert.ok(!all.includes("comment-5"));
    // Comment 5 was a top-level comment: its reply, 6, is now one.
    assert.ok(data.comment.some((comment) => comment.url.endsWith("#comment-6")));
  });

  it("leaves it out of the comment feed", () => {
    const feed = readFileSync(join(build.outputDir, SEED, "commentaires.xml"), "utf8");
    assert.equal(feed.match(/<entry>/g)?.length, 10);
    assert.doesNotMatch(feed, /#comment-5</);
    assert.match(feed, /<title>Réponse de Greg à un commentaire retiré<\/title>/);
  });

  it("holds nothing of its text in any built file, nor in its own", () => {
    for (const file of builtFiles(build.outputDir))
      assert.doesNotMatch(readFileSync(join(build.outputDir, file), "utf8"), WITHDRAWN_TEXT, file);
    assert.doesNotMatch(
      readFileSync(join(project, `content/posts/${SEED}/comments/5.md`), "utf8"),
      WITHDRAWN_TEXT,
    );
  });
});

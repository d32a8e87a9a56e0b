// Where readers may comment, in whole builds: with COMMENTS_URL the seed page ends with
// "Laisser un commentaire" and its form posting to the comment server, each comment has
// its "Répondre" link, and the Content Security Policy lets forms go there only; without
// it, or on a post saying `comments: closed`, comments are closed. A wrong COMMENTS_URL or
// `comments:` value stops the build in one line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runScript } from "../helpers/run-script.ts";
import {
  buildSite,
  commentFile,
  postFile,
  readPage,
  removeDir,
  temporaryProject,
  type BuildResult,
} from "../helpers/site.ts";

const COMMENTS_URL = "https://commentaires.exemple.fr";
const SEED = "le-smo-le-nouveau-community-management";

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function built(options: Parameters<typeof buildSite>[0]): BuildResult {
  const build = buildSite(options);
  dirs.push(build.outputDir);
  assert.equal(build.status, 0, build.stderr);
  return build;
}

function metaPolicy(page: Document): string {
  return page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
}

function headerPolicy(outputDir: string): string {
  return (
    /^ {2}Content-Security-Policy: (.*)$/m.exec(readFileSync(join(outputDir, "_headers"), "utf8"))?.[1] ?? ""
  );
}

describe("the seed site built with COMMENTS_URL", () => {
  let build: BuildResult;
  let page: Document;
  before(() => {
    // As typed in a deploy's settings: spaces and a trailing slash are dropped.
    build = built({ env: { COMMENTS_URL: ` ${COMMENTS_URL}/ ` } });
    page = readPage(build.outputDir, `/${SEED}/`);
  });

  it("ends the comments, after the thread, with 'Laisser un commentaire' and the form posting to the comment server", () => {
    const section = page.querySelector("#comments-respond");
    assert.ok(section, "the section is there");
    assert.equal(section.parentElement?.id, "comments", "inside the comments section");
    assert.equal(section.previousElementSibling?.className, "comment-list", "after the thread");
    assert.equal(section.querySelector("h3")?.textContent, "Laisser un commentaire");
    assert.equal(section.getAttribute("aria-labelledby"), section.querySelector("h3")?.id);
    const form = section.querySelector("form");
    assert.equal(form?.getAttribute("action"), `${COMMENTS_URL}/apercu`);
    assert.equal(form?.getAttribute("method"), "post");
    assert.equal(form?.querySelector('input[name="post"]')?.getAttribute("value"), SEED);
    assert.deepEqual(
      [...(form?.querySelectorAll("label") ?? [])].map((label) => label.textContent),
      [
        "Commentaire\u00A0*",
        "Nom\u00A0*",
        "Adresse de messagerie\u00A0*",
        "Site web",
        "Laissez ce champ vide",
      ],
    );
    assert.equal(form?.querySelector("button")?.textContent, "Prévisualiser");
    assert.equal(page.querySelector(".comments-closed"), null);
  });

  it("gives each of the 11 comments a 'Répondre' link to its reply page, named after whom it answers", () => {
    const comments = [...page.querySelectorAll("li.comment")];
    assert.equal(comments.length, 11);
    for (const comment of comments) {
      const id = comment.id.replace(/^comment-/, "");
      const card = comment.querySelector(":scope > .comment-card");
      const links = card?.querySelectorAll("a.comment-reply-link") ?? [];
      assert.equal(links.length, 1, comment.id);
      const link = links[0];
      assert.equal(link?.getAttribute("href"), `${COMMENTS_URL}/repondre/${SEED}/${id}`);
      const author = card?.querySelector(".comment-author")?.textContent;
      assert.equal(link?.textContent, `Répondre à ${author}`, comment.id);
      assert.equal(link?.querySelector(".visually-hidden")?.textContent, ` à ${author}`);
    }
    assert.equal(page.querySelectorAll("a.comment-reply-link").length, 11);
    assert.ok(
      [...page.querySelectorAll("a.comment-reply-link")].some(
        (link) => link.textContent === "Répondre à Greg" && link.getAttribute("href")?.endsWith("/6"),
      ),
    );
  });

  it("lets forms go to the comment server's origin only, in the pages and in _headers", () => {
    for (const path of ["/", `/${SEED}/`, "/404.html"]) {
      const policy = metaPolicy(readPage(build.outputDir, path));
      assert.match(policy, /; form-action https:\/\/commentaires\.exemple\.fr$/, path);
    }
    assert.match(
      headerPolicy(build.outputDir),
      /; form-action https:\/\/commentaires\.exemple\.fr; frame-ancestors 'none'$/,
    );
  });
});

describe("the seed site built without COMMENTS_URL", () => {
  let build: BuildResult;
  let page: Document;
  before(() => {
    build = built({ env: { COMMENTS_URL: "" } });
    page = readPage(build.outputDir, `/${SEED}/`);
  });

  it("says 'Les commentaires sont fermés.' after the thread, with no form and no 'Répondre'", () => {
    const closed = page.querySelector("#comments > .comments-closed");
    assert.equal(closed?.textContent, "Les commentaires sont fermés.");
    assert.equal(closed?.previousElementSibling?.className, "comment-list");
    assert.equal(page.querySelector("form"), null);
    assert.equal(page.querySelectorAll(".comment-reply-link").length, 0);
    assert.equal(page.querySelectorAll("li.comment").length, 11);
  });

  it("lets forms go nowhere", () => {
    assert.match(metaPolicy(page), /; form-action 'none'$/);
    assert.match(headerPolicy(build.outputDir), /; form-action 'none'; frame-ancestors 'none'$/);
  });
});

describe("a post saying comments: closed", () => {
  it("shows its comments closed and no 'Répondre', while the other posts stay open", () => {
    const project = temporaryProject({
      "content/posts/ferme/index.md": postFile("Fermé", "comments: closed\n"),
      "content/posts/ferme/comments/1.md": commentFile({ author: "Léa", date: "2024-03-02T10:00:00+01:00" }),
      "content/posts/ouvert/index.md": postFile("Ouvert", "comments: open\n"),
      "content/posts/ouvert/comments/1.md": commentFile({ author: "Tom", date: "2024-03-02T10:00:00+01:00" }),
    });
    dirs.push(project);
    const build = built({ projectDir: project, env: { COMMENTS_URL } });
    const closed = readPage(build.outputDir, "/ferme/");
    assert.equal(closed.querySelector(".comments-closed")?.textContent, "Les commentaires sont fermés.");
    assert.equal(closed.querySelector("form"), null);
    assert.equal(closed.querySelectorAll(".comment-reply-link").length, 0);
    assert.equal(closed.querySelectorAll("li.comment").length, 1, "its comments are still shown");
    const open = readPage(build.outputDir, "/ouvert/");
    assert.equal(open.querySelector("form")?.getAttribute("action"), `${COMMENTS_URL}/apercu`);
    assert.equal(
      open.querySelector(".comment-reply-link")?.getAttribute("href"),
      `${COMMENTS_URL}/repondre/ouvert/1`,
    );
  });
});

describe("wrong settings stop the build in one line", () => {
  const project = temporaryProject({
    "content/posts/un-article/index.md": postFile("Un article", "comments: fermé\n"),
  });
  dirs.push(project);

  it("a comments: value other than open or closed, in the build and in check:content", () => {
    const build = buildSite({ projectDir: project, env: { DEBUG: "", COMMENTS_URL } });
    dirs.push(build.outputDir);
    assert.equal(build.status, 1);
    const expected =
      /^content\/posts\/un-article\/index\.md:6: comments: expected open or closed \(readers may comment unless closed\)$/m;
    assert.match(build.stderr, expected);
    assert.doesNotMatch(build.stderr, /\n\s+at /, "no stack trace");
    const check = runScript(project, "check:content", []);
    assert.equal(check.status, 1);
    assert.match(check.stderr, expected);
  });

  it("a COMMENTS_URL that is not an absolute http(s) address", () => {
    for (const value of ["commentaires.exemple.fr", "ftp://exemple.fr"]) {
      const build = buildSite({ env: { DEBUG: "", COMMENTS_URL: value } });
      dirs.push(build.outputDir);
      assert.equal(build.status, 1, value);
      const lines = build.stderr.trim().split("\n");
      assert.deepEqual(lines.length, 1, build.stderr);
      assert.match(
        lines[0] ?? "",
        new RegExp(`^COMMENTS_URL: "${value.replace(/\./g, "\\.")}" is not valid: expected `),
      );
    }
  });
});

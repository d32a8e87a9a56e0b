// Where readers may comment, without a build: COMMENTS_URL read and checked, a post's
// `comments: open | closed`, the "Répondre" link of each comment and the form or the
// closed notice at the end of the section, and the CSP's form-action.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { postFactsOf, postPageParts } from "../../src/comments/render-outputs.ts";
import { renderCommentsSection } from "../../src/comments/render-section.ts";
import { splitFrontMatter } from "../../src/content/front-matter.ts";
import { commentsOpen } from "../../src/content/posts.ts";
import { postSchema } from "../../src/content/schemas.ts";
import { validateFrontMatter } from "../../src/content/validate.ts";
import { parseIsoWithOffset } from "../../src/format/dates.ts";
import { commentsUrlFromEnv } from "../../src/site/comments-url.ts";
import { metaContentSecurityPolicy, securityHeaders } from "../../src/site/security-headers.ts";
import { aComment } from "../helpers/comments.ts";

const URL = "https://commentaires.exemple.fr";

function documentOf(markup: string): Document {
  return parseHTML(`<!DOCTYPE html><html><body>${markup}</body></html>`).document as unknown as Document;
}

describe("COMMENTS_URL", () => {
  it("is trimmed and loses its trailing slash; nothing, or blanks, close comments", () => {
    assert.equal(commentsUrlFromEnv({ COMMENTS_URL: ` ${URL}/ ` }), URL);
    assert.equal(commentsUrlFromEnv({ COMMENTS_URL: "http://127.0.0.1:8081" }), "http://127.0.0.1:8081");
    assert.equal(
      commentsUrlFromEnv({ COMMENTS_URL: "https://Exemple.FR/commentaires/" }),
      "https://exemple.fr/commentaires",
    );
    assert.equal(commentsUrlFromEnv({}), undefined);
    assert.equal(commentsUrlFromEnv({ COMMENTS_URL: "  " }), undefined);
  });
  it("must be an absolute http(s) address, refused in one line naming the variable", () => {
    for (const value of [
      "commentaires.exemple.fr",
      "/commentaires",
      "ftp://exemple.fr",
      "javascript:alert(1)",
      "https://moi:secret@exemple.fr",
      "https://exemple.fr/?x=1",
      "https://exemple.fr/#x",
    ]) {
      assert.throws(
        () => commentsUrlFromEnv({ COMMENTS_URL: value }),
        (error: Error) =>
          error.message.startsWith(`COMMENTS_URL: "${value}" is not valid: expected`) &&
          !error.message.includes("\n"),
        value,
      );
    }
  });
});

describe("a post's comments field", () => {
  const check = (yaml: string) =>
    validateFrontMatter(
      postSchema,
      "content/posts/p/index.md",
      splitFrontMatter(
        `---\ntitle: T\ndate: 2024-03-01T10:00:00+01:00\nauthor: A\ndescription: D\n${yaml}---\nTexte\n`,
      ),
    );
  it("is open or closed, open when absent", () => {
    for (const [yaml, open] of [
      ["", true],
      ["comments: open\n", true],
      ["comments: closed\n", false],
      ["comments: open\ndraft: true\n", false],
    ] as const) {
      const result = check(yaml);
      assert.ok(result.ok, yaml);
      assert.equal(commentsOpen(result.value), open, yaml);
    }
  });
  it("refuses anything else, naming the field and what it expects", () => {
    for (const yaml of ["comments: fermé\n", "comments: false\n", "comments: [open]\n"]) {
      const result = check(yaml);
      assert.ok(!result.ok, yaml);
      assert.deepEqual(
        result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`),
        ["content/posts/p/index.md:6: comments: expected open or closed (readers may comment unless closed)"],
      );
    }
  });
});

describe("the comments section where readers may comment", () => {
  const comments = [
    aComment("1", "2024-03-02T10:00:00+01:00", undefined, "Greg"),
    aComment("2", "2024-03-02T11:00:00+01:00", "1", '"><script>alert(1)</script>'),
  ];
  const open = { commentsUrl: URL, post: "un-article" };

  it("gives each comment a 'Répondre' link to its reply page, named after whom it answers", () => {
    const section = renderCommentsSection(comments, { title: "T", open });
    const document = documentOf(section.html);
    const links = [...document.querySelectorAll("a.comment-reply-link")];
    assert.deepEqual(
      links.map((link) => [link.closest("li")?.id, link.getAttribute("href"), link.textContent]),
      [
        ["comment-1", `${URL}/repondre/un-article/1`, "Répondre à Greg"],
        ["comment-2", `${URL}/repondre/un-article/2`, 'Répondre à "><script>alert(1)</script>'],
      ],
    );
    assert.equal(document.querySelectorAll("script").length, 0);
    assert.ok(links.every((link) => link.getAttribute("rel") === "nofollow"));
    assert.equal(links[0]?.querySelector(".visually-hidden")?.textContent, " à Greg");
  });

  it("ends with 'Laisser un commentaire' and the form for this post", () => {
    const document = documentOf(renderCommentsSection(comments, { title: "T", open }).respond);
    assert.equal(document.querySelector("h3")?.textContent, "Laisser un commentaire");
    const form = document.querySelector("section form");
    assert.equal(form?.getAttribute("action"), `${URL}/apercu`);
    assert.equal(form?.querySelector('[name="post"]')?.getAttribute("value"), "un-article");
    assert.equal(form?.querySelector('[name="parent"]')?.getAttribute("value"), "");
    // Ids no comment anchor ("comment-…") and no heading ("section-comment…") can take.
    for (const element of document.querySelectorAll("[id]"))
      assert.match(element.getAttribute("id") ?? "", /^comments-/);
  });

  it("says 'Les commentaires sont fermés.' and has no 'Répondre' where they are not", () => {
    const section = renderCommentsSection(comments, { title: "T" });
    assert.doesNotMatch(section.html, /Répondre|comment-reply-link/);
    assert.equal(section.respond, '\n<p class="comments-closed">Les commentaires sont fermés.</p>');
  });

  it("is open only with COMMENTS_URL, on a published post that does not close them", () => {
    const site = {
      homeUrl: "https://exemple.fr/",
      title: "Site",
      language: "fr",
      author: { name: "Camille" },
      commentMaxDepth: 5,
    };
    const date = parseIsoWithOffset("2024-03-01T10:00:00+01:00");
    assert.ok(date);
    const post = (extra: object) =>
      postFactsOf({
        slug: "un-article",
        data: { title: "T", date, author: "Camille", description: "D", ...extra },
      });
    const isOpen = (extra: object, commentsUrl?: string) => {
      const parts = postPageParts(post(extra), comments, commentsUrl ? { ...site, commentsUrl } : site);
      const form = parts.section.respond.includes("<form");
      assert.equal(parts.section.html.includes("Répondre"), form, "links and form go together");
      return form;
    };
    assert.equal(isOpen({}, URL), true);
    assert.equal(isOpen({ comments: "open" }, URL), true);
    assert.equal(isOpen({}), false);
    assert.equal(isOpen({ comments: "closed" }, URL), false);
    assert.equal(isOpen({ draft: true }, URL), false);
  });
});

describe("the Content-Security-Policy's form-action", () => {
  it("names the comment server's origin, and only it, with COMMENTS_URL; 'none' without", () => {
    assert.match(metaContentSecurityPolicy(), /form-action 'none'$/);
    const policy = metaContentSecurityPolicy({ commentsUrl: `${URL}/sous-dossier` });
    assert.match(policy, new RegExp(`; form-action ${URL.replace(/\./g, "\\.")}$`));
    assert.match(
      metaContentSecurityPolicy({ commentsUrl: "http://127.0.0.1:8081" }),
      /form-action http:\/\/127\.0\.0\.1:8081$/,
    );
    const header = new Map(securityHeaders({ commentsUrl: URL })).get("Content-Security-Policy");
    assert.equal(header, `${metaContentSecurityPolicy({ commentsUrl: URL })}; frame-ancestors 'none'`);
    assert.match(new Map(securityHeaders()).get("Content-Security-Policy") ?? "", /form-action 'none';/);
  });
});

// Withdrawn comments, without a build: a file saying `withdrawn: true` needs only its date
// (and its parent), keeps its place in the thread as "Commentaire retiré" with its replies
// under it, shows no name, web site, text or "Répondre", and is left out of the feed, the
// JSON-LD and the counts; withdrawComment rewrites the file to keep only that.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { parseHTML } from "linkedom";
import { AuthoringError } from "../../src/authoring/authoring-error.ts";
import { withdrawComment } from "../../src/authoring/withdraw-comment.ts";
import type { Comment } from "../../src/comments/comment.ts";
import { parseComment } from "../../src/comments/parse-comment.ts";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { renderCommentsSection } from "../../src/comments/render-section.ts";
import { commentFeed } from "../../src/feeds/comment-feed.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { blogPosting } from "../../src/seo/blog-posting.ts";
import { aComment } from "../helpers/comments.ts";
import { commentFile, postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const FILE = "content/posts/p/comments/5.md";
const markdown = createCommentMarkdown();

function parsed(text: string) {
  return parseComment(FILE, "5", text, markdown);
}

function withdrawn(id: string, date: string, parent?: string): Comment {
  const comment: Comment = { ...aComment(id, date, parent), author: "", bodyHtml: "", withdrawn: true };
  return comment;
}

describe("a withdrawn comment's file", () => {
  it("needs only its date; its parent is kept", () => {
    const result = parsed('---\ndate: 2010-07-23T10:05:00+02:00\nparent: "2"\nwithdrawn: true\n---\n');
    assert.deepEqual(result.problems, []);
    assert.equal(result.comment?.withdrawn, true);
    assert.equal(result.comment?.parent, "2");
    assert.equal(result.comment?.author, "");
    assert.equal(result.comment?.bodyHtml, "");
  });
  it("shows nothing of a name, web site or text it still holds", () => {
    const result = parsed(
      "---\nauthor: Hélène\nurl: https://exemple.fr/\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: true\n---\nMon texte.\n",
    );
    assert.deepEqual(result.problems, []);
    assert.equal(result.comment?.author, "");
    assert.equal(result.comment?.url, undefined);
    assert.equal(result.comment?.bodyHtml, "");
  });
  it("is still checked: a date, known fields, a web address", () => {
    const problems = (text: string) => parsed(text).problems.map((p) => `${p.field}: ${p.message}`);
    assert.match(problems("---\nwithdrawn: true\n---\n")[0] ?? "", /^date: required/);
    assert.match(
      problems("---\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: true\ncouleur: rouge\n---\n")[0] ?? "",
      /^couleur: unknown field \(allowed: author, date, parent, url, withdrawn\)/,
    );
    assert.match(
      problems("---\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: true\nurl: javascript:alert(1)\n---\n")[0] ??
        "",
      /^url: .* is not valid/,
    );
  });
  it("says withdrawn: true or false, nothing else; false is a comment like any other", () => {
    const refused = parsed("---\nauthor: Léa\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: oui\n---\nTexte\n");
    assert.match(refused.problems[0]?.message ?? "", /^expected true or false/);
    const kept = parsed("---\nauthor: Léa\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: false\n---\nTexte\n");
    assert.equal(kept.comment?.author, "Léa");
    assert.equal(kept.comment?.withdrawn, undefined);
    const noName = parsed("---\ndate: 2010-07-23T10:05:00+02:00\nwithdrawn: false\n---\nTexte\n");
    assert.match(noName.problems[0]?.message ?? "", /^required: the name/);
  });
});

describe("a withdrawn comment on the page", () => {
  // 1 ← 2 (withdrawn) ← 3 ← 4, and 5 at the top level.
  const comments = [
    aComment("1", "2024-03-02T10:00:00+01:00", undefined, "Greg"),
    withdrawn("2", "2024-03-02T11:00:00+01:00", "1"),
    aComment("3", "2024-03-02T12:00:00+01:00", "2", "Léa"),
    aComment("4", "2024-03-02T13:00:00+01:00", "3", "Tom"),
    aComment("5", "2024-03-03T10:00:00+01:00", undefined, "Zoé"),
  ];
  const section = renderCommentsSection(comments, {
    title: "T",
    postAuthor: "",
    open: { commentsUrl: "https://commentaires.exemple.fr", post: "p" },
  });
  const document = parseHTML(`<!DOCTYPE html><html><body>${section.html}</body></html>`)
    .document as unknown as Document;
  const card = document.querySelector("#comment-2 > .comment-card");

  it("shows 'Commentaire retiré', its date and permalink, and no text, name or 'Répondre'", () => {
    assert.ok(card);
    assert.equal(card.querySelector(".comment-author")?.textContent, "Commentaire retiré");
    assert.equal(card.querySelector(".comment-permalink")?.getAttribute("href"), "#comment-2");
    assert.equal(card.querySelector(".comment-content"), null);
    assert.equal(card.querySelector(".comment-reply-link"), null);
    assert.equal(document.querySelector("#comment-2")?.className, "comment comment-withdrawn");
    assert.doesNotMatch(card.outerHTML, /h-cite|p-author|u-url|dt-published|e-content/, "no microformats");
    assert.equal(
      card.querySelector(".comment-reply-to a")?.textContent,
      "Greg",
      "it still says whom it answered",
    );
  });

  it("keeps its replies in place, nested under it, saying they answer a withdrawn comment", () => {
    const replies = document.querySelector("#comment-2 > ol.comment-replies");
    assert.equal(
      replies?.getAttribute("aria-label"),
      "Réponses au commentaire retiré du 2 mars 2024 à 11 h 00",
    );
    assert.equal(replies?.querySelector(":scope > li")?.id, "comment-3");
    assert.equal(
      document.querySelector("#comment-3 .comment-reply-to")?.textContent,
      "en réponse à un commentaire retiré",
    );
    assert.equal(document.querySelector("#comment-4")?.parentElement?.parentElement?.id, "comment-3");
    assert.equal(
      document.querySelectorAll(".comment-reply-link").length,
      4,
      "every other comment has its 'Répondre'",
    );
  });

  it("renders every comment once and counts only those readers see", () => {
    assert.deepEqual(section.renderedIds, ["1", "2", "3", "4", "5"]);
    assert.equal(section.count, 4);
    assert.match(section.heading, /^4 réflexions au sujet de/);
  });

  const post = {
    title: "T",
    description: "D",
    url: "https://exemple.fr/p/",
    published: DateTime.fromISO("2024-03-01T10:00:00+01:00", { setZone: true }),
    author: { name: "Camille" },
    language: "fr",
    site: { name: "Site", url: "https://exemple.fr/" },
  };

  it("is absent from the JSON-LD, its replies moved up to the comment it answered", () => {
    const data = blogPosting(post, comments) as {
      commentCount: number;
      comment: Array<{ url: string; comment?: Array<{ url: string; comment?: Array<{ url: string }> }> }>;
    };
    assert.equal(data.commentCount, 4);
    const anchor = (url: string) => url.split("#")[1];
    assert.deepEqual(
      data.comment.map((comment) => anchor(comment.url)),
      ["comment-1", "comment-5"],
    );
    assert.deepEqual(
      data.comment[0]?.comment?.map((reply) => anchor(reply.url)),
      ["comment-3"],
    );
    assert.deepEqual(
      data.comment[0]?.comment?.[0]?.comment?.map((reply) => anchor(reply.url)),
      ["comment-4"],
    );
    assert.doesNotMatch(JSON.stringify(data), /comment-2/);
  });

  it("is absent from the comment feed; its replies say they answered a withdrawn comment", () => {
    const xml = commentFeed({ ...post, feedUrl: `${post.url}commentaires.xml`, siteTitle: "Site" }, comments);
    assert.equal(xml.match(/<entry>/g)?.length, 4);
    assert.doesNotMatch(xml, /#comment-2</);
    assert.match(xml, /<title>Réponse de Léa à un commentaire retiré<\/title>/);
  });
});

describe("withdrawComment", () => {
  const root = temporaryDir("withdraw");
  after(() => removeDir(root));
  const comments = "content/posts/un-article/comments";
  writeFiles(root, {
    "content/posts/un-article/index.md": postFile("Un article"),
    [`${comments}/1.md`]: commentFile(
      { author: "Hélène", date: "2024-03-02T10:00:00+01:00", url: "https://helene.exemple.fr/" },
      "Mon premier commentaire, avec mon adresse.",
    ),
    [`${comments}/2.md`]: commentFile(
      { author: '"Greg: le retour"', date: "2024-03-02T11:00:00+01:00", parent: "1" },
      "Une réponse.",
    ),
    [`${comments}/3.md`]: commentFile({ author: "Tom", date: "2024-03-02T12:00:00+01:00", parent: '"2"' }),
    [`${comments}/cassé.md`]: commentFile({ author: "Zoé", date: "hier" }),
  });

  it("keeps only the date, the parent and withdrawn: true, and returns the file's path", () => {
    const file = withdrawComment(root, "un-article", "2");
    assert.equal(file, `${comments}/2.md`);
    assert.equal(
      readFileSync(join(root, file), "utf8"),
      '---\ndate: "2024-03-02T11:00:00+01:00"\nparent: "1"\nwithdrawn: true\n---\n\n',
    );
    const top = withdrawComment(root, "un-article", "1");
    const text = readFileSync(join(root, top), "utf8");
    assert.equal(text, '---\ndate: "2024-03-02T10:00:00+01:00"\nwithdrawn: true\n---\n\n');
    assert.doesNotMatch(text, /Hélène|helene|premier/);
  });

  it("leaves a file the build reads: the thread keeps its shape, the replies in place", () => {
    const read = new CommentReader(root).load(join(root, "content/posts/un-article"));
    assert.deepEqual(
      read.problems.filter((p) => !p.file.endsWith("cassé.md")),
      [],
    );
    const byId = new Map(read.comments.map((comment) => [comment.id, comment]));
    assert.equal(byId.get("2")?.withdrawn, true);
    assert.equal(byId.get("2")?.parent, "1");
    assert.equal(byId.get("3")?.parent, "2");
    assert.equal(byId.get("3")?.withdrawn, undefined);
  });

  it("changes nothing when asked again", () => {
    const before = readFileSync(join(root, comments, "2.md"), "utf8");
    withdrawComment(root, "un-article", "2");
    assert.equal(readFileSync(join(root, comments, "2.md"), "utf8"), before);
  });

  it("refuses an unknown post or comment, or a broken file, with a clear message and writes nothing", () => {
    const refusal = (post: string, id: string) => {
      try {
        withdrawComment(root, post, id);
      } catch (error) {
        assert.ok(error instanceof AuthoringError, String(error));
        return error.line;
      }
      assert.fail(`${post} ${id} was withdrawn`);
    };
    assert.equal(refusal("inconnu", "1"), 'post: no post "inconnu" in content/posts/ (posts: un-article)');
    assert.equal(
      refusal("../un-article", "1"),
      'post: no post "../un-article" in content/posts/ (posts: un-article)',
    );
    assert.equal(
      refusal("un-article", "99"),
      'comment: no comment "99" in post "un-article" (comments: 1, 2, 3, cassé)',
    );
    assert.match(refusal("un-article", "../index"), /^comment: no comment "\.\.\/index"/);
    assert.match(
      refusal("un-article", "cassé"),
      /^content\/posts\/un-article\/comments\/cassé\.md: cannot be withdrawn until it is fixed: date: /,
    );
    assert.match(readFileSync(join(root, comments, "cassé.md"), "utf8"), /author: Zoé/);
    assert.match(readFileSync(join(root, comments, "3.md"), "utf8"), /author: Tom/);
  });
});

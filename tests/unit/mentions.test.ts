// Mentions (pingbacks and trackbacks) without a build: their files (mentionSchema, one line
// per problem), read beside the comments in one pass, one sequence of ids with them, shown
// apart from them ("2 mentions", <li id="mention-…">, "Ping" / "Rétrolien", the title a
// nofollow ugc link, the excerpt untrusted), and in the JSON-LD as pages citing the post,
// not as Comments; withdrawn, shown nowhere but keeping its id.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { parseHTML } from "linkedom";
import { planNewComment } from "../../src/authoring/new-comment.ts";
import { nextCommentId } from "../../src/authoring/next-comment-id.ts";
import type { Mention } from "../../src/comments/mention.ts";
import { readFileSync } from "node:fs";
import { AuthoringError } from "../../src/authoring/authoring-error.ts";
import { withdrawComment } from "../../src/authoring/withdraw-comment.ts";
import { readMention, renderMention } from "../../src/comments/parse-mention.ts";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { renderMentions } from "../../src/comments/render-mentions.ts";
import { pageFactsOf, postFactsOf, postPageParts } from "../../src/comments/render-outputs.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { countMentions } from "../../src/format/plural.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { aComment } from "../helpers/comments.ts";
import { commentFile, postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const FILE = "content/posts/p/mentions/12.md";
const markdown = createCommentMarkdown();

function mentionText(fields: Record<string, string>, body = "[…] un extrait […]"): string {
  return commentFile(fields, body);
}

const GOOD = {
  type: "pingback",
  source: "https://ailleurs.fr/un-billet",
  title: "Un billet ailleurs",
  date: "2010-07-25T09:00:00+02:00",
};

function aMention(id: string, date: string, fields: Partial<Mention> = {}): Mention {
  return {
    id,
    file: `content/posts/p/mentions/${id}.md`,
    type: "pingback",
    source: `https://ailleurs.fr/${id}`,
    title: `Billet ${id}`,
    date: DateTime.fromISO(date, { setZone: true }),
    excerptHtml: `<p>Extrait ${id}</p>\n`,
    ...fields,
  };
}

const SITE = {
  homeUrl: "https://exemple.fr/",
  title: "Site",
  language: "fr",
  author: { name: "Camille" },
  commentMaxDepth: 5,
};

/** The post "un-article" of SITE, published at `date`. */
function aPost(date: string) {
  return postFactsOf({
    slug: "un-article",
    data: {
      title: "Un article",
      date: DateTime.fromISO(date, { setZone: true }),
      author: "Camille",
      description: "Un article.",
    },
  });
}

describe("a mention's file", () => {
  it("gives its type, source, title, date and excerpt", () => {
    const read = readMention(FILE, "12", mentionText(GOOD));
    assert.deepEqual(read.problems, []);
    assert.equal(read.source?.type, "pingback");
    assert.equal(read.source?.source, "https://ailleurs.fr/un-billet");
    assert.equal(read.source?.title, "Un billet ailleurs");
    assert.equal(read.source?.excerpt, "[…] un extrait […]\n");
  });
  it("is refused, one line per field, when a field is missing, wrong or unknown", () => {
    const lines = (fields: Record<string, string>) =>
      readMention(FILE, "12", mentionText(fields)).problems.map(formatProblem);
    assert.deepEqual(lines({}), [
      `${FILE}: type: required: expected pingback or trackback (how the other site told of its link)`,
      `${FILE}: source: required: the address of the page that links here`,
      `${FILE}: title: required: the title of the page that links here`,
      `${FILE}: date: required: expected an ISO 8601 date-time with its offset that exists, e.g. 2010-07-23T14:32:00+02:00`,
    ]);
    assert.deepEqual(lines({ ...GOOD, type: "comment", source: "javascript:alert(1)", date: "2010-07-25" }), [
      `${FILE}:2: type: expected pingback or trackback (how the other site told of its link)`,
      `${FILE}:3: source: "javascript:alert(1)" is not valid: expected a web address starting with http:// or https://`,
      `${FILE}:5: date: "2010-07-25" is not valid: expected an ISO 8601 date-time with its offset that exists, e.g. 2010-07-23T14:32:00+02:00`,
    ]);
    assert.deepEqual(lines({ ...GOOD, author: "Robert" }), [
      `${FILE}:6: author: unknown field (allowed: type, source, title, date, withdrawn)`,
    ]);
  });
  it("may have no excerpt", () => {
    const read = readMention(FILE, "12", mentionText(GOOD, ""));
    assert.ok(read.source);
    assert.equal(renderMention(read.source, markdown).excerptHtml, "");
  });
  it("keeps a stranger's excerpt and title harmless: raw HTML as text, links nofollow ugc, controls removed", () => {
    const read = readMention(
      FILE,
      "12",
      mentionText(
        { ...GOOD, title: '"<script>alert(1)</script>\u202Egnp.exe"' },
        "<img src=x onerror=alert(1)> [lien](javascript:alert(1)) https://exemple.org",
      ),
    );
    assert.ok(read.source);
    const mention = renderMention(read.source, markdown);
    assert.equal(mention.title, "<script>alert(1)</script>gnp.exe");
    assert.doesNotMatch(mention.excerptHtml, /<img|href="javascript/);
    assert.match(mention.excerptHtml, /<a href="https:\/\/exemple\.org" rel="nofollow ugc">/);
    const section = renderMentions([mention]);
    assert.doesNotMatch(section, /<script>/);
    assert.match(section, /&lt;script&gt;alert\(1\)&lt;\/script&gt;gnp\.exe/);
  });
});

describe("the mentions on a page", () => {
  const mentions = [
    aMention("14", "2010-07-27T09:00:00+02:00", { type: "trackback", title: "Plus tard", excerptHtml: "" }),
    aMention("12", "2010-07-25T09:00:00+02:00"),
  ];
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${renderMentions(mentions)}</body></html>`);

  it("are nothing at all when there are none", () => assert.equal(renderMentions([]), ""));
  it("are counted in French under their own heading, which labels their section", () => {
    assert.equal(countMentions(1), "1 mention");
    assert.equal(countMentions(2), "2 mentions");
    assert.equal(countMentions(1234), "1\u202F234 mentions");
    const section = document.querySelector("section#mentions");
    assert.equal(section?.getAttribute("aria-labelledby"), "mentions-title");
    assert.equal(document.querySelector("#mentions-title")?.textContent, "2 mentions");
    assert.equal(document.querySelector("#mentions-title")?.tagName, "H3");
  });
  it("are listed oldest first, each with its id, its linked title, its type, its date and its excerpt", () => {
    const items = [...document.querySelectorAll("ol.mention-list > li")];
    assert.deepEqual(
      items.map((li) => li.id),
      ["mention-12", "mention-14"],
    );
    const [first, second] = items;
    const link = first?.querySelector("a.comment-author");
    assert.equal(link?.getAttribute("href"), "https://ailleurs.fr/12");
    assert.equal(link?.getAttribute("rel"), "nofollow ugc");
    assert.equal(link?.textContent, "Billet 12");
    assert.equal(first?.querySelector(".comment-badge")?.textContent, "Ping");
    assert.equal(second?.querySelector(".comment-badge")?.textContent, "Rétrolien");
    assert.equal(first?.querySelector("time")?.getAttribute("datetime"), "2010-07-25T09:00+02:00");
    assert.equal(first?.querySelector("time")?.textContent, "25 juillet 2010 à 9 h 00");
    assert.equal(first?.querySelector("a.comment-permalink")?.getAttribute("href"), "#mention-12");
    assert.equal(first?.querySelector(".e-content")?.textContent, "Extrait 12\n");
    assert.equal(second?.querySelector(".e-content"), null, "no excerpt, no empty box");
  });
  it("are citations of the post, not its comments (no p-comment)", () => {
    for (const li of document.querySelectorAll("li.mention")) {
      assert.ok(li.classList.contains("h-cite"));
      assert.equal(li.classList.contains("p-comment"), false);
    }
  });
});

describe("a post's comments and mentions, together", () => {
  const site = SITE;
  const post = aPost("2010-07-21T10:00:00+02:00");
  const comments = [
    aComment("1", "2010-07-22T10:00:00+02:00"),
    aComment("3", "2010-07-23T10:00:00+02:00", "1"),
  ];
  const mentions = [aMention("2", "2010-07-22T12:00:00+02:00", { title: "Ailleurs" })];
  const parts = postPageParts(post, comments, site, mentions);
  const data = JSON.parse(/<script[^>]*>(.*)<\/script>/s.exec(parts.jsonLd)?.[1] ?? "{}") as {
    "@type": string;
    commentCount: number;
    comment: { "@type": string; comment?: unknown[] }[];
    "@reverse": { citation: { "@type": string; url: string; name: string }[] };
  };

  it("count and thread the comments only: the heading, the thread, the JSON-LD's Comments", () => {
    assert.equal(parts.section.count, 2);
    assert.match(parts.section.heading, /^2 réflexions au sujet de/);
    assert.deepEqual(parts.section.renderedIds, ["1", "3"]);
    assert.doesNotMatch(parts.section.html, /mention/);
    assert.equal(data.commentCount, 2);
    assert.equal(data.comment.length, 1);
    assert.equal(data.comment[0]?.comment?.length, 1);
  });
  it("give the mentions their own part of the page, and the JSON-LD the pages that cite the post", () => {
    assert.match(parts.mentions, /<h3 id="mentions-title">1 mention<\/h3>/);
    assert.match(parts.mentions, /<li id="mention-2" /);
    assert.deepEqual(data["@reverse"], {
      citation: [{ "@type": "WebPage", url: "https://ailleurs.fr/2", name: "Ailleurs" }],
    });
    assert.equal(data["@type"], "BlogPosting");
  });
  it("have no @reverse without mentions, and a page is a WebPage", () => {
    const alone = postPageParts(post, comments, site);
    assert.equal(alone.mentions, "");
    assert.doesNotMatch(alone.jsonLd, /@reverse|citation/);
    const page = pageFactsOf({ path: "a-propos/equipe", data: { title: "L’équipe" } });
    const pageData = JSON.parse(
      /<script[^>]*>(.*)<\/script>/s.exec(postPageParts(page, comments, site, mentions).jsonLd)?.[1] ?? "{}",
    ) as Record<string, unknown>;
    assert.equal(pageData["@type"], "WebPage");
    assert.equal(pageData.url, "https://exemple.fr/a-propos/equipe/");
    assert.equal(pageData.name, "L’équipe");
    assert.equal(pageData.description, undefined);
    assert.equal(pageData.commentCount, 2);
    assert.ok(pageData["@reverse"]);
  });
});

describe("one sequence of ids for a post's comments and mentions", () => {
  const root = temporaryDir("mentions");
  after(() => removeDir(root));
  const postDir = join(root, "content/posts/un-article");
  writeFiles(root, {
    "content/posts/un-article/index.md": postFile("Un article"),
    "content/posts/un-article/comments/1.md": commentFile({
      author: "Léa",
      date: "2024-03-02T10:00:00+01:00",
    }),
    "content/posts/un-article/mentions/7.md": mentionText({ ...GOOD, date: "2024-03-03T10:00:00+01:00" }),
    "content/posts/sans-mentions/index.md": postFile("Sans mentions"),
    "content/posts/sans-mentions/comments/4.md": commentFile({
      author: "Léa",
      date: "2024-03-02T10:00:00+01:00",
    }),
  });

  it("is read in one pass of the post folder: comments and mentions apart", () => {
    const read = new CommentReader(root).load(postDir);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.comments.map((comment) => comment.id),
      ["1"],
    );
    assert.deepEqual(
      read.mentions.map((mention) => mention.id),
      ["7"],
    );
    assert.deepEqual(new CommentReader(root).load(join(root, "content/posts/sans-mentions")).mentions, []);
  });

  it("gives a new comment an id after the mentions' too, through new:comment's planning", () => {
    assert.equal(nextCommentId(["1.md", "7.md"]), "8");
    const plan = planNewComment(root, { slug: "un-article", author: "Tom" }, "Bonjour.", new Date());
    assert.equal(plan.id, "8");
    assert.equal(plan.file, "content/posts/un-article/comments/8.md");
  });

  it("refuses a mention with a comment's id, naming both files, and a file that is not .md", () => {
    const other = temporaryDir("mentions-clash");
    try {
      writeFiles(other, {
        "content/posts/un-article/index.md": postFile("Un article"),
        "content/posts/un-article/comments/1.md": commentFile({
          author: "Léa",
          date: "2024-03-02T10:00:00+01:00",
        }),
        "content/posts/un-article/mentions/1.md": mentionText(GOOD),
        "content/posts/un-article/mentions/2.md": mentionText(GOOD),
        "content/posts/un-article/mentions/2.MD": mentionText(GOOD),
        "content/posts/un-article/mentions/note.txt": "pas une mention",
        "content/posts/un-article/mentions/mal nommé.md": mentionText(GOOD),
      });
      const read = new CommentReader(other).load(join(other, "content/posts/un-article"));
      assert.deepEqual(read.problems.map(formatProblem), [
        "content/posts/un-article/mentions/note.txt: file name: not a mention: mention files end in .md (rename it or move it out of mentions/)",
        'content/posts/un-article/mentions/1.md: file name: the id "1" is also that of the comment content/posts/un-article/comments/1.md: a post\'s comments and mentions share one sequence of ids; rename one of them',
        'content/posts/un-article/mentions/2.md: file name: the id "2" (the file name without .md) is already used by content/posts/un-article/mentions/2.MD',
        'content/posts/un-article/mentions/mal nommé.md: file name: "mal nommé" must use only letters, digits, - and _ before .md (it becomes the mention\'s id, #mention-mal nommé)',
      ]);
    } finally {
      removeDir(other);
    }
  });
});

describe("a withdrawn mention", () => {
  const root = temporaryDir("mentions-withdrawn");
  after(() => removeDir(root));
  const postDir = join(root, "content/posts/un-article");
  const mentions = "content/posts/un-article/mentions";
  writeFiles(root, {
    "content/posts/un-article/index.md": postFile("Un article"),
    "content/posts/un-article/comments/1.md": commentFile({
      author: "Léa",
      date: "2024-03-02T10:00:00+01:00",
    }),
    [`${mentions}/7.md`]: mentionText({ ...GOOD, title: "Un billet indésirable" }, "Achetez ici."),
    [`${mentions}/9.md`]: mentionText({ ...GOOD, type: "trackback", date: "2024-03-04T10:00:00+01:00" }),
  });

  it("keeps only its type, its date and withdrawn: true, and the command returns its file", () => {
    const file = withdrawComment(root, "un-article", "7");
    assert.equal(file, `${mentions}/7.md`);
    const text = readFileSync(join(root, file), "utf8");
    assert.equal(text, '---\ntype: "pingback"\ndate: "2010-07-25T09:00:00+02:00"\nwithdrawn: true\n---\n\n');
    // Asked again, nothing changes.
    withdrawComment(root, "un-article", "7");
    assert.equal(readFileSync(join(root, file), "utf8"), text);
  });

  it("is read without its source, title or excerpt, and shown nowhere: not listed, counted or cited", () => {
    const read = new CommentReader(root).load(postDir);
    assert.deepEqual(read.problems, []);
    const withdrawn = read.mentions.find((mention) => mention.id === "7");
    assert.equal(withdrawn?.withdrawn, true);
    assert.equal(withdrawn?.source, "");
    assert.equal(withdrawn?.title, "");
    assert.equal(withdrawn?.excerptHtml, "");
    const site = SITE;
    const post = aPost("2024-03-01T10:00:00+01:00");
    const parts = postPageParts(post, read.comments, site, read.mentions);
    assert.match(parts.mentions, /<h3 id="mentions-title">1 mention<\/h3>/);
    assert.doesNotMatch(parts.mentions, /mention-7|indésirable|Achetez/);
    assert.match(parts.mentions, /<li id="mention-9" /);
    assert.doesNotMatch(parts.jsonLd, /indésirable/);
    const cited = (
      JSON.parse(/<script[^>]*>(.*)<\/script>/s.exec(parts.jsonLd)?.[1] ?? "{}") as {
        "@reverse": { citation: unknown[] };
      }
    )["@reverse"].citation;
    assert.equal(cited.length, 1);
    // The only mention withdrawn: no section at all, no citation.
    const alone = postPageParts(
      post,
      read.comments,
      site,
      read.mentions.filter((mention) => mention.id === "7"),
    );
    assert.equal(alone.mentions, "");
    assert.doesNotMatch(alone.jsonLd, /@reverse|citation/);
  });

  it("keeps its id taken: a new comment comes after it", () => {
    withdrawComment(root, "un-article", "9");
    const plan = planNewComment(root, { slug: "un-article", author: "Tom" }, "Bonjour.", new Date());
    assert.equal(plan.id, "10");
  });

  it("needs its type and date; the command names the mentions when no comment or mention has the id", () => {
    const problems = (fields: Record<string, string>) =>
      readMention(FILE, "12", mentionText(fields, "")).problems.map(formatProblem);
    assert.deepEqual(problems({ withdrawn: "true", date: GOOD.date }), [
      `${FILE}: type: required: expected pingback or trackback (how the other site told of its link)`,
    ]);
    assert.deepEqual(problems({ withdrawn: "true", type: "pingback", source: GOOD.source, title: "Gardé" }), [
      `${FILE}: date: required: expected an ISO 8601 date-time with its offset that exists, e.g. 2010-07-23T14:32:00+02:00`,
    ]);
    assert.throws(
      () => withdrawComment(root, "un-article", "99"),
      (error: unknown) =>
        error instanceof AuthoringError &&
        error.line === 'comment: no comment "99" in post "un-article" (comments: 1; mentions: 7, 9)',
    );
  });
});

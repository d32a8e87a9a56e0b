// Pages without a build: what a page folder is (src/content/page-dirs.ts: nested, named as
// post folders, comments/ and mentions/ never pages, a folder without index.md only a step
// of its children's addresses), their front matter (pageSchema), the address a page and a
// post cannot share (src/content/addresses.ts), finding the folder of a post or page by its
// address, and the navigation's order.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { AuthoringError } from "../../src/authoring/authoring-error.ts";
import { planNewComment } from "../../src/authoring/new-comment.ts";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { addressClashes, findPostOrPage, loadPostOrPage } from "../../src/content/addresses.ts";
import { checkContent } from "../../src/content/check-content.ts";
import { ignoredPageFolderGlobs, listPageDirs } from "../../src/content/page-dirs.ts";
import { compareNavOrder, isPagePage, loadPage } from "../../src/content/pages.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { pageSchema } from "../../src/content/schemas.ts";
import { commentFile, postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const page = (title: string, extra = "") => `---\ntitle: "${title}"\n${extra}---\nLe texte de la page.\n`;

function pageProblems(data: Record<string, unknown>): string[] {
  const result = pageSchema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("a page's front matter", () => {
  it("needs a title; description, nav, aliases, comments and draft are optional", () => {
    assert.deepEqual(pageProblems({ title: "À propos" }), []);
    assert.deepEqual(
      pageProblems({
        title: "À propos",
        description: "Qui nous sommes.",
        nav: 2,
        aliases: ["/about/", "/?p=2", "/%C3%A0-propos/"],
        comments: "closed",
        draft: true,
      }),
      [],
    );
    assert.match(pageProblems({})[0] ?? "", /^title: required/);
    assert.match(pageProblems({ title: "  " })[0] ?? "", /^title: must not be empty/);
  });
  it("refuses a nav that is not a whole number, and addresses that are not absolute paths", () => {
    for (const nav of [1.5, "1", "premier", true])
      assert.match(pageProblems({ title: "A", nav })[0] ?? "", /^nav: expected a whole number/, String(nav));
    for (const alias of ["about/", "//exemple.fr/", "/a b/", "/a#b", 12])
      assert.match(pageProblems({ title: "A", aliases: [alias] })[0] ?? "", /^aliases\.0: /, String(alias));
    assert.match(pageProblems({ title: "A", aliases: "/about/" })[0] ?? "", /^aliases: expected a list/);
  });
  it("refuses what a post has and a page has not, and any unknown field", () => {
    assert.match(pageProblems({ title: "A", date: "2024-03-01T10:00:00+01:00" })[0] ?? "", /^: /);
    assert.match(
      pageProblems({ title: "A", comments: "fermés" })[0] ?? "",
      /^comments: expected open or closed/,
    );
  });
});

describe("page folders", () => {
  const root = temporaryDir("pages");
  after(() => removeDir(root));
  writeFiles(root, {
    "content/posts/un-article/index.md": postFile("Un article"),
    "content/pages/a-propos/index.md": page("À propos", "nav: 2\n"),
    "content/pages/a-propos/equipe/index.md": page("L'équipe", "nav: 1\n"),
    "content/pages/a-propos/equipe/comments/1.md": commentFile({
      author: "Léa",
      date: "2024-03-02T10:00:00+01:00",
    }),
    "content/pages/a-propos/equipe/mentions/2.md": commentFile(
      {
        type: "pingback",
        source: "https://ailleurs.fr/",
        title: "Ailleurs",
        date: "2024-03-03T10:00:00+01:00",
      },
      "Un extrait.",
    ),
    "content/pages/archives/2010/index.md": page("2010"),
    "content/pages/_brouillon/index.md": page("Mis de côté"),
    "content/pages/pages.11tydata.js": "export default {};\n",
  });
  const contentDir = join(root, "content");

  it("are listed at every depth, parents first, without their comments/ and mentions/ or what is set aside", () => {
    assert.deepEqual(
      listPageDirs(contentDir).map(({ path, holdsPages, holdsResponses }) => [
        path,
        holdsPages,
        holdsResponses,
      ]),
      [
        ["a-propos", true, false],
        ["a-propos/equipe", false, true],
        ["archives", true, false],
        ["archives/2010", false, false],
      ],
    );
    assert.deepEqual(listPageDirs(join(root, "nowhere")), []);
  });

  it("give a page its address, its path; a folder without index.md is only a step of its children's", () => {
    const pages = listPageDirs(contentDir).map((dir) => loadPage(dir, root));
    assert.deepEqual(
      pages.map((loaded) => [loaded.page?.path, loaded.page?.data.title, loaded.problems]),
      [
        ["a-propos", "À propos", []],
        ["a-propos/equipe", "L'équipe", []],
        [undefined, undefined, []],
        ["archives/2010", "2010", []],
      ],
    );
  });

  it("are checked with the posts, their comments and mentions read as a post's", () => {
    const report = checkContent(contentDir, new CommentReader(root), root);
    assert.deepEqual(report.problems, []);
    const equipe = report.pages.find((checked) => checked.path === "a-propos/equipe");
    assert.deepEqual(
      equipe?.comments.map((comment) => comment.id),
      ["1"],
    );
    assert.deepEqual(
      equipe?.mentions.map((mention) => mention.id),
      ["2"],
    );
    assert.deepEqual(
      report.posts.map((post) => post.slug),
      ["un-article"],
    );
  });

  it("are refused, one line each, when named otherwise than an address, reserved, or named comments/mentions", () => {
    const other = temporaryDir("pages-refused");
    try {
      writeFiles(other, {
        "content/pages/À propos/index.md": page("À propos"),
        "content/pages/tags/index.md": page("Étiquettes"),
        "content/pages/comments/index.md": page("Commentaires"),
        "content/pages/a-propos/Équipe/index.md": page("Équipe"),
        "content/pages/a-propos/page/index.md": page("Une page nommée page"),
        "content/pages/a-propos/index.md": page("À propos"),
        "content/pages/vide/notes.txt": "rien",
        "content/pages/orphelins/enfant/index.md": page("Enfant"),
        "content/pages/orphelins/comments/1.md": commentFile({
          author: "Léa",
          date: "2024-03-02T10:00:00+01:00",
        }),
      });
      const lines = checkContent(join(other, "content"), new CommentReader(other), other).problems.map(
        formatProblem,
      );
      assert.deepEqual(lines, [
        "content/pages/a-propos/Équipe: folder: \"Équipe\" cannot be part of a page's address (/<path>/): a page folder's name holds only lower-case letters a-z, digits and hyphens, and starts with a letter or a digit; rename it to content/pages/a-propos/equipe",
        'content/pages/comments: folder: "comments" cannot be a page\'s folder: in a page folder, comments/ and mentions/ hold its comments and mentions; rename the folder',
        "content/pages/orphelins: index.md: missing: its comments/ or mentions/ belong to no page without index.md (write the page, or move them)",
        "content/pages/tags: folder: \"tags\" cannot be a page's address: /tags/ is already that of the pages of the posts' tags (their front matter's tags), kept for them; rename the folder",
        "content/pages/vide: index.md: missing: a page folder holds its text in index.md",
        "content/pages/À propos: folder: \"À propos\" cannot be part of a page's address (/<path>/): a page folder's name holds only lower-case letters a-z, digits and hyphens, and starts with a letter or a digit; rename it to content/pages/a-propos",
      ]);
    } finally {
      removeDir(other);
    }
  });

  it("share the site's addresses with the posts: a page at a post's address is refused naming both", () => {
    assert.deepEqual(
      addressClashes(
        [{ slug: "un-article", file: "content/posts/un-article/index.md" }],
        [
          { path: "un-article", file: "content/pages/un-article/index.md" },
          { path: "un-article/suite", file: "content/pages/un-article/suite/index.md" },
        ],
      ).map(formatProblem),
      [
        "content/pages/un-article/index.md: folder: /un-article/ is the address of both this page and the post content/posts/un-article/index.md: rename the folder of one of them",
      ],
    );
  });

  it("are found by their address, as posts are, and nothing else is", () => {
    assert.deepEqual(findPostOrPage(root, "un-article"), {
      kind: "post",
      name: "un-article",
      dir: join(contentDir, "posts/un-article"),
      file: "content/posts/un-article/index.md",
    });
    assert.deepEqual(findPostOrPage(root, "a-propos/equipe"), {
      kind: "page",
      name: "a-propos/equipe",
      dir: join(contentDir, "pages/a-propos/equipe"),
      file: "content/pages/a-propos/equipe/index.md",
    });
    for (const name of [
      "archives",
      "inconnu",
      "",
      "/a-propos",
      "a-propos/",
      "a-propos//equipe",
      "../posts/un-article",
      "a-propos/../a-propos",
      "_brouillon",
      "a-propos/equipe/comments",
      "A-propos",
    ])
      assert.equal(findPostOrPage(root, name), undefined, name);
  });

  it("are read, as posts are, for the comment server: title, draft, open to comments", () => {
    assert.deepEqual(loadPostOrPage(root, "a-propos/equipe"), {
      kind: "page",
      name: "a-propos/equipe",
      dir: join(contentDir, "pages/a-propos/equipe"),
      file: "content/pages/a-propos/equipe/index.md",
      title: "L'équipe",
      draft: false,
      commentsOpen: true,
    });
    assert.equal(loadPostOrPage(root, "un-article")?.title, "Un article");
    assert.equal(loadPostOrPage(root, "un-article")?.kind, "post");
    assert.equal(loadPostOrPage(root, "archives"), undefined);
  });

  it("take comments through new:comment's planning, in their own comments/ folder, after a mention's id", () => {
    const plan = planNewComment(
      root,
      { slug: "a-propos/equipe", author: "Tom", replyTo: "1" },
      "Bonjour.",
      new Date("2024-03-04T10:00:00Z"),
    );
    assert.equal(plan.id, "3", "1 is a comment's, 2 a mention's");
    assert.equal(plan.file, "content/pages/a-propos/equipe/comments/3.md");
    assert.throws(
      () => planNewComment(root, { slug: "a-propos/inconnue", author: "Tom" }, "Bonjour.", new Date()),
      (error: unknown) =>
        error instanceof AuthoringError &&
        error.line ===
          'post-slug: no post or page "a-propos/inconnue" in content/posts/ or content/pages/ (posts: un-article; pages: a-propos, a-propos/equipe, archives/2010)',
    );
  });
});

describe("pages in Eleventy", () => {
  it("are the index.md files under content/pages/, at any depth", () => {
    assert.ok(isPagePage("./content/pages/a-propos/index.md", "content/pages"));
    assert.ok(isPagePage("./content/pages/a-propos/equipe/index.md", "content/pages"));
    assert.equal(isPagePage("./content/pages/index.md", "content/pages"), false);
    assert.equal(isPagePage("./content/posts/a-propos/index.md", "content/pages"), false);
    assert.equal(isPagePage("./content/pages/a-propos/notes.md", "content/pages"), false);
  });
  it("ignore the pages' comments, mentions and folders set aside", () => {
    assert.deepEqual(ignoredPageFolderGlobs("content/pages"), [
      "content/pages/**/comments/**",
      "content/pages/**/mentions/**",
      "content/pages/**/_*/**",
      "content/pages/**/.*/**",
    ]);
  });
  it("are listed in the navigation by nav, the same nav by address", () => {
    const item = (nav: number, url: string) => ({ data: { nav }, url });
    assert.deepEqual(
      [item(2, "/b/"), item(1, "/z/"), item(2, "/a/"), item(-1, "/m/")]
        .sort(compareNavOrder)
        .map((i) => i.url),
      ["/m/", "/z/", "/a/", "/b/"],
    );
  });
});

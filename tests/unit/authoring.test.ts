// The authoring commands' logic, without files: what a new post and a new comment look
// like, how their command lines are read and refused, drafts and the path prefix.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authoringDate } from "../../src/authoring/authoring-date.ts";
import { AuthoringError } from "../../src/authoring/authoring-error.ts";
import { draftsArePublished, isHiddenDraft } from "../../src/authoring/drafts.ts";
import { markdownWithFrontMatter } from "../../src/authoring/front-matter-text.ts";
import { parseNewCommentArgs } from "../../src/authoring/new-comment-args.ts";
import { planNewPost, titleFromArgs } from "../../src/authoring/new-post.ts";
import { nextCommentId } from "../../src/authoring/next-comment-id.ts";
import { splitFrontMatter } from "../../src/content/front-matter.ts";
import { newestDate } from "../../src/site/newest-date.ts";
import { absoluteUrl, homeUrl, pathPrefixFromEnv } from "../../src/site/path-prefix.ts";

/** Runs `action`, expects an AuthoringError and returns its one-line message. */
function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof AuthoringError, String(error));
    assert.doesNotMatch(error.line, /\n/);
    return error.line;
  }
  assert.fail("expected a refusal");
}

describe("authoringDate", () => {
  it("writes now in Paris with its summer offset, to the minute", () =>
    assert.equal(authoringDate(new Date("2024-07-14T08:05:30Z")), "2024-07-14T10:05+02:00"));
  it("and with its winter offset", () =>
    assert.equal(authoringDate(new Date("2024-12-31T23:30:00Z")), "2025-01-01T00:30+01:00"));
  it("at the autumn change, in the hour that repeats", () =>
    assert.equal(authoringDate(new Date("2024-10-27T01:00:30Z")), "2024-10-27T02:00+01:00"));
  it("before 1911, when Paris's offset had seconds (+00:09:21), to Paris's minute", () =>
    assert.equal(authoringDate(new Date("1889-09-21T05:20:40.580Z")), "1889-09-21T05:30+00:09"));
});

describe("markdownWithFrontMatter", () => {
  it("quotes every text so names with quotes, colons and # stay text", () => {
    const hostile = {
      author: `Jean "JD" : l'ami # de - tous`,
      parent: "6",
      empty: "",
      flag: true,
      missing: undefined,
    };
    const text = markdownWithFrontMatter(hostile, "Bonjour");
    const parsed = splitFrontMatter(text);
    assert.deepEqual(parsed.data, { author: hostile.author, parent: "6", empty: "", flag: true });
    assert.equal(parsed.body, "Bonjour\n");
  });
  it("keeps values that YAML would read as other types as text", () => {
    const parsed = splitFrontMatter(
      markdownWithFrontMatter({ a: "true", b: "12", c: "null", d: "2024-01-01" }, "x"),
    );
    assert.deepEqual(parsed.data, { a: "true", b: "12", c: "null", d: "2024-01-01" });
  });
});

describe("planNewPost", () => {
  const now = new Date("2024-03-01T09:00:00Z");
  it("puts the post in the folder of its title's slug, as a draft with complete front matter", () => {
    const plan = planNewPost("L'été à Noël : où aller ?", { now, author: "David Schuster" });
    assert.equal(plan.slug, "l-ete-a-noel-ou-aller");
    assert.equal(plan.file, "content/posts/l-ete-a-noel-ou-aller/index.md");
    assert.deepEqual(splitFrontMatter(plan.text).data, {
      title: "L'été à Noël : où aller ?",
      date: "2024-03-01T10:00+01:00",
      author: "David Schuster",
      description: "",
      draft: true,
    });
  });
  it("refuses a missing title or one without a letter", () => {
    assert.match(
      refusal(() => planNewPost("  ", { now, author: "A" })),
      /^title: missing/,
    );
    assert.match(
      refusal(() => planNewPost("?!", { now, author: "A" })),
      /^title: "\?!" has no letter or digit/,
    );
  });
  it("refuses a title whose address another page of the site has", () => {
    assert.match(
      refusal(() => planNewPost("Page", { now, author: "A" })),
      /^title: "Page" would put the post at \/page\/, already the address of the home page's next pages, \/page\/2\/.*: choose another title$/,
    );
    assert.match(
      refusal(() => planNewPost("Tags !", { now, author: "A" })),
      /^title: "Tags !" would put the post at \/tags\/, already the address of /,
    );
    assert.match(
      refusal(() => planNewPost("404", { now, author: "A" })),
      /^title: "404" would put the post at \/404\/, already the address of the page for a missing address/,
    );
  });
  it("reads the title from the command line, quoted or not, and refuses options", () => {
    assert.equal(titleFromArgs(["Mon", "titre"]), "Mon titre");
    assert.match(
      refusal(() => titleFromArgs(["--title", "x"])),
      /^--title: unknown option/,
    );
  });
});

describe("nextCommentId", () => {
  it("follows the highest numeric id, without reusing gaps", () =>
    assert.equal(nextCommentId(["1.md", "2.md", "11.md", "5.md"]), "12"));
  it("starts at 1 and ignores other names", () =>
    assert.equal(nextCommentId(["bonjour.md", "notes.txt", ".12.md.tmp"]), "1"));
});

describe("parseNewCommentArgs", () => {
  it("reads the post, the author and the optional parent and web site", () => {
    assert.deepEqual(
      parseNewCommentArgs([
        "mon-post",
        "--author",
        "Nom",
        "--reply-to",
        "6",
        "--url",
        "https://example.org/",
      ]),
      {
        slug: "mon-post",
        author: "Nom",
        replyTo: "6",
        url: "https://example.org/",
      },
    );
    assert.deepEqual(parseNewCommentArgs(["--author=Nom", "mon-post"]), { slug: "mon-post", author: "Nom" });
  });
  it("names the argument at fault", () => {
    assert.match(
      refusal(() => parseNewCommentArgs(["--author", "Nom"])),
      /^post-slug: missing/,
    );
    assert.match(
      refusal(() => parseNewCommentArgs(["mon-post"])),
      /^--author: missing/,
    );
    assert.match(
      refusal(() => parseNewCommentArgs(["mon-post", "--author"])),
      /^--author: needs a value/,
    );
    assert.match(
      refusal(() => parseNewCommentArgs(["mon-post", "--autor", "Nom"])),
      /^--autor: unknown option/,
    );
    assert.match(
      refusal(() => parseNewCommentArgs(["mon-post", "Jean", "Dupont", "--author", "x"])),
      /^Jean: unexpected argument/,
    );
  });
});

describe("drafts", () => {
  it("are published only outside production builds", () => {
    assert.equal(draftsArePublished("build"), false);
    assert.equal(draftsArePublished("serve"), true);
    assert.equal(draftsArePublished("watch"), true);
  });
  it("hide only pages that say draft: true, only in builds", () => {
    assert.equal(isHiddenDraft({ draft: true }, "build"), true);
    assert.equal(isHiddenDraft({ draft: false }, "build"), false);
    assert.equal(isHiddenDraft({}, "build"), false);
    assert.equal(isHiddenDraft({ draft: true }, "serve"), false);
  });
});

describe("pathPrefixFromEnv", () => {
  it("is / without PATH_PREFIX", () => {
    assert.equal(pathPrefixFromEnv({}), "/");
    assert.equal(pathPrefixFromEnv({ PATH_PREFIX: "" }), "/");
    assert.equal(pathPrefixFromEnv({ PATH_PREFIX: "/" }), "/");
  });
  it("always has a slash at each end", () => {
    for (const value of ["blog", "/blog", "/blog/", "blog/"])
      assert.equal(pathPrefixFromEnv({ PATH_PREFIX: value }), "/blog/");
    assert.equal(pathPrefixFromEnv({ PATH_PREFIX: "/a//b/" }), "/a/b/");
  });
});

describe("homeUrl", () => {
  it("adds the path prefix to the site URL", () => {
    assert.equal(homeUrl("https://www.nouslesgeeks.fr/", "/blog/"), "https://www.nouslesgeeks.fr/blog/");
    assert.equal(homeUrl("https://user.github.io", "/depot/"), "https://user.github.io/depot/");
    assert.equal(homeUrl("https://www.nouslesgeeks.fr/"), "https://www.nouslesgeeks.fr/");
  });
});

describe("newestDate", () => {
  it("is the newest item's date, whatever the order", () => {
    assert.deepEqual(
      newestDate([
        { date: new Date("2010-07-21T08:12:00Z") },
        { date: new Date("2024-01-01T00:00:00Z") },
        { date: new Date("2011-01-01T00:00:00Z") },
      ]),
      new Date("2024-01-01T00:00:00Z"),
    );
  });
  it("is the epoch, never the clock, without items", () => {
    assert.deepEqual(newestDate([]), new Date(0));
    assert.deepEqual(newestDate(undefined), new Date(0));
  });
});

describe("absoluteUrl", () => {
  it("gives a page's address under the home URL, as new URL() would", () => {
    for (const home of ["https://www.nouslesgeeks.fr/", "https://exemple.github.io/depot/"]) {
      for (const url of ["/", "/le-smo/", "/404.html", "/page/2/", "https://ailleurs.fr/x"]) {
        const expected = url.startsWith("/") ? new URL(url.slice(1), home).href : url;
        assert.equal(absoluteUrl(url, home), expected, `${url} under ${home}`);
      }
    }
  });
});

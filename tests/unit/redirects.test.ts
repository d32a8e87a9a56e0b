// Aliases: checked one by one, then across the site (the build's plan and check:content's
// alike), then written as the hosts' rules (one pattern where one covers many) and as
// nginx's map.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { CommentReader } from "../../src/comments/read-comments.ts";
import { contentFileAddress } from "../../src/content/addresses.ts";
import { checkSite } from "../../src/content/check-content.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { planRedirects, planSiteRedirects, type AliasOwner } from "../../src/redirects/alias-claims.ts";
import { aliasPageFile, parseAliasPath } from "../../src/redirects/alias-path.ts";
import { hostRules, hostRuleWarnings, renderRedirectsFile } from "../../src/redirects/host-rules.ts";
import { nginxVariable, renderNginxConf } from "../../src/redirects/nginx-conf.ts";
import { postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const owner = (slug: string, ...aliases: string[]): AliasOwner => ({
  file: `content/posts/${slug}/index.md`,
  url: `/${slug}/`,
  title: slug,
  aliases,
});

describe("an alias", () => {
  it("is a path of this site, decoded and encoded, with its static page", () => {
    const parsed = parseAliasPath(" /2010/07/22/caf%C3%A9/ ");
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.alias, {
      written: "/2010/07/22/caf%C3%A9/",
      decoded: "/2010/07/22/café/",
      encoded: "/2010/07/22/caf%C3%A9/",
    });
    assert.equal(aliasPageFile(parsed.alias), "2010/07/22/café/index.html");
    const id = parseAliasPath("/?p=123");
    assert.ok(id.ok && id.alias.postId === "123" && aliasPageFile(id.alias) === undefined);
    for (const [path, file] of [
      ["/ancien", "ancien/index.html"],
      ["/ancien.html", "ancien.html"],
      ["/feed.php", undefined],
    ] as const) {
      const alias = parseAliasPath(path);
      assert.ok(alias.ok);
      assert.equal(aliasPageFile(alias.alias), file, path);
    }
  });

  for (const [written, why] of [
    ["https://example.org/old/", /scheme or a host/],
    ["//example.org/old/", /scheme or a host/],
    ["old/", /does not start with "\/"/],
    ["/a/../b/", /"\.\." segment/],
    ["/a/%2E%2E/b/", /"\.\." segment/],
    ["/a//b/", /empty/],
    ["/a b/", /space/],
    ["/a%20b/", /space/],
    ['/a"b/', /quote/],
    ["/a%0Ab/", /control/],
    ["/%E9t%E9/", /percent-encoding/],
    ["/100%/", /percent-encoding/],
    ["/?page_id=3", /query other than/],
    ["/a/#top", /one of #/],
  ] as const)
    it(`refuses ${JSON.stringify(written)}`, () => {
      const parsed = parseAliasPath(written);
      assert.ok(!parsed.ok);
      assert.match(parsed.message, why);
    });
});

describe("planRedirects", () => {
  it("refuses a page's address, the site's own addresses and an address two pages claim, naming both", () => {
    const plan = planRedirects([
      owner("un", "/deux/", "/un/", "/tags/seo/", "/page/2/", "/feed.xml", "/commun/", "/deux/index.html"),
      owner("deux", "/commun", "/?p=1"),
      owner("trois", "/?p=1"),
    ]);
    assert.deepEqual(
      plan.problems.map((p) => `${p.file}: ${p.field}: ${p.message.replace(/: .*/, "")}`),
      [
        'content/posts/un/index.md: aliases: "/deux/" is the address of content/posts/deux/index.md',
        'content/posts/un/index.md: aliases: "/un/" is this page\'s own address',
        'content/posts/un/index.md: aliases: "/tags/seo/" is an address the site keeps for its own pages',
        'content/posts/un/index.md: aliases: "/page/2/" is an address the site keeps for its own pages',
        'content/posts/un/index.md: aliases: "/feed.xml" is an address the site keeps for its own pages',
        'content/posts/un/index.md: aliases: "/deux/index.html" is the address of content/posts/deux/index.md',
        'content/posts/deux/index.md: aliases: "/commun" is also an alias of content/posts/un/index.md',
        'content/posts/trois/index.md: aliases: "/?p=1" is also an alias of content/posts/deux/index.md',
      ],
    );
    assert.deepEqual(
      plan.redirects.map((r) => [r.alias.written, r.target]),
      [
        ["/commun/", "/un/"],
        ["/?p=1", "/deux/"],
      ],
    );
  });

  it("keeps both forms of one address listed by the same page, once each", () => {
    const plan = planRedirects([owner("cafe", "/café/", "/caf%C3%A9/", "/café/", "/ancien", "/ancien/")]);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.redirects.map((r) => r.alias.written),
      ["/café/", "/ancien", "/ancien/"],
    );
  });
});

const aliasLines = (...list: string[]) => `aliases:\n${list.map((alias) => `  - "${alias}"`).join("\n")}\n`;

describe("the addresses of posts and pages, from their files (the content contract)", () => {
  it("is /<folder>/ for a post, /<path>/ for a page, none for any other file", () => {
    for (const [file, address] of [
      ["content/posts/le-smo/index.md", "/le-smo/"],
      ["./content/posts/le-smo/index.md", "/le-smo/"],
      ["content/pages/a-propos/index.md", "/a-propos/"],
      ["content/pages/a-propos/equipe/index.md", "/a-propos/equipe/"],
      ["content/posts/le-smo/autre.md", undefined],
      ["content/posts/le-smo/comments/1.md", undefined],
      ["content/posts/index.md", undefined],
      ["content/tags/index.njk", undefined],
      ["content/index.11ty.js", undefined],
    ] as const)
      assert.equal(contentFileAddress(file), address, file);
    assert.equal(contentFileAddress("site/content/posts/le-smo/index.md", "site/content/"), "/le-smo/");
    assert.equal(contentFileAddress("posts/le-smo/index.md", ""), "/le-smo/");
  });
});

describe("planSiteRedirects, the build's and check:content's one plan", () => {
  const source = (file: string, ...aliases: string[]) => ({ file, data: { title: file, aliases } });
  it("takes every post's and page's address, aliases or not, and no other file's", () => {
    const plan = planSiteRedirects([
      source("content/posts/un/index.md", "/deux/", "/a-propos/equipe/", "/vieux/"),
      source("content/posts/deux/index.md"),
      source("content/pages/a-propos/equipe/index.md"),
      // Not a post or a page: its data is no alias.
      source("content/tags/index.njk", "/vieux/"),
    ]);
    assert.deepEqual(plan.problems.map(formatProblem), [
      'content/posts/un/index.md: aliases: "/deux/" is the address of content/posts/deux/index.md: remove it from one of them',
      'content/posts/un/index.md: aliases: "/a-propos/equipe/" is the address of content/pages/a-propos/equipe/index.md: remove it from one of them',
    ]);
    assert.deepEqual(
      plan.redirects.map((r) => [r.alias.written, r.target]),
      [["/vieux/", "/un/"]],
    );
  });

  it("names the same file of two that claim an alias, whatever order they come in", () => {
    const a = source("./content/posts/a/index.md", "/commun/");
    const b = source("./content/posts/b/index.md", "/commun/");
    for (const sources of [
      [a, b],
      [b, a],
    ])
      assert.deepEqual(planSiteRedirects(sources).problems.map(formatProblem), [
        'content/posts/b/index.md: aliases: "/commun/" is also an alias of content/posts/a/index.md: an old address redirects to one page',
      ]);
  });
});

describe("checkSite (npm run check:content)", () => {
  const root = temporaryDir("aliases");
  after(() => removeDir(root));
  writeFiles(root, {
    "content/posts/premier/index.md": postFile(
      "Premier",
      aliasLines("/second/", "/a-propos/", "/tags/seo/", "/feed.xml", "/page/2/", "/commun/", "/ancien/"),
    ),
    "content/posts/second/index.md": postFile("Second", "draft: true\n" + aliasLines("/commun")),
    "content/pages/a-propos/index.md": '---\ntitle: "À propos"\n---\nTexte.\n',
  });

  it("reports the aliases that collide across the site, as the build plans them, drafts included", () => {
    const report = checkSite(`${root}/content`, new CommentReader(root), root);
    const lines = report.problems.map(formatProblem);
    assert.deepEqual(
      lines.map((line) => line.replace(/: [^:]*$/, "")),
      [
        'content/posts/premier/index.md: aliases: "/second/" is the address of content/posts/second/index.md',
        'content/posts/premier/index.md: aliases: "/a-propos/" is the address of content/pages/a-propos/index.md',
        'content/posts/premier/index.md: aliases: "/tags/seo/" is an address the site keeps for its own pages',
        'content/posts/premier/index.md: aliases: "/feed.xml" is an address the site keeps for its own pages',
        'content/posts/premier/index.md: aliases: "/page/2/" is an address the site keeps for its own pages',
        'content/posts/second/index.md: aliases: "/commun" is also an alias of content/posts/premier/index.md',
      ],
    );
    const sources = [...report.posts, ...report.pages];
    assert.deepEqual(
      report.problems.slice(-6),
      planSiteRedirects(sources).problems,
      "the build's plan, not a copy",
    );
  });
});

describe("the hosts' rules", () => {
  it("turn a year of dated permalinks into one rule, and keep exceptions and lone ones as lines", () => {
    const posts = Array.from({ length: 500 }, (_, i) =>
      owner(`billet-${i}`, `/2010/07/21/billet-${i}/`, `/?p=${i + 1}`),
    );
    const { redirects } = planRedirects([
      ...posts,
      owner("renomme", "/2010/08/02/ancien-nom/", "/ancien-nom/"),
      owner("seul", "/2011/05/06/seul/"),
      owner("mois", "/2012/01/mois/", "/2012/02/autre-mois/"),
      owner("autre-mois", "/2012/03/autre-mois/"),
      owner("cafe", "/2013/01/01/café/"),
    ]);
    const rules = hostRules(redirects, new Set(["billet-1", "tags"]));
    const file = renderRedirectsFile(rules);
    const lines = file.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
    assert.deepEqual(lines, [
      "/2010/08/02/ancien-nom/ /renomme/ 301",
      "/ancien-nom/ /renomme/ 301",
      "/2011/05/06/seul/ /seul/ 301",
      // An exception to 2012's rule, before it: the first line that matches wins.
      "/2012/02/autre-mois/ /mois/ 301",
      "/2013/01/01/caf%C3%A9/ /cafe/ 301",
      "/2013/01/01/café/ /cafe/ 301",
      "/feed/ /feed.xml 301",
      "/2010/:month/:day/:slug/ /:slug/ 301",
      "/2012/:month/:slug/ /:slug/ 301",
      "/tag/:tag/ /tags/:tag/ 301",
      "/category/:category/ /tags/:category/ 301",
      "/:slug/comment-page-:page/ /:slug/ 301",
    ]);
    assert.deepEqual(hostRuleWarnings(rules), []);
    assert.match(
      renderRedirectsFile(rules, "/blog/"),
      /^\/blog\/2010\/:month\/:day\/:slug\/ \/blog\/:slug\/ 301$/m,
    );
  });

  it("leave out a rule whose first segment is a page of the site, and say when Cloudflare would drop lines", () => {
    const { redirects } = planRedirects([
      owner("a", "/2010/01/01/a/"),
      owner("b", "/2010/01/02/b/"),
      ...Array.from({ length: 2001 }, (_, i) => owner(`p${i}`, `/vieux-${i}/`)),
    ]);
    const rules = hostRules(redirects, new Set(["2010", "tag", "feed"]));
    assert.deepEqual(
      rules.patterns.map((rule) => rule.from),
      ["/category/:category/", "/:slug/comment-page-:page/"],
    );
    assert.deepEqual(hostRuleWarnings(rules), [
      "_redirects: 2003 rules without placeholders, more than the 2000 Cloudflare Pages reads (Netlify and nginx read them all)",
    ]);
  });

  it("fit 10,000 WordPress posts, each with its dated permalink and ?p=, in a few dozen rules", () => {
    const owners = Array.from({ length: 10_000 }, (_, i) => {
      const year = 2005 + Math.floor(i / 700);
      return owner(`billet-${i}`, `/${year}/0${1 + (i % 9)}/1${i % 10}/billet-${i}/`, `/?p=${i + 1}`);
    });
    const rules = hostRules(planRedirects(owners).redirects, new Set());
    assert.equal(rules.exact.length, 0);
    assert.equal(rules.patterns.length, 15 + 4);
  });
});

describe("nginx's map", () => {
  it("maps each path, with and without its final /, the patterns, and ?p= ids", () => {
    const { redirects } = planRedirects([
      owner("le-smo", "/2010/07/21/le-smo/", "/?p=12", "/caf%C3%A9/"),
      owner("b", "/2010/07/22/b/", "/ancien.html"),
    ]);
    const conf = renderNginxConf(redirects, hostRules(redirects, new Set()), {
      siteUrl: "https://www.nouslesgeeks.fr/",
      pathPrefix: "/blog/",
    });
    assert.equal(
      nginxVariable("https://www.nouslesgeeks.fr/", "/blog/"),
      "redirect_www_nouslesgeeks_fr_blog",
    );
    assert.equal(
      conf
        .split("\n")
        .filter((line) => !line.startsWith("#"))
        .join("\n"),
      [
        "map $uri $redirect_www_nouslesgeeks_fr_blog_path {",
        '    default "";',
        '    "/blog/2010/07/21/le-smo/" "/blog/le-smo/";',
        '    "/blog/2010/07/21/le-smo" "/blog/le-smo/";',
        '    "/blog/café/" "/blog/le-smo/";',
        '    "/blog/café" "/blog/le-smo/";',
        '    "/blog/2010/07/22/b/" "/blog/b/";',
        '    "/blog/2010/07/22/b" "/blog/b/";',
        '    "/blog/ancien.html" "/blog/b/";',
        '    "~^/blog/2010/[^/]+/[^/]+/([^/]+)/?$" "/blog/$1/";',
        '    "~^/blog/tag/([^/]+)/?$" "/blog/tags/$1/";',
        '    "~^/blog/category/([^/]+)/?$" "/blog/tags/$1/";',
        '    "~^/blog/feed/?$" "/blog/feed.xml";',
        '    "~^/blog/([^/]+)/comment-page-[0-9]+/?$" "/blog/$1/";',
        "}",
        'map "$uri?p=$arg_p" $redirect_www_nouslesgeeks_fr_blog {',
        "    default $redirect_www_nouslesgeeks_fr_blog_path;",
        '    "/blog/?p=12" "/blog/le-smo/";',
        "}",
        "",
      ].join("\n"),
    );
  });
});

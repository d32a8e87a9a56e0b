// Old addresses keep working: every alias of a post redirects to its address now, by
// a static page at the old address (GitHub Pages and other file hosts), a `_redirects`
// line or pattern rule (Netlify, Cloudflare Pages) and nginx's map; the pages are valid,
// their links resolve, and an alias that collides with a page, a reserved address or
// another alias stops the build naming both, in the lines check:content prints.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { findBrokenLinks } from "../helpers/link-check.ts";
import { freePort } from "../helpers/http.ts";
import { nginxSkip, readmeNginxBlock, startNginx } from "../helpers/nginx.ts";
import { runScript } from "../helpers/run-script.ts";
import {
  buildFixture,
  buildSite,
  postFile,
  readPage,
  removeDir,
  repositoryRoot,
  temporaryProject,
  type BuiltFixture,
} from "../helpers/site.ts";

const aliases = (...list: string[]) => `aliases:\n${list.map((alias) => `  - "${alias}"`).join("\n")}\n`;

/** Each alias of the fixture and the address it must lead to. */
const EXPECTED: [alias: string, target: string][] = [
  ["/2010/07/21/le-smo/", "/le-smo/"],
  ["/?p=12", "/le-smo/"],
  ["/ancien-smo/", "/le-smo/"],
  ["/2010/08/01/billet-3/", "/billet-3/"],
  ["/2010/07/22/café/", "/cafe/"],
  ["/2010/07/22/caf%C3%A9/", "/cafe/"],
  ["/2011/01/05/billet-4/", "/billet-4/"],
  ["/2012/03/billet-5/", "/billet-5/"],
  ["/?p=15", "/billet-5/"],
];

/** What nginx must answer: the aliases, and a few addresses the rules cover or must leave alone. */
const NGINX_CASES: [address: string, target: string | undefined][] = [
  ...EXPECTED,
  ["/ancien-smo", "/le-smo/"], // without its final /
  ["/2010/09/30/autre/", "/autre/"], // the year's rule
  ["/tag/seo/", "/tags/seo/"],
  ["/le-smo/", undefined],
  ["/", undefined],
  ["/tags/x/page/2/", undefined],
  ["/?p=99", undefined],
];

/**
 * The README's nginx block for a static site ("Deploying", "nginx"), as an operator
 * copies it: its paths pointed at this build, the variable named after the fixture's
 * host (as the map file's first lines say), listening on a loopback `port`.
 */
function readmeStaticNginxConfig(mapFile: string, root: string, port: number): string {
  const block = readmeNginxBlock("include /var/www/blog/redirects.nginx.conf;");
  const replaced = (text: string, from: string, to: string) => {
    assert.ok(text.includes(from), `the README's block holds ${from}`);
    return text.replaceAll(from, to);
  };
  let config = replaced(block, "/var/www/blog/redirects.nginx.conf", mapFile);
  config = replaced(config, "root /var/www/blog;", `root ${root};`);
  config = replaced(config, "server_name blog.example.org;", `listen 127.0.0.1:${port};`);
  return replaced(config, "$redirect_blog_example_org", "$redirect_www_nouslesgeeks_fr");
}

function projectFiles(): Record<string, string> {
  const targets = new Map<string, string[]>();
  for (const [alias, target] of EXPECTED) targets.set(target, [...(targets.get(target) ?? []), alias]);
  const files: Record<string, string> = {};
  for (const [target, list] of targets) {
    const slug = target.slice(1, -1);
    files[`content/posts/${slug}/index.md`] = postFile(`Billet « ${slug} »`, aliases(...list));
  }
  return files;
}

/** Where a `_redirects` file sends `path` (first matching line; placeholders are whole segments, or a segment's end). */
function netlifyTarget(redirects: string, path: string): string | undefined {
  for (const line of redirects.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [from = "", to = "", status] = line.split(" ");
    assert.equal(status, "301", line);
    const names: string[] = [];
    const pattern = from
      .replace(/\/$/, "")
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
    const match = new RegExp(`^${pattern}/?$`).exec(path);
    if (!match) continue;
    return names.reduce((target, name, index) => target.replace(`:${name}`, match[index + 1] ?? ""), to);
  }
  return undefined;
}

/** Where redirects.nginx.conf's maps send a request: exact keys, then regular expressions, of $uri and "$uri?p=$arg_p". */
function nginxTarget(conf: string, uri: string, p = ""): string | undefined {
  const maps = [...conf.matchAll(/^map "?([^ "]+)"? \$(\S+) \{\n([\s\S]*?)\n\}$/gm)];
  const lookup = (body: string, key: string): string | undefined => {
    const entries = [...body.matchAll(/^ {4}(\S+) (\S+);$/gm)].map((m) => [m[1], m[2]] as [string, string]);
    const unquote = (text: string) => text.replace(/^"|"$/g, "");
    for (const [from, to] of entries) if (unquote(from) === key) return unquote(to);
    for (const [from, to] of entries) {
      const source = unquote(from);
      if (!source.startsWith("~")) continue;
      const match = new RegExp(source.slice(1)).exec(key);
      if (match) return unquote(to).replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? "");
    }
    return undefined;
  };
  const [pathMap, idMap] = maps;
  assert.ok(pathMap && idMap, "two maps");
  const byPath = lookup(pathMap[3] ?? "", uri);
  const byId = lookup(idMap[3] ?? "", `${uri}?p=${p}`);
  return byId ?? (byPath === "" ? undefined : byPath);
}

describe("old addresses (aliases)", () => {
  let fixture: BuiltFixture;
  const out = (path: string) => join(fixture.build.outputDir, path);
  before(() => {
    fixture = buildFixture(projectFiles());
  });
  after(() => fixture?.remove());

  it("writes a page at each old path: meta refresh, canonical, noindex, a French link; none for ?p=", () => {
    const page = readPage(fixture.build.outputDir, "/2010/07/21/le-smo/");
    assert.equal(
      page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"),
      "0; url=/le-smo/",
    );
    assert.equal(
      page.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      "https://www.nouslesgeeks.fr/le-smo/",
    );
    assert.equal(page.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    assert.equal(page.querySelector("script"), null);
    assert.equal(page.documentElement.getAttribute("lang"), "fr");
    assert.match(
      page.querySelector("main p")?.textContent ?? "",
      /est désormais à cette adresse\u00A0: https:\/\/www\.nouslesgeeks\.fr\/le-smo\/\.$/,
    );
    assert.ok(existsSync(out("2010/07/22/café/index.html")), "a non-ASCII alias's page, at its decoded path");
    assert.ok(existsSync(out("2012/03/billet-5/index.html")));
    assert.equal(
      readFileSync(out("index.html"), "utf8").includes('http-equiv="refresh"'),
      false,
      "the home page is left alone",
    );
  });

  it("sends every alias to its post through _redirects, with one rule a year for dated permalinks", () => {
    const redirects = readFileSync(out("_redirects"), "utf8");
    for (const [alias, target] of EXPECTED) {
      if (alias.includes("?")) continue;
      assert.equal(netlifyTarget(redirects, alias), target, alias);
    }
    const lines = redirects.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
    assert.ok(
      lines.includes("/2010/:month/:day/:slug/ /:slug/ 301"),
      "2010's two dated aliases make one rule",
    );
    assert.ok(
      lines.includes("/2011/01/05/billet-4/ /billet-4/ 301"),
      "a year's only dated alias stays a line",
    );
    assert.ok(
      lines.includes("/2010/07/22/caf%C3%A9/ /cafe/ 301") && lines.includes("/2010/07/22/café/ /cafe/ 301"),
      "both forms",
    );
    assert.equal(
      lines.some((line) => line.startsWith("/2010/07/21/")),
      false,
    );
    assert.equal(
      lines.some((line) => line.includes("?")),
      false,
      "?p= is nginx's alone",
    );
    for (const [path, target] of [
      ["/tag/seo/", "/tags/seo/"],
      ["/category/web/", "/tags/web/"],
      ["/feed/", "/feed.xml"],
      ["/le-smo/comment-page-2/", "/le-smo/"],
    ])
      assert.equal(netlifyTarget(redirects, path ?? ""), target, path);
    // Static lines before the rules with placeholders (Cloudflare counts every line after the first).
    const firstDynamic = lines.findIndex((line) => line.includes(":"));
    assert.ok(
      lines.slice(firstDynamic).every((line) => /:[a-z]/.test(line.split(" ")[0] ?? "")),
      lines.join("\n"),
    );
    // No rule hides a page of the site.
    for (const path of ["/le-smo/", "/tags/", "/tags/x/page/2/", "/billet-3/"])
      assert.equal(netlifyTarget(redirects, path), undefined, path);
  });

  it("sends every alias, ?p= ones included, to its post through nginx's map", () => {
    const conf = readFileSync(out("redirects.nginx.conf"), "utf8");
    assert.match(
      conf,
      /^# {5}if \(\$redirect_www_nouslesgeeks_fr\) \{ return 301 \$redirect_www_nouslesgeeks_fr; \}$/m,
    );
    for (const [address, target] of NGINX_CASES) {
      const [path = "", query] = address.split("?");
      assert.equal(nginxTarget(conf, decodeURIComponent(path), query?.slice(2)), target, address);
    }
  });

  it(
    "nginx itself, configured as the README says, answers each alias with a 301 to its post",
    { skip: nginxSkip() },
    async () => {
      const port = await freePort();
      const nginx = await startNginx(
        readmeStaticNginxConfig(out("redirects.nginx.conf"), fixture.build.outputDir, port),
        port,
      );
      try {
        for (const [address, target] of NGINX_CASES) {
          const answer = await fetch(`${nginx.url}${address}`, { redirect: "manual" });
          if (target === undefined) assert.notEqual(answer.status, 301, address);
          else {
            assert.equal(answer.status, 301, address);
            assert.equal(new URL(answer.headers.get("location") ?? "", nginx.url).pathname, target, address);
          }
        }
        assert.equal((await fetch(`${nginx.url}/le-smo/`)).status, 200);
        const missing = await fetch(`${nginx.url}/pas-ici/`);
        assert.equal(missing.status, 404);
        assert.equal(await missing.text(), readFileSync(out("404.html"), "utf8"), "the site's own 404 page");
      } finally {
        await nginx.stop();
      }
    },
  );

  it("writes valid redirect pages whose links all resolve", async () => {
    const config = JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    for (const path of ["2010/07/21/le-smo/index.html", "2010/07/22/café/index.html"]) {
      const report = await validator.validateString(readFileSync(out(path), "utf8"), path);
      assert.deepEqual(
        report.results.flatMap((result) =>
          result.messages.map((m) => `${path}:${m.line}: ${m.ruleId}: ${m.message}`),
        ),
        [],
      );
    }
    assert.deepEqual(findBrokenLinks(fixture.build.outputDir), []);
  });

  it("writes no redirect page on Netlify or Cloudflare Pages, whose _redirects answers with a 301", () => {
    for (const env of [{ NETLIFY: "true" }, { CF_PAGES: "1" }]) {
      const build = buildSite({ projectDir: fixture.project, env });
      try {
        assert.equal(build.status, 0, build.stderr);
        assert.equal(existsSync(join(build.outputDir, "2010/07/21/le-smo/index.html")), false);
        assert.equal(
          readFileSync(join(build.outputDir, "_redirects"), "utf8"),
          readFileSync(out("_redirects"), "utf8"),
        );
      } finally {
        removeDir(build.outputDir);
      }
    }
  });
});

describe("aliases that cannot be", () => {
  it("stop the build, one line each naming both files: another page's address, a reserved address, another post's alias", () => {
    const project = temporaryProject({
      "content/posts/premier/index.md": postFile(
        "Premier",
        aliases("/commun/", "/second/", "/tags/seo/", "/troisieme/"),
      ),
      "content/posts/second/index.md": postFile("Second", aliases("/commun/", "/second/")),
      // A post without aliases has its address all the same.
      "content/posts/troisieme/index.md": postFile("Troisième"),
    });
    const build = buildSite({ projectDir: project });
    try {
      assert.equal(build.status, 1);
      assert.match(
        build.stderr,
        /^content\/posts\/premier\/index\.md: aliases: "\/second\/" is the address of content\/posts\/second\/index\.md/m,
      );
      assert.match(
        build.stderr,
        /^content\/posts\/premier\/index\.md: aliases: "\/tags\/seo\/" is an address the site keeps for its own pages: \/tags\//m,
      );
      assert.match(
        build.stderr,
        /^content\/posts\/second\/index\.md: aliases: "\/commun\/" is also an alias of content\/posts\/premier\/index\.md/m,
      );
      assert.match(
        build.stderr,
        /^content\/posts\/premier\/index\.md: aliases: "\/troisieme\/" is the address of content\/posts\/troisieme\/index\.md/m,
      );
      // check:content reports the same lines, before any build.
      const check = runScript(project, "check:content", []);
      assert.equal(check.status, 1, check.stderr);
      const aliasLines = (output: string) =>
        output.split("\n").filter((line) => line.includes(": aliases: "));
      assert.equal(aliasLines(build.stderr).length, 5, build.stderr);
      assert.deepEqual(aliasLines(check.stderr), aliasLines(build.stderr));
    } finally {
      removeDir(project);
      removeDir(build.outputDir);
    }
  });
});

// What a deploy needs from a build: a site that works under a sub-path (--pathprefix or
// PATH_PREFIX, as on GitHub Pages), absolute URLs from SITE_URL (staging vs production),
// and byte-identical output for the same sources, so deploys upload only what changed.
import assert from "node:assert/strict";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { findBrokenLinks } from "../helpers/link-check.ts";
import {
  buildSite,
  builtFiles,
  postFile,
  readPage,
  removeDir,
  temporaryDir,
  temporaryProject,
  writeFiles,
  type BuildResult,
} from "../helpers/site.ts";

const SEED_URL = "le-smo-le-nouveau-community-management/";

/** Every absolute URL of the site (canonical, Open Graph, JSON-LD, feeds, sitemap) in every built file. */
function absoluteSiteUrls(outputDir: string, origin: string): { file: string; url: string }[] {
  const pattern = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^"'<>\\s&]*`, "g");
  return builtFiles(outputDir).flatMap((file) =>
    [...readFileSync(join(outputDir, file), "utf8").matchAll(pattern)].map((match) => ({
      file,
      url: match[0],
    })),
  );
}

/** The built file (one of `files`) an absolute URL under `siteUrl` points to, or undefined. */
function fileOfUrl(files: ReadonlySet<string>, siteUrl: string, url: string): string | undefined {
  if (!url.startsWith(siteUrl)) return undefined;
  const path = new URL(url).pathname.slice(new URL(siteUrl).pathname.length);
  const candidate = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  return files.has(candidate) ? candidate : undefined;
}

function assertEveryAbsoluteUrlResolves(build: BuildResult, origin: string, siteUrl: string): void {
  const urls = absoluteSiteUrls(build.outputDir, origin);
  assert.ok(
    urls.some(({ file }) => file === "sitemap.xml"),
    "the sitemap has absolute URLs",
  );
  assert.ok(
    urls.some(({ file }) => file === "feed.xml"),
    "the feed has absolute URLs",
  );
  const files = new Set(builtFiles(build.outputDir));
  for (const { file, url } of urls)
    assert.ok(fileOfUrl(files, siteUrl, url), `${file}: ${url} is not a page of the site under ${siteUrl}`);
}

describe("a build under a path prefix", () => {
  const builds: Record<string, BuildResult> = {};
  before(() => {
    builds.option = buildSite({ args: ["--pathprefix=/blog/"] });
    builds.env = buildSite({ env: { PATH_PREFIX: "/blog/" } });
    for (const build of Object.values(builds)) assert.equal(build.status, 0, build.stderr);
  });
  after(() => Object.values(builds).forEach((build) => removeDir(build.outputDir)));

  for (const how of ["option", "env"]) {
    it(`(${how === "option" ? "--pathprefix=/blog/" : "PATH_PREFIX=/blog/"}) has no broken link, asset or fragment`, () => {
      const build = builds[how];
      assert.ok(build);
      assert.deepEqual(
        findBrokenLinks(build.outputDir, {
          pathPrefix: "/blog/",
          siteUrl: "https://www.nouslesgeeks.fr/blog/",
        }),
        [],
      );
      const page = readPage(build.outputDir, `/${SEED_URL}`);
      assert.equal(
        page.querySelector('link[rel="stylesheet"]')?.getAttribute("href"),
        "/blog/assets/site.css",
      );
      assert.equal(
        page.querySelector('link[type="application/atom+xml"]')?.getAttribute("href"),
        "/blog/feed.xml",
      );
    });
  }

  it("puts every canonical, feed and sitemap URL under the prefix", () => {
    const build = builds.option;
    assert.ok(build);
    const canonical = readPage(build.outputDir, `/${SEED_URL}`)
      .querySelector('link[rel="canonical"]')
      ?.getAttribute("href");
    assert.equal(canonical, `https://www.nouslesgeeks.fr/blog/${SEED_URL}`);
    const sitemap = readFileSync(join(build.outputDir, "sitemap.xml"), "utf8");
    assert.match(sitemap, new RegExp(`<loc>https://www\\.nouslesgeeks\\.fr/blog/${SEED_URL}</loc>`));
    const feed = readFileSync(join(build.outputDir, "feed.xml"), "utf8");
    assert.match(feed, /<link href="https:\/\/www\.nouslesgeeks\.fr\/blog\/feed\.xml" rel="self" \/>/);
    assert.match(feed, new RegExp(`<link href="https://www\\.nouslesgeeks\\.fr/blog/${SEED_URL}" />`));
    assertEveryAbsoluteUrlResolves(build, "https://www.nouslesgeeks.fr", "https://www.nouslesgeeks.fr/blog/");
  });

  it("builds the same files whichever way the prefix is given", () => {
    const [option, env] = [builds.option, builds.env];
    assert.ok(option && env);
    assert.deepEqual(builtFiles(env.outputDir), builtFiles(option.outputDir));
    for (const file of builtFiles(option.outputDir))
      assert.ok(
        readFileSync(join(option.outputDir, file)).equals(readFileSync(join(env.outputDir, file))),
        file,
      );
  });
});

describe("a build with SITE_URL", () => {
  let build: BuildResult;
  before(() => {
    build = buildSite({ env: { SITE_URL: "https://staging.example.org" } });
    assert.equal(build.status, 0, build.stderr);
  });
  after(() => removeDir(build.outputDir));

  it("takes every absolute URL from it: canonical, Open Graph, feeds, sitemap", () => {
    assertEveryAbsoluteUrlResolves(build, "https://staging.example.org", "https://staging.example.org/");
    const page = readPage(build.outputDir, `/${SEED_URL}`);
    assert.equal(
      page.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      `https://staging.example.org/${SEED_URL}`,
    );
    const built = builtFiles(build.outputDir).filter((file) => /\.(html|xml)$/.test(file));
    for (const file of built)
      assert.doesNotMatch(
        readFileSync(join(build.outputDir, file), "utf8"),
        /https:\/\/www\.nouslesgeeks\.fr/,
        file,
      );
  });
});

describe("a plain build", () => {
  let first: BuildResult;
  let second: BuildResult;
  before(() => {
    first = buildSite();
    second = buildSite();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.status, 0, second.stderr);
  });
  after(() => [first, second].forEach((build) => removeDir(build.outputDir)));

  it("is reproducible: byte-identical files for the same sources", () => {
    const files = builtFiles(first.outputDir);
    assert.ok(files.length > 3);
    assert.deepEqual(builtFiles(second.outputDir), files);
    const different = files.filter(
      (file) => !readFileSync(join(first.outputDir, file)).equals(readFileSync(join(second.outputDir, file))),
    );
    assert.deepEqual(different, []);
  });

  it("tells hosts that read _headers (Netlify, Cloudflare Pages) how long to cache /assets/*", () => {
    const headers = readFileSync(join(first.outputDir, "_headers"), "utf8");
    assert.match(headers, /^\/assets\/\*\n {2}Cache-Control: public, max-age=\d+/m);
  });
});

describe("a blog whose only post is a draft", () => {
  it("still has a home page, an empty feed, and builds byte-identical files", () => {
    const project = temporaryProject({
      "content/posts/brouillon/index.md": postFile("Brouillon", "draft: true\n"),
    });
    const first = buildSite({ projectDir: project });
    const second = buildSite({ projectDir: project });
    try {
      assert.equal(first.status, 0, first.stderr);
      assert.equal(second.status, 0, second.stderr);
      assert.match(
        readPage(first.outputDir, "/").querySelector("main")?.textContent ?? "",
        /Aucun article pour l’instant/,
      );
      assert.doesNotMatch(readFileSync(join(first.outputDir, "feed.xml"), "utf8"), /<entry>/);
      const files = builtFiles(first.outputDir);
      assert.deepEqual(builtFiles(second.outputDir), files);
      assert.deepEqual(
        files.filter(
          (file) =>
            !readFileSync(join(first.outputDir, file)).equals(readFileSync(join(second.outputDir, file))),
        ),
        [],
      );
    } finally {
      [project, first.outputDir, second.outputDir].forEach(removeDir);
    }
  });
});

describe("a one-off build's output folder", () => {
  it("inside the project, is emptied first: no page of a deleted post or of a draft the dev server wrote is left to deploy", () => {
    const project = temporaryProject({
      "content/posts/publie/index.md": postFile("Publié"),
      "content/posts/brouillon/index.md": postFile("Brouillon", "draft: true\n"),
      // What `npm start` and an earlier build left there.
      "_site/brouillon/index.html": "<p>Brouillon</p>",
      "_site/ancien-article/index.html": "<p>Supprimé</p>",
      "_site/ancien-article/commentaires.xml": "<feed/>",
    });
    const build = buildSite({ projectDir: project, outputDir: join(project, "_site") });
    try {
      assert.equal(build.status, 0, build.stderr);
      const files = builtFiles(build.outputDir);
      assert.ok(files.includes("publie/index.html"), files.join(", "));
      assert.deepEqual(
        files.filter((file) => /brouillon|ancien-article/.test(file)),
        [],
      );
    } finally {
      removeDir(project);
    }
  });

  it("is left as it is, with a warning, when _site/ is a link, and by a dry run", () => {
    const project = temporaryProject({
      "content/posts/publie/index.md": postFile("Publié"),
      "ailleurs/notes.txt": "pas à nous",
      "_site/ancien/index.html": "ancien",
    });
    try {
      const dryRun = buildSite({
        projectDir: project,
        outputDir: join(project, "_site"),
        args: ["--dryrun"],
      });
      assert.equal(dryRun.status, 0, dryRun.stderr);
      assert.equal(readFileSync(join(project, "_site/ancien/index.html"), "utf8"), "ancien");

      removeDir(join(project, "_site"));
      symlinkSync(join(project, "ailleurs"), join(project, "_site"), "dir");
      const linked = buildSite({ projectDir: project, outputDir: join(project, "_site") });
      assert.equal(linked.status, 0, linked.stderr);
      assert.match(linked.stderr, /_site\/ was not emptied before the build \(it is a symbolic link\)/);
      assert.equal(readFileSync(join(project, "ailleurs/notes.txt"), "utf8"), "pas à nous");
    } finally {
      removeDir(project);
    }
  });

  it("elsewhere, is left as it is: only what the build writes changes there", () => {
    const project = temporaryProject({ "content/posts/publie/index.md": postFile("Publié") });
    const outputDir = temporaryDir("outside");
    writeFiles(outputDir, { "notes.txt": "pas à nous" });
    const build = buildSite({ projectDir: project, outputDir });
    try {
      assert.equal(build.status, 0, build.stderr);
      assert.equal(readFileSync(join(outputDir, "notes.txt"), "utf8"), "pas à nous");
      assert.ok(builtFiles(outputDir).includes("publie/index.html"));
    } finally {
      [project, outputDir].forEach(removeDir);
    }
  });
});

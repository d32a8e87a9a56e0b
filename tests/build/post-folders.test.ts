// A post's address is its folder's name (src/content/post-dirs.ts), whatever its title
// says: a title with markup or a corrected typo moves no page. Folders set aside with "_"
// are left alone by check:content and the build alike; a folder whose name is no address,
// or another page's, is refused by both with one line, in process and in the worker.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { isIgnoredPostFolder, postFolderFault } from "../../src/content/post-dirs.ts";
import { RESERVED_ADDRESSES } from "../../src/site/reserved-addresses.ts";
import { runScript } from "../helpers/run-script.ts";
import {
  buildSite,
  postFile,
  readPage,
  removeDir,
  temporaryProject,
  writeFiles,
  type BuildResult,
} from "../helpers/site.ts";

const SEED = "le-smo-le-nouveau-community-management";
const HOSTILE_TITLE = "Essai de sécurité <b>gras</b> & co";
const CORRECTED_TITLE = "Le SMO, le nouveau community management";

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

/**
 * The seed with its title corrected, a post whose title holds markup, a folder named with
 * a date, a draft set aside in _brouillon/ (a broken comment in it), and enough posts for
 * a second home page.
 */
function projectOfStableAddresses(): string {
  const project = temporaryProject("seed");
  dirs.push(project);
  const seedFile = join(project, "content/posts", SEED, "index.md");
  writeFileSync(
    seedFile,
    readFileSync(seedFile, "utf8").replace(/^title: .*$/m, `title: "${CORRECTED_TITLE}"`),
  );
  writeFiles(project, {
    ...Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `content/posts/billet-${i + 1}/index.md`,
        postFile(`Billet numéro ${i + 1}`),
      ]),
    ),
    "content/posts/essai-de-securite/index.md": postFile(HOSTILE_TITLE),
    "content/posts/2024-03-01-bilan/index.md": postFile("Bilan du mois"),
    "content/posts/_brouillon/index.md": postFile("Brouillon mis de côté"),
    "content/posts/_brouillon/comments/1.md": "pas de front matter\n",
  });
  return project;
}

/** Post folders whose names are refused, beside a valid post. */
function projectOfRefusedFolders(): string {
  const project = temporaryProject({
    "content/posts/un-article/index.md": postFile("Un article"),
    "content/posts/Mon Billet/index.md": postFile("Mon Billet"),
    "content/posts/été/index.md": postFile("Été"),
    "content/posts/page/index.md": postFile("Page"),
  });
  dirs.push(project);
  return project;
}

const REFUSALS = [
  /^content\/posts\/Mon Billet: folder: "Mon Billet" cannot be a post's address .*; rename it to content\/posts\/mon-billet$/m,
  /^content\/posts\/été: folder: "été" cannot be a post's address .*; rename it to content\/posts\/ete$/m,
  /^content\/posts\/page: folder: "page" cannot be a post's address: \/page\/ is already that of the home page's next pages.*; rename the folder$/m,
];

describe("npm run check:content and post folders", () => {
  it("passes folders that differ from their titles' slugs, and leaves _brouillon/ unread", () => {
    const result = runScript(projectOfStableAddresses(), "check:content", []);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^13 posts, 11 comments checked: 0 errors, 0 warnings$/m);
    assert.doesNotMatch(result.stdout + result.stderr, /brouillon/);
  });
  it("refuses a folder named otherwise than an address, or with another page's address, one line each", () => {
    const result = runScript(projectOfRefusedFolders(), "check:content", []);
    assert.equal(result.status, 1, result.stderr);
    for (const refusal of REFUSALS) assert.match(result.stderr, refusal);
    assert.match(result.stderr, /^4 posts, 0 comments checked: 3 errors, 0 warnings$/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });
});

for (const worker of ["never", "always"]) {
  describe(`a build whose post folders differ from their titles (COMMENTS_WORKER=${worker})`, () => {
    let build: BuildResult;
    before(() => {
      build = buildSite({ projectDir: projectOfStableAddresses(), env: { COMMENTS_WORKER: worker } });
      dirs.push(build.outputDir);
      assert.equal(build.status, 0, build.stderr);
    });

    it("puts each post at its folder's address, its title escaped on the page", () => {
      const page = readPage(build.outputDir, "/essai-de-securite/");
      assert.equal(page.querySelector("h1")?.textContent, HOSTILE_TITLE);
      assert.equal(page.querySelector("h1 b"), null);
      assert.match(page.querySelector("title")?.textContent ?? "", /^Essai de sécurité <b>gras<\/b> & co – /);
      assert.equal(page.querySelector('meta[property="og:title"]')?.getAttribute("content"), HOSTILE_TITLE);
      assert.doesNotMatch(
        readFileSync(join(build.outputDir, "essai-de-securite/index.html"), "utf8"),
        /<b>gras/,
      );
      assert.ok(existsSync(join(build.outputDir, "essai-de-securite/commentaires.xml")));
    });
    it("keeps a date at the start of a folder's name in its address", () => {
      assert.equal(
        readPage(build.outputDir, "/2024-03-01-bilan/").querySelector("h1")?.textContent,
        "Bilan du mois",
      );
    });
    it("leaves the seed where it was when its title is corrected", () => {
      const page = readPage(build.outputDir, `/${SEED}/`);
      assert.equal(page.querySelector("h1")?.textContent, CORRECTED_TITLE);
      assert.equal(page.querySelectorAll('li[id^="comment-"]').length, 11);
      assert.ok(
        !readdirSync(build.outputDir).some((name) =>
          name.startsWith("le-smo-le-nouveau-community-management-"),
        ),
      );
    });
    it("links the home page and the sitemap to the folders' addresses", () => {
      const hrefs = [readPage(build.outputDir, "/"), readPage(build.outputDir, "/page/2/")].flatMap((home) =>
        [...home.querySelectorAll("h2 a")].map((a) => a.getAttribute("href")),
      );
      for (const url of ["/essai-de-securite/", "/2024-03-01-bilan/", `/${SEED}/`])
        assert.ok(hrefs.includes(url), url);
      assert.match(
        readFileSync(join(build.outputDir, "sitemap.xml"), "utf8"),
        /\/essai-de-securite\/<\/loc>/,
      );
    });
    it("builds nothing of _brouillon/ and does not trip on it", () => {
      assert.ok(!readdirSync(build.outputDir).some((name) => name.includes("brouillon")));
      assert.doesNotMatch(
        readFileSync(join(build.outputDir, "index.html"), "utf8") +
          readFileSync(join(build.outputDir, "page/2/index.html"), "utf8"),
        /Brouillon mis de côté/,
      );
    });
    it("gives no post an address the site's own pages use: every root name is a post's, reserved, or no folder name", () => {
      const roots = readdirSync(build.outputDir);
      assert.ok(roots.includes("page") && roots.includes("assets"), roots.join(", "));
      for (const name of roots) {
        // Every post page has its comment feed beside it.
        const isPost = existsSync(join(build.outputDir, name, "commentaires.xml"));
        const kept =
          RESERVED_ADDRESSES.has(name) ||
          isIgnoredPostFolder(name) ||
          postFolderFault(name)?.kind === "unusable";
        assert.ok(
          isPost || kept,
          `/${name} is taken by a page of the site: add "${name}" to src/site/reserved-addresses.ts`,
        );
      }
    });
  });

  describe(`a build with refused post folders (COMMENTS_WORKER=${worker})`, () => {
    it("stops before Eleventy renders, one line per folder, no stack trace, no page written", () => {
      const result = buildSite({
        projectDir: projectOfRefusedFolders(),
        env: { DEBUG: "", COMMENTS_WORKER: worker },
      });
      dirs.push(result.outputDir);
      assert.notEqual(result.status, 0);
      for (const refusal of REFUSALS) assert.match(result.stderr, refusal);
      assert.match(result.stderr, /3 problems in the content/);
      assert.doesNotMatch(result.stderr, /\n\s+at |DuplicatePermalink/, "no stack trace");
      assert.ok(!existsSync(join(result.outputDir, "un-article/index.html")));
    });
  });
}

// The one definition of a post folder (src/content/post-dirs.ts): which names are posts,
// which are left alone, which are refused and with what name to use instead, and which
// addresses the site's own pages keep for themselves.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  ignoredPostFolderGlobs,
  isIgnoredPostFolder,
  isPostFolderName,
  listPostDirs,
  postFolderFault,
  postFolderProblem,
} from "../../src/content/post-dirs.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { RESERVED_ADDRESSES } from "../../src/site/reserved-addresses.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

describe("a post folder's name", () => {
  it("is lower-case ASCII letters, digits and hyphens, starting with a letter or a digit", () => {
    for (const name of [
      "le-smo-le-nouveau-community-management",
      "essai-de-securite",
      "2024-03-01-bilan",
      "a",
      "0",
      "404-erreurs",
      "fin-",
    ]) {
      assert.equal(postFolderFault(name), undefined, name);
      assert.ok(isPostFolderName(name), name);
    }
  });
  it("starting with . or _ is no post, and no refusal either", () => {
    for (const name of ["_brouillon", "_", ".git", ".cache"]) {
      assert.ok(isIgnoredPostFolder(name), name);
      assert.equal(isPostFolderName(name), false, name);
    }
    assert.equal(postFolderProblem("content/posts/_brouillon", "."), undefined);
    assert.equal(isIgnoredPostFolder("brouillon_"), false);
  });
  it("of any other form is refused, with the name to use: the folder's own name made an address", () => {
    assert.deepEqual(postFolderFault("Mon Billet"), { kind: "unusable", suggestion: "mon-billet" });
    assert.deepEqual(postFolderFault("été"), { kind: "unusable", suggestion: "ete" });
    assert.deepEqual(postFolderFault("-tiret"), { kind: "unusable", suggestion: "tiret" });
    assert.deepEqual(postFolderFault("mon_billet"), { kind: "unusable", suggestion: "monbillet" });
    assert.deepEqual(postFolderFault("Le SMO, le nouveau Community Management ?"), {
      kind: "unusable",
      suggestion: "le-smo-le-nouveau-community-management",
    });
  });
  it("is refused without a suggestion when its address would be empty or another page's", () => {
    assert.deepEqual(postFolderFault("日本"), { kind: "unusable" });
    assert.deepEqual(postFolderFault("Page"), { kind: "unusable" });
  });
  it("is refused when the site's own pages have its address", () => {
    for (const name of ["page", "assets", "tags", "404"]) {
      const fault = postFolderFault(name);
      assert.equal(fault?.kind, "reserved", name);
      assert.equal(isPostFolderName(name), false, name);
    }
  });
});

describe("the refusal of a post folder", () => {
  it("is one line naming the folder, the field and the name to use", () => {
    const mistake = postFolderProblem("/site/content/posts/Mon Billet", "/site");
    assert.ok(mistake);
    assert.match(
      formatProblem(mistake),
      /^content\/posts\/Mon Billet: folder: "Mon Billet" cannot be a post's address .*lower-case letters a-z, digits and hyphens.*; rename it to content\/posts\/mon-billet$/,
    );
    assert.match(
      formatProblem(postFolderProblem("/site/content/posts/été", "/site") ?? assert.fail()),
      /^content\/posts\/été: folder: .*rename it to content\/posts\/ete$/,
    );
  });
  it("says which page has a reserved address", () => {
    const taken = postFolderProblem("/site/content/posts/page", "/site");
    assert.ok(taken);
    assert.match(
      formatProblem(taken),
      /^content\/posts\/page: folder: "page" cannot be a post's address: \/page\/ is already that of the home page's next pages, \/page\/2\/ .*content\/index\.11ty\.js.*; rename the folder$/,
    );
    assert.equal(postFolderProblem("/site/content/posts/essai-de-securite", "/site"), undefined);
  });
  it("names what takes each reserved address", () => {
    for (const [name, takenBy] of RESERVED_ADDRESSES)
      assert.match(takenBy, /\((content\/|the passthrough copy)|kept for them/, name);
  });
});

describe("listPostDirs", () => {
  const root = temporaryDir("post-dirs");
  after(() => removeDir(root));

  it("lists every folder but the ignored ones, refused names included so that the checks report them", () => {
    for (const name of ["b-post", "a-post", "Mon Billet", "page", "_brouillon", ".git"])
      mkdirSync(join(root, "content/posts", name), { recursive: true });
    writeFileSync(join(root, "content/posts/posts.11tydata.js"), "export default {};\n");
    const names = listPostDirs(join(root, "content")).map((dir) =>
      dir.slice(join(root, "content/posts/").length),
    );
    assert.deepEqual(names, ["Mon Billet", "a-post", "b-post", "page"]);
  });
  it("is empty without a posts folder", () => assert.deepEqual(listPostDirs(join(root, "nowhere")), []));
});

describe("ignoredPostFolderGlobs", () => {
  it("gives Eleventy the same folders to ignore", () =>
    assert.deepEqual(ignoredPostFolderGlobs("content/posts"), [
      "content/posts/.*/**",
      "content/posts/_*/**",
    ]));
});

// Folders and old addresses of imported posts and pages.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliasesOf } from "../../src/wordpress-import/aliases.ts";
import { folderName } from "../../src/wordpress-import/folder-names.ts";

describe("folderName", () => {
  it("decodes the slug and folds its accents", () => {
    assert.deepEqual(folderName("%c3%a9t%c3%a9-a-noel", "", "12", "post").name, "ete-a-noel");
    assert.deepEqual(folderName("le-smo", "", "10", "post"), { name: "le-smo" });
  });

  it("names a slug that comes out empty, or that is the site's own address, after the item's id", () => {
    assert.equal(folderName("%e4%b8%ad%e6%96%87", "中文标题", "11", "post").name, "post-11");
    assert.equal(folderName("tags", "", "7", "post").name, "post-7");
    assert.equal(folderName("", "中文", "21", "page").name, "page-21");
  });

  it("takes the title of an item that has no slug yet", () => {
    assert.equal(folderName("", "L’été à Noël", "16", "post").name, "l-ete-a-noel");
  });
});

describe("aliasesOf", () => {
  it("keeps the link's path, each old slug's, and /?p=<ID>, but not the new address", () => {
    assert.deepEqual(
      aliasesOf(
        { id: "10", link: "http://www.exemple.fr/2010/07/21/le-smo/", name: "le-smo", oldSlugs: ["ancien"] },
        "/le-smo/",
      ),
      ["/2010/07/21/ancien/", "/2010/07/21/le-smo/", "/?p=10"],
    );
    assert.deepEqual(
      aliasesOf({ id: "20", link: "http://x.fr/a-propos/", name: "a-propos", oldSlugs: [] }, "/a-propos/"),
      ["/?p=20"],
    );
  });

  it("keeps a non-ASCII path decoded and percent-encoded", () => {
    const aliases = aliasesOf(
      { id: "11", link: "http://x.fr/%e4%b8%ad/", name: "%e4%b8%ad", oldSlugs: [] },
      "/post-11/",
    );
    assert.deepEqual(aliases, ["/%E4%B8%AD/", "/%e4%b8%ad/", "/?p=11", "/中/"]);
  });

  it("never percent-encodes a query", () => {
    assert.deepEqual(aliasesOf({ id: "15", link: "http://x.fr/?p=15", name: "", oldSlugs: [] }, "/b/"), [
      "/?p=15",
    ]);
  });
});

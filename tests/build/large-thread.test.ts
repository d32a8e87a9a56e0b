// A post with 5,000 comment files, among them a reply chain 50 levels deep, builds, and
// every comment is on its page exactly once (the depth cap flattens the chain, never
// drops it).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildFixture, commentFile, postFile, readPage, type BuiltFixture } from "../helpers/site.ts";

const COMMENTS = 5000;
const CHAIN = 50;

function dateOf(index: number): string {
  const date = new Date(Date.UTC(2024, 2, 2, 9, 0, 0) + index * 60_000);
  return date.toISOString().replace(".000Z", "Z");
}

describe("a post with 5,000 comments and a 50-level chain", () => {
  let fixture: BuiltFixture;
  before(() => {
    const files: Record<string, string> = { "content/posts/un-article/index.md": postFile("Un article") };
    for (let i = 1; i <= COMMENTS; i++) {
      // Comments 1..50 form one chain; the rest answer a comment of the chain or nobody.
      const parent =
        i <= CHAIN ? (i > 1 ? String(i - 1) : undefined) : i % 4 === 0 ? undefined : String(1 + (i % CHAIN));
      const fields: Record<string, string> = { author: `Lecteur ${i}`, date: dateOf(i) };
      if (parent) fields.parent = `"${parent}"`;
      files[`content/posts/un-article/comments/${i}.md`] = commentFile(fields, `Commentaire **${i}**.`);
    }
    fixture = buildFixture(files);
  });
  after(() => fixture?.remove());

  it("renders every comment exactly once", () => {
    const page = readPage(fixture.build.outputDir, "/un-article/");
    const ids = [...page.querySelectorAll("#comments li[id^='comment-']")].map((li) => li.id);
    assert.equal(ids.length, COMMENTS);
    assert.equal(new Set(ids).size, COMMENTS);
    assert.match(page.querySelector("#comments h2")?.textContent ?? "", /^5\u202F000 réflexions/);
  });

  it("nests the chain five levels deep, then shows the rest at the fifth level", () => {
    const page = readPage(fixture.build.outputDir, "/un-article/");
    const depth = (id: number) => {
      let level = 0;
      for (let node = page.getElementById(`comment-${id}`)?.parentElement; node; node = node.parentElement)
        if (node.tagName === "OL") level++;
      return level;
    };
    assert.deepEqual([1, 2, 5, 6, 50].map(depth), [1, 2, 5, 5, 5]);
    assert.match(
      page.querySelector("#comment-50 .comment-reply-to")?.textContent ?? "",
      /en réponse à Lecteur 49/,
    );
  });
});

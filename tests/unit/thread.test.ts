import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkReplies } from "../../src/comments/check-replies.ts";
import { displayThread, type DisplayItem } from "../../src/comments/display-thread.ts";
import { renderCommentsSection } from "../../src/comments/render-section.ts";
import { buildThread, type ThreadNode } from "../../src/comments/thread.ts";
import { aComment } from "../helpers/comments.ts";

function shape(nodes: ThreadNode[]): unknown[] {
  return nodes.map((node) =>
    node.replies.length ? [node.comment.id, shape(node.replies)] : node.comment.id,
  );
}
function layout(items: DisplayItem[]): unknown[] {
  return items.map((item) =>
    item.children.length
      ? [`${item.node.comment.id}@${item.level}`, layout(item.children)]
      : `${item.node.comment.id}@${item.level}`,
  );
}

describe("buildThread", () => {
  it("nests replies under their parents and orders siblings by date", () => {
    const roots = buildThread([
      aComment("b", "2010-07-22T10:00:00+02:00"),
      aComment("a", "2010-07-21T10:00:00+02:00"),
      aComment("a2", "2010-07-23T10:00:00+02:00", "a"),
      aComment("a1", "2010-07-22T09:00:00+02:00", "a"),
      aComment("a11", "2010-07-24T10:00:00+02:00", "a1"),
    ]);
    assert.deepEqual(shape(roots), [["a", [["a1", ["a11"]], "a2"]], "b"]);
    assert.equal(roots[0]?.replies[0]?.replies[0]?.depth, 3);
    assert.equal(roots[0]?.replies[0]?.parent?.id, "a");
  });
  it("breaks ties by id, numerically", () => {
    const roots = buildThread([
      aComment("10", "2010-07-21T10:00:00Z"),
      aComment("9", "2010-07-21T10:00:00Z"),
    ]);
    assert.deepEqual(shape(roots), ["9", "10"]);
  });
  it("never drops a comment: missing parents and cycles end up at the top level", () => {
    const roots = buildThread([
      aComment("x", "2010-07-21T10:00:00Z", "nobody"),
      aComment("c1", "2010-07-22T10:00:00Z", "c2"),
      aComment("c2", "2010-07-23T10:00:00Z", "c1"),
      aComment("self", "2010-07-24T10:00:00Z", "self"),
    ]);
    assert.deepEqual(shape(roots), ["x", ["c1", ["c2"]], "self"]);
  });
});

describe("displayThread", () => {
  const chain = ["1", "2", "3", "4", "5", "6", "7"].map((id, i) =>
    aComment(id, `2010-07-2${i}T10:00:00Z`, i === 0 ? undefined : String(i)),
  );
  it("nests up to the depth cap, then shows deeper replies at the cap's level", () => {
    assert.deepEqual(layout(displayThread(buildThread(chain), 5)), [
      ["1@1", [["2@2", [["3@3", [["4@4", ["5@5", "6@5", "7@5"]]]]]]]],
    ]);
  });
  it("keeps the cap configurable", () => {
    assert.deepEqual(layout(displayThread(buildThread(chain.slice(0, 3)), 1)), ["1@1", "2@1", "3@1"]);
    assert.throws(() => displayThread([], 0), RangeError);
  });
  it("keeps depth-first order below the cap", () => {
    const comments = [
      aComment("r", "2010-07-20T10:00:00Z"),
      aComment("a", "2010-07-21T10:00:00Z", "r"),
      aComment("b", "2010-07-22T10:00:00Z", "r"),
      aComment("a1", "2010-07-23T10:00:00Z", "a"),
    ];
    assert.deepEqual(layout(displayThread(buildThread(comments), 1)), ["r@1", "a@1", "a1@1", "b@1"]);
  });
});

describe("renderCommentsSection", () => {
  it("renders a 50-level chain and 5,000 comments, every one exactly once", () => {
    const chain = Array.from({ length: 50 }, (_, i) =>
      aComment(
        String(i),
        `2010-07-21T10:${String(i).padStart(2, "0")}:00Z`,
        i === 0 ? undefined : String(i - 1),
      ),
    );
    const many = Array.from({ length: 5000 }, (_, i) =>
      aComment(`m${i}`, "2011-01-01T10:00:00Z", i % 3 === 0 ? undefined : `m${i - 1}`),
    );
    const view = renderCommentsSection([...chain, ...many], { title: "T" });
    assert.equal(view.count, 5050);
    assert.equal(view.html.match(/<li id="comment-/g)?.length, 5050);
    assert.equal(view.heading, "5\u202F050 réflexions au sujet de «\u00A0T\u00A0»");
  });
  it("escapes what comes from front matter", () => {
    const comment = aComment("1", "2010-07-21T10:00:00Z", undefined, '<img src=x onerror="alert(1)">');
    comment.url = 'https://exemple.fr/"><script>';
    const view = renderCommentsSection([comment], { title: "<b>T</b>" });
    assert.doesNotMatch(view.html, /<img|<script/);
    assert.match(view.html, /href="https:\/\/exemple.fr\/&quot;&gt;&lt;script&gt;" rel="nofollow ugc"/);
  });
  it("marks the post author's comments", () => {
    const view = renderCommentsSection([aComment("1", "2010-07-21T10:00:00Z", undefined, "David Schuster")], {
      title: "T",
      postAuthor: "David Schuster",
    });
    assert.match(view.html, /<li id="comment-1" class="[^"]*\bcomment-by-author\b/);
  });
});

describe("checkReplies", () => {
  it("reports unknown parents, self replies, cycles, duplicate and unusable ids", () => {
    const problems = checkReplies([
      aComment("1", "2010-07-21T10:00:00Z", "9"),
      aComment("2", "2010-07-21T10:00:00Z", "2"),
      aComment("3", "2010-07-21T10:00:00Z", "4"),
      aComment("4", "2010-07-21T10:00:00Z", "3"),
      aComment("5", "2010-07-21T10:00:00Z"),
      { ...aComment("5", "2010-07-21T10:00:00Z"), file: "content/posts/p/comments/5.MD" },
      aComment("a b", "2010-07-21T10:00:00Z"),
    ]);
    const lines = problems.map((p) => `${p.file}|${p.field}|${p.message}`);
    assert.ok(
      lines.some((l) => l.startsWith('content/posts/p/comments/1.md|parent|no comment "9"')),
      lines.join("\n"),
    );
    assert.ok(lines.some((l) => l.includes("2.md|parent|a comment cannot answer itself")));
    assert.ok(lines.some((l) => l.includes("|parent|replies form a cycle: 3 → 4 → 3")));
    assert.ok(
      lines.some((l) => l.includes('5.MD|file name|the id "5" (the file name without .md) is already used')),
    );
    assert.ok(lines.some((l) => l.includes('a b.md|file name|"a b" must use only')));
  });
  it("only warns about a reply dated before its parent", () => {
    const problems = checkReplies([
      aComment("1", "2010-07-22T10:00:00Z"),
      aComment("2", "2010-07-21T10:00:00Z", "1"),
    ]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.severity, "warning");
  });
  it("gives the line of the field the author wrote, read from the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-replies-"));
    try {
      const write = (id: string, frontMatter: string): string => {
        const file = join(dir, `${id}.md`);
        writeFileSync(file, `---\n${frontMatter}\n---\nTexte.\n`);
        return file;
      };
      const inFile = (comment: ReturnType<typeof aComment>, frontMatter: string) => ({
        ...comment,
        file: write(comment.id, frontMatter),
      });
      const problems = checkReplies([
        inFile(aComment("1", "2010-07-22T10:00:00Z"), "author: A\ndate: 2010-07-22T10:00:00Z"),
        inFile(
          aComment("2", "2010-07-21T10:00:00Z", "1"),
          "author: B\nurl: https://example.org/\ndate: 2010-07-21T10:00:00Z\nparent: 1",
        ),
        inFile(
          aComment("3", "2010-07-23T10:00:00Z", "99"),
          'parent: "99"\nauthor: C\ndate: 2010-07-23T10:00:00Z',
        ),
        inFile(
          aComment("4", "2010-07-23T10:00:00Z", "4"),
          'author: D\ndate: 2010-07-23T10:00:00Z\nparent: "4"',
        ),
        inFile(
          aComment("5", "2010-07-23T10:00:00Z", "6"),
          "author: E\nparent: 6\ndate: 2010-07-23T10:00:00Z",
        ),
        inFile(
          aComment("6", "2010-07-23T10:00:00Z", "5"),
          "author: F\ndate: 2010-07-23T10:00:00Z\nparent: 5",
        ),
      ]);
      const where = (id: string) =>
        problems
          .filter((p) => p.file === join(dir, `${id}.md`))
          .map((p) => `${p.line}: ${p.field}: ${p.message.split(" (")[0]}`);
      assert.deepEqual(where("2"), ["4: date: this reply is dated before the comment it answers"]);
      assert.deepEqual(where("3"), ['2: parent: no comment "99" in this post']);
      assert.deepEqual(where("4"), ["4: parent: a comment cannot answer itself"]);
      assert.deepEqual(where("5"), ["3: parent: replies form a cycle: 5 → 6 → 5"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("reads the file relative to the project it is given, not the working directory", () => {
    const project = mkdtempSync(join(tmpdir(), "check-replies-"));
    try {
      const file = "content/posts/p/comments/1.md";
      mkdirSync(join(project, "content/posts/p/comments"), { recursive: true });
      writeFileSync(
        join(project, file),
        '---\nauthor: A\ndate: 2010-07-22T10:00:00Z\nparent: "9"\n---\nTexte.\n',
      );
      const [unknown] = checkReplies([{ ...aComment("1", "2010-07-22T10:00:00Z", "9"), file }], project);
      assert.deepEqual([unknown?.file, unknown?.line, unknown?.field], [file, 4, "parent"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
  it("names the field without a line when the file cannot be read", () => {
    const [unknown] = checkReplies([aComment("1", "2010-07-21T10:00:00Z", "9")]);
    assert.deepEqual([unknown?.field, unknown?.line], ["parent", undefined]);
  });
});

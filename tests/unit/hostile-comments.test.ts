// Every body of the hostile corpus, rendered by the comment Markdown instance, is inert.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseComment } from "../../src/comments/parse-comment.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { hostileBodies } from "../fixtures/hostile.ts";
import { inertnessProblemsOfFragment } from "../helpers/inert-html.ts";

const markdown = createCommentMarkdown();
const render = (body: string) => {
  const parsed = parseComment(
    "c.md",
    "1",
    `---\nauthor: X\ndate: 2024-01-01T10:00:00+01:00\n---\n${body}\n`,
    markdown,
  );
  assert.ok(parsed.comment, JSON.stringify(parsed.problems));
  return parsed.comment.bodyHtml;
};

describe("hostile comment bodies come out inert", () => {
  for (const [name, body] of Object.entries(hostileBodies)) {
    it(name, () => {
      const html = render(body);
      assert.deepEqual(inertnessProblemsOfFragment(html), []);
      assert.doesNotMatch(html, /<(script|style|iframe|svg|img|form|object|embed|meta|base|link|math)\b/i);
      assert.doesNotMatch(html, /href="(?!https?:\/\/|mailto:|#)/i);
    });
  }
  it("shows template syntax literally", () => {
    assert.match(render(hostileBodies["nunjucks output"] ?? ""), /\{\{ 7\*7 \}\}/);
  });
  it("removes control and bidi override characters, keeps right-to-left letters and emoji", () => {
    assert.equal(render(hostileBodies["control characters"] ?? ""), "<p>abcd[31mrougee</p>\n");
    assert.doesNotMatch(render(hostileBodies["bidi override"] ?? ""), /[\u202A-\u202E\u2066-\u2069]/);
    assert.match(render(hostileBodies["emoji and right-to-left text"] ?? ""), /مرحبا بالعالم שלום 😉/);
  });
  it("the property check itself catches markup outside the allow-list", () => {
    assert.notDeepEqual(inertnessProblemsOfFragment('<p onclick="x()">a</p>'), []);
    assert.notDeepEqual(inertnessProblemsOfFragment('<a href="javascript:x()" rel="nofollow ugc">a</a>'), []);
    assert.notDeepEqual(inertnessProblemsOfFragment('<a href="https://x.fr">a</a>'), []);
    assert.notDeepEqual(inertnessProblemsOfFragment("<svg></svg>"), []);
  });
});

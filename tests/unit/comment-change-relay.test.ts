import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { postFileOfComment, relayCommentChanges } from "../../src/dev/comment-change-relay.ts";

describe("the dev server's comment change relay", () => {
  it("maps a comment file to its post, and nothing else", () => {
    assert.equal(
      postFileOfComment("/p", join("billet", "comments", "3.md")),
      join("/p", "billet", "index.md"),
    );
    assert.equal(postFileOfComment("/p", join("billet", "index.md")), undefined);
    assert.equal(postFileOfComment("/p", join("billet", "comments", "notes.txt")), undefined);
    assert.equal(postFileOfComment("/p", join("billet", "images", "a.md")), undefined);
  });

  it("maps a mention file to its post, and a page's comment or mention to its page at any depth", () => {
    assert.equal(
      postFileOfComment("/p", join("billet", "mentions", "4.md")),
      join("/p", "billet", "index.md"),
    );
    assert.equal(
      postFileOfComment("/p", join("a", "b", "comments", "1.md")),
      undefined,
      "posts are not nested",
    );
    const nested = { nested: true };
    assert.equal(
      postFileOfComment("/pages", join("a-propos", "equipe", "comments", "1.md"), nested),
      join("/pages", "a-propos", "equipe", "index.md"),
    );
    assert.equal(
      postFileOfComment("/pages", join("a-propos", "mentions", "2.md"), nested),
      join("/pages", "a-propos", "index.md"),
    );
    assert.equal(postFileOfComment("/pages", join("comments", "1.md"), nested), undefined);
    assert.equal(postFileOfComment("/pages", join("a-propos", "equipe", "index.md"), nested), undefined);
  });

  it("touches the post when one of its comments changes, after telling which post", async () => {
    const posts = mkdtempSync(join(tmpdir(), "relay-"));
    const post = join(posts, "billet", "index.md");
    mkdirSync(join(posts, "billet", "comments"), { recursive: true });
    writeFileSync(post, "---\n---\n");
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(post, past, past);
    const told: Array<{ dir: string; touched: boolean }> = [];
    const stop = relayCommentChanges(posts, 5, (dir) =>
      told.push({ dir, touched: statSync(post).mtimeMs !== past.getTime() }),
    );
    try {
      await sleep(100);
      writeFileSync(join(posts, "billet", "comments", "1.md"), "nouveau");
      const deadline = Date.now() + 5000;
      while (statSync(post).mtimeMs === past.getTime() && Date.now() < deadline) await sleep(20);
      assert.ok(statSync(post).mtimeMs > past.getTime(), "the post was touched");
      assert.deepEqual(
        told[0],
        { dir: join(posts, "billet"), touched: false },
        "told of the post's folder before the touch",
      );
    } finally {
      stop();
      rmSync(posts, { recursive: true, force: true });
    }
  });
});

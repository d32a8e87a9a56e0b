// The moderator's decisions (src/comment-server/moderation/moderate.ts) on a real SQLite
// file, published by the real Publisher into a copy of a project: approving writes one
// file, never the e-mail; a failed publication (the post's comments/ path is a file)
// keeps the comment approved with its reason, and a retry publishes it once the cause is
// fixed; refusals only change the status.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { Moderation, type ModerationOutcome } from "../../src/comment-server/moderation/moderate.ts";
import { countOf, firstLine, markLabel } from "../../src/comment-server/moderation/words.ts";
import { createPublisher, type Publisher } from "../../src/comment-server/publishing/index.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { commentFile, postFile, removeDir, temporaryDir, temporaryProject } from "../helpers/site.ts";

const GREG = commentFile({ author: "Greg", date: "2024-03-01T08:00:00+01:00" }, "Le premier commentaire.");

let folder: string;
let db: QueueDb;
let queue: CommentQueue;
let project: string;
let publisher: Publisher;
let moderation: Moderation;
let tokens = 0;

function aQueuedComment(fields: Partial<NewQueuedComment> = {}): NewQueuedComment {
  return {
    post: "un-billet",
    author: "Hélène",
    email: "helene@exemple.fr",
    text: "Merci pour cet article.",
    submittedAt: new Date("2024-03-01T09:00:00Z"),
    marks: [],
    token: `jeton-${++tokens}`,
    ...fields,
  };
}

async function queued(fields: Partial<NewQueuedComment> = {}): Promise<number> {
  return (await queue.add(aQueuedComment(fields))).id;
}

function results(outcomes: readonly ModerationOutcome[]): string[] {
  return outcomes.map((outcome) => `${outcome.id}:${outcome.result}`);
}

const commentsDir = () => join(project, "content/posts/un-billet/comments");
const commentFiles = () => readdirSync(commentsDir()).sort();
const fileText = (name: string) => readFileSync(join(commentsDir(), name), "utf8");

/** The post's comments/ path replaced by a file: no comment can be written there. */
function breakCommentsFolder(): void {
  rmSync(commentsDir(), { recursive: true });
  writeFileSync(commentsDir(), "pas un dossier");
}

function repairCommentsFolder(): void {
  rmSync(commentsDir());
  mkdirSync(commentsDir());
  writeFileSync(join(commentsDir(), "6.md"), GREG);
}

describe("moderation decisions", () => {
  before(async () => {
    folder = temporaryDir("moderation");
    db = await openQueueDatabase(join(folder, "comments.db"));
    queue = new CommentQueue(db);
  });
  after(async () => {
    await db.destroy();
    removeDir(folder);
  });
  beforeEach(async () => {
    await db.deleteFrom("comments").execute();
    project = temporaryProject({
      "content/posts/un-billet/index.md": postFile("Un billet"),
      "content/posts/un-billet/comments/6.md": GREG,
    });
    publisher = createPublisher({ projectRoot: project, log: () => undefined });
    moderation = new Moderation(queue, publisher);
  });
  afterEach(async () => {
    await publisher.close();
    removeDir(project);
  });

  it("approving writes the comment's file, without the e-mail, and marks it published", async () => {
    const id = await queued({ parent: "6", url: "https://exemple.fr/" });
    const outcomes = await moderation.approve([id]);
    assert.deepEqual(outcomes, [
      { id, result: "published", publishedId: "7", file: "content/posts/un-billet/comments/7.md" },
    ]);
    const text = fileText("7.md");
    assert.match(text, /^author: "?Hélène"?$/m);
    assert.match(text, /^parent: "?6"?$/m);
    assert.match(text, /^url: "?https:\/\/exemple\.fr\/"?$/m);
    assert.match(text, /Merci pour cet article\./);
    assert.doesNotMatch(text, /helene@exemple\.fr/);
    const stored = await queue.get(id);
    assert.equal(stored?.status, "published");
    assert.equal(stored?.publishedId, "7");
  });

  it("approving the same comment twice at once writes one file", async () => {
    const id = await queued();
    const [first, second] = await Promise.all([moderation.approve([id]), moderation.approve([id])]);
    assert.deepEqual(commentFiles(), ["6.md", "7.md"]);
    assert.deepEqual(results([...(first ?? []), ...(second ?? [])]), [`${id}:published`, `${id}:published`]);
  });

  it("approving again once published writes nothing more and says it was decided", async () => {
    const id = await queued();
    await moderation.approve([id]);
    assert.deepEqual(await moderation.approve([id]), [
      { id, result: "already-decided", status: "published" },
    ]);
    assert.deepEqual(commentFiles(), ["6.md", "7.md"]);
  });

  it("approves several at once, one outcome per id in the order given, unknown and repeated ids included", async () => {
    const a = await queued({ text: "Premier." });
    const b = await queued({ text: "Second." });
    const outcomes = await moderation.approve([b, 999, a, b]);
    assert.deepEqual(results(outcomes), [`${b}:published`, "999:unknown", `${a}:published`]);
    assert.match(fileText("7.md"), /Second\./);
    assert.match(fileText("8.md"), /Premier\./);
  });

  it("a failed publication keeps the comment approved with its French reason; a retry publishes it", async () => {
    const id = await queued();
    breakCommentsFolder();
    const [outcome] = await moderation.approve([id]);
    assert.equal(outcome?.result, "publish-failed");
    const failed = await queue.get(id);
    assert.equal(failed?.status, "approved");
    assert.ok(failed?.publishError && failed.publishError.length > 10, "no reason kept");
    assert.ok(outcome?.result === "publish-failed" && outcome.reason === failed.publishError);

    repairCommentsFolder();
    assert.deepEqual(results(await moderation.retryUnpublished()), [`${id}:published`]);
    assert.equal((await queue.get(id))?.status, "published");
    assert.deepEqual(commentFiles(), ["6.md", "7.md"]);
    assert.deepEqual(await moderation.retryUnpublished(), []);
  });

  it("approving a comment whose publication failed publishes it again", async () => {
    const id = await queued();
    breakCommentsFolder();
    await moderation.approve([id]);
    repairCommentsFolder();
    assert.deepEqual(results(await moderation.approve([id])), [`${id}:published`]);
  });

  it("a comment whose publication keeps failing can be refused instead; a published one cannot", async () => {
    const done = await queued({ text: "Publié." });
    await moderation.approve([done]);
    // Its post is gone: it can never be published.
    const stuck = await queued({ post: "article-disparu" });
    assert.equal((await moderation.approve([stuck]))[0]?.result, "publish-failed");
    assert.deepEqual(await moderation.reject([stuck, done]), [
      { id: stuck, result: "decided", status: "rejected" },
      { id: done, result: "already-decided", status: "published" },
    ]);
    const refused = await queue.get(stuck);
    assert.equal(refused?.status, "rejected");
    assert.equal(refused?.publishError, undefined);
    assert.deepEqual(await moderation.retryUnpublished(), []);
  });

  it("approving and refusing at once: one of them decides, and the file matches it", async () => {
    const id = await queued();
    const [approval, refusal] = await Promise.all([moderation.approve([id]), moderation.reject([id])]);
    if (refusal[0]?.result === "decided") {
      assert.deepEqual(approval, [{ id, result: "already-decided", status: "rejected" }]);
      assert.deepEqual(commentFiles(), ["6.md"]);
    } else {
      assert.deepEqual(results(approval), [`${id}:published`]);
      assert.equal(refusal[0]?.result, "already-decided");
      assert.deepEqual(commentFiles(), ["6.md", "7.md"]);
    }
  });

  it("refusing and marking as spam change only comments still waiting, and publish nothing", async () => {
    const a = await queued();
    const b = await queued();
    assert.deepEqual(await moderation.reject([a]), [{ id: a, result: "decided", status: "rejected" }]);
    assert.deepEqual(await moderation.spam([a, b, 404]), [
      { id: a, result: "already-decided", status: "rejected" },
      { id: b, result: "decided", status: "spam" },
      { id: 404, result: "unknown" },
    ]);
    assert.deepEqual(await moderation.approve([a]), [
      { id: a, result: "already-decided", status: "rejected" },
    ]);
    assert.deepEqual(commentFiles(), ["6.md"]);
  });
});

describe("moderation words", () => {
  it("names the spam marks in French", () => {
    assert.equal(markLabel("links"), "plus de 3 liens");
    assert.equal(markLabel("duplicate"), "texte en double");
  });
  it("takes the first line that is not blank, cut with an ellipsis", () => {
    assert.equal(firstLine("\n  \nBonjour à tous\nla suite", 60), "Bonjour à tous");
    assert.equal(firstLine("abcdefghij", 5), "abcd…");
    assert.equal(firstLine("😀😀😀😀😀😀", 5), "😀😀😀😀…");
  });
  it("counts in French: none and one in the singular", () => {
    assert.equal(countOf(0, "commentaire"), "0 commentaire");
    assert.equal(countOf(1, "commentaire"), "1 commentaire");
    assert.equal(countOf(2, "commentaire"), "2 commentaires");
  });
});

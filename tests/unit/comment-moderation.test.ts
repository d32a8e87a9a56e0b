// The moderator's decisions (src/comment-server/moderation/moderate.ts) on a real SQLite
// file, with a Publisher that records what it is asked to publish: approving publishes
// once, never the e-mail; a failed publication keeps the comment approved with its
// reason, and a retry publishes it; refusals only change the status.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { Moderation, type ModerationOutcome } from "../../src/comment-server/moderation/moderate.ts";
import { countOf, firstLine, markLabel } from "../../src/comment-server/moderation/words.ts";
import {
  PublishError,
  type ApprovedComment,
  type PublishedComment,
  type Publisher,
} from "../../src/comment-server/publishing/index.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

/** Publishes into memory, slowly enough that two calls overlap; fails while `failWith` is set. */
class RecordingPublisher implements Publisher {
  readonly published: ApprovedComment[] = [];
  failWith: Error | undefined;

  async publish(comment: ApprovedComment): Promise<PublishedComment> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.failWith) throw this.failWith;
    this.published.push(comment);
    const id = String(this.published.length);
    return { id, file: `content/posts/${comment.post}/comments/${id}.md`, alreadyPublished: false };
  }
  idle(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

let folder: string;
let db: QueueDb;
let queue: CommentQueue;
let publisher: RecordingPublisher;
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
    publisher = new RecordingPublisher();
    moderation = new Moderation(queue, publisher);
  });

  it("approving publishes the comment as its file will hold it, without the e-mail, and marks it published", async () => {
    const id = await queued({ parent: "6", url: "https://exemple.fr/" });
    const outcomes = await moderation.approve([id]);
    assert.deepEqual(outcomes, [
      { id, result: "published", publishedId: "1", file: "content/posts/un-billet/comments/1.md" },
    ]);
    assert.deepEqual(publisher.published, [
      {
        post: "un-billet",
        parent: "6",
        author: "Hélène",
        url: "https://exemple.fr/",
        text: "Merci pour cet article.",
        submittedAt: new Date("2024-03-01T09:00:00Z"),
      },
    ]);
    assert.doesNotMatch(JSON.stringify(publisher.published), /helene@exemple\.fr/);
    const stored = await queue.get(id);
    assert.equal(stored?.status, "published");
    assert.equal(stored?.publishedId, "1");
  });

  it("approving the same comment twice at once writes one file", async () => {
    const id = await queued();
    const [first, second] = await Promise.all([moderation.approve([id]), moderation.approve([id])]);
    assert.equal(publisher.published.length, 1);
    assert.deepEqual(results([...(first ?? []), ...(second ?? [])]), [`${id}:published`, `${id}:published`]);
  });

  it("approving again once published writes nothing more and says it was decided", async () => {
    const id = await queued();
    await moderation.approve([id]);
    assert.deepEqual(await moderation.approve([id]), [
      { id, result: "already-decided", status: "published" },
    ]);
    assert.equal(publisher.published.length, 1);
  });

  it("approves several at once, one outcome per id in the order given, unknown and repeated ids included", async () => {
    const a = await queued({ text: "Premier." });
    const b = await queued({ text: "Second." });
    const outcomes = await moderation.approve([b, 999, a, b]);
    assert.deepEqual(results(outcomes), [`${b}:published`, "999:unknown", `${a}:published`]);
    assert.deepEqual(
      publisher.published.map((comment) => comment.text),
      ["Second.", "Premier."],
    );
  });

  it("a failed publication keeps the comment approved with its French reason; a retry publishes it", async () => {
    const id = await queued();
    publisher.failWith = new PublishError("le dépôt git refuse le commit");
    assert.deepEqual(await moderation.approve([id]), [
      { id, result: "publish-failed", reason: "le dépôt git refuse le commit" },
    ]);
    const failed = await queue.get(id);
    assert.equal(failed?.status, "approved");
    assert.equal(failed?.publishError, "le dépôt git refuse le commit");

    publisher.failWith = undefined;
    assert.deepEqual(results(await moderation.retryUnpublished()), [`${id}:published`]);
    assert.equal((await queue.get(id))?.status, "published");
    assert.deepEqual(await moderation.retryUnpublished(), []);
  });

  it("an unexpected failure is kept as a reason too, in French", async () => {
    const id = await queued();
    publisher.failWith = new Error("EACCES: permission denied");
    const [outcome] = await moderation.approve([id]);
    assert.deepEqual(outcome, {
      id,
      result: "publish-failed",
      reason: "erreur inattendue\u00A0: EACCES: permission denied",
    });
  });

  it("approving a comment whose publication failed publishes it again", async () => {
    const id = await queued();
    publisher.failWith = new PublishError("disque plein");
    await moderation.approve([id]);
    publisher.failWith = undefined;
    assert.deepEqual(results(await moderation.approve([id])), [`${id}:published`]);
  });

  it("a comment whose publication keeps failing can be refused instead; a published one cannot", async () => {
    const stuck = await queued();
    const done = await queued({ text: "Publié." });
    await moderation.approve([done]);
    publisher.failWith = new PublishError("l’article n’existe plus");
    await moderation.approve([stuck]);
    assert.deepEqual(await moderation.reject([stuck, done]), [
      { id: stuck, result: "decided", status: "rejected" },
      { id: done, result: "already-decided", status: "published" },
    ]);
    const refused = await queue.get(stuck);
    assert.equal(refused?.status, "rejected");
    assert.equal(refused?.publishError, undefined);
    assert.deepEqual(await moderation.retryUnpublished(), []);
  });

  it("refusing a comment while its file is being written leaves it to its publication", async () => {
    const id = await queued();
    const approving = moderation.approve([id]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(await moderation.reject([id]), [{ id, result: "already-decided", status: "approved" }]);
    assert.deepEqual(results(await approving), [`${id}:published`]);
    assert.equal((await queue.get(id))?.status, "published");
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
    assert.equal(publisher.published.length, 0);
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

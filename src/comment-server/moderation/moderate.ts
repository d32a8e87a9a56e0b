// The moderator's decisions, one code path for the web page (routes/moderation-routes.ts)
// and the terminal (npm run comments:moderate): approving a comment publishes it, as a
// comment file written by the Publisher, and records what became of it; refusing one, or
// calling it spam, only changes its status.
//
// Exactly once: the queue decides only on comments still waiting (two moderators, or two
// clicks, approve once), and within this process a comment being published is published
// by one call, which every other call for it waits for. Across instances of the server
// (several on one PostgreSQL database), a publication holds the queue's publisher lock
// (CommentQueue.whilePublishing) and reads the comment again under it: the instance that
// comes second finds it published and writes nothing. A comment whose publication
// fails stays approved with the reason, for a retry (the "Réessayer" button, the next
// server start).
import { approvedFields, PublishError, type Publisher } from "../publishing/index.ts";
import { SerialQueue } from "../publishing/serial-queue.ts";
import type { CommentQueue, QueuedComment } from "../store/queue.ts";
import type { QueueStatus } from "../store/schema.ts";

/** What became of one queue id a moderator named. */
export type ModerationOutcome =
  /** Its file is written (or was already there: `alreadyPublished`). */
  | { id: number; result: "published"; publishedId: string; file: string }
  /** Approved, but its file could not be written: `reason`, in French, for the moderator. */
  | { id: number; result: "publish-failed"; reason: string }
  /** Refused or marked as spam, as asked. */
  | { id: number; result: "decided"; status: "rejected" | "spam" }
  /** Decided before (by another moderator, another click): left as it was. */
  | { id: number; result: "already-decided"; status: QueueStatus }
  | { id: number; result: "unknown" };

/** Whether an outcome is what the moderator asked for (a CLI run with any other exits 1). */
export function succeeded(outcome: ModerationOutcome): boolean {
  return outcome.result === "published" || outcome.result === "decided";
}

function reasonOf(error: unknown): string {
  if (error instanceof PublishError) return error.reason;
  return `erreur inattendue\u00A0: ${error instanceof Error ? error.message : String(error)}`;
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/**
 * Refuses the comments among `ids` still waiting, or approved but not published (the
 * moderator gives up on a publication that keeps failing), or marks them as spam; one
 * outcome per id. Nothing is published, so no Publisher is needed: the terminal's `reject`
 * and `spam` work without the publishing settings. `busy`: ids being published right now,
 * left alone (their file may be written a moment later).
 */
export async function refuseComments(
  queue: CommentQueue,
  ids: readonly number[],
  status: "rejected" | "spam",
  busy: ReadonlySet<number> = new Set(),
): Promise<ModerationOutcome[]> {
  const asked = unique(ids);
  const changed = new Set(await queue.decide(asked, status));
  const unpublished = asked.filter((id) => !changed.has(id) && !busy.has(id));
  // Under the publisher's lock: another instance may be writing one of them right now.
  if (unpublished.length > 0)
    for (const id of await queue.whilePublishing((locked) => locked.refuseUnpublished(unpublished, status)))
      changed.add(id);
  const outcomes: ModerationOutcome[] = [];
  for (const id of asked) {
    if (changed.has(id)) {
      outcomes.push({ id, result: "decided", status });
      continue;
    }
    const comment = await queue.get(id);
    outcomes.push(
      comment ? { id, result: "already-decided", status: comment.status } : { id, result: "unknown" },
    );
  }
  return outcomes;
}

export class Moderation {
  /** Publications under way in this process, by queue id. */
  private readonly publishing = new Map<number, Promise<ModerationOutcome>>();
  /** This process's publications, one after the other: one connection at most waits for the lock. */
  private readonly turns = new SerialQueue();

  constructor(
    private readonly queue: CommentQueue,
    private readonly publisher: Publisher,
    /** Told of each comment once published, its lock released (the e-mails to those it answers); never throws. */
    private readonly onPublished?: (comment: QueuedComment, publishedId: string) => Promise<void>,
  ) {}

  /**
   * Approves the comments still waiting among `ids`, then publishes every one of `ids`
   * that is approved and not yet published (those approved before whose publication
   * failed too); one outcome per id, in the order given.
   */
  async approve(ids: readonly number[]): Promise<ModerationOutcome[]> {
    const asked = unique(ids);
    await this.queue.decide(asked, "approved");
    const outcomes: ModerationOutcome[] = [];
    // One at a time: each publication takes the post's next free comment id.
    for (const id of asked) outcomes.push(await this.publishOne(id));
    return outcomes;
  }

  /** Publishes every comment approved but not published (at server start, and the "Réessayer" button). */
  async retryUnpublished(): Promise<ModerationOutcome[]> {
    const approved = await this.queue.list(["approved"]);
    const outcomes: ModerationOutcome[] = [];
    for (const comment of approved) outcomes.push(await this.publishOne(comment.id));
    return outcomes;
  }

  reject(ids: readonly number[]): Promise<ModerationOutcome[]> {
    return refuseComments(this.queue, ids, "rejected", new Set(this.publishing.keys()));
  }

  spam(ids: readonly number[]): Promise<ModerationOutcome[]> {
    return refuseComments(this.queue, ids, "spam", new Set(this.publishing.keys()));
  }

  /** Publishes one approved comment, once: a call while it is under way waits for that one. */
  private publishOne(id: number): Promise<ModerationOutcome> {
    const running = this.publishing.get(id);
    if (running) return running;
    const publication = this.publishApproved(id).finally(() => this.publishing.delete(id));
    this.publishing.set(id, publication);
    return publication;
  }

  private async publishApproved(id: number): Promise<ModerationOutcome> {
    // Read again here, inside the guard: a publication that ended a moment ago has
    // marked the comment published, and this one must not write it again.
    const comment = await this.queue.get(id);
    if (!comment) return { id, result: "unknown" };
    if (comment.status !== "approved") return { id, result: "already-decided", status: comment.status };
    const outcome = await this.turns.run(() =>
      this.queue.whilePublishing((locked) => this.publishLocked(locked, id)),
    );
    if (outcome.result === "published") await this.onPublished?.(comment, outcome.publishedId);
    return outcome;
  }

  /** Publishes the comment, holding the publisher's lock (`queue` is the lock's). */
  private async publishLocked(queue: CommentQueue, id: number): Promise<ModerationOutcome> {
    // Read again under the lock: another instance may have published it meanwhile.
    const comment = await queue.get(id);
    if (!comment) return { id, result: "unknown" };
    if (comment.status === "published" && comment.publishedId !== undefined)
      // Approved when this call began: what the moderator asked for is done, by the other.
      return {
        id,
        result: "published",
        publishedId: comment.publishedId,
        file: this.publisher.fileOf(comment.post, comment.publishedId),
      };
    if (comment.status !== "approved") return { id, result: "already-decided", status: comment.status };
    try {
      // Only what a comment file holds goes to the publisher: never the e-mail address.
      const published = await this.publisher.publish(approvedFields(comment));
      await queue.markPublished(id, published.id);
      return { id, result: "published", publishedId: published.id, file: published.file };
    } catch (error) {
      const reason = reasonOf(error);
      await queue.markPublishFailed(id, reason);
      return { id, result: "publish-failed", reason };
    }
  }
}

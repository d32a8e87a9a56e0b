// --pending-to-queue: the comments WordPress still held for moderation go to the comment
// server's moderation queue (src/comment-server/store/), never to a file. The queue may
// keep their e-mail address, as it does a reader's, to tell them and to forget them on
// request. Each is queued under a token made of the blog's address and its comment id, so
// importing the same export, or a newer one of the same blog, again queues it once.
// A comment on a page is queued under the page's path, as the comment server names it.
import { queueDatabasePath } from "../comment-server/store/database-path.ts";
import { openQueueDatabase } from "../comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../comment-server/store/queue.ts";

/** A comment awaiting moderation, as the queue takes it, with its WordPress id. */
export type PendingComment = Omit<NewQueuedComment, "marks" | "token"> & { id: string };

function pendingToken(blog: string, id: string): string {
  return `wordpress-import:${blog}:${id}`;
}

/** Queues the comments; returns how many were added and how many were there already. */
export async function queuePending(
  comments: AsyncIterable<PendingComment>,
  blog: string,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
): Promise<{ added: number; already: number }> {
  const db = await openQueueDatabase(queueDatabasePath(env, projectRoot));
  const queue = new CommentQueue(db);
  let added = 0;
  let already = 0;
  try {
    for await (const comment of comments) {
      const { id, ...pending } = comment;
      const queued = await queue.add({ ...pending, marks: [], token: pendingToken(blog, id) });
      if (queued.added) added += 1;
      else already += 1;
    }
  } finally {
    await db.destroy();
  }
  return { added, already };
}

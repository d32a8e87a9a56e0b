// Builds the reply tree of a post from its flat list of comments. Siblings are ordered
// by date (then by id, for a stable order). The tree holds every comment exactly once:
// a reply whose parent is missing, or that sits in a cycle, becomes a top-level comment
// (validation reports those cases; the tree itself never drops anything).
import type { Comment } from "./comment.ts";

export interface ThreadNode {
  comment: Comment;
  /** 1 for a top-level comment, 2 for a reply to it, and so on. */
  depth: number;
  /** The comment this one answers, when it is shown as a reply. */
  parent?: Comment;
  replies: ThreadNode[];
}

// Made when two siblings share a date: a collator's first use starts Intl (ICU's data).
let collator: Intl.Collator | undefined;

export function compareByDate(a: Pick<Comment, "date" | "id">, b: Pick<Comment, "date" | "id">): number {
  return (
    a.date.toMillis() - b.date.toMillis() ||
    (collator ??= new Intl.Collator("fr", { numeric: true })).compare(a.id, b.id)
  );
}

function assignDepths(roots: readonly ThreadNode[]): Set<ThreadNode> {
  const reached = new Set<ThreadNode>();
  const stack: ThreadNode[] = [...roots];
  for (const root of roots) root.depth = 1;
  while (stack.length > 0) {
    const node = stack.pop() as ThreadNode;
    reached.add(node);
    for (const reply of node.replies) {
      reply.depth = node.depth + 1;
      stack.push(reply);
    }
  }
  return reached;
}

export function buildThread(comments: readonly Comment[]): ThreadNode[] {
  const sorted = [...comments].sort(compareByDate);
  const nodes = new Map<string, ThreadNode>();
  for (const comment of sorted)
    if (!nodes.has(comment.id)) nodes.set(comment.id, { comment, depth: 1, replies: [] });
  const ordered = sorted.map((comment) => nodes.get(comment.id) as ThreadNode);
  const roots: ThreadNode[] = [];
  for (const node of new Set(ordered)) {
    const parentId = node.comment.parent;
    const parent = parentId === undefined || parentId === node.comment.id ? undefined : nodes.get(parentId);
    if (parent) {
      node.parent = parent.comment;
      parent.replies.push(node);
    } else roots.push(node);
  }
  // Comments caught in a reply cycle are reachable from no root: promote the earliest one
  // of each cycle to the top level, until every comment is reached.
  let reached = assignDepths(roots);
  while (reached.size < nodes.size) {
    const orphan = [...nodes.values()].find((node) => !reached.has(node)) as ThreadNode;
    const formerParent = nodes.get(orphan.comment.parent ?? "");
    if (formerParent) formerParent.replies = formerParent.replies.filter((reply) => reply !== orphan);
    delete orphan.parent;
    roots.push(orphan);
    roots.sort((a, b) => compareByDate(a.comment, b.comment));
    reached = assignDepths(roots);
  }
  return roots;
}

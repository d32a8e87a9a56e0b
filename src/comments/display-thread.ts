// Lays a reply tree out for display under a depth cap. Up to the cap a reply is nested
// inside its parent; below it, replies are shown at the cap's level, right after the
// comment they descend from (depth first, by date), still naming whom they answer.
// Nothing is ever dropped: every node of the tree appears exactly once.
import type { ThreadNode } from "./thread.ts";

export const DEFAULT_MAX_DEPTH = 5;

export interface DisplayItem {
  node: ThreadNode;
  /** The nesting level it is shown at: 1..maxDepth. */
  level: number;
  children: DisplayItem[];
}

function flattenBelow(node: ThreadNode, level: number, out: DisplayItem[]): void {
  for (const reply of node.replies) {
    out.push({ node: reply, level, children: [] });
    flattenBelow(reply, level, out);
  }
}

function place(node: ThreadNode, level: number, maxDepth: number): DisplayItem[] {
  if (level < maxDepth) {
    return [{ node, level, children: node.replies.flatMap((reply) => place(reply, level + 1, maxDepth)) }];
  }
  const items: DisplayItem[] = [{ node, level, children: [] }];
  flattenBelow(node, level, items);
  return items;
}

export function displayThread(roots: readonly ThreadNode[], maxDepth = DEFAULT_MAX_DEPTH): DisplayItem[] {
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new RangeError(`maxDepth must be a positive integer, got ${maxDepth}`);
  return roots.flatMap((root) => place(root, 1, maxDepth));
}

// A comment as the rest of the generator sees it: validated, its body rendered once.
import type { DateTime } from "luxon";

export interface Comment {
  /** The file name without .md; unique within its post. */
  id: string;
  /** Path of the source file, relative to the project, for messages. */
  file: string;
  /** Empty when withdrawn: a withdrawn comment's name is shown nowhere. */
  author: string;
  date: DateTime;
  /** Id of the comment this one answers, if any. */
  parent?: string;
  url?: string;
  /** The body, rendered by the comment markdown-it instance (raw HTML off); empty when withdrawn. */
  bodyHtml: string;
  /**
   * Withdrawn (`withdrawn: true` in its file): it keeps its place in the thread, shown as
   * "Commentaire retiré" with its replies under it, without name, web site or text, and
   * is left out of the comment feed, the JSON-LD and the counts.
   */
  withdrawn?: true;
}

/**
 * How many comments readers see: the withdrawn ones are not counted (the heading, the
 * post's "réflexions" and the home page's agree with the feed and the JSON-LD).
 */
export function visibleCount(comments: readonly { withdrawn?: true }[]): number {
  let count = 0;
  for (const comment of comments) if (comment.withdrawn !== true) count++;
  return count;
}

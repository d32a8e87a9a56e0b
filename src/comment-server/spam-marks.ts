// The spam rules a confirmed comment is checked against. A comment that trips one is
// still queued, marked, for the moderator to decide: a reader who pastes four links or
// sends their comment twice is not refused, only flagged.
import { createHash } from "node:crypto";
import type { SpamMark } from "./store/queue.ts";

/** More links than this marks a comment. */
export const MAX_LINKS = 3;

/** The number of links in a comment as the comment markdown rendered it (linkified addresses included). */
function linkCount(renderedHtml: string): number {
  return renderedHtml.match(/<a\s/g)?.length ?? 0;
}

/** Spaces and case set aside: "Merci !" and "merci  !" are one text. */
function comparable(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** What two texts share when they are the same comment sent twice: the hash of their comparable form. */
export function textKey(text: string): string {
  return createHash("sha256").update(comparable(text)).digest("base64url");
}

export interface SpamEvidence {
  /** The comment, as typed. */
  text: string;
  /** The comment, rendered by the comment markdown. */
  renderedHtml: string;
  /** Whether the same text is in the queue for this post (waiting, approved or published). */
  alreadyQueued: boolean;
  /** The rendered bodies of the post's published comment files. */
  publishedBodies: readonly string[];
}

export function spamMarks(evidence: SpamEvidence): SpamMark[] {
  const marks: SpamMark[] = [];
  if (linkCount(evidence.renderedHtml) > MAX_LINKS) marks.push("links");
  const rendered = evidence.renderedHtml.trim();
  const duplicate =
    evidence.alreadyQueued || evidence.publishedBodies.some((body) => body.trim() === rendered);
  if (duplicate) marks.push("duplicate");
  return marks;
}

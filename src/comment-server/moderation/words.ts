// What the moderator reads about a queued comment, in French, the same on the web page
// and in the terminal: its spam marks, its status, a short excerpt of its text.
import type { SpamMark } from "../store/queue.ts";
import type { QueueStatus } from "../store/schema.ts";
import { MAX_LINKS } from "../spam-marks.ts";

const MARK_LABELS: Record<SpamMark, string> = {
  links: `plus de ${MAX_LINKS} liens`,
  duplicate: "texte en double",
};

export function markLabel(mark: SpamMark): string {
  return MARK_LABELS[mark];
}

const STATUS_LABELS: Record<QueueStatus, string> = {
  pending: "en attente",
  approved: "approuvé, pas encore publié",
  published: "publié",
  rejected: "refusé",
  spam: "indésirable",
};

export function statusLabel(status: QueueStatus): string {
  return STATUS_LABELS[status];
}

/** The first non-blank line of `text`, cut at `length` characters (code points) with "…". */
export function firstLine(text: string, length: number): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== "") ?? "";
  const characters = [...line.trim()];
  return characters.length <= length ? characters.join("") : `${characters.slice(0, length - 1).join("")}…`;
}

/** "1 commentaire", "2 commentaires"; French counts none in the singular: "0 commentaire". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count > 1 ? plural : singular}`;
}

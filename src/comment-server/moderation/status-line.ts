// The line the moderation page shows after a decision. A POST answers with a redirect
// (303) to /moderation, so that reloading the page decides nothing again; what happened
// travels in the query as a word and counts, and the page turns them into fixed French
// sentences: nothing from the address is ever shown as written.
import type { ModerationOutcome } from "./moderate.ts";
import { countOf } from "./words.ts";

export type StatusKind = "approuve" | "refuse" | "indesirable" | "reessaye" | "deconnecte";

const KINDS: ReadonlySet<string> = new Set<StatusKind>([
  "approuve",
  "refuse",
  "indesirable",
  "reessaye",
  "deconnecte",
]);

/** The counts a decision leaves: done as asked, publication failed, left as they were. */
interface StatusCounts {
  ok: number;
  echecs: number;
  deja: number;
}

/** The query string ("fait=approuve&ok=2&echecs=0&deja=1") for what these outcomes did. */
export function statusQuery(kind: StatusKind, outcomes: readonly ModerationOutcome[] = []): string {
  const counts: StatusCounts = { ok: 0, echecs: 0, deja: 0 };
  for (const outcome of outcomes) {
    if (outcome.result === "published" || outcome.result === "decided") counts.ok++;
    else if (outcome.result === "publish-failed") counts.echecs++;
    else counts.deja++;
  }
  const params = new URLSearchParams({ fait: kind });
  if (kind !== "deconnecte")
    for (const [name, value] of Object.entries(counts)) params.set(name, String(value));
  return params.toString();
}

/** A count from the query: a small whole number, or 0. */
function count(value: unknown): number {
  return typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 0;
}

const DONE: Record<Exclude<StatusKind, "deconnecte">, (n: number) => string> = {
  approuve: (n) => `${countOf(n, "commentaire approuvé et publié", "commentaires approuvés et publiés")}.`,
  refuse: (n) => `${countOf(n, "commentaire refusé", "commentaires refusés")}.`,
  indesirable: (n) => `${countOf(n, "commentaire marqué indésirable", "commentaires marqués indésirables")}.`,
  reessaye: (n) => `${countOf(n, "commentaire publié", "commentaires publiés")}.`,
};

/** The French status line for a query, or undefined when it names no decision. */
export function statusLine(query: Readonly<Record<string, unknown>>): string | undefined {
  const kind = query.fait;
  if (typeof kind !== "string" || !KINDS.has(kind)) return undefined;
  if (kind === "deconnecte") return "Session fermée.";
  const sentences = [DONE[kind as Exclude<StatusKind, "deconnecte">](count(query.ok))];
  const failed = count(query.echecs);
  if (failed > 0)
    sentences.push(
      `${failed === 1 ? "Un commentaire approuvé n’a pas pu être publié" : `${failed} commentaires approuvés n’ont pas pu être publiés`} : la raison est indiquée plus bas.`,
    );
  const left = count(query.deja);
  if (left > 0)
    sentences.push(
      `${left === 1 ? "Un commentaire était déjà décidé (ou n’est plus dans la file) : il est laissé tel quel" : `${left} commentaires étaient déjà décidés (ou ne sont plus dans la file) : ils sont laissés tels quels`}.`,
    );
  return sentences.join(" ");
}

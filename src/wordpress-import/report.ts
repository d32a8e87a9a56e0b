// The import's report: every item and comment read, by type and status, and what became
// of each (written, already imported, or skipped and why), so that its counts add up to
// what was read; then every conversion that could not be done faithfully, with its file.
// In French, as the issue's "déjà importé" and the site are.

export interface Tally {
  /** "post" → "publish" → n */
  read: Map<string, Map<string, number>>;
  written: Map<string, number>;
  already: Map<string, number>;
  /** reason → n */
  skipped: Map<string, number>;
}

export interface ImportReport {
  file: string;
  version?: string;
  dryRun: boolean;
  items: Tally;
  comments: Tally;
  /** Files written (or, in a dry run, to write), by kind: "billet", "commentaire", "média"… */
  files: Map<string, number>;
  /** Files already there, left as they were. */
  filesAlready: number;
  /** Items skipped that the author should know of by name (private, password-protected…). */
  named: { what: string; why: string }[];
  /** Conversions that are not faithful: which file, what changed. */
  changes: { file: string; what: string }[];
  /** Pending comments put in the moderation queue (--pending-to-queue), and already there. */
  queued: number;
  queuedAlready: number;
}

export function newTally(): Tally {
  return { read: new Map(), written: new Map(), already: new Map(), skipped: new Map() };
}

export function newReport(file: string, dryRun: boolean): ImportReport {
  return {
    file,
    dryRun,
    items: newTally(),
    comments: newTally(),
    files: new Map(),
    filesAlready: 0,
    named: [],
    changes: [],
    queued: 0,
    queuedAlready: 0,
  };
}

export function add(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function countRead(tally: Tally, type: string, status: string): void {
  let statuses = tally.read.get(type);
  if (!statuses) tally.read.set(type, (statuses = new Map()));
  add(statuses, status);
}

export function total(map: Map<string, number>): number {
  let sum = 0;
  for (const n of map.values()) sum += n;
  return sum;
}

export function totalRead(tally: Tally): number {
  let sum = 0;
  for (const statuses of tally.read.values()) sum += total(statuses);
  return sum;
}

function list(map: Map<string, number>): string {
  return [...map]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}

function tallyLines(title: string, tally: Tally): string[] {
  const lines = [`${title} lus : ${totalRead(tally)}`];
  for (const [type, statuses] of [...tally.read].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${type} : ${list(statuses)}`);
  lines.push(`  importés : ${total(tally.written)}${tally.written.size ? ` (${list(tally.written)})` : ""}`);
  lines.push(
    `  déjà importés : ${total(tally.already)}${tally.already.size ? ` (${list(tally.already)})` : ""}`,
  );
  lines.push(`  ignorés : ${total(tally.skipped)}`);
  for (const [reason, n] of [...tally.skipped].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`    ${n} × ${reason}`);
  return lines;
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `Import WordPress : ${report.file}${report.version ? ` (WXR ${report.version})` : ""}${
      report.dryRun ? " — simulation (--dry-run) : aucun fichier écrit" : ""
    }`,
    ...tallyLines("Éléments", report.items),
    ...tallyLines("Commentaires", report.comments),
    `${report.dryRun ? "Fichiers à écrire" : "Fichiers écrits"} : ${total(report.files)}${
      report.files.size ? ` (${list(report.files)})` : ""
    }`,
    `Fichiers déjà là (déjà importé), laissés tels quels : ${report.filesAlready}`,
  ];
  if (report.queued > 0 || report.queuedAlready > 0)
    lines.push(
      `Commentaires en attente ${report.dryRun ? "à mettre" : "mis"} dans la file de modération : ${report.queued} (déjà dans la file : ${report.queuedAlready})`,
    );
  if (report.named.length > 0) {
    lines.push(`Non importés :`);
    for (const { what, why } of report.named) lines.push(`  ${what} : ${why}`);
  }
  if (report.changes.length > 0) {
    lines.push(`Conversions à vérifier : ${report.changes.length}`);
    for (const { file, what } of report.changes) lines.push(`  ${file} : ${what}`);
  }
  return lines.join("\n");
}

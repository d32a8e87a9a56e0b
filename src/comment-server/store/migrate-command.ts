// `npm run comments:migrate -- --from <sqlite file> --to postgres://…`: moves the queue of
// one server on SQLite to a PostgreSQL database, for several instances (./copy-queue.ts).
// Both are brought to the latest version first. What it prints is counts only: never a
// reader's e-mail, nor the address of the database (it may hold a password).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { AuthoringError } from "../../authoring/authoring-error.ts";
import { copyQueue, CopyRefused } from "./copy-queue.ts";
import { isPostgresUrl, openQueueDatabase } from "./database.ts";

const NBSP = "\u00A0";

function options(args: readonly string[]): { from: string; to: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? "";
    const value = args[i + 1];
    if (name !== "--from" && name !== "--to")
      throw new AuthoringError(name, "attendu : --from <fichier SQLite> --to postgres://…");
    if (value === undefined || value.startsWith("--")) throw new AuthoringError(name, "valeur manquante");
    values[name] = value;
  }
  const { "--from": from, "--to": to } = values;
  if (from === undefined) throw new AuthoringError("--from", "donnez le fichier SQLite de la file à copier");
  if (to === undefined)
    throw new AuthoringError("--to", "donnez l’adresse de la base PostgreSQL (postgres://…)");
  if (isPostgresUrl(from))
    throw new AuthoringError("--from", "la source est un fichier SQLite, pas une adresse");
  if (!isPostgresUrl(to))
    throw new AuthoringError("--to", "la cible est une adresse postgres:// ou postgresql://");
  return { from, to };
}

export async function migrateCommand(projectRoot: string, args: readonly string[]): Promise<string> {
  const { from, to } = options(args);
  const path = resolve(projectRoot, from);
  if (!existsSync(path)) throw new AuthoringError("--from", `${from} n’existe pas`);
  const source = await openQueueDatabase(path);
  try {
    const target = await openQueueDatabase(to, { log: () => undefined });
    try {
      const copied = await copyQueue(source, target);
      const lines = [`Copié dans la base PostgreSQL${NBSP}:`];
      for (const [table, rows] of copied)
        lines.push(`  ${table}${NBSP}: ${rows} ligne${rows > 1 ? "s" : ""}`);
      return lines.join("\n");
    } catch (error) {
      if (error instanceof CopyRefused) throw new AuthoringError("--to", error.message);
      throw error;
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

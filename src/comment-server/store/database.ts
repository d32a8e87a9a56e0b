// Opens the comment queue's database and brings it to the latest version. SQLite through
// better-sqlite3: WAL, so that readers (the moderation page) never wait for a writer, and
// synchronous=FULL, so that a comment the server answered with success is on disk (a
// committed transaction survives a power cut) before the answer leaves.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrationProvider } from "./migrations.ts";
import type { QueueDatabase } from "./schema.ts";

export type QueueDb = Kysely<QueueDatabase>;

/** Opens (creating it if need be) the SQLite file at `path` and runs the migrations not yet run. */
export async function openQueueDatabase(path: string): Promise<QueueDb> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Two instances on one file (a restart overlapping the old process) wait for each
  // other's transactions instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<QueueDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

async function migrate(db: QueueDb): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "?";
    await db.destroy();
    throw new Error(`comment database: migration ${failed} failed: ${String(error)}`);
  }
}

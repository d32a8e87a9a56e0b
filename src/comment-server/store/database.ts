// Opens the comment queue's database and brings it to the latest version.
//
// SQLite by default, through better-sqlite3: WAL, so that readers (the moderation page)
// never wait for a writer, and synchronous=FULL, so that a comment the server answered
// with success is on disk (a committed transaction survives a power cut) before the
// answer leaves. One instance of the server per file.
//
// PostgreSQL when COMMENTS_DATABASE is a postgres:// (or postgresql://) address, through
// pg's pool: several instances share one queue. A connection the server loses (the
// database restarted) is dropped from the pool and a new one opened at the next query, so
// the server recovers without a restart; until then, queries fail at once with an error
// that ./unavailable.ts recognises.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { migrationProvider, type QueueDialect } from "./migrations.ts";
import type { QueueDatabase } from "./schema.ts";
import { QueueSqliteDialect } from "./sqlite-driver.ts";

export type QueueDb = Kysely<QueueDatabase>;

/** How long a query waits for a connection to PostgreSQL before it fails (the reader then gets a 503 page). */
const CONNECT_TIMEOUT_MS = 5_000;

/** Whether COMMENTS_DATABASE names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

const onPostgresDatabases = new WeakSet<QueueDb>();

/** Whether `db` (as opened here) is on PostgreSQL. */
export function onPostgres(db: QueueDb): boolean {
  return onPostgresDatabases.has(db);
}

/** Whether the database answers a trivial query now (the server's /healthz). */
export async function databaseAnswers(db: QueueDb): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

interface OpenOptions {
  /** Where a connection lost in the background is reported; never a reader's data. */
  log?: (line: string) => void;
}

/**
 * Opens the queue at `location` (a SQLite file, created if need be, or a postgres://
 * address) and runs the migrations not yet run.
 */
export async function openQueueDatabase(location: string, options: OpenOptions = {}): Promise<QueueDb> {
  const dialect: QueueDialect = isPostgresUrl(location) ? "postgres" : "sqlite";
  const db =
    dialect === "postgres"
      ? openPostgres(location, options.log ?? ((line) => console.error(`comments: ${line}`)))
      : openSqlite(location);
  await migrate(db, dialect);
  return db;
}

function openSqlite(path: string): QueueDb {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Two instances on one file (a restart overlapping the old process) wait for each
  // other's transactions instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<QueueDatabase>({ dialect: new QueueSqliteDialect(sqlite) });
}

function openPostgres(url: string, log: (line: string) => void): QueueDb {
  // Counts and times in milliseconds are bigint columns: read as numbers, as SQLite gives
  // them (they stay far below 2^53). Set on this pool only, not for every pg user.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A connection that breaks while idle in the pool, or while a request holds it between
  // two queries, emits 'error': unheard, it would stop the process. The pool drops it.
  const lost = (error: Error) => log(`database connection lost: ${error.message}`);
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  const db = new Kysely<QueueDatabase>({ dialect: new PostgresDialect({ pool }) });
  onPostgresDatabases.add(db);
  return db;
}

async function migrate(db: QueueDb, dialect: QueueDialect): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider(dialect),
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "?";
    await db.destroy();
    throw new Error(`comment database: migration ${failed} failed: ${String(error)}`);
  }
}

// Copies a SQLite queue into an empty PostgreSQL database (`npm run comments:migrate`),
// for a site that moves to several instances: every table the migrations made (the
// comments with their ids, the sessions, the rate events, those of the notifications),
// in the order they were made, so that a table another one refers to is filled first,
// and all in one transaction: a copy that fails leaves the target empty. The target's
// numbered ids then start past the copied ones, so a new comment never takes an old id.
import { sql, type Kysely } from "kysely";
import type { QueueDb } from "./database.ts";

/** Any table, any row: the copy reads each table as it is, whatever its columns. */
type AnyTables = Record<string, Record<string, unknown>>;

/** PostgreSQL takes at most 65,535 parameters in one statement: rows are inserted in batches below that. */
const PARAMETERS_PER_INSERT = 30_000;

export class CopyRefused extends Error {}

/** The SQLite queue's tables in the order they were created, without Kysely's own. */
async function tablesOf(sqlite: QueueDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'
    order by rowid`.execute(sqlite);
  return rows.map((row) => row.name);
}

async function rowCount(db: Kysely<AnyTables>, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The highest id SQLite ever gave in this table (autoincrement remembers those of deleted rows), or 0. */
async function lastSqliteId(sqlite: QueueDb, table: string, column: string): Promise<number> {
  const { rows } = await sql<{ last: number | null }>`
    select max(coalesce((select seq from sqlite_sequence where name = ${table}), 0),
               coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0)) as last`.execute(
    sqlite,
  );
  return Number(rows[0]?.last ?? 0);
}

/** The target's identity columns, by table. */
async function identityColumns(postgres: Kysely<AnyTables>): Promise<Map<string, string>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(postgres);
  return new Map(rows.map((row) => [row.table_name, row.column_name]));
}

/**
 * Copies every row of the SQLite queue `from` into the PostgreSQL queue `to` (both
 * migrated to the same version), refusing a target that holds any row already; the
 * number of rows copied, by table.
 */
export async function copyQueue(from: QueueDb, to: QueueDb): Promise<Map<string, number>> {
  const source = from as unknown as Kysely<AnyTables>;
  const tables = await tablesOf(from);
  return (to as unknown as Kysely<AnyTables>).transaction().execute(async (target) => {
    for (const table of tables) {
      const already = await rowCount(target, table);
      if (already > 0)
        throw new CopyRefused(
          `la base PostgreSQL n’est pas vide (table ${table}\u00A0: ${already} ligne${already > 1 ? "s" : ""})\u00A0: copiez dans une base neuve`,
        );
    }
    const identities = await identityColumns(target);
    const copied = new Map<string, number>();
    for (const table of tables) {
      const rows = await source.selectFrom(table).selectAll().execute();
      const perInsert = Math.max(
        1,
        Math.floor(PARAMETERS_PER_INSERT / Math.max(1, Object.keys(rows[0] ?? {}).length)),
      );
      for (let start = 0; start < rows.length; start += perInsert)
        await target
          .insertInto(table)
          .values(rows.slice(start, start + perInsert))
          .execute();
      copied.set(table, rows.length);
      const identity = identities.get(table);
      if (identity !== undefined) {
        const next = (await lastSqliteId(from, table, identity)) + 1;
        await sql`select setval(pg_get_serial_sequence(${table}, ${identity}), ${next}, false)`.execute(
          target,
        );
      }
    }
    return copied;
  });
}

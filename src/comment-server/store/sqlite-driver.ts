// The queue's SQLite connection as Kysely drives it: better-sqlite3's one connection, as
// Kysely's own SqliteDialect gives it, with two differences that matter under load:
// - each SQL text is prepared once and its statement kept (Kysely's driver prepares it
//   again at every query), since the queue runs the same few queries over and over;
// - the connection goes to those waiting for it in the order they asked (Kysely's mutex
//   lets a newcomer take it ahead of those already waiting, so that under load a few
//   requests waited for seconds behind the others).
import type SQLite from "better-sqlite3";
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from "kysely";

/**
 * Statements kept, the least recently used going first: the few queries every request
 * runs stay prepared, while a batch's multi-row inserts and `in (…)` lists make one
 * statement per length (./write-batch.ts), more lengths than are worth keeping.
 */
const KEPT_STATEMENTS = 200;

class CachedConnection implements DatabaseConnection {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly db: SQLite.Database) {}

  private statement(sql: string): SQLite.Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else {
      statement = this.db.prepare(sql);
      // The least recently used goes first (a Map keeps its keys in the order they were set).
      if (this.statements.size >= KEPT_STATEMENTS)
        this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.statement(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/** One holder at a time, the others served first come, first served. */
class FairLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lock to the first one waiting, if any (it stays held), or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

class QueueSqliteDriver implements Driver {
  private readonly lock = new FairLock();
  private readonly connection: CachedConnection;

  constructor(private readonly db: SQLite.Database) {
    this.connection = new CachedConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}

/** Kysely's SQLite dialect (its compiler, adapter and introspector) on the driver above. */
export class QueueSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    return new QueueSqliteDriver(this.database);
  }
}

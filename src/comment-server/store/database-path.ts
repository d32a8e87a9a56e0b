// Where the comment queue's database is: COMMENTS_DATABASE, a SQLite file's path, absolute
// or relative to the project folder (`comments.db` there by default), or a PostgreSQL
// address (postgres://…, kept as it is). The server and the moderation commands read it
// here, so they open the same database.
import { isAbsolute, join } from "node:path";
import { isPostgresUrl } from "./database.ts";

const DEFAULT_DATABASE_FILE = "comments.db";

export function queueDatabasePath(env: NodeJS.ProcessEnv, projectRoot: string): string {
  const database = env.COMMENTS_DATABASE?.trim() || DEFAULT_DATABASE_FILE;
  if (isPostgresUrl(database) || isAbsolute(database) || database === ":memory:") return database;
  return join(projectRoot, database);
}

// Where the comment queue's database is: COMMENTS_DATABASE, a path absolute or relative to
// the project folder, `comments.db` there by default. The server and the
// moderation commands read it here, so they open the same file.
import { isAbsolute, join } from "node:path";

const DEFAULT_DATABASE_FILE = "comments.db";

export function queueDatabasePath(env: NodeJS.ProcessEnv, projectRoot: string): string {
  const database = env.COMMENTS_DATABASE?.trim() || DEFAULT_DATABASE_FILE;
  return isAbsolute(database) || database === ":memory:" ? database : join(projectRoot, database);
}

// npm run comments:serve: the intake server (src/comment-server/), run from the project
// folder, with its settings from the environment (README, "Comments").
import { ConfigError, serverConfigFromEnv } from "../src/comment-server/config.ts";
import { startCommentServer } from "../src/comment-server/server.ts";

try {
  const config = serverConfigFromEnv(process.env, process.cwd());
  const server = await startCommentServer(config);
  console.error(`comments: listening on ${server.address} (public address ${config.publicUrl})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (process.env.DEBUG) console.error(error);
  console.error(
    `comments:serve: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

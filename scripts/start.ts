// npm start: the dev server (`npm run dev`) and the intake server together, so that a
// comment written on a page, approved at /moderation, appears in the live-reloading page.
// Arguments go to Eleventy. Settings: src/dev/local-comments.ts.
import { spawn } from "node:child_process";
import { ConfigError, serverConfigFromEnv } from "../src/comment-server/config.ts";
import { startCommentServer } from "../src/comment-server/server.ts";
import { localCommentSettings } from "../src/dev/local-comments.ts";

const args = process.argv.slice(2);
const portArgument = args.find((arg) => arg.startsWith("--port="));
const devPort = portArgument ? Number(portArgument.slice("--port=".length)) : 8080;
const settings = localCommentSettings(process.env, devPort);

try {
  const server = await startCommentServer(serverConfigFromEnv(settings.serverEnv, process.cwd()));
  for (const notice of settings.notices) console.error(notice);
  const eleventy = spawn(
    process.execPath,
    [
      "scripts/eleventy.js",
      "--config=.eleventy.ts",
      "--serve",
      "--incremental",
      ...(portArgument ? [] : [`--port=${devPort}`]),
      ...args,
    ],
    { stdio: "inherit", env: settings.devServerEnv },
  );
  const stop = () => eleventy.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  eleventy.once("exit", (code) => {
    void server.close().then(() => process.exit(code ?? 0));
  });
} catch (error) {
  console.error(
    `start: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

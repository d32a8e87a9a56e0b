// Runs one of package.json's `node …` scripts (e.g. "new:post") in a project folder, as
// `npm run <name> -- <args>` would, without npm's start-up cost.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ScriptResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(projectDir: string, name: string, args: string[], input = ""): ScriptResult {
  const scripts = (
    JSON.parse(readFileSync(join(projectDir, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const command = scripts[name]?.split(" ");
  if (command?.[0] !== "node") throw new Error(`package.json has no "node …" script ${name}`);
  const result = spawnSync(process.execPath, [...command.slice(1), ...args], {
    cwd: projectDir,
    input,
    encoding: "utf8",
    env: { ...process.env, DEBUG: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

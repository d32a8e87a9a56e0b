// Debian's nginx (/usr/sbin/nginx, the `nginx` package) for tests: a throw-away nginx
// from a temporary folder (its pid, logs and temporary files there), in front of the
// tests' servers or a built site, listening on 127.0.0.1 only.
//
// Without nginx those tests are skipped, saying why; under CI=true they run anyway and
// fail, so that a CI machine without it is noticed.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { removeDir, repositoryRoot, temporaryDir } from "./site.ts";

const NGINX = "/usr/sbin/nginx";
const MISSING = `${NGINX} is missing (install Debian's nginx package)`;

/**
 * For a test's `skip` option: why the nginx tests cannot run here, or false. Under
 * CI=true always false: they then fail with the reason.
 */
export function nginxSkip(): string | false {
  if (process.env.CI === "true" || existsSync(NGINX)) return false;
  return MISSING;
}

/** The README's nginx block that holds `marker`, as an operator would copy it. */
export function readmeNginxBlock(marker: string): string {
  const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");
  const block = [...readme.matchAll(/```nginx\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .find((text) => text.includes(marker));
  assert.ok(block, `the README's nginx block with ${marker}`);
  return block;
}

/**
 * A whole nginx.conf around `http` (the lines of its http block), every path it writes
 * in `dir`. Its workers run as the tests' user, root included (nginx would make them
 * `nobody`, who cannot read the tests' temporary folders).
 */
function mainConfig(dir: string, http: string): string {
  const temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`)
    .join("\n");
  return [
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "daemon off;",
    "worker_processes 1;",
    `pid ${join(dir, "nginx.pid")};`,
    `error_log ${join(dir, "error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    `  access_log ${join(dir, "access.log")};`,
    temporary,
    http,
    "}",
    "",
  ].join("\n");
}

export interface Nginx {
  url: string;
  /** What nginx wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** Starts nginx with these http block lines, answering at `port` on 127.0.0.1 (they must listen there). */
export async function startNginx(http: string, port: number): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx tests: ${MISSING}`);
  const dir = temporaryDir("nginx");
  const config = join(dir, "nginx.conf");
  const errorLog = join(dir, "error.log");
  writeFileSync(config, mainConfig(dir, http));
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-e", errorLog, "-c", config], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let said = "";
  child.stderr?.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const errors = () => (existsSync(errorLog) ? readFileSync(errorLog, "utf8") : "") + said;
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      removeDir(dir);
      throw new Error(`nginx exited with status ${child.exitCode}: ${errors()}`);
    }
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      if (attempt === 200) {
        child.kill("SIGKILL");
        removeDir(dir);
        throw new Error(`nginx did not answer at ${url} within 10 s: ${errors()}`);
      }
      await sleep(50);
    }
  }
  return {
    url,
    errors,
    async stop() {
      // SIGTERM: nginx's fast shutdown.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      removeDir(dir);
    },
  };
}

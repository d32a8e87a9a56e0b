// Debian's nginx (/usr/sbin/nginx, the `nginx` package) for tests: `nginx -t` on a
// configuration, or a throw-away nginx in front of the tests' servers, from a temporary
// folder (its pid, logs and temporary files there), listening on 127.0.0.1 only.
//
// Without nginx those tests are skipped, saying why; under CI=true they run anyway and
// fail, so that a CI machine without it is noticed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { removeDir, temporaryDir } from "./site.ts";

const NGINX = "/usr/sbin/nginx";

/**
 * For a test's `skip` option: why the nginx tests cannot run here, or false. Under
 * CI=true always false: they then fail with the reason.
 */
export function nginxSkip(): string | false {
  if (process.env.CI === "true" || existsSync(NGINX)) return false;
  return `${NGINX} is missing (install Debian's nginx package)`;
}

function assertInstalled(): void {
  if (!existsSync(NGINX))
    throw new Error(`nginx tests: ${NGINX} is missing (install Debian's nginx package)`);
}

/**
 * A whole nginx.conf around `http` (the lines of its http block), every path it writes
 * in `dir`. As root, nginx's workers run as `nobody`: the folder is left readable to them.
 */
function mainConfig(dir: string, http: string): string {
  const temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`)
    .join("\n");
  return [
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

/** `nginx -t` on a configuration made of these http block lines: its status and what it said. */
export function checkNginxConfig(http: string): { status: number | null; output: string } {
  assertInstalled();
  const dir = temporaryDir("nginx");
  try {
    const config = join(dir, "nginx.conf");
    writeFileSync(config, mainConfig(dir, http));
    const test = spawnSync(NGINX, ["-t", "-q", "-p", dir, "-e", join(dir, "error.log"), "-c", config], {
      encoding: "utf8",
    });
    return { status: test.status, output: test.stderr + test.stdout };
  } finally {
    removeDir(dir);
  }
}

export interface Nginx {
  url: string;
  /** What nginx wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** Starts nginx with these http block lines, answering at `port` on 127.0.0.1 (they must listen there). */
export async function startNginx(http: string, port: number): Promise<Nginx> {
  assertInstalled();
  const dir = temporaryDir("nginx");
  chmodSync(dir, 0o755);
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

// A throw-away PostgreSQL cluster for tests, from Debian's binaries (the `postgresql`
// package: /usr/lib/postgresql/<version>/bin, the highest version found): initdb and
// pg_ctl on a temporary folder, listening on 127.0.0.1 only, on a free port, with its
// socket in that folder and trust authentication, so a test can stop it and start it
// again. PostgreSQL refuses to run as root: as root, each command runs as the `postgres`
// user (runuser), which owns the folder. The tests' clusters run with fsync off (nothing
// of theirs need survive a power cut); `startPostgres({ durable: true })`, for a benchmark
// of durable writes, leaves fsync and synchronous_commit on, as PostgreSQL ships them.
//
// Without the binaries the PostgreSQL tests are skipped, saying why; under CI=true they
// run anyway and fail, so that a CI machine without them is noticed.
import { execFile, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./http.ts";
import { removeDir, temporaryDir } from "./site.ts";

const run = promisify(execFile);
const DEBIAN_POSTGRESQL = "/usr/lib/postgresql";

export interface PostgresCluster {
  /** The cluster's own `postgres` database, e.g. postgres://postgres@127.0.0.1:54321/postgres */
  url: string;
  /** A new, empty database in the cluster; resolves to its address. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  /** Starts it again, on the same port and data. */
  start(): Promise<void>;
  /** Stops it if need be and deletes its folder. */
  destroy(): Promise<void>;
}

/** The bin folder of the highest PostgreSQL version installed, or undefined. */
function binaries(): string | undefined {
  if (!existsSync(DEBIAN_POSTGRESQL)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRESQL)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(DEBIAN_POSTGRESQL, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

const asRoot = process.getuid?.() === 0;

/** The uid and gid of the `postgres` user, when running as root (undefined if there is none). */
function postgresUser(): { uid: number; gid: number } | undefined {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function unavailableReason(): string | undefined {
  if (!binaries())
    return `no PostgreSQL binaries in ${DEBIAN_POSTGRESQL}/*/bin (install Debian's postgresql package)`;
  if (asRoot && !postgresUser()) return "running as root, and there is no postgres user to run PostgreSQL as";
  return undefined;
}

/**
 * For a test's `skip` option: why the PostgreSQL tests cannot run here, or false. Under
 * CI=true always false: startPostgres() then fails with the reason.
 */
export function postgresSkip(): string | false {
  if (process.env.CI === "true") return false;
  return unavailableReason() ?? false;
}

/** Clusters still running, stopped at once if the test process exits without destroying them. */
const running = new Set<() => void>();
process.once("exit", () => {
  for (const stopNow of running) stopNow();
});

export interface PostgresOptions {
  /**
   * Commits flushed to the disk (fsync and synchronous_commit on, PostgreSQL's defaults),
   * for a benchmark of durable writes. Off by default: the tests' clusters run with
   * fsync off.
   */
  durable?: boolean;
}

/** Starts a new cluster; `destroy()` it when done. */
export async function startPostgres({ durable = false }: PostgresOptions = {}): Promise<PostgresCluster> {
  const reason = unavailableReason();
  if (reason) throw new Error(`PostgreSQL tests: ${reason}`);
  const bin = binaries() ?? "";
  const user = asRoot ? postgresUser() : undefined;
  const base = temporaryDir("postgres");
  const data = join(base, "data");
  const socket = join(base, "socket");
  mkdirSync(socket);
  if (user) {
    chownSync(base, user.uid, user.gid);
    chownSync(socket, user.uid, user.gid);
  }
  const command = (program: string, args: string[]) => {
    const file = join(bin, program);
    return user ? { file: "runuser", args: ["-u", "postgres", "--", file, ...args] } : { file, args };
  };
  const exec = async (program: string, args: string[]) => {
    const { file, args: all } = command(program, args);
    try {
      await run(file, all, { cwd: base, encoding: "utf8" });
    } catch (error) {
      const output = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${program} failed: ${output.stderr || output.stdout || output.message}`);
    }
  };

  await exec("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--no-locale",
    "--no-sync",
  ]);
  const port = await freePort();
  appendFileSync(
    join(data, "postgresql.conf"),
    [
      "",
      "# tests/helpers/postgres.ts: this machine only, on a port of its own.",
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${socket}'`,
      ...(durable
        ? [
            "# Durable, for a benchmark: commits flushed to the disk.",
            "fsync = on",
            "synchronous_commit = on",
          ]
        : ["# A throw-away cluster need not survive a power cut.", "fsync = off"]),
      "",
    ].join("\n"),
  );
  const pgCtl = (args: string[]) => exec("pg_ctl", ["-D", data, "-w", ...args]);
  const stopNow = () => {
    const { file, args } = command("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    spawnSync(file, args, { cwd: base, stdio: "ignore" });
  };
  let up = false;
  const start = async () => {
    await pgCtl(["-l", join(base, "server.log"), "start"]);
    up = true;
    running.add(stopNow);
  };
  const stop = async () => {
    await pgCtl(["-m", "fast", "stop"]);
    up = false;
    running.delete(stopNow);
  };
  await start();

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `test_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    start,
    stop,
    async destroy() {
      if (up) await stop().catch(stopNow);
      running.delete(stopNow);
      removeDir(base);
    },
  };
}

// npm run bench:comments: the intake server under load, over loopback, through its whole
// path: a real preview first (its token taken from the page), then, once the tokens are
// past the time trap, the publications, each with validation, spam rules and a durable
// insert, driven by autocannon. Readers come through a trusted proxy with distinct
// X-Forwarded-For addresses and distinct texts, so that the rate limit and the duplicate
// rule see many readers; each connection is open (one GET) before it publishes, the
// first few publications of each client are the warm-up (their slowest printed apart),
// and the queue's rows are counted against the comments accepted. Twice: one instance on SQLite,
// then two instances on one PostgreSQL database (a throw-away cluster with fsync on, from
// tests/helpers/postgres.ts; skipped, saying why, without PostgreSQL's binaries), driven
// alternately as a round-robin balancer would. Prints, measured in the same run: accepted
// comments per second and p50/p99 latency at 1, 10 and 100 concurrent clients, for each;
// each database's raw durable insert rate on this machine (one row per transaction) and
// the server's rate as a ratio of it; each instance's peak memory; what group commit buys
// on SQLite; the fault tests' outcomes (lost, duplicated).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import pg from "pg";
import { aReader, postForm, SITE_ORIGIN } from "../tests/helpers/comment-server.ts";
import {
  killedMidLoad,
  proxiedServerEnv,
  serverProcess,
  type ServerProcess,
} from "../tests/helpers/comment-server-process.ts";
import { freePort } from "../tests/helpers/http.ts";
import { postgresSkip, startPostgres, type PostgresCluster } from "../tests/helpers/postgres.ts";
import { removeDir, temporaryDir, temporaryProject } from "../tests/helpers/site.ts";

const CONCURRENCY = [1, 10, 100];
/** Comments published at each level; about five seconds of load at the targets' rate. */
const COMMENTS_AT = (connections: number) => (connections === 1 ? 1_000 : 5_000);
/** Publications per client answered before the measure starts: the warm-up. */
const WARM_UP_PER_CLIENT = 5;
const TARGETS = { perSecondAt100: 1_000, p99At100Ms: 100, ofRawRate: 0.25, memoryMb: 150 };
/** Two instances on one PostgreSQL database, at 100 clients; memoryMb per instance. */
const POSTGRES_TARGETS = { perSecondAt100: 500, p99At100Ms: 200, memoryMb: 150 };
const POSTGRES_INSTANCES = 2;
const RAW_SECONDS = 3;

/** One row per transaction, synchronous=FULL in WAL, as the queue writes: the disk's durable rate. */
function rawDurableInsertRate(dir: string): number {
  const db = new SQLite(join(dir, "raw.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("create table t (id integer primary key autoincrement, text text not null)");
  const insert = db.prepare("insert into t (text) values (?)");
  let rows = 0;
  const started = performance.now();
  while (performance.now() - started < RAW_SECONDS * 1000) insert.run(`une ligne ${rows++}`);
  const rate = rows / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

/**
 * The same on PostgreSQL (the cluster durable: fsync and synchronous_commit on): one
 * client, one insert per transaction (autocommit), each awaited before the next.
 */
async function rawDurableInsertRatePostgres(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("create table t (id bigserial primary key, text text not null)");
    let rows = 0;
    const started = performance.now();
    while (performance.now() - started < RAW_SECONDS * 1000)
      await client.query("insert into t (text) values ($1)", [`une ligne ${rows++}`]);
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

function highWaterMarkMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}

interface Prepared {
  body: string;
  forwardedFor: string;
}

/**
 * Real previews, `parallel` at a time: the bodies their "Publier le commentaire" would send.
 * Made on each of `urls` in turn (a token is signed with the shared COMMENTS_SECRET, so
 * any instance publishes it).
 */
async function previews(urls: string[], count: number, first: number, parallel = 16): Promise<Prepared[]> {
  const prepared: Prepared[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < count; i = next++) {
        const n = first + i;
        const forwardedFor = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        const fields = { ...aReader, comment: `Commentaire de charge numéro ${n}, un avis parmi d’autres.` };
        const page = await postForm(`${urls[i % urls.length]}/apercu`, fields, {
          origin: SITE_ORIGIN,
          "x-forwarded-for": forwardedFor,
        });
        const token = /name="token" value="([^"]+)"/.exec(page.text)?.[1];
        if (page.status !== 200 || !token) throw new Error(`preview ${n} failed: ${page.status}`);
        prepared[i] = { body: new URLSearchParams({ ...fields, token }).toString(), forwardedFor };
      }
    }),
  );
  return prepared;
}

interface LevelResult {
  connections: number;
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The slowest answer to a connection's opening GET (its wait to be accepted included). */
  firstAnswerMaxMs: number;
  /** The slowest answer to a publication of the warm-up. */
  warmUpMaxMs: number;
  /** Each instance's peak memory (VmHWM). */
  memoryMb: number[];
}

/** The servers a level loads, started for it on an empty database. */
interface Servers {
  urls: string[];
  /** Each instance's peak memory so far. */
  memoryMb(): number[];
  /** The comments the database holds. */
  rows(): Promise<number>;
  stop(): Promise<void>;
}

/** `count` instances of `npm run comments:serve` on the same settings, one after the other. */
async function startInstances(project: string, env: Record<string, string>, count: number) {
  const instances: ServerProcess[] = [];
  try {
    // One at a time: the first makes the tables.
    for (let i = 0; i < count; i++) instances.push(await serverProcess(project, env, await freePort()));
  } catch (error) {
    for (const instance of instances) await instance.stop();
    throw error;
  }
  return {
    urls: instances.map((instance) => instance.url),
    memoryMb: () => instances.map((instance) => highWaterMarkMb(instance.pid())),
    async stop() {
      for (const instance of instances) await instance.stop();
    },
  };
}

/** One instance on a new SQLite database in `dataDir`. */
function onSQLite(dataDir: string, name: string, extraEnv: Record<string, string> = {}) {
  return async (project: string): Promise<Servers> => {
    const databasePath = join(dataDir, `load-${name}.db`);
    const servers = await startInstances(project, { ...proxiedServerEnv(databasePath), ...extraEnv }, 1);
    return {
      ...servers,
      async rows() {
        const queued = new SQLite(databasePath, { readonly: true });
        try {
          return (queued.prepare("select count(*) as n from comments").get() as { n: number }).n;
        } finally {
          queued.close();
        }
      },
    };
  };
}

/** POSTGRES_INSTANCES instances on a new database of `cluster`. */
function onPostgres(cluster: PostgresCluster) {
  return async (project: string): Promise<Servers> => {
    const databaseUrl = await cluster.createDatabase();
    const servers = await startInstances(project, proxiedServerEnv(databaseUrl), POSTGRES_INSTANCES);
    return {
      ...servers,
      async rows() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          return (
            (await client.query<{ n: number }>("select count(*)::int as n from comments")).rows[0]?.n ?? 0
          );
        } finally {
          await client.end();
        }
      },
    };
  };
}

async function loadLevel(
  project: string,
  connections: number,
  start: (project: string) => Promise<Servers>,
): Promise<LevelResult> {
  const servers = await start(project);
  try {
    const count = COMMENTS_AT(connections);
    const warmUp = WARM_UP_PER_CLIENT * connections;
    // Spare bodies for the publications in flight at the end, and for the first of each
    // connection, built twice when it switches to publishing; none is sent twice (a token
    // sent again answers the thanks page without a new row).
    const bodies = await previews(servers.urls, warmUp + count + 2 * connections, connections * 1_000_000);
    // Past the time trap: the newest token must be a few seconds old.
    await sleep(3_200);
    let index = 0;
    const publication: autocannon.Request = {
      method: "POST",
      path: "/publier",
      setupRequest: (request) => {
        const next = bodies[index];
        // Past the last body (the answers measured are in), until autocannon stops: a GET.
        if (!next) return { ...request, method: "GET", path: "/", body: "", headers: {} };
        index++;
        return {
          ...request,
          body: next.body,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: SITE_ORIGIN,
            "x-forwarded-for": next.forwardedFor,
          },
        };
      },
    };
    // The connections are all open before any publishes, as a proxy's pool of connections
    // is before its readers come: each sends GET / (not measured) until every one has had
    // an answer, then publishes. Node accepts one new connection per turn of its event
    // loop, so a hundred arriving at once wait in turn; the slowest first answer is printed
    // apart. Then the warm-up: the first WARM_UP_PER_CLIENT answers to publications per
    // client, when every client turns from GETs to publishing at once and the server's
    // publishing code runs for the first time; not measured either, their slowest printed
    // apart. Measured: the next `count` answers to publications.
    const latencies: number[] = [];
    const firstAnswers: number[] = [];
    const warmUpAnswers: number[] = [];
    let acceptedInAll = 0;
    const opened = new Set<autocannon.Client>();
    const publishing = new Set<autocannon.Client>();
    let accepted = 0;
    let started = 0;
    let lastAnswer = 0;
    await new Promise<autocannon.Result>((resolve, reject) => {
      // Several instances are driven alternately, as a round-robin balancer would:
      // autocannon 8 takes `url` as an array (its types say a string) and gives connection
      // i to urls[i % urls.length] (lib/run.js, initialiseClients), so each instance gets
      // half the connections of two, and their requests. At one client, its one connection
      // is the first instance's (the previews alternate still).
      const url = servers.urls as unknown as string;
      const tracker = autocannon(
        { url, connections, duration: 600, requests: [{ method: "GET", path: "/" }] },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      tracker.on("response", (client, statusCode, _bytes, responseTime) => {
        const now = performance.now();
        if (!publishing.has(client)) {
          if (!opened.has(client)) {
            opened.add(client);
            firstAnswers.push(responseTime);
          }
          if (opened.size === connections) {
            publishing.add(client);
            if (started === 0) started = now;
            client.setRequests([publication]);
          }
          return;
        }
        if (latencies.length === count) return;
        if (statusCode === 200) acceptedInAll++;
        if (warmUpAnswers.length < warmUp) {
          warmUpAnswers.push(responseTime);
          started = now;
          return;
        }
        latencies.push(responseTime);
        if (statusCode === 200) accepted++;
        lastAnswer = now;
        if (latencies.length === count) tracker.stop();
      });
    });
    const memoryMb = servers.memoryMb();
    const rows = await servers.rows();
    // Each comment accepted is a row; publications still in flight when the count was
    // reached may have added theirs.
    if (rows < acceptedInAll || rows > index)
      throw new Error(`bench: ${acceptedInAll} accepted, ${rows} queued`);
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    return {
      connections,
      accepted,
      // On our own clock, from the end of the warm-up to the last answer measured
      // (autocannon's duration only ends at its next one-second sample).
      perSecond: accepted / ((lastAnswer - started) / 1000),
      p50: percentile(0.5),
      p99: percentile(0.99),
      firstAnswerMaxMs: Math.max(...firstAnswers),
      warmUpMaxMs: Math.max(...warmUpAnswers),
      memoryMb,
    };
  } finally {
    await servers.stop();
  }
}

const check = (ok: boolean) => (ok ? "✓" : "✗");

// The other faults are tests of npm test, each asserting that nothing is lost or
// duplicated; the benchmark runs them again and prints how they came out.
const FAULT_TESTS: Array<[string, string]> = [
  ["database gone (PostgreSQL stopped, then back)", "tests/server/database-gone.test.ts"],
  [
    "publishing blocked (a file in the way, a failing hook, a refused push)",
    "tests/unit/comment-publishing-git.test.ts",
  ],
  [
    "hostile clients (slow loris, 10 MB, bad encodings, 10,000 fields)",
    "tests/server/hostile-clients.test.ts",
  ],
];

function faultTestOutcome(file: string): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=tap", file], {
    encoding: "utf8",
    env: { ...process.env, CI: process.env.CI ?? "" },
  });
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)`, "m").exec(run.stdout)?.[1] ?? 0);
  const [pass, fail, skipped] = [count("pass"), count("fail"), count("skipped")];
  const ok = run.status === 0 && fail === 0 && pass > 0;
  return `${pass} passed, ${fail} failed${skipped > 0 ? `, ${skipped} skipped` : ""} ${check(ok)}`;
}

const table = (levels: LevelResult[], raw: number, memoryHeader: string) => {
  console.log(
    `| clients | accepted | per second | p50 ms | p99 ms | of raw rate | ${memoryHeader} | connection's opening GET, slowest | warm-up (${WARM_UP_PER_CLIENT} publications a client), slowest |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const level of levels)
    console.log(
      `| ${level.connections} | ${level.accepted} | ${level.perSecond.toFixed(0)} | ${level.p50.toFixed(1)} | ${level.p99.toFixed(1)} | ${(level.perSecond / raw).toFixed(2)} | ${level.memoryMb.map((mb) => `${mb.toFixed(0)} MB`).join(", ")} | ${level.firstAnswerMaxMs.toFixed(0)} ms | ${level.warmUpMaxMs.toFixed(0)} ms |`,
    );
};

/** Two instances on PostgreSQL, each level on a new database of one durable cluster. */
async function postgresLevels(project: string) {
  const cluster = await startPostgres({ durable: true });
  try {
    const raw = await rawDurableInsertRatePostgres(await cluster.createDatabase());
    const levels: LevelResult[] = [];
    for (const connections of CONCURRENCY)
      levels.push(await loadLevel(project, connections, onPostgres(cluster)));
    return { raw, levels };
  } finally {
    await cluster.destroy();
  }
}

const project = temporaryProject("seed");
const dataDir = temporaryDir("bench-comments");
try {
  const raw = rawDurableInsertRate(dataDir);
  console.log(
    `raw durable insert rate (SQLite, WAL, synchronous=FULL, one row per transaction): ${raw.toFixed(0)}/s`,
  );
  const levels: LevelResult[] = [];
  for (const connections of CONCURRENCY)
    levels.push(await loadLevel(project, connections, onSQLite(dataDir, String(connections))));
  console.log("\nSQLite, one instance:");
  table(levels, raw, "peak memory");
  const top = levels.at(-1) as LevelResult;
  const ungrouped = await loadLevel(
    project,
    100,
    onSQLite(dataDir, "100-ungrouped", { COMMENTS_GROUP_COMMIT: "0" }),
  );
  console.log(
    `\nwhat group commit buys at 100 clients: ${ungrouped.perSecond.toFixed(0)}/s without it (p99 ${ungrouped.p99.toFixed(0)} ms), ${(top.perSecond / ungrouped.perSecond).toFixed(1)}× with it`,
  );

  const skipPostgres = postgresSkip();
  const postgres = skipPostgres ? undefined : await postgresLevels(project);
  if (postgres) {
    console.log(
      `\nraw durable insert rate (PostgreSQL, fsync and synchronous_commit on, one row per transaction, one client): ${postgres.raw.toFixed(0)}/s`,
    );
    console.log(`\nPostgreSQL, ${POSTGRES_INSTANCES} instances (round robin):`);
    table(postgres.levels, postgres.raw, "peak memory, each instance");
  } else console.log(`\nPostgreSQL, ${POSTGRES_INSTANCES} instances: skipped (${skipPostgres})`);

  const peak = Math.max(...levels.flatMap((level) => level.memoryMb));
  console.log("\ntargets:");
  console.log(
    `  ${check(top.perSecond >= TARGETS.perSecondAt100)} ≥ ${TARGETS.perSecondAt100}/s at 100 clients: ${top.perSecond.toFixed(0)}/s`,
  );
  console.log(
    `  ${check(top.p99 < TARGETS.p99At100Ms)} p99 < ${TARGETS.p99At100Ms} ms at 100 clients: ${top.p99.toFixed(1)} ms`,
  );
  console.log(
    `  ${check(top.perSecond / raw >= TARGETS.ofRawRate)} ≥ ${TARGETS.ofRawRate * 100} % of the raw durable rate: ${((top.perSecond / raw) * 100).toFixed(0)} %`,
  );
  console.log(
    `  ${check(peak <= TARGETS.memoryMb)} one instance ≤ ${TARGETS.memoryMb} MB: ${peak.toFixed(0)} MB`,
  );
  if (postgres) {
    const at100 = postgres.levels.at(-1) as LevelResult;
    const each = Array.from({ length: POSTGRES_INSTANCES }, (_, i) =>
      Math.max(...postgres.levels.map((level) => level.memoryMb[i] ?? 0)),
    );
    const name = `PostgreSQL, ${POSTGRES_INSTANCES} instances`;
    console.log(
      `  ${check(at100.perSecond >= POSTGRES_TARGETS.perSecondAt100)} ${name}: ≥ ${POSTGRES_TARGETS.perSecondAt100}/s at 100 clients: ${at100.perSecond.toFixed(0)}/s`,
    );
    console.log(
      `  ${check(at100.p99 < POSTGRES_TARGETS.p99At100Ms)} ${name}: p99 < ${POSTGRES_TARGETS.p99At100Ms} ms at 100 clients: ${at100.p99.toFixed(1)} ms`,
    );
    console.log(
      `  ${check(Math.max(...each) <= POSTGRES_TARGETS.memoryMb)} ${name}: each ≤ ${POSTGRES_TARGETS.memoryMb} MB: ${each.map((mb) => `${mb.toFixed(0)} MB`).join(", ")}`,
    );
  } else
    // Unmeasured is not met: a run without PostgreSQL says so among the targets too.
    console.log(
      `  ${check(false)} PostgreSQL, ${POSTGRES_INSTANCES} instances: not measured (${skipPostgres})`,
    );
  const books = await killedMidLoad(project, join(dataDir, "killed.db"), 20);
  const killed = {
    lost: books.lost + books.refusedButQueued,
    duplicated: books.duplicated,
    accepted: books.accepted,
  };
  console.log(
    `\nfault, killed mid-load (SIGKILL, restart): ${killed.accepted} accepted, lost: ${killed.lost}, duplicated: ${killed.duplicated} ${check(killed.lost === 0 && killed.duplicated === 0)}`,
  );
  for (const [fault, file] of FAULT_TESTS) console.log(`fault, ${fault}: ${faultTestOutcome(file)}`);
} finally {
  removeDir(dataDir);
  removeDir(project);
  rmSync(join(dataDir, "raw.db"), { force: true });
}

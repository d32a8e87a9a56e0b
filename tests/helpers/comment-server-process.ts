// The intake server as a separate process (`npm run comments:serve`, bundled), so that a test can
// kill it with SIGKILL and start it again on the same database, as a crash and a restart
// by systemd would. Also the submissions of many readers at once, each remembered with
// the answer it got, to count afterwards what the queue holds.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { openQueueDatabase } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import { aReader, postForm, SITE_ORIGIN, TEST_SECRET, tokenMadeAgo } from "./comment-server.ts";
import { freePort } from "./http.ts";

export interface ServerProcess {
  url: string;
  /** The running process's id (undefined once it has exited). */
  pid(): number | undefined;
  /** SIGKILL, as a crash: no cleanup runs. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function serverProcess(
  project: string,
  env: Record<string, string>,
  port: number,
): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const exited = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
  const handle: ServerProcess = {
    url,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    async start() {
      // As `npm run comments:serve` runs it (package.json).
      child = spawn(process.execPath, ["scripts/run-bundled.js", "scripts/comments-serve.ts"], {
        cwd: project,
        env: { ...process.env, ...env, COMMENTS_PORT: String(port) },
        stdio: ["ignore", "ignore", "inherit"],
      });
      for (let attempt = 0; attempt < 200; attempt++) {
        if (child.exitCode !== null) throw new Error(`the server exited with status ${child.exitCode}`);
        try {
          if ((await fetch(`${url}/`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await sleep(50);
      }
      throw new Error("the server did not start within 10 s");
    },
    async kill() {
      child?.kill("SIGKILL");
      await exited();
    },
    async stop() {
      child?.kill("SIGTERM");
      await exited();
    },
  };
  await handle.start();
  return handle;
}

export type Outcome = "accepted" | "refused" | "cut";

export interface Submission {
  text: string;
  outcome: Outcome;
}

/**
 * `clients` readers publishing comments one after another until `until()` says stop, each
 * from its own address (through a trusted proxy) with its own text; every submission is
 * remembered with what it got: the thanks page, an HTTP error, or a connection cut.
 */
async function submitUntil(url: () => string, clients: number, until: () => boolean): Promise<Submission[]> {
  const submissions: Submission[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const n = next++;
        const text = `Commentaire de charge numéro ${n}.`;
        const fields = { ...aReader, comment: text };
        const headers = {
          origin: SITE_ORIGIN,
          "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        };
        let outcome: Outcome;
        try {
          const answer = await postForm(
            `${url()}/publier`,
            { ...fields, token: tokenMadeAgo(fields, 5_000) },
            headers,
          );
          outcome =
            answer.status === 200 && /en attente de modération/.test(answer.text) ? "accepted" : "refused";
        } catch {
          outcome = "cut";
          await sleep(20);
        }
        submissions.push({ text, outcome });
      }
    }),
  );
  return submissions;
}

export interface Accounting {
  accepted: number;
  refused: number;
  cut: number;
  /** Accepted but not in the queue. */
  lost: number;
  /** In the queue more than once. */
  duplicated: number;
  /** Refused with an HTTP error, yet queued. */
  refusedButQueued: number;
}

/** What the queue holds, against what the readers were told. */
export async function account(databasePath: string, submissions: readonly Submission[]): Promise<Accounting> {
  const db = await openQueueDatabase(databasePath);
  try {
    const rows = await new CommentQueue(db).list(["pending", "approved", "published", "rejected", "spam"]);
    const copies = new Map<string, number>();
    for (const row of rows) copies.set(row.text, (copies.get(row.text) ?? 0) + 1);
    const count = (outcome: Outcome) => submissions.filter((submission) => submission.outcome === outcome);
    return {
      accepted: count("accepted").length,
      refused: count("refused").length,
      cut: count("cut").length,
      lost: count("accepted").filter((submission) => !copies.has(submission.text)).length,
      duplicated: [...copies.values()].filter((n) => n > 1).length,
      refusedButQueued: count("refused").filter((submission) => copies.has(submission.text)).length,
    };
  } finally {
    await db.destroy();
  }
}

/** The settings of a server that many readers reach through one trusted proxy (the load scenarios). */
export function proxiedServerEnv(databasePath: string): Record<string, string> {
  return {
    COMMENTS_SECRET: TEST_SECRET,
    COMMENTS_DATABASE: databasePath,
    COMMENTS_TRUST_PROXY: "127.0.0.1",
    SITE_URL: "https://www.nouslesgeeks.fr/",
  };
}

/**
 * The fault "killed mid-load": `clients` readers publish while the server is killed with
 * SIGKILL and started again on the same database; what the queue holds, against what
 * they were told.
 */
export async function killedMidLoad(
  project: string,
  databasePath: string,
  clients: number,
): Promise<Accounting> {
  const server = await serverProcess(project, proxiedServerEnv(databasePath), await freePort());
  try {
    let stop = false;
    const load = submitUntil(
      () => server.url,
      clients,
      () => stop,
    );
    await sleep(1_500);
    await server.kill();
    await sleep(300);
    await server.start();
    await sleep(1_500);
    stop = true;
    const submissions = await load;
    await server.stop();
    return await account(databasePath, submissions);
  } finally {
    await server.stop();
  }
}

// Dev-server latency: starts `eleventy --serve --incremental` (what `npm start` runs) on
// a corpus, then edits one comment file at a time and polls its post's page over HTTP
// until the edit shows. The time measured is what an author waits: file save to page.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { eleventyNodeOptions } from "./project-site.ts";
import { fetchText, freePort } from "../tests/helpers/http.ts";
import { corpusFiles, isComment } from "./corpus.ts";

export interface EditTarget {
  /** The comment file to edit, relative to the site folder. */
  commentFile: string;
  /** The post page's URL path, e.g. /billet-no-1-…/ */
  pageUrl: string;
}

async function waitFor(
  url: string,
  predicate: (text: string) => boolean,
  timeoutMs: number,
  intervalMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const text = await fetchText(url);
    if (text !== undefined && predicate(text)) return true;
    await sleep(intervalMs);
  }
  return false;
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.pid === undefined) return resolve();
    server.on("close", () => resolve());
    process.kill(-server.pid, "SIGTERM");
  });
}

// Each measurement's edits are its own, so that one never finds another's already shown.
let measurements = 0;

/** Milliseconds from each edit to the page showing it, one per target. */
async function measureCommentEdits(
  siteDir: string,
  targets: readonly EditTarget[],
  env: Record<string, string> = {},
): Promise<number[]> {
  const port = await freePort();
  const measurement = `${process.pid}-${++measurements}`;
  const server = spawn(
    process.execPath,
    [
      ...eleventyNodeOptions(siteDir),
      "scripts/eleventy.js",
      "--config=.eleventy.ts",
      "--serve",
      "--incremental",
      `--port=${port}`,
    ],
    {
      cwd: siteDir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "ignore"],
      detached: true, // its own process group, so stop() ends the server and anything it started
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    const first = targets[0];
    if (!first) return [];
    if (!(await waitFor(`${base}${first.pageUrl}`, () => true, 180_000, 100)))
      throw new Error("the dev server did not serve the corpus within 3 minutes");
    await sleep(1000); // let the watcher settle after the initial build
    const latencies: number[] = [];
    for (const [index, target] of targets.entries()) {
      const marker = `Modification nº ${index + 1} pour le banc d’essai (${measurement}).`;
      const started = performance.now();
      appendFileSync(join(siteDir, target.commentFile), `\n${marker}\n`);
      if (!(await waitFor(`${base}${target.pageUrl}`, (text) => text.includes(marker), 30_000, 5)))
        throw new Error(`the edit of ${target.commentFile} never showed on ${target.pageUrl}`);
      latencies.push(performance.now() - started);
      await sleep(500);
    }
    return latencies;
  } finally {
    await stop(server);
  }
}

/** Five posts spread over the corpus: comment 5 of each is edited. */
export function editTargets(posts: number): EditTarget[] {
  const chosen = [0.1, 0.3, 0.5, 0.7, 0.9].map((fraction) => Math.max(1, Math.round(posts * fraction)));
  const targets: EditTarget[] = [];
  let index = 0;
  for (const file of corpusFiles({ posts })) {
    if (isComment(file)) continue;
    index++;
    if (!chosen.includes(index)) continue;
    const postDir = dirname(file.path);
    targets.push({ commentFile: `${postDir}/comments/5.md`, pageUrl: `/${postDir.split("/").pop()}/` });
  }
  return targets;
}

/** A dev-server mechanism, and how to serve without it. */
interface DevMechanism {
  name: string;
  env: Record<string, string>;
}

/** The dev server's own speed mechanisms (scripts/eleventy-patches/), each turned off in turn. */
const DEV_MECHANISMS: readonly DevMechanism[] = [
  { name: "touched-file patch", env: { BUILD_SKIP_PATCHES: "touched-file-rebuilds" } },
  { name: "path-normalization patch", env: { BUILD_SKIP_PATCHES: "path-normalization" } },
];

export interface DevLatencies {
  /** Every edit's latency with the defaults, all rounds. */
  latencies: number[];
  /** Every edit's latency without each mechanism, all rounds. */
  without: { name: string; env: Record<string, string>; latencies: number[] }[];
}

/**
 * The edits' latencies with the defaults and without each dev mechanism, `rounds` times in
 * turn (the machine's load moves from one minute to the next: interleaved, each is judged
 * against the defaults of the same minutes).
 */
export async function measureDevServer(
  siteDir: string,
  targets: readonly EditTarget[],
  rounds = 2,
): Promise<DevLatencies> {
  const result: DevLatencies = {
    latencies: [],
    without: DEV_MECHANISMS.map((mechanism) => ({ ...mechanism, latencies: [] })),
  };
  for (let round = 0; round < rounds; round++) {
    result.latencies.push(...(await measureCommentEdits(siteDir, targets)));
    for (const mechanism of result.without)
      mechanism.latencies.push(...(await measureCommentEdits(siteDir, targets, mechanism.env)));
  }
  return result;
}

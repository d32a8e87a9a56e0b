// COMMENTS_REBUILD=1: the site is built again after approvals, so that a static web server
// serving `_site/` shows a new comment without anyone running `npm run build`.
// - Debounced: the first approval starts a timer and every approval until it fires joins
//   it, so that approving a whole page of comments builds once.
// - One build at a time: one asked for while a build runs runs after it (once, however
//   many asked), since that build may have read the comments before the new one.
// - Into a fresh folder, `_site.builds/<stamp>`, swapped in by site-swap.ts when the build
//   succeeded; a failed build is logged and deleted, and the site in place stays. The
//   build before the new one is kept (a reader may be downloading its pages), older ones
//   are deleted.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { outputSummary } from "../log-text.ts";
import { swapInBuild } from "./site-swap.ts";

export interface RebuildOptions {
  debounceMs?: number;
  /** The build, given `--output=<folder>` after these arguments. */
  command?: string[];
  /** The served folder, relative to the project. */
  output?: string;
}

const DEFAULT_DEBOUNCE_MS = 2000;
// The first lines of a failure are the ones that say what is wrong.
const KEPT_ERROR_OUTPUT = 16 * 1024;

function defaultCommand(): string[] {
  return [process.execPath, "scripts/eleventy.js", "--config=.eleventy.ts"];
}

/** What the build printed on standard error, first lines first; undefined when it succeeded. */
function runBuild(command: string[], cwd: string, outputDir: string): Promise<{ failure?: string }> {
  const [program = "", ...args] = command;
  return new Promise((resolvePromise) => {
    let errorOutput = "";
    const child = spawn(program, [...args, `--output=${outputDir}`], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (errorOutput.length < KEPT_ERROR_OUTPUT) errorOutput += chunk;
    });
    child.on("error", (error) => resolvePromise({ failure: error.message }));
    child.on("close", (code, signal) => {
      if (code === 0) resolvePromise({});
      else
        resolvePromise({
          failure: `${signal ? `stopped by ${signal}` : `exit status ${code}`}: ${outputSummary(errorOutput, 3)}`,
        });
    });
  });
}

export class SiteRebuilder {
  private readonly debounceMs: number;
  private readonly command: string[];
  private readonly output: string;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly projectRoot: string,
    options: RebuildOptions,
    private readonly log: (line: string) => void,
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.command = options.command ?? defaultCommand();
    this.output = resolve(projectRoot, options.output ?? "_site");
    if (this.command.length === 0) throw new Error("rebuild.command: expected a program and its arguments");
  }

  /** A comment was published: build the site soon. */
  request(): void {
    if (this.running) this.again = true;
    else this.timer ??= setTimeout(() => this.start(), this.closed ? 0 : this.debounceMs);
  }

  /** Resolves when no build is waiting or running. */
  idle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolvePromise) => this.waiters.push(resolvePromise));
  }

  /** Starts a build still waiting for its timer now, and resolves when all are done. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.start();
    }
    await this.idle();
  }

  private start(): void {
    this.timer = undefined;
    this.running = true;
    void this.build()
      .catch((error: unknown) => this.log(`site rebuild failed: ${outputSummary(String(error))}`))
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.request();
        } else {
          for (const waiter of this.waiters.splice(0)) waiter();
        }
      });
  }

  private async build(): Promise<void> {
    const builds = `${this.output}.builds`;
    mkdirSync(builds, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const fresh = mkdtempSync(join(builds, `${stamp}-`));
    const served = relative(this.projectRoot, this.output);
    const { failure } = await runBuild(this.command, this.projectRoot, fresh);
    if (failure !== undefined) {
      rmSync(fresh, { recursive: true, force: true });
      this.log(`site rebuild failed (${failure}); ${served}/ still shows the previous build`);
      return;
    }
    const previous = swapInBuild(this.output, fresh);
    const keep = new Set([basename(fresh), previous && basename(previous)]);
    for (const entry of readdirSync(builds))
      if (!keep.has(entry)) rmSync(join(builds, entry), { recursive: true, force: true });
    this.log(`site rebuilt: ${served}/ now shows ${relative(this.projectRoot, fresh)}/`);
  }
}

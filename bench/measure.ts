// Runs one build as a child process and measures it: wall time from spawn to exit, and
// the peak resident set size of the build process. GNU time reports the peak (the
// kernel's maxrss of the child) when /usr/bin/time exists; otherwise /proc/<pid>/status
// (VmHWM) is polled, which can miss a last spike but not a sustained one.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface Measurement {
  seconds: number;
  peakMb: number;
}

export interface Command {
  program: string;
  args: string[];
  cwd: string;
  /** Variables set for this build on top of the benchmark's own environment. */
  env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME);

function highWaterMarkMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function measure(command: Command): Promise<Measurement> {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [program, args] = hasGnuTime
    ? [GNU_TIME, ["-f", "%M", "-o", rssFile, command.program, ...command.args]]
    : [command.program, command.args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let polledMb = 0;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = hasGnuTime
      ? undefined
      : setInterval(() => (polledMb = Math.max(polledMb, highWaterMarkMb(child.pid ?? 0))), 20);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      let peakMb = polledMb;
      if (hasGnuTime && existsSync(rssFile)) {
        peakMb = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024;
        rmSync(rssFile, { force: true });
      }
      if (code !== 0)
        reject(
          new Error(
            `${command.program} ${command.args.join(" ")} (in ${command.cwd}) exited with ${code}:\n${stderr.slice(-3000)}`,
          ),
        );
      else resolve({ seconds, peakMb });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// The project as `npm run build` runs it, on another content folder: a temporary copy
// of the code (.eleventy.ts, src/, layouts/) and of the content templates other than
// the posts (home page, 404, sitemap, directory data), with node_modules linked.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./measure.ts";

const CODE = [".eleventy.ts", "package.json", "tsconfig.json", "scripts", "src", "layouts", "types"];

/** Copies everything but the posts' folders; `withSeed` keeps the seed posts too. */
export function writeProjectSite(
  siteDir: string,
  repositoryRoot: string,
  options: { withSeed?: boolean } = {},
): void {
  mkdirSync(siteDir, { recursive: true });
  for (const entry of CODE) {
    if (existsSync(join(repositoryRoot, entry)))
      cpSync(join(repositoryRoot, entry), join(siteDir, entry), { recursive: true });
  }
  symlinkSync(join(repositoryRoot, "node_modules"), join(siteDir, "node_modules"), "dir");
  const content = join(repositoryRoot, "content");
  for (const entry of readdirSync(content, { withFileTypes: true })) {
    if (entry.name === "posts") continue;
    cpSync(join(content, entry.name), join(siteDir, "content", entry.name), { recursive: true });
  }
  for (const entry of readdirSync(join(content, "posts"), { withFileTypes: true })) {
    if (entry.isDirectory() && !options.withSeed) continue;
    cpSync(join(content, "posts", entry.name), join(siteDir, "content/posts", entry.name), {
      recursive: true,
    });
  }
}

/**
 * The Node options of `npm run build` and `npm start` (package.json's "eleventy" script,
 * e.g. --v8-pool-size), so the benchmark runs the build exactly as they do.
 */
export function eleventyNodeOptions(siteDir: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(siteDir, "package.json"), "utf8")) as { scripts?: Record<string, string> }
  ).scripts;
  const match = /^node((?:\s+--\S+)*)\s+scripts\/eleventy\.js\b/.exec(scripts?.eleventy ?? "");
  if (!match)
    throw new Error(
      `package.json's "eleventy" script is not "node [options] scripts/eleventy.js …": the benchmark cannot run the build as npm does`,
    );
  return (match[1] ?? "")
    .trim()
    .split(/\s+/)
    .filter((option) => option !== "");
}

/** The command of `npm run build`, without npm's own start-up. */
export function projectBuild(siteDir: string, outputDir: string): Command {
  return {
    program: process.execPath,
    args: [
      ...eleventyNodeOptions(siteDir),
      "scripts/eleventy.js",
      "--config=.eleventy.ts",
      "--quiet",
      `--output=${outputDir}`,
    ],
    cwd: siteDir,
  };
}

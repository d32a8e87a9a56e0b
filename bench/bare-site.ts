// The baseline: bare Eleventy 3 building the same posts with a minimal configuration
// (a trivial layout, Eleventy's default markdown-it, no comments, no filters, no
// plugins). Run with plain node, no tsx: this is what Eleventy costs by itself.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./measure.ts";

const CONFIG = `// Bare Eleventy: the benchmark's baseline (bench/bare-site.ts).
export default function () {
  return {
    dir: { input: "content", includes: "../_includes", output: "_site" },
    markdownTemplateEngine: false,
    templateFormats: ["md"],
  };
}
`;

const LAYOUT = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

/** Writes the configuration and layout; the posts are written by the caller. */
export function writeBareSite(siteDir: string): void {
  mkdirSync(join(siteDir, "_includes"), { recursive: true });
  mkdirSync(join(siteDir, "content"), { recursive: true });
  writeFileSync(join(siteDir, "eleventy.config.mjs"), CONFIG);
  writeFileSync(join(siteDir, "_includes/post.njk"), LAYOUT);
  writeFileSync(join(siteDir, "content/content.11tydata.json"), JSON.stringify({ layout: "post.njk" }));
  writeFileSync(join(siteDir, "package.json"), JSON.stringify({ type: "module", private: true }));
}

export function bareBuild(siteDir: string, repositoryRoot: string, outputDir: string): Command {
  return {
    program: process.execPath,
    args: [
      join(repositoryRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=eleventy.config.mjs",
      "--quiet",
      `--output=${outputDir}`,
    ],
    cwd: siteDir,
  };
}

// A small page at each old address, for the hosts that only serve files (GitHub Pages,
// an S3 bucket): an immediate meta refresh to the new address, its canonical link, a
// French sentence with a link for whoever sees it, and noindex. No script, no style.
// Written straight to the output folder after Eleventy's pages, not as Eleventy pages:
// thousands of aliases cost one small file each (docs/performance.md).
// Not on Netlify or Cloudflare Pages (their builds set NETLIFY / CF_PAGES): there
// `_redirects` answers with a real 301, and on Netlify a file at the old address would
// take precedence over it (./host-rules.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { html } from "../html/html.ts";
import { frenchTypography } from "../markdown/french-typography-text.ts";
import type { Redirect } from "./alias-claims.ts";
import { aliasPageFile } from "./alias-path.ts";

export interface RedirectPageSite {
  /** The site's name, for the <title>. */
  title: string;
  language: string;
  /** The Content-Security-Policy of the pages' <meta>. */
  contentSecurityPolicy: string;
  /** The path prefix, "/" or "/blog/". */
  pathPrefix: string;
  /** Absolute address of a page from its prefix-less URL ("/le-smo/" → "https://…/le-smo/"). */
  absoluteUrl: (url: string) => string;
}

/** Whether this build writes redirect pages: not on the hosts whose `_redirects` does it with a 301. */
export function writesRedirectPages(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NETLIFY !== "true" && env.CF_PAGES !== "1";
}

function renderRedirectPage(redirect: Redirect, site: RedirectPageSite): string {
  const target = `${site.pathPrefix.replace(/\/$/, "")}${redirect.target}`;
  const title = frenchTypography(redirect.title);
  return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${site.contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=${target}">
<title>Page déplacée – ${site.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${site.absoluteUrl(redirect.target)}">
</head>
<body>
<main>
<h1>Cette page a déménagé</h1>
<p>${frenchTypography("« ")}<a href="${target}">${title}</a>${frenchTypography(" » est désormais à cette adresse : ")}<a href="${target}">${site.absoluteUrl(redirect.target)}</a>.</p>
</main>
</body>
</html>
`.value;
}

/**
 * Writes the page of every path alias into `outputDir`, and returns how many. `written`
 * remembers what this process wrote, so that a dev-server rebuild writes only what changed.
 * Synchronous: for thousands of small files, ten times faster than fs/promises here
 * (docs/performance.md), and the build has nothing else to do meanwhile.
 */
export function writeRedirectPages(
  redirects: readonly Redirect[],
  site: RedirectPageSite,
  outputDir: string,
  written: Map<string, string> = new Map(),
): number {
  const folders = new Set<string>();
  let count = 0;
  for (const redirect of redirects) {
    const file = aliasPageFile(redirect.alias);
    if (file === undefined) continue;
    count++;
    const path = join(outputDir, file);
    const text = renderRedirectPage(redirect, site);
    if (written.get(path) === text) continue;
    written.set(path, text);
    const folder = dirname(path);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(path, text);
  }
  return count;
}

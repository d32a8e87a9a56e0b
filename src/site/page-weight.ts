// What each built page costs a reader: its HTML and the stylesheets it links, gzip-
// compressed as servers send them. 14 KB is what the first round trip of a new TCP
// connection carries (initial congestion window of 10 packets), so a page within that
// budget can be read before a second round trip.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

export interface PageWeight {
  /** URL path of the page, e.g. "/le-smo-le-nouveau-community-management/". */
  url: string;
  html: number;
  /** The gzip size of the page's own stylesheets, each counted once per page. */
  css: number;
  total: number;
}

function gzipSize(content: string | Buffer): number {
  return gzipSync(content).length;
}

const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;
const HREF = /\bhref="([^"]+)"/;

/** Local stylesheets a page links: href paths starting with the path prefix. */
function stylesheetPaths(pageHtml: string, pathPrefix = "/"): string[] {
  const paths = new Set<string>();
  for (const tag of pageHtml.match(STYLESHEET) ?? []) {
    const href = HREF.exec(tag)?.[1];
    if (href?.startsWith(pathPrefix)) paths.add(href.slice(pathPrefix.length));
  }
  return [...paths];
}

function urlOf(outputDir: string, file: string): string {
  const path = `/${relative(outputDir, file).split("\\").join("/")}`;
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/** The weight of every .html page under outputDir, heaviest first. */
export function pageWeights(outputDir: string, pathPrefix = "/"): PageWeight[] {
  const cssSizes = new Map<string, number>();
  const cssSize = (path: string): number => {
    let size = cssSizes.get(path);
    if (size === undefined) {
      size = gzipSize(readFileSync(join(outputDir, path)));
      cssSizes.set(path, size);
    }
    return size;
  };
  const pages = readdirSync(outputDir, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".html"),
  );
  return pages
    .map((file) => {
      const text = readFileSync(join(outputDir, file), "utf8");
      const html = gzipSize(text);
      const css = stylesheetPaths(text, pathPrefix).reduce((sum, path) => sum + cssSize(path), 0);
      return { url: urlOf(outputDir, join(outputDir, file)), html, css, total: html + css };
    })
    .sort((a, b) => b.total - a.total || a.url.localeCompare(b.url));
}

// Checks every internal link of a built site: each href/src that points into the site
// (absolute paths, relative paths, #fragments) must name a file that exists and, when it
// has a fragment, an element with that id on the target page. Under a path prefix
// (e.g. "/blog/"), internal URLs must start with it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { parseHTML } from "linkedom";
import { builtFiles } from "./site.ts";

export interface LinkCheckOptions {
  /** The path the site is served under, "/" by default. */
  pathPrefix?: string;
  /** The site's absolute URL: links to it are checked like internal ones. */
  siteUrl?: string;
}

function htmlFiles(dir: string): string[] {
  return builtFiles(dir)
    .filter((file) => file.endsWith(".html"))
    .map((file) => join(dir, file));
}

function urlPathOf(outputDir: string, file: string): string {
  const path = `/${relative(outputDir, file).split("\\").join("/")}`;
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

function fileForPath(outputDir: string, path: string): string | undefined {
  const candidate = join(outputDir, decodeURIComponent(path));
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    ids = new Set([...document.querySelectorAll("[id]")].map((element) => element.getAttribute("id") ?? ""));
    idCache.set(file, ids);
  }
  return ids;
}

/** Returns one line per broken link: "page: url (reason)". Empty when all resolve. */
export function findBrokenLinks(outputDir: string, options: LinkCheckOptions = {}): string[] {
  idCache.clear();
  const prefix = options.pathPrefix ?? "/";
  const broken: string[] = [];
  for (const file of htmlFiles(outputDir)) {
    const pagePath = posix.join(prefix, urlPathOf(outputDir, file));
    const { document } = parseHTML(readFileSync(file, "utf8"));
    for (const element of document.querySelectorAll(
      "a[href], link[href], img[src], script[src], source[src]",
    )) {
      const raw = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      if (raw === "" || /^(mailto|tel|data):/i.test(raw)) continue;
      const base = `http://site.invalid${pagePath}`;
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        broken.push(`${pagePath}: ${raw} (not a URL)`);
        continue;
      }
      if (options.siteUrl && raw.startsWith(options.siteUrl))
        url = new URL(raw.slice(options.siteUrl.length), `http://site.invalid${prefix}`);
      if (url.host !== "site.invalid") continue;
      if (!url.pathname.startsWith(prefix)) {
        broken.push(`${pagePath}: ${raw} (outside the path prefix ${prefix})`);
        continue;
      }
      const target = fileForPath(outputDir, `/${url.pathname.slice(prefix.length)}`);
      if (!target) {
        broken.push(`${pagePath}: ${raw} (no such file)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment))
        broken.push(`${pagePath}: ${raw} (no element with id "${fragment}")`);
    }
  }
  return broken;
}

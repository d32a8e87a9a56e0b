// The path the site is served under ("/" at the root of a domain, "/blog/" in a
// sub-folder, "/<repository>/" on GitHub Pages). PATH_PREFIX sets it for a deploy; the
// command line's --pathprefix wins over it. Eleventy's HtmlBasePlugin then prefixes every
// internal URL of every page, the feed and the sitemap.

/** "blog", "/blog" and "/blog/" all mean "/blog/"; nothing means "/". */
export function pathPrefixFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const segments = (env.PATH_PREFIX ?? "").split("/").filter((segment) => segment !== "");
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

/** The address of the site's home page: the site URL (SITE_URL) with the path prefix. */
export function homeUrl(siteUrl: string, pathPrefix = "/"): string {
  return new URL(pathPrefix.replace(/^\/+/, ""), siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
}

/**
 * The absolute address of a page of the site from its URL ("/le-smo/" → home URL +
 * "le-smo/"), as HtmlBasePlugin's `htmlBaseUrl` filter gives it, without building and
 * checking URL objects for every page (docs/performance.md).
 */
export function absoluteUrl(pageUrl: string, home: string): string {
  if (pageUrl.startsWith("/") && !pageUrl.startsWith("//")) return `${home}${pageUrl.slice(1)}`;
  return new URL(pageUrl, home).href;
}

// The old addresses of an imported post or page, kept in its front matter's `aliases` so
// that the build redirects them to the new one: the path of its WordPress <link> (a
// date-based permalink, say), the same path under each earlier slug (`_wp_old_slug`,
// which WordPress itself redirected), both the decoded and the percent-encoded forms of a
// path that is not ASCII (links to either exist in the wild), and `/?p=<ID>`, WordPress's
// address that works whatever the permalinks. Every alias is an absolute path ("/…").
import { decodePercent } from "./folder-names.ts";

function pathOf(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** The forms of a path readers may have linked to: as given, decoded, percent-encoded. */
function forms(path: string): string[] {
  if (path.includes("?")) return [path];
  const decoded = path
    .split("/")
    .map((segment) => decodePercent(segment))
    .join("/");
  const encoded = decoded
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  return [path, decoded, encoded];
}

function withOldSlug(path: string, currentSlug: string, oldSlug: string): string | undefined {
  const [pathname = "", query] = path.split("?", 2);
  if (query !== undefined) return undefined;
  const segments = pathname.split("/");
  let last = segments.length - 1;
  while (last >= 0 && segments[last] === "") last -= 1;
  if (last < 0) return undefined;
  const segment = segments[last] ?? "";
  if (decodePercent(segment).toLowerCase() !== decodePercent(currentSlug).toLowerCase()) return undefined;
  segments[last] = oldSlug;
  return segments.join("/");
}

export interface AliasSource {
  id: string;
  link: string;
  /** The item's slug as WordPress stored it. */
  name: string;
  oldSlugs: readonly string[];
}

/** The item's old addresses, without `newPath` (its address on the new site), sorted. */
export function aliasesOf(item: AliasSource, newPath: string): string[] {
  const aliases = new Set<string>();
  const linkPath = pathOf(item.link);
  if (linkPath !== undefined && linkPath !== "/") for (const form of forms(linkPath)) aliases.add(form);
  for (const oldSlug of item.oldSlugs) {
    if (oldSlug.trim() === "") continue;
    // The link's path with the old slug in place of the new; a link that does not end
    // with the slug (?p= permalinks) gives the slug at the root.
    const old =
      (linkPath === undefined ? undefined : withOldSlug(linkPath, item.name, oldSlug.trim())) ??
      `/${oldSlug.trim()}/`;
    for (const form of forms(old)) aliases.add(form);
  }
  aliases.add(`/?p=${item.id}`);
  aliases.delete(newPath);
  return [...aliases].filter((alias) => alias.startsWith("/") && !/\s/.test(alias)).sort();
}

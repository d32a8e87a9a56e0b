// Which page each old address redirects to, across the whole site: every post's and
// page's `aliases` (./alias-path.ts) become redirects, unless an address is already a
// page of the site, one the site keeps for its own pages (src/site/reserved-addresses.ts),
// a file the build writes at the root, or an alias of another post or page. Each such
// collision is one problem naming both. The build and check:content plan them alike
// (planSiteRedirects), so an author learns of a collision before building.
import { contentFileAddress } from "../content/addresses.ts";
import { problem, type Problem } from "../content/problem.ts";
import { RESERVED_ADDRESSES } from "../site/reserved-addresses.ts";
import { claimedAddress, parseAliasPath, type AliasPath } from "./alias-path.ts";

/** A post or a page, as the build knows it: its file, its address and what it lists as old ones. */
export interface AliasOwner {
  /** Its file, for the problems' lines ("content/posts/le-smo/index.md"). */
  file: string;
  /** Its address now, without the path prefix ("/le-smo/"). */
  url: string;
  title: string;
  aliases: readonly string[];
}

/** One old address and where it goes now. */
export interface Redirect {
  alias: AliasPath;
  /** The address it redirects to, without the path prefix. */
  target: string;
  /** The title of the post or page, for the redirect page's link. */
  title: string;
}

/**
 * The files the build writes at the site's root, whose names an alias cannot take:
 * the home page, the feed, the sitemap, the 404 page, the hosts' files (_headers,
 * _redirects) and nginx's map (./nginx-conf.ts).
 */
const ROOT_FILES: ReadonlyMap<string, string> = new Map([
  ["/", "the home page"],
  ["/index.html", "the home page"],
  ["/feed.xml", "the posts' feed"],
  ["/sitemap.xml", "the sitemap"],
  ["/404.html", "the page for a missing address"],
  ["/_headers", "the hosts' headers file"],
  ["/_redirects", "the hosts' redirects file"],
  ["/redirects.nginx.conf", "nginx's redirects"],
]);

/** "/le-smo/index.html" is "/le-smo/": the address a host serves that file at. */
function servedAddress(address: string): string {
  return address.endsWith("/index.html") ? address.slice(0, -"index.html".length) : address;
}

/** What takes this address already, other than an alias: a root file or a reserved first segment. */
function siteAddressOwner(address: string): string | undefined {
  const root = ROOT_FILES.get(address);
  if (root) return root;
  const first = /^\/([^/?]+)/.exec(address)?.[1];
  const reserved = first === undefined ? undefined : RESERVED_ADDRESSES.get(first);
  return reserved && `/${first}/, ${reserved}`;
}

/** Every alias of these posts and pages as a redirect, and a problem for each that cannot be one. */
export function planRedirects(owners: readonly AliasOwner[]): { redirects: Redirect[]; problems: Problem[] } {
  const pages = new Map(owners.map((owner) => [owner.url, owner.file]));
  const claims = new Map<string, AliasOwner>();
  const redirects: Redirect[] = [];
  const problems: Problem[] = [];
  for (const owner of owners) {
    for (const written of owner.aliases) {
      const refuse = (message: string) => problems.push(problem(owner.file, "aliases", message));
      const parsed = parseAliasPath(written);
      if (!parsed.ok) {
        refuse(parsed.message);
        continue;
      }
      const address = servedAddress(claimedAddress(parsed.alias));
      const page = pages.get(address);
      const taken = siteAddressOwner(address);
      const earlier = claims.get(address);
      if (page === owner.file) refuse(`"${written}" is this page's own address: an alias is an old one`);
      else if (page !== undefined)
        refuse(`"${written}" is the address of ${page}: remove it from one of them`);
      else if (taken) refuse(`"${written}" is an address the site keeps for its own pages: ${taken}`);
      else if (earlier && earlier !== owner)
        refuse(`"${written}" is also an alias of ${earlier.file}: an old address redirects to one page`);
      else if (!earlier) {
        claims.set(address, owner);
        redirects.push({ alias: parsed.alias, target: owner.url, title: owner.title });
      } else if (!redirects.some((r) => r.target === owner.url && r.alias.decoded === parsed.alias.decoded))
        // The same address written another way ("/café/" and "/caf%C3%A9/", "/old" and
        // "/old/"): one redirect each, for the hosts that match one form and not the other.
        redirects.push({ alias: parsed.alias, target: owner.url, title: owner.title });
    }
  }
  return { redirects, problems };
}

/** A file of the site with its data: an Eleventy page's (the build), a post's or page's front matter (check:content). */
export interface AliasSource {
  /** Relative to the project, "./" or not ("content/posts/le-smo/index.md"). */
  file: string;
  data: { title?: unknown; aliases?: unknown };
}

/**
 * The redirects of the site's posts and pages, the one plan the build and check:content
 * make: every post and page is an owner, aliases or not (its address is taken), at its
 * address by the content contract (`contentFileAddress`); other files are left out. In
 * the order of their files, so that both name the same file of two that claim an alias.
 */
export function planSiteRedirects(
  sources: readonly AliasSource[],
  contentDir?: string,
): ReturnType<typeof planRedirects> {
  const owners = sources.flatMap(({ file, data }): AliasOwner[] => {
    const url = contentFileAddress(file, contentDir);
    if (url === undefined) return [];
    const aliases = Array.isArray(data.aliases)
      ? data.aliases.filter((alias): alias is string => typeof alias === "string")
      : [];
    return [{ file: file.replace(/^\.\//, ""), url, title: String(data.title ?? ""), aliases }];
  });
  return planRedirects(owners.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
}

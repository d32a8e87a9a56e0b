// The redirects as rules for the hosts that read a `_redirects` file (Netlify, Cloudflare
// Pages) and for nginx (./nginx-conf.ts): one line per old address, except where one
// pattern covers many, so that a blog of 10,000 posts stays within what the hosts read
// (Cloudflare Pages: 2,000 static rules, then 100 with placeholders; Netlify advises
// placeholders from 10,000 rules on):
// - a year's dated permalinks, /2010/07/21/<slug>/ (or /2010/07/<slug>/) → /<slug>/,
//   when at least two of that year's aliases follow it: /2010/:month/:day/:slug/ → /:slug/.
//   One rule a year, never /:year/…: a placeholder in the first segment would catch
//   every address of four segments, /tags/seo/page/2/ among them;
// - WordPress's other addresses, once the site has aliases at all (it came from
//   somewhere): /tag/<t>/ and /category/<c>/ → /tags/<t>/, /feed/ → /feed.xml,
//   /<slug>/comment-page-<n>/ → /<slug>/.
// A rule whose first segment is the address of a post or page of the site is left out,
// so no rule ever hides a page. "?p=" aliases are for nginx alone: hosts' files match paths.

import type { Redirect } from "./alias-claims.ts";

/** One rule, with the prefix-less paths ("/2010/:month/:day/:slug/" → "/:slug/"). */
export interface HostRule {
  from: string;
  to: string;
  /** The nginx form of a pattern: a regular expression on the decoded path, and its target with $1. */
  regex?: { match: string; to: string };
}

export interface HostRules {
  /** One line per path alias, both forms of a non-ASCII one (encoded, then as written). */
  exact: HostRule[];
  patterns: HostRule[];
}

const DATED = /^\/([0-9]{4})\/[0-9]{2}\/(?:[0-9]{2}\/)?([^/]+)\/$/;

/** The rules of these redirects; `takenSegments`: the first segments of the site's own addresses. */
export function hostRules(redirects: readonly Redirect[], takenSegments: ReadonlySet<string>): HostRules {
  const paths = redirects.filter((redirect) => redirect.alias.postId === undefined);
  // Dated aliases that a year's rule would send where they go already, by year and shape.
  const followers = new Map<string, Redirect[]>();
  for (const redirect of paths) {
    const match = DATED.exec(redirect.alias.decoded);
    if (!match || redirect.target !== `/${match[2]}/` || takenSegments.has(match[1] as string)) continue;
    const shape = `${match[1]}/${redirect.alias.decoded.split("/").length - 2}`;
    followers.set(shape, [...(followers.get(shape) ?? []), redirect]);
  }
  const covered = new Set<Redirect>();
  const patterns: HostRule[] = [];
  for (const [shape, list] of [...followers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length < 2) continue;
    for (const redirect of list) covered.add(redirect);
    const [year, segments] = shape.split("/");
    patterns.push(
      segments === "4"
        ? {
            from: `/${year}/:month/:day/:slug/`,
            to: "/:slug/",
            regex: { match: `^/${year}/[^/]+/[^/]+/([^/]+)/?$`, to: "/$1/" },
          }
        : {
            from: `/${year}/:month/:slug/`,
            to: "/:slug/",
            regex: { match: `^/${year}/[^/]+/([^/]+)/?$`, to: "/$1/" },
          },
    );
  }
  if (redirects.length > 0) patterns.push(...wordpressRules(takenSegments));
  const exact: HostRule[] = [];
  for (const redirect of paths) {
    if (covered.has(redirect)) continue;
    exact.push({ from: redirect.alias.encoded, to: redirect.target });
    if (redirect.alias.decoded !== redirect.alias.encoded)
      exact.push({ from: redirect.alias.decoded, to: redirect.target });
  }
  return { exact, patterns };
}

/** WordPress's addresses that no post lists: tag and category archives, the feed, comment pages. */
function wordpressRules(takenSegments: ReadonlySet<string>): HostRule[] {
  const rules: (HostRule & { segment?: string })[] = [
    {
      segment: "tag",
      from: "/tag/:tag/",
      to: "/tags/:tag/",
      regex: { match: "^/tag/([^/]+)/?$", to: "/tags/$1/" },
    },
    {
      segment: "category",
      from: "/category/:category/",
      to: "/tags/:category/",
      regex: { match: "^/category/([^/]+)/?$", to: "/tags/$1/" },
    },
    { segment: "feed", from: "/feed/", to: "/feed.xml", regex: { match: "^/feed/?$", to: "/feed.xml" } },
    {
      from: "/:slug/comment-page-:page/",
      to: "/:slug/",
      regex: { match: "^/([^/]+)/comment-page-[0-9]+/?$", to: "/$1/" },
    },
  ];
  return rules
    .filter((rule) => rule.segment === undefined || !takenSegments.has(rule.segment))
    .map(({ from, to, regex }) => ({ from, to, ...(regex ? { regex } : {}) }));
}

/** Cloudflare Pages reads 2,000 rules without placeholders, then 100 with. */
const CLOUDFLARE_STATIC_RULES = 2000;
const CLOUDFLARE_DYNAMIC_RULES = 100;

const isDynamic = (rule: HostRule) => /[*]|:[A-Za-z]/.test(rule.from);

/**
 * `_redirects`: the exact lines first, then the patterns (Cloudflare counts every line
 * after the first pattern as one), each `<old> <new> 301`, under the path prefix.
 * `301`, not Netlify's forced `301!`: Cloudflare's parser refuses any status but a
 * number (and always redirects, file or not); Netlify redirects where no file is, so
 * the build writes no redirect pages for it (./redirect-pages.ts).
 */
export function renderRedirectsFile(rules: HostRules, pathPrefix = "/"): string {
  const prefix = pathPrefix.replace(/\/$/, "");
  const lines = [
    "# Old addresses and where they are now: the `aliases` of the posts and pages, written by",
    "# the build (src/redirects/host-rules.ts). Read by Netlify and Cloudflare Pages.",
  ];
  const statics = [...rules.exact, ...rules.patterns].filter((rule) => !isDynamic(rule));
  const dynamics = rules.patterns.filter(isDynamic);
  for (const rule of [...statics, ...dynamics]) lines.push(`${prefix}${rule.from} ${prefix}${rule.to} 301`);
  return `${lines.join("\n")}\n`;
}

/** What a host would drop of these rules, in one line each, for the build to print. */
export function hostRuleWarnings(rules: HostRules): string[] {
  const statics = [...rules.exact, ...rules.patterns].filter((rule) => !isDynamic(rule)).length;
  const dynamics = rules.patterns.filter(isDynamic).length;
  const warnings: string[] = [];
  if (statics > CLOUDFLARE_STATIC_RULES)
    warnings.push(
      `_redirects: ${statics} rules without placeholders, more than the ${CLOUDFLARE_STATIC_RULES} Cloudflare Pages reads (Netlify and nginx read them all)`,
    );
  if (dynamics > CLOUDFLARE_DYNAMIC_RULES)
    warnings.push(
      `_redirects: ${dynamics} rules with placeholders, more than the ${CLOUDFLARE_DYNAMIC_RULES} Cloudflare Pages reads`,
    );
  return warnings;
}

// The redirects for nginx, `_site/redirects.nginx.conf`: two `map`s, for nginx's http
// block, that set one variable to where an old address goes now, and the one line the
// site's server block needs to send it (the README's nginx section):
//     if ($redirect_www_nouslesgeeks_fr) { return 301 $redirect_www_nouslesgeeks_fr; }
// The first map is on the path ($uri, decoded by nginx: one key per address however it
// was encoded): each path alias, with and without its final "/", then the host rules'
// patterns as regular expressions (./host-rules.ts). The second is on the path and the
// WordPress post id of "/?p=123", which no static file can answer; it falls back to the
// first. `map` lives in the http block only, hence a variable rather than locations.
import type { Redirect } from "./alias-claims.ts";
import type { HostRules } from "./host-rules.ts";

/** The variable's name, from the site's host and path prefix: two sites on one nginx keep theirs apart. */
export function nginxVariable(siteUrl: string, pathPrefix = "/"): string {
  const host = new URL(siteUrl).host;
  return `redirect_${`${host}${pathPrefix}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")}`;
}

/** A map key or value, quoted: aliases hold no quote, backslash, space or "$" (./alias-path.ts). */
const quoted = (text: string) => `"${text}"`;

export function renderNginxConf(
  redirects: readonly Redirect[],
  rules: HostRules,
  options: { siteUrl: string; pathPrefix?: string },
): string {
  const prefix = (options.pathPrefix ?? "/").replace(/\/$/, "");
  const variable = nginxVariable(options.siteUrl, options.pathPrefix);
  const paths = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const redirect of redirects) {
    const to = `${prefix}${redirect.target}`;
    const from = `${prefix}${redirect.alias.decoded}`;
    if (redirect.alias.postId !== undefined) {
      ids.set(`${from}?p=${redirect.alias.postId}`, to);
      continue;
    }
    paths.set(from, to);
    // "/old/" is asked for as "/old" too, and "/old" as "/old/" (its static page is old/index.html).
    const other = from.endsWith("/") ? from.slice(0, -1) : /\.[^/.]+$/.test(from) ? undefined : `${from}/`;
    if (other && other !== "" && !paths.has(other)) paths.set(other, to);
  }
  const lines = [
    "# Old addresses and where they are now: the `aliases` of the posts and pages, written by",
    "# the build (src/redirects/nginx-conf.ts). Include this file in nginx's http block, and",
    "# write in the site's server block:",
    `#     if ($${variable}) { return 301 $${variable}; }`,
    `map $uri $${variable}_path {`,
    '    default "";',
    ...[...paths].map(([from, to]) => `    ${quoted(from)} ${quoted(to)};`),
    ...rules.patterns.flatMap((rule) =>
      rule.regex
        ? [`    ${quoted(`~^${prefix}${rule.regex.match.slice(1)}`)} ${quoted(`${prefix}${rule.regex.to}`)};`]
        : [],
    ),
    "}",
    // "$uri?p=$arg_p": the path and the post id ("/?p=123"), empty after "p=" when there is none.
    `map "$uri?p=$arg_p" $${variable} {`,
    `    default $${variable}_path;`,
    ...[...ids].map(([from, to]) => `    ${quoted(from)} ${quoted(to)};`),
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

// An alias: an old address of a post or a page, which the build turns into a redirect to
// its address now (front matter `aliases:`, src/content/schemas.ts). It is a path of this
// site, percent-encoded or not ("/2010/07/21/le-smo/", "/caf%C3%A9/" or "/café/"), or the
// WordPress form "/?p=123", which only a server can redirect (nginx: ./nginx-conf.ts).
// Strict, because each alias becomes a file name, a `_redirects` line and an nginx key:
// no scheme or host, no "." or ".." segment, no empty segment, no quote, space, control
// character or other character that would need escaping in any of the three.

/** An alias read and checked: the same address, in the forms each output needs. */
export interface AliasPath {
  /** As written in the front matter (trimmed). */
  written: string;
  /** The path decoded ("/café/"), without a query: what hosts look up and nginx's $uri holds. */
  decoded: string;
  /** The path percent-encoded where it must be ("/caf%C3%A9/"), without a query. */
  encoded: string;
  /** The WordPress post id of a "/?p=123" alias; such an alias has no static page. */
  postId?: string;
}

export type AliasParse = { ok: true; alias: AliasPath } | { ok: false; message: string };

const HINT = 'expected an absolute path of this site, e.g. "/2010/07/21/le-smo/" or "/?p=123"';

// Characters refused in a decoded path: controls, spaces (any Unicode white space), and
// those that quoting or escaping would have to handle in HTML, nginx or `_redirects`.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const REFUSED = /[\u0000-\u0020\u007F-\u00A0\s"'<>\\`{}|^#%?;$\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const QUERY = /^p=([1-9][0-9]{0,18})$/;
const MAX_LENGTH = 500;

/** Encodes what a URL path may not hold as is (non-ASCII, mostly), keeping "/" and the rest. */
function encodePath(decoded: string): string {
  return decoded.replace(/[^A-Za-z0-9\-._~!&()*+,=:@/]/gu, (character) => encodeURIComponent(character));
}

function decodePath(path: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(path)) return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Checks one alias; the message says what is wrong with it, for a one-line problem. */
export function parseAliasPath(value: string): AliasParse {
  const written = value.trim();
  const refuse = (why: string): AliasParse => ({ ok: false, message: `"${value}" ${why}: ${HINT}` });
  if (written.length > MAX_LENGTH) return refuse(`is longer than ${MAX_LENGTH} characters`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith("//"))
    return refuse("names a scheme or a host: an alias is a path of this site only");
  if (!written.startsWith("/")) return refuse('does not start with "/"');
  const queryAt = written.indexOf("?");
  const path = queryAt === -1 ? written : written.slice(0, queryAt);
  const query = queryAt === -1 ? undefined : written.slice(queryAt + 1);
  const postId = query === undefined ? undefined : QUERY.exec(query)?.[1];
  if (query !== undefined && postId === undefined)
    return refuse('has a query other than "?p=<number>", the only one an alias may have');
  const decoded = decodePath(path);
  if (decoded === undefined) return refuse("has a broken percent-encoding (% and two hex digits, in UTF-8)");
  if (REFUSED.test(decoded))
    return refuse("holds a space, a quote, a control character or one of # % ? ; $ < > \\ ` { } | ^");
  const segments = decoded.split("/").slice(1, -1);
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".."))
    return refuse('has an empty, "." or ".." segment');
  const last = decoded.slice(decoded.lastIndexOf("/") + 1);
  if (last === "." || last === "..") return refuse('has an empty, "." or ".." segment');
  return {
    ok: true,
    alias: { written, decoded, encoded: encodePath(decoded), ...(postId === undefined ? {} : { postId }) },
  };
}

/**
 * The address an alias claims, to find two claims of one address: "/old" and "/old/"
 * (one static page, old/index.html) are one; "/?p=12" stays as it is.
 */
export function claimedAddress(alias: AliasPath): string {
  if (alias.postId !== undefined) return `${alias.decoded}?p=${alias.postId}`;
  return alias.decoded.endsWith("/") || lastSegmentIsFile(alias.decoded)
    ? alias.decoded
    : `${alias.decoded}/`;
}

/** "/old.html", "/feed.php": a name with an extension is a file, not a folder. */
function lastSegmentIsFile(path: string): boolean {
  return /\.[^/.]+$/.test(path.slice(path.lastIndexOf("/") + 1));
}

/**
 * The static page of a path alias, relative to the output folder: "old/index.html",
 * "old.html"; none for a "?p=" alias, nor for a file that is no HTML page ("/feed.php":
 * a host would not serve it as one), which only the host's rules redirect.
 */
export function aliasPageFile(alias: AliasPath): string | undefined {
  if (alias.postId !== undefined) return undefined;
  const path = alias.decoded.slice(1);
  if (path === "" || path.endsWith("/")) return `${path}index.html`;
  if (!lastSegmentIsFile(path)) return `${path}/index.html`;
  return /\.html?$/.test(path) ? path : undefined;
}

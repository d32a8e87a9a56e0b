// COMMENTS_URL: the public address of the comment server (src/comment-server/), read when
// the site is built. With it, post pages hold the comment form, which posts there, and
// "Répondre" links to its reply pages; their Content Security Policy lets forms go there
// and nowhere else. Without it, comments are closed on every page.

class CommentsUrlError extends Error {}

/**
 * COMMENTS_URL as the pages use it: trimmed, normalised by the URL parser, without a
 * trailing slash ("https://commentaires.exemple.fr", "http://127.0.0.1:8081"); undefined
 * when unset or blank. Anything but an absolute http(s) address is refused.
 */
export function commentsUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.COMMENTS_URL?.trim() ?? "";
  if (value === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const usable =
    url !== undefined &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.hostname !== "" &&
    url.username === "" &&
    url.password === "" &&
    url.search === "" &&
    url.hash === "";
  if (!usable || !url)
    throw new CommentsUrlError(
      `COMMENTS_URL: "${value}" is not valid: expected the comment server's absolute address, starting with http:// or https:// (e.g. https://commentaires.exemple.fr), or nothing to close comments`,
    );
  return url.href.replace(/\/+$/, "");
}

/** The origin forms may be sent to: the comment server's, if any. */
export function commentsOrigin(commentsUrl: string | undefined): string | undefined {
  return commentsUrl === undefined ? undefined : new URL(commentsUrl).origin;
}

/**
 * COMMENTS_URL for a build: a wrong value stops it at once with one line and exit status
 * 1, no stack trace (set DEBUG for one), as content problems do (src/content/report.ts).
 */
export function buildCommentsUrl(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.error,
): string | undefined {
  try {
    return commentsUrlFromEnv(env);
  } catch (error) {
    if (!(error instanceof CommentsUrlError) || env.DEBUG) throw error;
    log(error.message);
    process.exit(1);
  }
}

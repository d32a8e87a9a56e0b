// The site's Content Security Policy and security headers, written once. The pages carry
// the policy in a <meta http-equiv> (layouts/base.njk); content/_headers.njk writes the
// same policy, plus what only a real header can say, into `_headers` (the format of
// Netlify and Cloudflare Pages) for hosts that read it.
//
// The site needs nothing but its own stylesheet and images: no script runs (JSON-LD
// blocks are data, which CSP does not execute), no inline style, no frame. Its one form,
// the comment form, posts to the comment server (COMMENTS_URL, src/site/comments-url.ts):
// forms may go to that origin only, and nowhere when there is none.
import { commentsOrigin } from "./comments-url.ts";

export interface SecurityOptions {
  /** The Eleventy dev server injects its live-reload script and opens a WebSocket. */
  liveReload?: boolean;
  /** The comment server's address (COMMENTS_URL), if comments are open. */
  commentsUrl?: string | undefined;
}

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

function pageDirectives(options: SecurityOptions): Record<string, string> {
  return {
    "default-src": "'none'",
    ...(options.liveReload ? { "script-src": "'self'", "connect-src": "'self'" } : {}),
    "style-src": "'self'",
    "img-src": "'self'",
    // An imported post's audio and video, published beside it (src/build/post-media.ts).
    "media-src": "'self'",
    "base-uri": "'none'",
    "form-action": commentsOrigin(options.commentsUrl) ?? "'none'",
  };
}

/** The policy for a page's <meta http-equiv="Content-Security-Policy">. */
export function metaContentSecurityPolicy(options: SecurityOptions = {}): string {
  return policy(pageDirectives(options));
}

/**
 * Headers for every response. frame-ancestors is only honoured in a real header (a
 * <meta> policy ignores it), so it is added here.
 */
export function securityHeaders(
  options: Pick<SecurityOptions, "commentsUrl"> = {},
): Array<[name: string, value: string]> {
  return [
    [
      "Content-Security-Policy",
      policy({ ...pageDirectives({ commentsUrl: options.commentsUrl }), "frame-ancestors": "'none'" }),
    ],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ];
}

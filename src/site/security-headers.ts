// The site's Content Security Policy and security headers, written once. The pages carry
// the policy in a <meta http-equiv> (layouts/base.njk); content/_headers.njk writes the
// same policy, plus what only a real header can say, into `_headers` (the format of
// Netlify and Cloudflare Pages) for hosts that read it.
//
// The site needs nothing but its own stylesheet and images: no script runs (JSON-LD
// blocks are data, which CSP does not execute), no inline style, no frame, no form.

export interface SecurityOptions {
  /** The Eleventy dev server injects its live-reload script and opens a WebSocket. */
  liveReload?: boolean;
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
    "base-uri": "'none'",
    "form-action": "'none'",
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
export function securityHeaders(): Array<[name: string, value: string]> {
  return [
    ["Content-Security-Policy", policy({ ...pageDirectives({}), "frame-ancestors": "'none'" })],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ];
}

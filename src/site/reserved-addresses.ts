// The addresses the site's own pages take, by their first path segment: a post lives at
// /<its folder>/ (src/content/post-dirs.ts), so a post folder of one of these names would
// share its address with them. One list, each entry saying which template or setting
// takes it; a new page at the root of the site adds its segment here.
// Addresses whose first segment could never be a post folder's name need no entry:
// /feed.xml (the feed plugin, .eleventy.ts), /sitemap.xml (content/sitemap.xml.njk) and
// /404.html hold a dot, /_headers (content/_headers.njk) starts with an underscore.

/** Taken first segments, each with what takes it (for the refusal's message). */
export const RESERVED_ADDRESSES: ReadonlyMap<string, string> = new Map([
  ["page", "the home page's next pages, /page/2/ and on (content/index.11ty.js)"],
  ["assets", "the stylesheet, copied to /assets/ (the passthrough copy in .eleventy.ts)"],
  [
    "404",
    "the page for a missing address, /404.html (content/404.njk), which hosts such as Netlify also serve at /404",
  ],
  ["tags", "the pages of the posts' tags (their front matter's tags), kept for them"],
]);

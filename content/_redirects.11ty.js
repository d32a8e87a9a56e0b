// `_redirects`, read by Netlify and Cloudflare Pages from the published folder: the old
// addresses of posts and pages (their `aliases`) and WordPress's, each redirected with a
// 301 to where it is now (src/redirects/host-rules.ts, the `redirects` collection).

export const data = {
  permalink: "/_redirects",
  eleventyExcludeFromCollections: true,
};

/** @this {{ renderRedirectsFile: Function }} */
export function render(data) {
  return this.renderRedirectsFile(data.collections.redirects);
}

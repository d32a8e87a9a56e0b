// `redirects.nginx.conf`: the same redirects for nginx, `map`s to include in its http
// block, "?p=" addresses included (src/redirects/nginx-conf.ts; the README's nginx section).

export const data = {
  permalink: "/redirects.nginx.conf",
  eleventyExcludeFromCollections: true,
};

/** @this {{ renderNginxConf: Function }} */
export function render(data) {
  return this.renderNginxConf(data.collections.redirects);
}

// Every post: its layout and its URL, the slug of its title (the `postSlug` function of
// .eleventy.ts, src/format/slug.ts). A permalink function rather than `eleventyComputed`:
// computed data costs Eleventy a dependency graph per page (0.1 s at 4,000 posts).
// Plain JavaScript importing no TypeScript: `npm run build` loads the configuration as
// one bundled module (scripts/eleventy.js), and these functions through it.

export default {
  layout: "post.njk",
  /** @this {{ postSlug: (title: string) => string }} */
  permalink(data) {
    return `/${this.postSlug(data.title)}/`;
  },
};

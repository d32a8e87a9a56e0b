// /tags/: every tag of the published posts with its count (src/site/tag-pages.ts, the
// `renderTagIndex` function of .eleventy.ts), from the `tagIndex` collection (src/site/tags.ts).

export const data = {
  layout: "base.njk",
  permalink: "/tags/",
  eleventyExcludeFromCollections: true,
  title: "Étiquettes",
  description: "Toutes les étiquettes des articles, chacune avec ses articles.",
};

/** @this {{ renderTagIndex: Function }} */
export function render(data) {
  return this.renderTagIndex(
    (data.collections.tagIndex ?? []).map((tag) => ({ name: tag.name, url: tag.url, count: tag.posts.length })),
  );
}

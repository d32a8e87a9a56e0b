// Each tag's pages, /tags/<slug>/ then /tags/<slug>/page/2/ and on, ten posts a page as
// on the home page: one Eleventy page per entry of the `tagPages` collection
// (src/site/tags.ts), rendered by src/site/tag-pages.ts (`renderTagPage`). JavaScript, as
// the home page (content/index.11ty.js says why).

export const data = {
  layout: "base.njk",
  eleventyExcludeFromCollections: true,
  pagination: { data: "collections.tagPages", size: 1, alias: "tagPage" },
  permalink: (data) => data.tagPage.hrefs[data.tagPage.pageNumber],
  eleventyComputed: {
    // The page's <title> (layouts/base.njk adds the site's name and French typography).
    title: ({ tagPage }) =>
      `Étiquette « ${tagPage.tag.name} »${tagPage.pageNumber > 0 ? `, page ${tagPage.pageNumber + 1}` : ""}`,
    description: (data) =>
      `Les articles de ${data.metadata.title} avec l’étiquette « ${data.tagPage.tag.name} ».`,
  },
};

/** @this {{ commentCount: (inputPath: string) => number, renderTagPage: Function }} */
export function render(data) {
  const page = data.tagPage;
  return this.renderTagPage({
    name: page.tag.name,
    count: page.tag.posts.length,
    pageNumber: page.pageNumber,
    hrefs: page.hrefs,
    posts: page.posts.map((post) => ({
      url: post.url,
      title: post.data.title,
      date: post.date,
      author: post.data.author,
      description: post.data.description,
      draft: false,
      commentCount: this.commentCount(post.inputPath),
    })),
  });
}

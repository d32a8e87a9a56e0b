// The home page: the posts, newest first, ten a page (/, /page/2/, …), rendered by
// src/site/home-page.ts (the `renderHomePage` function of .eleventy.ts). JavaScript
// rather than Nunjucks: Eleventy 3.1 compiles a paginated Nunjucks template's body and
// front matter strings again for every page.

/** The 0-based page number of the home page being built. */
const pageNumber = (data) => data.pagination?.pageNumber ?? 0;

export const data = {
  layout: "base.njk",
  eleventyExcludeFromCollections: true,
  pagination: {
    data: "collections.posts",
    size: 10,
    reverse: true,
    alias: "posts",
    // No published post yet: still a home page, saying so.
    generatePageOnEmptyData: true,
  },
  permalink: (data) => (pageNumber(data) > 0 ? `/page/${pageNumber(data) + 1}/` : "/"),
  eleventyComputed: {
    // The page's <title>: the site's name alone on the first page.
    title: (data) => (pageNumber(data) > 0 ? `Articles, page ${pageNumber(data) + 1}` : ""),
  },
};

/** @this {{ commentCount: (inputPath: string) => number, renderHomePage: Function }} */
export function render(data) {
  return this.renderHomePage({
    pageNumber: pageNumber(data),
    hrefs: data.pagination?.hrefs ?? ["/"],
    posts: (data.posts ?? []).map((post) => ({
      url: post.url,
      title: post.data.title,
      date: post.date,
      author: post.data.author,
      description: post.data.description,
      draft: post.data.draft === true,
      commentCount: this.commentCount(post.inputPath),
    })),
  });
}


// The home page's URL and title, page by page of its pagination (content/index.njk):
// functions rather than Nunjucks strings in its front matter, which Eleventy 3.1
// compiles again for every page (four times per page, 100 pages for 1,000 posts).
/** The 0-based page number of the home page being built. */
const pageNumber = (data) => data.pagination?.pageNumber ?? 0;

export default {
  permalink: (data) => (pageNumber(data) > 0 ? `/page/${pageNumber(data) + 1}/` : "/"),
  eleventyComputed: {
    title: (data) => (pageNumber(data) > 0 ? `Articles, page ${pageNumber(data) + 1}` : ""),
  },
};

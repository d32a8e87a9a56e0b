// One Atom feed of comments per post, next to it: /<slug>/commentaires.xml, linked from
// the post page as "Flux des commentaires". Written by src/feeds/comment-feed.ts, which
// escapes the comments' text; nothing of it goes through a template language.
// A JavaScript template rather than Nunjucks: Eleventy 3.1 compiles a Nunjucks template's
// body and permalink again for every page of a pagination (2,000 compiles for 1,000
// posts, about 0.3 s of the build); these functions are compiled once.

export const data = {
  pagination: { data: "collections.posts", size: 1, alias: "post" },
  eleventyExcludeFromCollections: true,
  layout: false,
  /** @this {{ commentFeedUrl: (url: string) => string }} */
  permalink(data) {
    return this.commentFeedUrl(data.post.url);
  },
};

/** @this {{ commentFeed: Function, htmlBaseUrl: Function }} */
export function render({ post, metadata }) {
  return `${this.commentFeed(post.inputPath, post.data.title, this.htmlBaseUrl(post.url, metadata.url), post.date)}\n`;
}

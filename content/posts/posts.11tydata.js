// Every post: its layout and its URL, the slug of its title (src/format/slug.ts).
import { slugifyTitle } from "../../src/format/slug.ts";

export default {
  layout: "post.njk",
  eleventyComputed: {
    permalink: (data) => `/${slugifyTitle(data.title)}/`,
  },
};

// Every post: its layout and its URL, the slug of its title (src/format/slug.ts).
// A permalink function rather than `eleventyComputed`: computed data costs Eleventy a
// dependency graph per page (0.1 s at 4,000 posts), a function is just called.
import { slugifyTitle } from "../../src/format/slug.ts";

export default {
  layout: "post.njk",
  permalink: (data) => `/${slugifyTitle(data.title)}/`,
};

// Every post: its layout and its URL, /<its folder's name>/, whatever its title says
// (src/content/post-dirs.ts defines the folders, and the build refuses any other name
// before Eleventy reads a page). The folder is read from the input path, not from
// `page.fileSlug`, which drops a date at the start of a name ("2024-03-01-bilan" → "bilan").
// A permalink function rather than `eleventyComputed`: computed data costs Eleventy a
// dependency graph per page.
// Plain JavaScript importing no TypeScript: `npm run build` runs without tsx (it bundles
// the configuration, scripts/eleventy.js), and Eleventy imports this file itself.
import { basename, dirname } from "node:path";

export default {
  layout: "post.njk",
  permalink(data) {
    return `/${basename(dirname(data.page.inputPath))}/`;
  },
};

// Every page (content/pages/<path>/index.md): its layout and its URL, /<path>/, the
// folders under content/pages/ whatever its title says (src/content/page-dirs.ts defines
// them, and the build refuses any other name before Eleventy reads a page). Read from
// `page.filePathStem` ("/pages/a-propos/equipe/index", relative to the content folder):
// its folder, as a post's URL is its folder's (another Markdown file in a page's folder
// wants the same address, and Eleventy stops on the conflict, naming both).
// Plain JavaScript importing no TypeScript, as content/posts/posts.11tydata.js.
import { dirname } from "node:path";

export default {
  layout: "page.njk",
  permalink(data) {
    return `${dirname(data.page.filePathStem).replace(/^\/pages/, "")}/`;
  },
};

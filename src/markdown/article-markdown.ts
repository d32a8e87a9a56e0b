// The markdown-it instance for articles, written by the blog's authors (trusted):
// raw HTML allowed for figures and embeds, bare URLs autolinked, French typography,
// ids on headings (src/markdown/heading-ids.ts).
import MarkdownIt from "markdown-it";
import { frenchTypographyPlugin } from "./french-typography.ts";
import { headingIdsPlugin, type HeadingIdsOptions } from "./heading-ids.ts";
import { tableAlignmentPlugin } from "./table-alignment.ts";

export function createArticleMarkdown(options: HeadingIdsOptions = {}): MarkdownIt {
  return new MarkdownIt({ html: true, linkify: true, typographer: false })
    .use(frenchTypographyPlugin)
    .use(tableAlignmentPlugin)
    .use(headingIdsPlugin, options);
}

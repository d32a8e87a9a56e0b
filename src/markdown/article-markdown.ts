// The markdown-it instance for articles, written by the blog's authors (trusted):
// raw HTML allowed for figures and embeds, bare URLs autolinked, French typography.
import MarkdownIt from "markdown-it";
import { frenchTypographyPlugin } from "./french-typography.ts";
import { tableAlignmentPlugin } from "./table-alignment.ts";

export function createArticleMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: true, linkify: true, typographer: false }).use(frenchTypographyPlugin).use(tableAlignmentPlugin);
}

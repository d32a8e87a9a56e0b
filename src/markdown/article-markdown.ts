// The markdown-it instance for articles, written by the blog's authors (trusted):
// raw HTML allowed for figures and embeds, bare URLs autolinked, French typography,
// ids on headings (src/markdown/heading-ids.ts).
import MarkdownIt from "markdown-it";
import { headingIdsPlugin, type HeadingIdsOptions } from "./heading-ids.ts";
import { siteRulesPlugin, type SiteRulesOptions } from "./site-rules.ts";

export function createArticleMarkdown(options: HeadingIdsOptions & SiteRulesOptions = {}): MarkdownIt {
  return new MarkdownIt({ html: true, linkify: true, typographer: false })
    .use(siteRulesPlugin, options)
    .use(headingIdsPlugin, options);
}

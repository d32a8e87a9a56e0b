// The markdown-it instance for articles, written by the blog's authors (trusted):
// raw HTML allowed for figures and embeds, bare URLs autolinked, French typography,
// ids on headings (src/markdown/heading-ids.ts).
import MarkdownIt from "markdown-it";
import { frenchTypographyPlugin } from "./french-typography.ts";
import { linkifyPrefilterPlugin } from "./linkify-prefilter.ts";
import { plainLinkNormalizerPlugin } from "./plain-link-normalizer.ts";
import { headingIdsPlugin, type HeadingIdsOptions } from "./heading-ids.ts";
import { tableAlignmentPlugin } from "./table-alignment.ts";

/** `linkifyPrefilter: false` leaves linkify-it alone (tests compare the two). */
export function createArticleMarkdown(options: HeadingIdsOptions & { linkifyPrefilter?: boolean } = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  if (options.linkifyPrefilter !== false) md.use(linkifyPrefilterPlugin);
  return md
    .use(plainLinkNormalizerPlugin)
    .use(frenchTypographyPlugin)
    .use(tableAlignmentPlugin)
    .use(headingIdsPlugin, options);
}

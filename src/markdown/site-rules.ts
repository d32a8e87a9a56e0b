// What both markdown-it instances of the site do alike (articles: ./article-markdown.ts,
// comments: ./comment-markdown.ts): bare addresses found quickly and kept as written
// when already in normal form, French typography in the text, table alignment as
// classes. One plugin, so the two cannot drift apart.
import type MarkdownIt from "markdown-it";
import { frenchTypographyPlugin } from "./french-typography.ts";
import { linkifyPrefilterPlugin } from "./linkify-prefilter.ts";
import { plainLinkNormalizerPlugin } from "./plain-link-normalizer.ts";
import { tableAlignmentPlugin } from "./table-alignment.ts";

export interface SiteRulesOptions {
  /** `false` leaves linkify-it alone (tests compare the two). */
  linkifyPrefilter?: boolean;
}

export function siteRulesPlugin(md: MarkdownIt, options: SiteRulesOptions = {}): void {
  if (options.linkifyPrefilter !== false) md.use(linkifyPrefilterPlugin);
  md.use(plainLinkNormalizerPlugin).use(frenchTypographyPlugin).use(tableAlignmentPlugin);
}

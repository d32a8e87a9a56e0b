// The markdown-it instance for comments, written by strangers (untrusted). Safety is a
// design decision here, in the spirit of markdown-it's docs/safety.md:
// - raw HTML is off: any tag a commenter types is shown as text;
// - links and images may only point to http(s) or mailto (or a fragment of the page),
//   so no javascript:, vbscript: or data: URL can be produced;
// - every link gets rel="nofollow ugc" (search engines must not credit comment links);
// - images are shown as links to the image, so a comment never loads anything from
//   another site (privacy, and the page's Content-Security-Policy);
// - headings are off, so a comment cannot break the outline of the page;
// - line breaks are kept, as every comment form since WordPress has done.
import MarkdownIt, { type PluginWithOptions, type Token } from "markdown-it";
import linkAttributes from "markdown-it-link-attributes";
import { siteRulesPlugin, type SiteRulesOptions } from "./site-rules.ts";

const ALLOWED_LINK = /^(https?:\/\/|mailto:|#)/i;

export const COMMENT_LINK_REL = "nofollow ugc";

function isAllowedCommentLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

function renderImageAsLink(md: MarkdownIt) {
  return (tokens: Token[], index: number): string => {
    const token = tokens[index];
    const src = md.utils.escapeHtml(token?.attrGet("src") ?? "");
    const alt = md.utils.escapeHtml(token?.content || "image");
    return `<a href="${src}" rel="${COMMENT_LINK_REL}">[image\u00A0: ${alt}]</a>`;
  };
}

export function createCommentMarkdown(options: SiteRulesOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).use(
    siteRulesPlugin,
    options,
  );
  md.validateLink = isAllowedCommentLink;
  md.disable(["heading", "lheading"]);
  // The plugin's types are written against markdown-it's CommonJS types; same runtime object.
  md.use(linkAttributes as unknown as PluginWithOptions<{ attrs: Record<string, string> }>, {
    attrs: { rel: COMMENT_LINK_REL },
  });
  md.renderer.rules.image = renderImageAsLink(md);
  return md;
}

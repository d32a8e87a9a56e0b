// The body of an imported post or page, from WordPress's stored text to Markdown, in
// WordPress's own order: blocks (block-editor bodies) or paragraph rules (classic ones),
// then shortcodes, then HTML to Markdown. Before the paragraph rules, a web address alone
// on its line (which WordPress would have embedded through oEmbed) becomes a link to it.
// <!--nextpage--> (a post in several pages) becomes a visible separator, as the site
// shows a post on one page.
import { autop } from "./autop.ts";
import { blocksToHtml, hasBlocks } from "./blocks.ts";
import { articleMarkdown, type ArticleContext } from "./html-to-markdown.ts";
import { convertShortcodes, escapeAttribute, type ShortcodeContext } from "./shortcodes.ts";

export type BodyContext = ArticleContext & ShortcodeContext;

const BARE_URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"[\]]+)[ \t]*$/gm;

function linkBareUrls(text: string): string {
  return text.replace(BARE_URL_LINE, (_line, url: string) => {
    const escaped = escapeAttribute(url);
    return `<a href="${escaped}">${escaped}</a>`;
  });
}

export function bodyMarkdown(content: string, context: BodyContext): string {
  const source = content.replace(/\r\n?/g, "\n");
  let html = hasBlocks(source)
    ? blocksToHtml(source, context.notes)
    : autop(convertShortcodes(linkBareUrls(source), context));
  if (hasBlocks(source)) html = convertShortcodes(html, context);
  if (/<!--nextpage-->/.test(html)) {
    context.notes.push("<!--nextpage--> : les pages du billet réunies, séparées par un trait");
    html = html.replace(/<!--nextpage-->/g, "<hr>");
  }
  return articleMarkdown(html, context);
}

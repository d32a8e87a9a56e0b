// Plain text from WordPress's HTML, for the fields that hold text and no markup: titles,
// authors' names, mention titles (entities decoded, tags removed), and the post's
// description: its excerpt, else the text before <!--more-->, else its first sentence,
// at most 160 characters.
import { decodeHTML } from "entities";

const DESCRIPTION_MAX = 160;

/** The text of an HTML fragment: tags and shortcodes removed, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    // A block's tags separate words; an inline element's do not ("<b>mot</b>.").
    .replace(
      /<\/?(?:p|br|div|li|ul|ol|h[1-6]|t[dhr]|table|blockquote|figure|figcaption|hr|pre|dt|dd)\b[^>]*>/gi,
      " ",
    )
    .replace(/<[^>]*>/g, "")
    .replace(/\[\/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi, " ");
  return decodeHTML(withoutTags)
    .replace(/[\s\u00A0]+/g, " ")
    .trim();
}

/** `text` cut at a word boundary to at most `max` characters, with "…" when cut. */
function shorten(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/** The first sentence of `text` (up to its first ".", "!", "?" or "…" followed by a space). */
function firstSentence(text: string): string {
  const match = /^.*?[.!?…](?=\s|$)/.exec(text);
  return match ? match[0] : text;
}

export function description(excerpt: string, content: string): string {
  const fromExcerpt = plainText(excerpt);
  if (fromExcerpt !== "") return shorten(fromExcerpt);
  const more = content.search(/<!--more(.*?)?-->/);
  if (more !== -1) {
    const beforeMore = plainText(content.slice(0, more));
    if (beforeMore !== "") return shorten(beforeMore);
  }
  // The first paragraph that has text (a table or an image may come first).
  for (const paragraph of content.split(/\n\s*\n/)) {
    const text = plainText(paragraph);
    if (text !== "") return shorten(firstSentence(text));
  }
  return "";
}

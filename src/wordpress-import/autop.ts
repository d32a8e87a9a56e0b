// WordPress's paragraph rules (wpautop, wp-includes/formatting.php), which every classic
// editor body and every comment goes through before WordPress shows it: a blank line
// separates paragraphs, a single newline is a line break, and block-level elements are
// left out of paragraphs. The body stored in the export is the text as typed, so without
// these rules its paragraphs would run together. A port of the PHP function, step by
// step, in its order; <pre> blocks are left as they are.

const ALL_BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const NEWLINE_MARK = " <!-- wpnl --> ";

/** Newlines inside HTML tags and comments (not between them) become a placeholder. */
function markNewlinesInTags(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<[^>]*>/g, (tag) =>
    tag.startsWith("<!--") ? tag : tag.replace(/\n/g, NEWLINE_MARK),
  );
}

export function autop(input: string, lineBreaks = true): string {
  if (input.trim() === "") return "";
  let text = `${input}\n`;

  // <pre> is left alone: set aside, put back at the end.
  const preTags = new Map<string, string>();
  if (text.includes("<pre")) {
    const parts = text.split("</pre>");
    const last = parts.pop() ?? "";
    text = "";
    parts.forEach((part, index) => {
      const start = part.indexOf("<pre");
      if (start === -1) {
        text += part;
        return;
      }
      const name = `<pre wp-pre-tag-${index}></pre>`;
      preTags.set(name, `${part.slice(start)}</pre>`);
      text += part.slice(0, start) + name;
    });
    text += last;
  }

  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, "\n\n");
  text = text.replace(new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, "g"), "\n\n$1");
  text = text.replace(new RegExp(`(</${ALL_BLOCKS}>)`, "g"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/g, "$1\n\n");
  text = text.replace(/\r\n|\r/g, "\n");
  text = markNewlinesInTags(text);

  if (text.includes("<option")) {
    text = text.replace(/\s*<option/g, "<option");
    text = text.replace(/<\/option>\s*/g, "</option>");
  }
  if (text.includes("</object>")) {
    text = text.replace(/(<object[^>]*>)\s*/g, "$1");
    text = text.replace(/\s*<\/object>/g, "</object>");
    text = text.replace(/\s*(<\/?(?:param|embed)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<source") || text.includes("<track")) {
    text = text.replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, "$1");
    text = text.replace(/\s*([<[]\/(?:audio|video)[>\]])/g, "$1");
    text = text.replace(/\s*(<(?:source|track)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<figcaption")) {
    text = text.replace(/\s*(<figcaption[^>]*>)/g, "$1");
    text = text.replace(/<\/figcaption>\s*/g, "</figcaption>");
  }

  text = text.replace(/\n\n+/g, "\n\n");
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph !== "");
  text = paragraphs.map((paragraph) => `<p>${paragraph.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");

  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, "g"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/g, "$1");
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>");
  text = text.replace(/<\/blockquote><\/p>/g, "</p></blockquote>");
  text = text.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`, "g"), "$1");
  text = text.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, "g"), "$1");

  if (lineBreaks) {
    // Newlines of scripts, styles and formulas are code, not line breaks.
    text = text.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/g, (match) =>
      match.replace(/\n/g, "<WPPreserveNewline />"),
    );
    text = text.replace(/<br>|<br\/>/g, "<br />");
    text = text.replace(/(?<!<br \/>)\s*\n/g, "<br />\n");
    text = text.replace(/<WPPreserveNewline \/>/g, "\n");
  }

  text = text.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`, "g"), "$1");
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, "$1");
  text = text.replace(/\n<\/p>$/g, "</p>");

  for (const [name, pre] of preTags) text = text.replace(name, () => pre);
  if (text.includes("<!-- wpnl -->")) text = text.replace(/ <!-- wpnl --> |<!-- wpnl -->/g, "\n");
  return text;
}

// The text of an imported comment, pingback or trackback, as Markdown for the comment
// pipeline, which treats it as untrusted (src/markdown/comment-markdown.ts: raw HTML off,
// http(s) and mailto links only, images shown as links, no headings). WordPress shows a
// comment through its paragraph rules, then the few tags it lets commenters use (<a>,
// <b>, <strong>, <i>, <em>, <blockquote>, <code>, <del>, <q>, <cite>, <abbr>…): those
// become their Markdown. Any other tag is kept as written, and so shown as text by the
// comment pipeline, never dropped silently; the report names it.
import TurndownService from "turndown";
import { strikethrough } from "@joplin/turndown-plugin-gfm";
import { autop } from "./autop.ts";

/** Tags whose text is kept and whose markup means nothing Markdown needs. */
const TEXT_ONLY = new Set(["SPAN", "CITE", "ABBR", "ACRONYM", "FONT", "U", "SMALL", "BIG", "TT"]);
const CONVERTED = new Set([
  "P",
  "BR",
  "A",
  "B",
  "STRONG",
  "I",
  "EM",
  "BLOCKQUOTE",
  "CODE",
  "PRE",
  "DEL",
  "S",
  "STRIKE",
  "Q",
  "UL",
  "OL",
  "LI",
  "IMG",
]);

let notes: string[] | undefined;

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
    // The comment pipeline keeps line breaks as they are typed.
    br: "",
  });
  service.use(strikethrough);
  service.addRule("quotation", {
    filter: "q",
    replacement: (content) => `« ${content.trim()} »`,
  });
  service.addRule("textOnly", {
    filter: (node) => TEXT_ONLY.has(node.nodeName),
    replacement: (content) => content,
  });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A",
    replacement: (content, node) => {
      const href = ((node as HTMLElement).getAttribute("href") ?? "").trim();
      if (content.trim() === "") return "";
      if (!/^(https?:\/\/|mailto:)/i.test(href)) {
        if (href !== "") notes?.push(`lien ${href} (ni http, ni https, ni mailto) : gardé comme texte`);
        return content;
      }
      return `[${content}](${href.replace(/[()<>\s]/g, (c) => encodeURIComponent(c))})`;
    },
  });
  // Rules added later are tried first: this one takes every tag not listed above.
  service.addRule("shownAsText", {
    filter: (node) => !CONVERTED.has(node.nodeName) && !TEXT_ONLY.has(node.nodeName),
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      notes?.push(`<${element.nodeName.toLowerCase()}> affiché comme texte`);
      const shown = service.escape(element.outerHTML);
      return element.nodeName === "DIV" || /^H[1-6]$/.test(element.nodeName) ? `\n\n${shown}\n\n` : shown;
    },
  });
  return service;
}

let service: TurndownService | undefined;

/** A comment's stored text (HTML as WordPress keeps it) as comment Markdown. */
export function commentMarkdown(content: string, conversionNotes: string[]): string {
  service ??= createService();
  notes = conversionNotes;
  try {
    return service.turndown(autop(content.replace(/\r\n?/g, "\n"))).trim();
  } finally {
    notes = undefined;
  }
}

// The text of a fragment of HTML produced by one of our markdown-it instances, for places
// that want words, not markup (the comments' JSON-LD). Those renderers escape every
// "<" of the text, so each remaining "<…>" is a tag; the few entities they write are
// decoded. Not an HTML parser: never give it markup from anywhere else.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith("#")) {
    const code =
      name[1] === "x" || name[1] === "X"
        ? Number.parseInt(name.slice(2), 16)
        : Number.parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return ENTITIES[name] ?? entity;
}

/** "<p>Bonjour &amp; merci</p>\n<p>Greg</p>" → "Bonjour & merci\n\nGreg" */
export function renderedHtmlToText(markup: string): string {
  return markup
    .replace(/<\/p>\n?/g, "\n\n") // paragraphs stay apart by a blank line
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, decodeEntity)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// The HTML of a body written with the block editor (Gutenberg): its block comments
// ("<!-- wp:paragraph -->") are parsed with @wordpress/block-serialization-default-parser,
// WordPress's own, and each block gives its saved HTML, inner blocks in their places.
// Some blocks save no HTML that says what they are, and are rendered here as WordPress
// renders them: "more" and "nextpage" (their markers), "embed" (a link to the embedded
// address), "shortcode" (its text, for the shortcode rules). The text between blocks
// ("freeform", the classic editor's) gets WordPress's paragraph rules. A dynamic block,
// which WordPress renders from the database at each visit (latest posts, a search
// form…), saves nothing to convert: it is left out and named in the report.
import { parse } from "@wordpress/block-serialization-default-parser";
import { autop } from "./autop.ts";

type Block = ReturnType<typeof parse>[number];

/** Whether a body holds block comments. */
export function hasBlocks(content: string): boolean {
  return content.includes("<!-- wp:");
}

function attribute(block: Block, name: string): string | undefined {
  const value = block.attrs?.[name] as unknown;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function savedHtml(block: Block, notes: string[]): string {
  let index = 0;
  return block.innerContent
    .map((part) => {
      if (part !== null) return part;
      const inner = block.innerBlocks[index];
      index += 1;
      return inner === undefined ? "" : blockHtml(inner, notes);
    })
    .join("");
}

function blockHtml(block: Block, notes: string[]): string {
  const name = block.blockName;
  if (name === null) return autop(block.innerHTML);
  switch (name) {
    case "core/more":
      return "\n<!--more-->\n";
    case "core/nextpage":
      return "\n<!--nextpage-->\n";
    case "core/shortcode":
      return `\n\n${block.innerHTML.trim()}\n\n`;
    case "core/freeform":
      return autop(block.innerHTML);
    case "core/embed":
    case "core-embed/youtube":
    case "core-embed/twitter":
    case "core-embed/vimeo": {
      const url = attribute(block, "url");
      if (url === undefined) return savedHtml(block, notes);
      return `\n<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>\n`;
    }
    default: {
      if (block.innerHTML.trim() === "" && block.innerBlocks.length === 0) {
        if (name !== "core/spacer" && name !== "core/separator")
          notes.push(`bloc dynamique ${name} (affiché par WordPress à chaque visite) : retiré`);
        return name === "core/separator" ? "\n<hr>\n" : "";
      }
      if (name.startsWith("core-embed/")) {
        const url = attribute(block, "url");
        if (url !== undefined)
          return `\n<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>\n`;
      }
      return savedHtml(block, notes);
    }
  }
}

/** The HTML a block-editor body shows, before shortcodes are converted. */
export function blocksToHtml(content: string, notes: string[]): string {
  return parse(content)
    .map((block) => blockHtml(block, notes))
    .join("\n");
}

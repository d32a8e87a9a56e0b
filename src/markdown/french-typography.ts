// markdown-it plugin: applies French typography (see french-typography-text.ts) to the
// text tokens of a document, after linkify. Code spans, code blocks, raw HTML and the
// text of autolinked URLs are left untouched: they are not text tokens, or are skipped.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { frenchTypography } from "./french-typography-text.ts";

function isAutolinkMarkup(token: Token): boolean {
  return token.markup === "linkify" || token.markup === "autolink";
}

function typesetInline(children: Token[]): void {
  let insideAutolink = 0;
  for (const token of children) {
    if (token.type === "link_open" && isAutolinkMarkup(token)) insideAutolink++;
    else if (token.type === "link_close" && isAutolinkMarkup(token)) insideAutolink--;
    else if (token.type === "text" && insideAutolink === 0) token.content = frenchTypography(token.content);
  }
}

function frenchTypographyRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type === "inline" && block.children) typesetInline(block.children);
  }
}

export function frenchTypographyPlugin(md: MarkdownIt): void {
  md.core.ruler.push("french_typography", frenchTypographyRule);
}

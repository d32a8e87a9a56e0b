// markdown-it plugin: column alignment in tables as classes (align-left, align-center,
// align-right) instead of style="text-align:…" attributes, so pages need no inline
// style and satisfy a strict Content-Security-Policy (style-src without 'unsafe-inline').
import type MarkdownIt from "markdown-it";
import type { StateCore } from "markdown-it";

const ALIGNMENT = /^text-align:(left|center|right)$/;

function alignmentAsClass(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "th_open" && token.type !== "td_open") continue;
    const match = ALIGNMENT.exec(token.attrGet("style") ?? "");
    if (!match) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    token.attrJoin("class", `align-${match[1]}`);
  }
}

export function tableAlignmentPlugin(md: MarkdownIt): void {
  md.core.ruler.push("table_alignment_classes", alignmentAsClass);
}

// markdown-it plugin: an id on every heading of an article (see src/html/heading-ids.ts
// for the rules), written with the HTML instead of by a parse of the finished page.
// It runs last, after the French typography, on the text the reader sees. Ids given in
// raw HTML (`<figure id="…">`) are the author's: kept as written, a heading given the
// same id earlier moves to a free one. A heading written in raw HTML (`<h2>…</h2>`)
// gets no id: write it in Markdown.
//
// The post's title is a heading the layout writes above the article, so its id can
// only move if the layout hears of it: the rule leaves it in the environment as
// `titleId`. markdown-it's environment is where rules leave results for the caller
// (markdown-it keeps `references` there); Eleventy passes the page's data as the
// environment and the layout gets that same data, so layouts/post.njk reads `titleId`.
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { PageIds, PostPageIds } from "../html/heading-ids.ts";

export interface HeadingIdsOptions {
  /** The page's ids before the article, from the environment (Eleventy's page data). */
  pageIds?: (env: unknown) => PageIds;
}

const ID_ATTRIBUTE = /<[a-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The text content of a heading, as the browser reads it from the rendered HTML. */
function inlineText(children: readonly Token[]): string {
  let text = "";
  for (const token of children) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "softbreak" || token.type === "hardbreak") text += "\n";
  }
  return text;
}

/** Tells the layout the title's id, once the article's raw HTML has had its say. */
function publishTitleId(env: unknown, ids: PageIds): void {
  if (ids instanceof PostPageIds && typeof env === "object" && env !== null)
    (env as { titleId?: string }).titleId = ids.titleId;
}

function claimRawIds(ids: PageIds, html: string): void {
  for (const match of html.matchAll(ID_ATTRIBUTE)) ids.claim(match[1] ?? match[2] ?? match[3] ?? "");
}

export function headingIdsPlugin(md: MarkdownIt, options: HeadingIdsOptions = {}): void {
  md.core.ruler.push("heading_ids", (state: StateCore) => {
    const ids = options.pageIds?.(state.env) ?? new PageIds();
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (!token) continue;
      if (token.type === "html_block") claimRawIds(ids, token.content);
      else if (token.type === "inline") {
        for (const child of token.children ?? [])
          if (child.type === "html_inline") claimRawIds(ids, child.content);
      } else if (token.type === "heading_open" && token.attrGet("id") === null) {
        const children = tokens[index + 1]?.children ?? [];
        if (children.length === 0) continue;
        token.attrSet(
          "id",
          ids.assign(inlineText(children), (id) => token.attrSet("id", id)),
        );
      }
    }
    publishTitleId(state.env, ids);
  });
}

// Properties that every comment's HTML must have, whatever its source: only elements and
// attributes an allow-list names, links only to http(s), mailto or a fragment, rel set.
import { parseHTML } from "linkedom";

const ALLOWED_ELEMENTS = new Set([
  "P",
  "BR",
  "A",
  "EM",
  "STRONG",
  "CODE",
  "PRE",
  "BLOCKQUOTE",
  "UL",
  "OL",
  "LI",
  "HR",
  "TABLE",
  "THEAD",
  "TBODY",
  "TR",
  "TH",
  "TD",
  "S",
  "DEL",
]);

const ALLOWED_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  "A href": (value) => /^(https?:\/\/|mailto:|#)/i.test(value),
  "A rel": (value) => value === "nofollow ugc",
  "A title": () => true, // plain text, escaped: a tooltip
  "OL start": (value) => /^\d+$/.test(value),
  "CODE class": (value) => /^language-[\w+-]+$/.test(value),
  "TH class": (value) => /^align-(left|center|right)$/.test(value),
  "TD class": (value) => /^align-(left|center|right)$/.test(value),
};

/** Problems found in the elements under `root` (empty when the HTML is inert). */
export function inertnessProblems(root: Element): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    if (!ALLOWED_ELEMENTS.has(element.tagName)) problems.push(`element <${element.tagName.toLowerCase()}>`);
    for (const name of element.getAttributeNames()) {
      const check = ALLOWED_ATTRIBUTES[`${element.tagName} ${name}`];
      const value = element.getAttribute(name) ?? "";
      if (!check || !check(value))
        problems.push(`attribute ${name}="${value}" on <${element.tagName.toLowerCase()}>`);
    }
    if (element.tagName === "A" && element.getAttribute("rel") !== "nofollow ugc")
      problems.push('link without rel="nofollow ugc"');
  }
  return problems;
}

export function inertnessProblemsOfFragment(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return inertnessProblems(document.getElementById("root") as unknown as Element);
}

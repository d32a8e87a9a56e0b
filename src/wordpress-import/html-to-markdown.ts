// The HTML of an imported post or page, as Markdown, with turndown (and the tables of
// @joplin/turndown-plugin-gfm). Authors are trusted, so what Markdown cannot say stays
// HTML, and what the site cannot show is changed and named in the report:
// - images: a copy brought along (--uploads) is shown; any other image, which the site's
//   policy would not load, becomes a link to it;
// - a <figure> with one image stays HTML, its caption as text in <figcaption>;
// - a table Markdown cannot hold (merged cells, lists, code or other tables inside) stays
//   HTML, stripped of presentational attributes (style, align, width…);
// - <iframe>, <object> and <embed> become links to what they showed; scripts, styles and
//   forms are left out;
// - <sup>, <sub>, <u>, <mark>, <kbd>, <small>, <ins>, <abbr> stay as written.
import TurndownService from "turndown";
import { tables, strikethrough } from "@joplin/turndown-plugin-gfm";
import { escapeAttribute } from "./shortcodes.ts";

export interface ArticleContext {
  /** The local copy of an upload ("photo.jpg"), when it is brought along. */
  localCopy(url: string): string | undefined;
  /** Whether an address is an upload of the old blog. */
  isUpload(url: string): boolean;
  notes: string[];
}

const PRESENTATIONAL = [
  "style",
  "align",
  "valign",
  "width",
  "height",
  "bgcolor",
  "border",
  "cellpadding",
  "cellspacing",
  "class",
  "frame",
  "rules",
  "nowrap",
];
const KEPT_INLINE = ["sup", "sub", "u", "mark", "kbd", "small", "ins", "abbr"] as const;
const REMOVED = ["script", "style", "noscript", "form", "input", "button", "select", "textarea"] as const;
const EMBEDDED = ["iframe", "object", "embed"] as const;

let context: ArticleContext | undefined;

function current(): ArticleContext {
  if (!context) throw new Error("html-to-markdown: no conversion under way");
  return context;
}

function markdownText(text: string): string {
  return text
    .replace(/([\\[\]*_`])/g, "\\$1")
    .replace(/\s+/g, " ")
    .trim();
}

function markdownUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

type ImageResult = { local: string; alt: string } | { link: string; alt: string } | { dropped: true };

function resolveImage(node: HTMLElement): ImageResult {
  const { localCopy, isUpload, notes } = current();
  const src = (node.getAttribute("src") ?? "").trim();
  const alt = (node.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim();
  if (src === "" || /^data:/i.test(src)) {
    notes.push(src === "" ? "image sans adresse : retirée" : "image intégrée (data:) : retirée");
    return { dropped: true };
  }
  const local = localCopy(src);
  if (local !== undefined) return { local, alt };
  notes.push(
    isUpload(src)
      ? `image ${src} de l’ancien site : remplacée par un lien vers elle`
      : `image ${src} d’un autre site : remplacée par un lien vers elle`,
  );
  return { link: src, alt };
}

function imageMarkdown(node: HTMLElement): string {
  const image = resolveImage(node);
  if ("dropped" in image) return "";
  if ("local" in image) return `![${markdownText(image.alt)}](${markdownUrl(image.local)})`;
  return `[image : ${markdownText(image.alt || image.link.split("/").pop() || "image")}](${markdownUrl(image.link)})`;
}

function imageHtml(node: HTMLElement): string {
  const image = resolveImage(node);
  if ("dropped" in image) return "";
  if ("local" in image)
    return `<img src="${escapeAttribute(image.local)}" alt="${escapeAttribute(image.alt)}">`;
  const label = image.alt || image.link.split("/").pop() || "image";
  return `<a href="${escapeAttribute(image.link)}">image : ${escapeAttribute(label)}</a>`;
}

function linkTarget(href: string): string {
  return current().localCopy(href) ?? href;
}

function descendants(node: HTMLElement, name: string): HTMLElement[] {
  return Array.from(node.getElementsByTagName(name)) as HTMLElement[];
}

/** A table Markdown can hold: cells not merged, nothing but text and inline markup in them. */
function isPlainTable(table: HTMLElement): boolean {
  for (const name of [
    "table",
    "ul",
    "ol",
    "pre",
    "code",
    "blockquote",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
  ])
    if (descendants(table, name).length > 0) return false;
  for (const cell of [...descendants(table, "td"), ...descendants(table, "th")]) {
    if (Number(cell.getAttribute("colspan") ?? "1") > 1 || Number(cell.getAttribute("rowspan") ?? "1") > 1)
      return false;
    if (descendants(cell, "p").length > 1 || descendants(cell, "br").length > 0) return false;
  }
  return true;
}

/** The table as HTML, without presentational attributes, its images converted. */
function cleanTableHtml(table: HTMLElement): string {
  const copy = table.cloneNode(true) as HTMLElement;
  for (const element of [copy, ...(Array.from(copy.getElementsByTagName("*")) as HTMLElement[])])
    for (const name of PRESENTATIONAL) element.removeAttribute(name);
  for (const image of descendants(copy, "img")) {
    const holder = copy.ownerDocument.createElement("span");
    holder.innerHTML = imageHtml(image);
    image.replaceWith(...Array.from(holder.childNodes));
  }
  // One line: a blank line would end the HTML block in Markdown.
  return copy.outerHTML.replace(/\n\s*\n/g, "\n");
}

function mediaSource(node: HTMLElement): string {
  const own = node.getAttribute("src");
  if (own) return own.trim();
  const source = descendants(node, "source")[0];
  return (source?.getAttribute("src") ?? "").trim();
}

/** The <figure> that shows this image as its one image, if any (the figure rule converts it). */
function figureOf(image: HTMLElement): HTMLElement | undefined {
  for (let node = image.parentElement; node; node = node.parentElement) {
    if (node.nodeName !== "FIGURE") continue;
    return descendants(node, "img").length === 1 && descendants(node, "table").length === 0
      ? node
      : undefined;
  }
  return undefined;
}

function inFigure(image: HTMLElement): boolean {
  return figureOf(image) !== undefined;
}

/** Line breaks that end a block break nothing: a lone "\\" would be shown as such. */
function tidy(markdown: string): string {
  return markdown
    .replace(/^\\$/gm, "")
    .replace(/\\\n(?=\n|$)/g, "\n")
    .replace(/\\$/, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    hr: "* * *",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
    br: "\\",
  });
  service.use([tables, strikethrough]);
  service.keep([...KEPT_INLINE]);
  // Rules added later are tried first.
  service.addRule("removedNoted", {
    filter: (node) => (REMOVED as readonly string[]).includes(node.nodeName.toLowerCase()),
    replacement: (_content, node) => {
      const name = node.nodeName.toLowerCase();
      if (name !== "style") current().notes.push(`<${name}> retiré (le site n’en exécute ni n’en affiche)`);
      return "";
    },
  });
  service.addRule("embedded", {
    filter: [...EMBEDDED],
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const src = (element.getAttribute("src") ?? element.getAttribute("data") ?? "").trim();
      const name = element.nodeName.toLowerCase();
      if (src === "") {
        current().notes.push(`<${name}> sans adresse : retiré`);
        return "";
      }
      current().notes.push(`<${name}> ${src} : remplacé par un lien`);
      return `\n\n[${markdownText(src)}](${markdownUrl(src)})\n\n`;
    },
  });
  service.addRule("media", {
    filter: ["audio", "video"],
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const name = element.nodeName.toLowerCase();
      const src = mediaSource(element);
      // A bare file name is a copy already brought along (by the [audio] and [video] rules).
      const alreadyLocal = /^[^/:?#]+$/.test(src);
      const local = src === "" ? undefined : alreadyLocal ? src : current().localCopy(src);
      if (local !== undefined) return `\n\n<${name} controls src="${escapeAttribute(local)}"></${name}>\n\n`;
      if (src === "") {
        current().notes.push(`<${name}> sans fichier : retiré`);
        return "";
      }
      current().notes.push(`<${name}> ${src} : lien vers le fichier, non repris`);
      return `\n\n[${markdownText(src)}](${markdownUrl(src)})\n\n`;
    },
  });
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) =>
      inFigure(node as HTMLElement) ? "" : imageMarkdown(node as HTMLElement),
  });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && (node.getAttribute("href") ?? "").trim() !== "",
    replacement: (content, node) => {
      const element = node as HTMLElement;
      // An image turned into a link needs no link around it.
      if (/^\[image : .*\]\([^)]*\)$/s.test(content.trim())) return content;
      const href = linkTarget((element.getAttribute("href") ?? "").trim());
      const title = element.getAttribute("title");
      const titlePart = title ? ` "${title.replace(/"/g, '\\"')}"` : "";
      return content.trim() === "" ? "" : `[${content}](${markdownUrl(href)}${titlePart})`;
    },
  });
  service.addRule("figure", {
    filter: "figure",
    replacement: (content, node) => {
      const figure = node as HTMLElement;
      const images = descendants(figure, "img");
      const caption = descendants(figure, "figcaption")[0];
      const captionText = (caption?.textContent ?? "").replace(/\s+/g, " ").trim();
      const image = images[0];
      if (!image || figureOf(image) !== figure) return `\n\n${content}\n\n`;
      let html = imageHtml(image);
      const link = image.parentElement?.nodeName === "A" ? image.parentElement : undefined;
      const href = (link?.getAttribute("href") ?? "").trim();
      if (href !== "" && html.startsWith("<img"))
        html = `<a href="${escapeAttribute(linkTarget(href))}">${html}</a>`;
      if (html === "" && captionText === "") return "";
      const figcaption = captionText === "" ? "" : `<figcaption>${escapeAttribute(captionText)}</figcaption>`;
      return `\n\n<figure>${html}${figcaption}</figure>\n\n`;
    },
  });
  service.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content) => (content.trim() === "" ? "" : `\n\n_${content.trim()}_\n\n`),
  });
  service.addRule("htmlTable", {
    filter: (node) => node.nodeName === "TABLE" && !isPlainTable(node),
    replacement: (_content, node) => {
      current().notes.push("tableau gardé en HTML (cellules fusionnées ou blocs dans les cellules)");
      return `\n\n${cleanTableHtml(node as HTMLElement)}\n\n`;
    },
  });
  service.addRule("preformatted", {
    filter: (node) => node.nodeName === "PRE" && !node.querySelector("code"),
    replacement: (_content, node) => {
      const text = (node.textContent ?? "").replace(/\n$/, "");
      const fence = text.includes("```") ? "~~~~" : "```";
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });
  return service;
}

let service: TurndownService | undefined;

/** The Markdown of an article's HTML (after blocks, shortcodes and paragraphs). */
export function articleMarkdown(html: string, conversion: ArticleContext): string {
  service ??= createService();
  context = conversion;
  try {
    return tidy(service.turndown(html));
  } finally {
    context = undefined;
  }
}

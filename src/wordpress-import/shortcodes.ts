// WordPress's shortcodes, read with @wordpress/shortcode (WordPress's own grammar), turned
// into the HTML they stood for, before the body becomes Markdown:
// - [caption]…[/caption] (and the older [wp_caption]): a <figure> with its <figcaption>;
// - [gallery]: its images, from the export's attachments (by "ids" or "include", else
//   those attached to the post);
// - [audio] and [video]: HTML5 <audio controls> / <video controls> when the file is
//   brought along (--uploads), else a link to it (the site's policy plays no other
//   site's media), named in the report;
// - [embed]URL[/embed]: a link to the URL.
// Any other shortcode is left as written, and the report names it.
import { attrs, replace } from "@wordpress/shortcode";
import type { Shortcode } from "@wordpress/shortcode";

export interface Attachment {
  url: string;
  alt: string;
  title: string;
}

export interface ShortcodeContext {
  /** Attachment id → attachment. */
  attachments: ReadonlyMap<string, Attachment>;
  /** The attachments of the post being converted, in their order. */
  attachedToPost: readonly Attachment[];
  /** The local copy of a media address ("clip.mp3"), when it is brought along. */
  localCopy(url: string): string | undefined;
  /** What could not be converted faithfully, in French, for the report. */
  notes: string[];
}

const KNOWN = new Set(["caption", "wp_caption", "gallery", "audio", "video", "embed"]);
const AUDIO_SOURCES = ["src", "mp3", "ogg", "oga", "m4a", "wav", "wma", "flac"];
const VIDEO_SOURCES = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov"];
const SHORTCODE_NAME = /\[([a-z][a-z0-9_-]*)(?=[\s\]/])[^\]]*\]/gi;

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function named(shortcode: Shortcode, name: string): string | undefined {
  const value = shortcode.attrs.named[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function caption(shortcode: Shortcode): string {
  const content = shortcode.content ?? "";
  const match = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  const image = match?.[1] ?? content;
  const text = (match?.[2] ?? "").trim() || (named(shortcode, "caption") ?? "");
  return `<figure>${image}${text === "" ? "" : `<figcaption>${text}</figcaption>`}</figure>`;
}

function gallery(shortcode: Shortcode, context: ShortcodeContext): string {
  const ids = named(shortcode, "ids") ?? named(shortcode, "include");
  const images =
    ids === undefined
      ? [...context.attachedToPost]
      : ids
          .split(",")
          .map((id) => context.attachments.get(id.trim()))
          .filter((attachment): attachment is Attachment => attachment !== undefined);
  if (images.length === 0) {
    context.notes.push("galerie sans image connue dans l’export : retirée");
    return "";
  }
  return images
    .map((image) => `<p><img src="${escapeAttribute(image.url)}" alt="${escapeAttribute(image.alt)}"></p>`)
    .join("\n");
}

function media(kind: "audio" | "video", shortcode: Shortcode, context: ShortcodeContext): string {
  const names = kind === "audio" ? AUDIO_SOURCES : VIDEO_SOURCES;
  const source = names.map((name) => named(shortcode, name)).find((value) => value !== undefined);
  if (source === undefined) {
    context.notes.push(`[${kind}] sans fichier : retiré`);
    return "";
  }
  const local = context.localCopy(source);
  if (local === undefined) {
    context.notes.push(`[${kind}] ${source} : lien vers le fichier, non repris`);
    return `<p><a href="${escapeAttribute(source)}">${escapeAttribute(source)}</a></p>`;
  }
  return `<p><${kind} controls src="${escapeAttribute(local)}"></${kind}></p>`;
}

function embed(shortcode: Shortcode): string {
  const url = (shortcode.content ?? "").trim() || named(shortcode, "src") || "";
  return url === "" ? "" : `<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>`;
}

export function convertShortcodes(text: string, context: ShortcodeContext): string {
  if (!text.includes("[")) return text;
  let result = text;
  for (const tag of ["caption", "wp_caption"]) result = replace(tag, result, caption);
  result = replace("gallery", result, (shortcode) => gallery(shortcode, context));
  result = replace("audio", result, (shortcode) => media("audio", shortcode, context));
  result = replace("video", result, (shortcode) => media("video", shortcode, context));
  result = replace("embed", result, embed);
  const unknown = new Set<string>();
  for (const match of result.matchAll(SHORTCODE_NAME)) {
    const name = match[1] ?? "";
    // "[[x]]" is WordPress's way of writing a shortcode's name as text.
    if (!KNOWN.has(name) && result[(match.index ?? 0) - 1] !== "[") unknown.add(name);
  }
  for (const name of unknown) context.notes.push(`shortcode [${name}] inconnu : laissé tel quel`);
  // @wordpress/shortcode memoizes every attribute text it parses (memize, no size limit), in
  // a list searched from its start at each call: kept across bodies, an import's time
  // would grow with the square of its shortcodes. No two bodies share much to reuse.
  attrs.clear();
  return result;
}

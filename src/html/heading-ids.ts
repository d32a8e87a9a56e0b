// Heading ids, given once when the HTML is written instead of by a parse of every
// output page (Eleventy's IdAttributePlugin cost about 12 % of the build). The ids are
// the ones that plugin gave, byte for byte: the slug of the heading's text, "section-"
// in front of a slug starting with "comment" (ids "comment-…" are the comments'
// anchors), and on a page the same rules for repeats: the second "x" becomes "x-2",
// and a heading whose id an element written later claims is renamed the same way.
import { slugifyTitle } from "../format/slug.ts";

/** Ids every page has before its content: layouts/base.njk's `<main id="contenu">`. */
const IDS_BEFORE_CONTENT: readonly string[] = ["contenu"];

/** The id of a heading of this (decoded) text, before de-duplication on its page. */
function headingSlug(text: string): string {
  const slug = slugifyTitle(text);
  return slug.startsWith("comment") ? `section-${slug}` : slug;
}

/**
 * The ids of one page, in document order. A copy of IdAttributePlugin's bookkeeping,
 * quirks included: a suffixed id ("x-2") is not itself recorded, so the same rules
 * give the same bytes.
 */
export class PageIds {
  readonly #count = new Map<string, number>();
  readonly #headings = new Map<string, (id: string) => void>();

  constructor(idsBefore: Iterable<string> = []) {
    for (const id of idsBefore) this.claim(id);
  }

  /** An element with an id of its own; an earlier heading given that id is renamed. */
  claim(id: string): void {
    const count = this.#count.get(id);
    if (count === undefined) {
      this.#count.set(id, 1);
      return;
    }
    this.#count.set(id, count + 1);
    const rename = this.#headings.get(id);
    if (!rename) return;
    const newId = `${id}-${count + 1}`;
    this.#headings.delete(id);
    this.#headings.set(newId, rename);
    rename(newId);
  }

  /** The id of a heading without one; `rename` is called if a later element claims it. */
  assign(text: string, rename: (id: string) => void = () => undefined): string {
    let id = headingSlug(text);
    const count = this.#count.get(id);
    if (count === undefined) this.#count.set(id, 1);
    else {
      this.#count.set(id, count + 1);
      id = `${id}-${count + 1}`;
    }
    this.#headings.set(id, rename);
    return id;
  }
}

/** The ids of headings written in this order on one page, after `<main id="contenu">`. */
export function headingIds(texts: readonly string[]): string[] {
  const ids = new PageIds(IDS_BEFORE_CONTENT);
  return texts.map((text) => ids.assign(text));
}

/** A post's page up to its article: `<main id="contenu">`, then the title's `<h1>` (layouts/post.njk). */
export function postPageIds(titleText: string): PageIds {
  const ids = new PageIds(IDS_BEFORE_CONTENT);
  ids.assign(titleText);
  return ids;
}

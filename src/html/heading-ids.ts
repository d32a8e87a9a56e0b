// Heading ids, given once when the HTML is written instead of by a parse of every
// output page (which is what Eleventy's IdAttributePlugin did). A heading's id is the
// slug of its text, with "section-" in front of a slug starting with "comment" or
// "mention" (ids "comment-…" and "mention-…" are the comments' and mentions' anchors, and
// "comments", "mentions" their sections') or with a digit (an id starts with a letter, as
// html-validate asks: a page titled "2010" gets `section-2010`). On one page the ids the site gives are
// unique: a heading whose slug is taken gets the first suffix ("-2", "-3", …) that no
// other id on the page uses, so "Bilan", "Bilan", "Bilan 2" get `bilan`, `bilan-2`,
// `bilan-2-2` (IdAttributePlugin gave `bilan-2` twice).
//
// Ids written by hand, the layout's (`contenu`) and an author's in raw HTML, are kept
// as written and never renamed. When one of them, written later on the page, is an id
// already given to a heading, that heading moves to the first free suffix of its slug
// (the author's `<div id="bilan">` after "## Bilan" leaves the heading `bilan-2`, or
// the next free one). Two ids written by hand that are the same are left alone too:
// neither is the site's to change.
import { slugifyTitle } from "../format/slug.ts";

/** Ids every page has before its content: layouts/base.njk's `<main id="contenu">`. */
const IDS_BEFORE_CONTENT: readonly string[] = ["contenu"];

/** The slug of a heading whose text has none (only punctuation or emoji): an id must not be empty. */
const EMPTY_SLUG = "section";

/** The id of a heading of this (decoded) text, before de-duplication on its page. */
function headingSlug(text: string): string {
  const slug = slugifyTitle(text) || EMPTY_SLUG;
  return slug.startsWith("comment") || slug.startsWith("mention") || /^[0-9]/.test(slug)
    ? `section-${slug}`
    : slug;
}

/** `slug` if no id on the page uses it, else the first `slug-N` (N from 2) that none uses. */
function firstFreeId(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let suffix = 2;
  while (taken.has(`${slug}-${suffix}`)) suffix++;
  return `${slug}-${suffix}`;
}

/** A heading the site gave an id: its slug, for a new suffix, and how to change its id. */
interface GivenHeading {
  slug: string;
  rename: (id: string) => void;
}

/** The ids of one page, in document order: see the rules at the top of this file. */
export class PageIds {
  /** Every id on the page so far, written by hand or given to a heading. */
  readonly #taken = new Set<string>();
  /** The headings' ids, each with its heading, so an id claimed later can move it. */
  readonly #headings = new Map<string, GivenHeading>();

  constructor(idsBefore: Iterable<string> = []) {
    for (const id of idsBefore) this.claim(id);
  }

  /** An id written by hand, kept as it is; a heading given that id earlier moves to a free one. */
  claim(id: string): void {
    this.#taken.add(id);
    const heading = this.#headings.get(id);
    if (!heading) return;
    this.#headings.delete(id);
    heading.rename(this.#give(heading));
  }

  /** The id of a heading without one; `rename` is called if an id claimed later takes it. */
  assign(text: string, rename: (id: string) => void = () => undefined): string {
    return this.#give({ slug: headingSlug(text), rename });
  }

  /** Gives this heading the first free id of its slug and records it. */
  #give(heading: GivenHeading): string {
    const id = firstFreeId(heading.slug, this.#taken);
    this.#taken.add(id);
    this.#headings.set(id, heading);
    return id;
  }
}

/** The ids of headings written in this order on one page, after `<main id="contenu">`. */
export function headingIds(texts: readonly string[]): string[] {
  const ids = new PageIds(IDS_BEFORE_CONTENT);
  return texts.map((text) => ids.assign(text));
}

/**
 * A post's page up to its article: `<main id="contenu">`, then the title's `<h1>`
 * (layouts/post.njk). `titleId` is the title's id, moved if the article's raw HTML
 * claims it; the article's Markdown hands it to the layout (src/markdown/heading-ids.ts).
 */
export class PostPageIds extends PageIds {
  #titleId: string;

  constructor(titleText: string) {
    super(IDS_BEFORE_CONTENT);
    this.#titleId = this.assign(titleText, (id) => (this.#titleId = id));
  }

  get titleId(): string {
    return this.#titleId;
  }
}

/** The ids of a post's page before its article; the title's id is `headingIds([titleText])[0]` until the article claims it. */
export function postPageIds(titleText: string): PostPageIds {
  return new PostPageIds(titleText);
}

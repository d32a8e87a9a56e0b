// The slug of a text: slugify's French locale, lower-case and strict. It names a new
// post's folder (npm run new:post), suggests the name of a refused one, and makes the
// headings' ids.
// Apostrophes separate words in French ("L'été" is two words), so they become
// spaces first; slugify's strict mode would otherwise glue "lete" together.
import slugify from "slugify";

const APOSTROPHES = /['’ʼ]/g;

// A build asks for the same slugs more than once (a post's title, on its page and on the
// home page): remember them. Bounded, for a long-running dev server.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

export function slugifyTitle(title: string): string {
  let slug = memo.get(title);
  if (slug === undefined) {
    slug = slugify(title.replace(APOSTROPHES, " "), { lower: true, strict: true, locale: "fr", trim: true });
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(title, slug);
  }
  return slug;
}

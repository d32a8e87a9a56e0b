// The URL slug of a post: slugify's French locale, lower-case and strict.
// Apostrophes separate words in French ("L'été" is two words), so they become
// spaces first; slugify's strict mode would otherwise glue "lete" together.
import slugify from "slugify";

const APOSTROPHES = /['’ʼ]/g;

// A build asks for the same slugs several times (the post's check, its URL, its heading
// ids, the home page's): remember them. Bounded, for a long-running dev server.
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

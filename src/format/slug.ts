// The URL slug of a post: slugify's French locale, lower-case and strict.
// Apostrophes separate words in French ("L'été" is two words), so they become
// spaces first; slugify's strict mode would otherwise glue "lete" together.
import slugify from "slugify";

const APOSTROPHES = /['’ʼ]/g;

export function slugifyTitle(title: string): string {
  return slugify(title.replace(APOSTROPHES, " "), {
    lower: true,
    strict: true,
    locale: "fr",
    trim: true,
  });
}

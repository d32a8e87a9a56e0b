// Counting comments in French: "Une réflexion", "11 réflexions", nothing for none.
import { frenchTypography } from "../markdown/french-typography-text.ts";

// Made on first use: a small site may never count past one.
let numberFormat: Intl.NumberFormat | undefined;

/** A whole number as French writes it: "12", "1 234" (a narrow no-break space between thousands). */
function frenchNumber(count: number): string {
  // Below a thousand, French writes a whole number as its digits, as String() does; ICU's
  // formatting is far slower, and every post's page and home-page entry counts.
  if (Number.isInteger(count) && count >= 0 && count < 1000) return String(count);
  numberFormat ??= new Intl.NumberFormat("fr-FR");
  return numberFormat.format(count);
}

/** "Une réflexion", "2 réflexions", "1 234 réflexions", "Aucune réflexion". */
export function countReflections(count: number): string {
  if (count === 0) return "Aucune réflexion";
  if (count === 1) return "Une réflexion";
  return `${frenchNumber(count)} réflexions`;
}

/** The heading of a post's mentions (pingbacks and trackbacks): "1 mention", "2 mentions". */
export function countMentions(count: number): string {
  return `${frenchNumber(count)} mention${count > 1 ? "s" : ""}`;
}

/** The posts of a tag (src/site/tag-pages.ts): "1 article", "23 articles", "1 234 articles". */
export function countArticles(count: number): string {
  return `${frenchNumber(count)} article${count > 1 ? "s" : ""}`;
}

/** The heading of a post's comments section. */
export function commentsHeading(count: number, title: string): string {
  const quoted = frenchTypography(`« ${title} »`);
  if (count === 0) return `Pas encore de réflexion au sujet de ${quoted}`;
  return `${countReflections(count)} au sujet de ${quoted}`;
}

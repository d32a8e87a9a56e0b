// French typography on a run of plain text (no markup, no URL, no code):
// - a no-break space (U+00A0) inside « » and before ":",
// - a narrow no-break space (U+202F) before ";", "!" and "?",
// - the typographic apostrophe (’) for a straight one between two letters ("l'été",
//   "aujourd'hui"), as French print writes it; a quote mark elsewhere is left alone.
// Spaces the author typed before ; : ! ? become non-breaking; none is invented there,
// so "14:32", "http://", "a?b=c" and smileys stay as they are. Guillemets always get theirs.

const NBSP = "\u00A0";
const NNBSP = "\u202F";
const SPACES = "[ \\t\\u00A0\\u202F]";

const BEFORE_HIGH_PUNCTUATION = new RegExp(`${SPACES}+([;!?])`, "g");
const BEFORE_COLON = new RegExp(`${SPACES}+:`, "g");
const AFTER_OPENING_GUILLEMET = new RegExp(`«${SPACES}*`, "g");
const BEFORE_CLOSING_GUILLEMET = new RegExp(`${SPACES}*»`, "g");
const STRAIGHT_APOSTROPHE = /(?<=\p{L})'(?=\p{L})/gu;

export function frenchTypography(text: string): string {
  if (!/[;:!?«»']/.test(text)) return text;
  // The apostrophe's expression looks behind at every character: only run where one is.
  return (text.includes("'") ? text.replace(STRAIGHT_APOSTROPHE, "’") : text)
    .replace(BEFORE_HIGH_PUNCTUATION, `${NNBSP}$1`)
    .replace(BEFORE_COLON, `${NBSP}:`)
    .replace(AFTER_OPENING_GUILLEMET, `«${NBSP}`)
    .replace(BEFORE_CLOSING_GUILLEMET, `${NBSP}»`);
}

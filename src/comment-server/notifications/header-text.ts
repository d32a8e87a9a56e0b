// A value for one line of a mail header (a subject naming a commenter, a post's title):
// line breaks and other control characters become a space, so no name or title can end
// the header and start another ("Zoé\r\nBcc: …"). The messages are built with
// nodemailer's structured fields only, which encode what is left; this is the layer
// that does not depend on it.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching them is the point
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function headerText(value: string): string {
  return value.replace(BREAKS, " ").replace(/ {2,}/g, " ").trim();
}

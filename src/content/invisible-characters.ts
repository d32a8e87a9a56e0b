// Removes the characters that let text written by a stranger act on the text around it
// instead of being read: C0/C1 control characters (except tab and line breaks), and the
// bidirectional embedding, override and isolate controls used to spoof the order of
// what a reader sees ("Trojan Source"). Right-to-left *letters* are kept: Arabic or
// Hebrew text is welcome, and the page isolates each comment's direction (dir="auto",
// <bdi>), so it cannot reorder what surrounds it.

// U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F–U+009F, U+202A–U+202E, U+2066–U+2069
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function removeUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, "");
}

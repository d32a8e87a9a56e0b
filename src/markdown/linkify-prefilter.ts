// A quicker "no link here" for markdown-it's linkify. For every paragraph, and then for
// every run of text in it, markdown-it asks linkify-it whether a link may be there; its
// answer is a large case-insensitive regular expression (every top-level domain, every
// Unicode punctuation mark) run over the whole text: about 15 % of rendering a comment.
//
// Whatever that expression matches contains one of a few short clues: a scheme ends in
// ":" or is "//", an e-mail address has "@", a fuzzy host is "localhost", "www." or a dot
// followed by a top-level domain or a digit. Text without any clue is answered "no" here,
// as linkify-it would; text with one is still asked to linkify-it, so the links found are
// the same (tests/unit/linkify-prefilter.test.ts compares both on tricky and random text).
// Valid for linkify-it's default schemes, the only ones our instances use.
import type MarkdownIt from "markdown-it";

/** markdown-it's own linkify-it (not a dependency of ours: markdown-it brings it). */
type LinkifyIt = MarkdownIt["linkify"];

const MAY_HOLD_LINK = /[:/@]|\.[\p{L}\p{N}]|www\.|localhost/iu;

/** False only when linkify-it would find no link in the text. */
export function mayHoldLink(text: string): boolean {
  return MAY_HOLD_LINK.test(text);
}

/** Puts the quick check in front of this linkify-it's `pretest` and `test`. */
function withPrefilter(linkify: LinkifyIt): LinkifyIt {
  const pretest = linkify.pretest.bind(linkify);
  const test = linkify.test.bind(linkify);
  linkify.pretest = (text: string) => mayHoldLink(text) && pretest(text);
  linkify.test = (text: string) => mayHoldLink(text) && test(text);
  return linkify;
}

// One linkify-it, with its defaults, for the article and comment instances alike: its
// expressions are compiled on first use, which a second copy would do again.
// markdown-it calls `test` then `match` on the same text without yielding, so sharing is safe.
let shared: LinkifyIt | undefined;

/** Gives the instance the shared linkify-it with the quick check in front. */
export function linkifyPrefilterPlugin(md: MarkdownIt): void {
  shared ??= withPrefilter(md.linkify);
  (md as { linkify: LinkifyIt }).linkify = shared;
}

// A quicker markdown-it `normalizeLink` for plain web addresses. markdown-it normalises
// every link's address: it parses it (mdurl), converts its host name to ASCII (punycode)
// and percent-encodes what needs it, the larger part of the "link" rule's time in a
// comment. For an address like https://exemple.fr/un/article?x=1#haut (an http(s)
// scheme, a host of ASCII letters, digits and hyphens, then only characters mdurl never
// encodes, and no "%") each of those steps gives back what it was given: such an address
// is its own normal form, and is returned as is. Any other address takes markdown-it's
// way. tests/unit/plain-link-normalizer.test.ts compares both on tricky and random
// addresses.
import type MarkdownIt from "markdown-it";

// mdurl's host checks: labels of at most 63 characters, names of at most 255.
const PLAIN_WEB_ADDRESS =
  /^https?:\/\/(?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}(?:[/?#;][A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*)?$/;
const LONGEST_HOST = 255;

/** True when markdown-it's normalizeLink would return `url` unchanged. */
export function isPlainWebAddress(url: string): boolean {
  return url.length <= LONGEST_HOST && PLAIN_WEB_ADDRESS.test(url);
}

export function plainLinkNormalizerPlugin(md: MarkdownIt): void {
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string) => (isPlainWebAddress(url) ? url : normalizeLink(url));
}

// src/markdown/plain-link-normalizer.ts returns plain web addresses as they are, where
// markdown-it would parse, re-encode and rebuild them: it must give what markdown-it gives.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import { pick, randomInt, seededRandom, type Random } from "../../bench/random.ts";
import { commentBody, postBody } from "../../bench/french-text.ts";
import { isPlainWebAddress, plainLinkNormalizerPlugin } from "../../src/markdown/plain-link-normalizer.ts";

const markdownIts = new MarkdownIt();
const ours = new MarkdownIt().use(plainLinkNormalizerPlugin);

const TRICKY = [
  "https://exemple.fr",
  "http://exemple.fr/",
  "https://sous.exemple.fr/un/article?x=1&y=2#haut",
  "https://exemple.fr/chemin;param",
  "https://exemple.fr;x",
  "https://exemple.fr?q",
  "https://exemple.fr#frag",
  "https://exemple.fr/a#b#c",
  "https://exemple.fr/a?b?c#d?e",
  "https://exemple.fr/(parenthèse)",
  "https://exemple.fr/(x)'y'*!~",
  "https://exemple.fr/a@b",
  "https://moi@exemple.fr/",
  "https://moi:secret@exemple.fr/",
  "https://exemple.fr:8080/",
  "https://exemple.fr:/",
  "https://EXEMPLE.FR/A",
  "HTTPS://exemple.fr/",
  "https://xn--bcher-kva.example/",
  "https://bücher.example/",
  "https://exemple.fr/%41%",
  "https://exemple.fr/a b",
  "https://exemple.fr/<x>",
  'https://exemple.fr/"x"',
  "https://exemple.fr/[x]",
  "https://exemple.fr/{x}|^`\\",
  "https://a..b/",
  "https://.a/",
  "https://-a.fr/",
  "https://a_b.fr/",
  `https://${"a".repeat(63)}.fr/`,
  `https://${"a".repeat(64)}.fr/`,
  `https://${"a.".repeat(127)}fr/`,
  `https://${"a".repeat(250)}/`,
  "https:///chemin",
  "https://",
  "http:exemple.fr",
  "//exemple.fr/",
  "mailto:moi@exemple.fr",
  "#ancre",
  "/relatif",
  " https://exemple.fr/ ",
];

// Addresses built from the pieces that matter to mdurl, punycode and the plain test.
function randomAddress(random: Random): string {
  const scheme = pick(random, ["https://", "http://", "https://", "HTTP://", "ftp://", "", "//", "https:"]);
  const hostPieces = [
    "a",
    "exemple",
    "fr",
    "b2",
    "-",
    ".",
    ".",
    "x",
    "Z",
    "_",
    "é",
    "xn--",
    ":",
    "8080",
    "@",
    "a".repeat(40),
  ];
  const tailPieces = [
    "/",
    "/",
    "a",
    "?",
    "#",
    ";",
    "=",
    "&",
    "@",
    ":",
    "%",
    "%41",
    " ",
    "é",
    "’",
    "(",
    ")",
    "'",
    "*",
    "!",
    "~",
    "$",
    ",",
    "+",
    "<",
    '"',
    "[",
    "|",
    "\\",
    "^",
    "`",
    "{",
    "-",
    "_",
    ".",
  ];
  let address = scheme;
  for (let i = randomInt(random, 0, 6); i > 0; i--) address += pick(random, hostPieces);
  for (let i = randomInt(random, 0, 8); i > 0; i--) address += pick(random, tailPieces);
  return address;
}

// Mostly plain addresses, where one piece now and then is not.
function nearlyPlainAddress(random: Random): string {
  const plainTail = [
    "/",
    "/",
    "article",
    "?",
    "#",
    ";",
    "=",
    "&",
    "@",
    ":",
    "(",
    ")",
    "'",
    "*",
    "!",
    "~",
    "$",
    ",",
    "+",
    "-",
    "_",
    ".",
    "x9",
  ];
  const rare = ["%", "é", " ", "<", "[", "`", ":80", "@", ".."];
  let address = pick(random, ["https://", "http://"]);
  for (let i = randomInt(random, 1, 4); i > 0; i--)
    address += pick(random, ["a", "exemple", "fr", "b2", "-", ".", "XN--"]);
  for (let i = randomInt(random, 0, 10); i > 0; i--)
    address += random() < 0.05 ? pick(random, rare) : pick(random, plainTail);
  return address;
}

describe("the plain link normalizer", () => {
  it("gives markdown-it's normalizeLink result for every address, tricky or random", () => {
    const random = seededRandom(5);
    const addresses = [
      ...TRICKY,
      ...Array.from({ length: 30_000 }, () => randomAddress(random)),
      ...Array.from({ length: 30_000 }, () => nearlyPlainAddress(random)),
    ];
    let plain = 0;
    for (const address of addresses) {
      assert.equal(ours.normalizeLink(address), markdownIts.normalizeLink(address), JSON.stringify(address));
      if (isPlainWebAddress(address)) plain++;
    }
    // The comparison means something only if many addresses took the quick way.
    assert.ok(plain > 5_000, `${plain} plain addresses`);
  });

  it("takes the quick way for ordinary addresses only", () => {
    assert.equal(isPlainWebAddress("https://sous.exemple.fr/un/article?x=1#haut"), true);
    for (const address of [
      "https://bücher.example/",
      "https://exemple.fr/%41",
      "https://exemple.fr:8080/",
      "mailto:moi@exemple.fr",
      "#ancre",
      `https://${"a".repeat(64)}.fr/`,
    ]) {
      assert.equal(isPlainWebAddress(address), false, address);
    }
  });

  it("leaves the rendered HTML of comments and articles unchanged", () => {
    const random = seededRandom(13);
    const sources = [
      ...TRICKY.map((address) => `[lien](${address}) et <${address}> et ${address}`),
      ...Array.from({ length: 300 }, () => commentBody(random)),
      ...Array.from({ length: 50 }, () => postBody(random)),
    ];
    const linkified = [
      new MarkdownIt({ linkify: true }),
      new MarkdownIt({ linkify: true }).use(plainLinkNormalizerPlugin),
    ] as const;
    for (const source of sources)
      assert.equal(linkified[1].render(source), linkified[0].render(source), JSON.stringify(source));
  });
});

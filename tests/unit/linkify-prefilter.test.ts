import assert from "node:assert/strict";
import { describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import { seededRandom, pick, randomInt } from "../../bench/random.ts";
import { commentBody, postBody } from "../../bench/french-text.ts";
import { createArticleMarkdown } from "../../src/markdown/article-markdown.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { linkifyPrefilterPlugin, mayHoldLink } from "../../src/markdown/linkify-prefilter.ts";

// linkify-it as markdown-it sets it up, without the prefilter.
const plain = new MarkdownIt({ linkify: true }).linkify;

const TRICKY = [
  "voir example.com ici",
  "VOIR EXEMPLE.FR",
  "www. et rien",
  "WWW.EXEMPLE.ORG",
  "localhost:8080",
  "LOCALHOST",
  "serveur 192.168.0.1 ou 10.0.0.1",
  "écrire à contact@exemple.org",
  "http://x.fr https://X.FR HTTPS://x",
  "//exemple.com/chemin",
  "mailto:quelqu'un@exemple.fr",
  "ftp://ftp.exemple.org",
  "site.рф et САЙТ.РФ",
  "a.co, b.io; c.dev",
  "fin.Début de phrase",
  "version 2.0 sortie",
  "(exemple.com)",
  "«\u00A0exemple.com\u00A0»",
  "exemple.com」",
  "Bonjour ! Ça va ? Oui ; merci.",
  "rien du tout",
  "l’e-réputation, etc. puis…",
  "",
];

// Strings made of the clues' pieces and of what surrounds them in French text.
function randomText(random: () => number): string {
  const pieces = [
    " ",
    " ",
    "a",
    "é",
    "Z",
    "1",
    "42",
    ".",
    ":",
    "/",
    "@",
    "www",
    "WWW",
    "localhost",
    "com",
    "fr",
    "рф",
    "«",
    "»",
    "\u00A0",
    "!",
    "?",
    ";",
    "_",
    "-",
    "(",
    ")",
    "\n",
    "http",
    "mailto",
    "ftp",
    "xn--",
    "ﬁ",
    "Ⅻ",
    "٣",
  ];
  let text = "";
  for (let i = randomInt(random, 0, 12); i > 0; i--) text += pick(random, pieces);
  return text;
}

describe("the linkify prefilter", () => {
  it("says 'maybe' wherever linkify-it's pretest or test says yes", () => {
    const random = seededRandom(7);
    const texts = [...TRICKY, ...Array.from({ length: 20_000 }, () => randomText(random))];
    for (const text of texts) {
      if (plain.pretest(text))
        assert.ok(mayHoldLink(text), `pretest found a possible link in ${JSON.stringify(text)}`);
      if (plain.test(text)) assert.ok(mayHoldLink(text), `test found a link in ${JSON.stringify(text)}`);
    }
  });

  it("skips text that holds no clue", () => {
    assert.equal(mayHoldLink("Bonjour ! Ça va ? Oui ; merci. À bientôt…"), false);
    assert.equal(mayHoldLink("voir exemple.com"), true);
  });

  it("leaves markdown-it's output unchanged, comments and articles alike", () => {
    const random = seededRandom(11);
    const withPrefilter = [createCommentMarkdown(), createArticleMarkdown()];
    const without = [
      createCommentMarkdown({ linkifyPrefilter: false }),
      createArticleMarkdown({ linkifyPrefilter: false }),
    ];
    const sources = [
      ...TRICKY,
      ...Array.from({ length: 300 }, () => commentBody(random)),
      ...Array.from({ length: 50 }, () => postBody(random)),
      ...Array.from({ length: 2_000 }, () => randomText(random)),
    ];
    for (const source of sources) {
      for (const [index, md] of withPrefilter.entries())
        assert.equal(md.render(source), without[index]?.render(source), JSON.stringify(source));
    }
  });

  it("is one linkify-it for every instance (compiled once a build)", () => {
    assert.equal(createCommentMarkdown().linkify, createArticleMarkdown().linkify);
    assert.notEqual(
      createCommentMarkdown({ linkifyPrefilter: false }).linkify,
      createArticleMarkdown().linkify,
    );
  });

  it("answers as linkify-it does, and markdown-it links what it finds", () => {
    const md = new MarkdownIt({ linkify: true }).use(linkifyPrefilterPlugin);
    assert.equal(md.linkify.test("rien ici"), false);
    assert.equal(md.linkify.test("voir exemple.com"), true);
    assert.equal(md.render("voir exemple.com"), '<p>voir <a href="http://exemple.com">exemple.com</a></p>\n');
  });
});

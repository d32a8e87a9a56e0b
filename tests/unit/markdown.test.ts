import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createArticleMarkdown } from "../../src/markdown/article-markdown.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { frenchTypography } from "../../src/markdown/french-typography-text.ts";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

describe("French typography", () => {
  it("puts no-break spaces inside guillemets and before : ; ! ?", () => {
    assert.equal(
      frenchTypography("« coquille » : oui ; non ! vrai ?"),
      `«${NBSP}coquille${NBSP}» ${NBSP}: oui${NNBSP}; non${NNBSP}! vrai${NNBSP}?`.replace(
        ` ${NBSP}:`,
        `${NBSP}:`,
      ),
    );
    assert.equal(frenchTypography("«coquille»"), `«${NBSP}coquille${NBSP}»`);
  });
  it("writes a straight apostrophe between letters as ’, and leaves other quote marks and code alone", () => {
    assert.equal(frenchTypography("L'été, aujourd'hui, c'est ça"), "L’été, aujourd’hui, c’est ça");
    assert.equal(frenchTypography("'cité' et 5'"), "'cité' et 5'");
    assert.match(
      createCommentMarkdown().render("C'est `l'été` ici"),
      /^<p>C’est <code>l'été<\/code> ici<\/p>/,
    );
  });
  it("invents no space before punctuation: URLs, times and queries stay intact", () => {
    assert.equal(frenchTypography("http://x.fr/?a=b à 14:32"), "http://x.fr/?a=b à 14:32");
  });
  it("leaves code and autolinked URLs alone in Markdown", () => {
    const html = createArticleMarkdown().render(
      "Voir `a ? b` et http://exemple.fr/a ? oui\n\n    code ; ici\n",
    );
    assert.match(html, /<code>a \? b<\/code>/);
    assert.match(html, /<a href="http:\/\/exemple.fr\/a">http:\/\/exemple.fr\/a<\/a>\u202F\? oui/);
    assert.match(html, /code ; ici/);
  });
});

describe("comment Markdown", () => {
  const md = createCommentMarkdown();
  it("shows raw HTML as text", () => {
    const html = md.render('<script>alert(1)</script> <b onclick="x()">gras</b>');
    assert.doesNotMatch(html, /<script|<b /);
    assert.match(html, /&lt;script&gt;/);
  });
  it("autolinks and marks every link nofollow ugc", () => {
    assert.equal(
      md.render("voir http://y8nn.fr/").trim(),
      '<p>voir <a href="http://y8nn.fr/" rel="nofollow ugc">http://y8nn.fr/</a></p>',
    );
    assert.match(
      md.render("[site](https://exemple.fr)"),
      /<a href="https:\/\/exemple.fr" rel="nofollow ugc">site<\/a>/,
    );
  });
  it("refuses javascript:, data: and relative links", () => {
    for (const source of [
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](data:text/html;base64,PHNjcmlwdD4=)",
      "[x](vbscript:msgbox)",
      "[x](/admin)",
    ]) {
      assert.doesNotMatch(md.render(source), /<a /, source);
    }
  });
  it("keeps line breaks and shows no heading", () => {
    assert.equal(md.render("Amicalement vôtre,\nGreg").trim(), "<p>Amicalement vôtre,<br>\nGreg</p>");
    assert.doesNotMatch(md.render("# Titre"), /<h1/);
  });
  it("turns images into links, so no comment loads anything from elsewhere", () => {
    const html = md.render("![un chat](https://exemple.fr/chat.png)");
    assert.doesNotMatch(html, /<img/);
    assert.match(
      html,
      /<a href="https:\/\/exemple.fr\/chat.png" rel="nofollow ugc">\[image\u00A0: un chat\]<\/a>/,
    );
  });
});

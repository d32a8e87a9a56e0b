// The pieces behind "being found and shared", without a build: plain text from rendered
// comments, JSON-LD that no text can break out of, the comment feed, the CSP.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { commentFeed } from "../../src/feeds/comment-feed.ts";
import { renderedHtmlToText } from "../../src/html/plain-text.ts";
import { createCommentMarkdown } from "../../src/markdown/comment-markdown.ts";
import { blogPosting, jsonLdScript } from "../../src/seo/blog-posting.ts";
import { metaContentSecurityPolicy, securityHeaders } from "../../src/site/security-headers.ts";
import { aComment } from "../helpers/comments.ts";

const post = {
  title: "Un article",
  description: "Résumé",
  url: "https://exemple.fr/un-article/",
  published: DateTime.fromISO("2024-03-01T10:00:00+01:00", { setZone: true }),
  author: { name: "Camille" },
  language: "fr",
  site: { name: "Site", url: "https://exemple.fr/" },
};

describe("plain text of a rendered comment", () => {
  it("drops tags and decodes what markdown-it escaped, including text that looks like HTML", () => {
    const md = createCommentMarkdown();
    const text = renderedHtmlToText(
      md.render("Un **mot** & <script>alert(1)</script>\n\n[lien](https://exemple.fr/) « ok »"),
    );
    assert.equal(text, "Un mot & <script>alert(1)</script>\n\nlien «\u00A0ok\u00A0»");
  });
});

describe("JSON-LD", () => {
  it("nests replies under the comment they answer and counts every comment", () => {
    const data = blogPosting(post, [
      aComment("1", "2024-03-02T10:00:00+01:00"),
      aComment("2", "2024-03-02T11:00:00+01:00", "1"),
      aComment("3", "2024-03-02T12:00:00+01:00"),
    ]) as Record<string, unknown>;
    assert.equal(data.commentCount, 3);
    const comments = data.comment as Array<{ url: string; comment?: Array<{ url: string }> }>;
    assert.deepEqual(
      comments.map((comment) => comment.url),
      ["https://exemple.fr/un-article/#comment-1", "https://exemple.fr/un-article/#comment-3"],
    );
    assert.equal(comments[0]?.comment?.[0]?.url, "https://exemple.fr/un-article/#comment-2");
  });

  it("cannot be closed or commented out by the text it carries", () => {
    const script = jsonLdScript({ text: "</script><script>alert(1)</script> <!-- \u2028" });
    assert.equal(
      script.indexOf("<", 1),
      script.lastIndexOf("</script>"),
      "the only '<' after the opening tag is the closing tag's",
    );
    assert.deepEqual(JSON.parse(script.slice(script.indexOf(">") + 1, script.lastIndexOf("</script>"))), {
      text: "</script><script>alert(1)</script> <!-- \u2028",
    });
  });
});

describe("the comment feed", () => {
  it("lists comments newest first, says whom a reply answers, and escapes everything", () => {
    const hostile = {
      ...aComment("2", "2024-03-02T11:00:00+01:00", "1", `Éva <b>&</b>`),
      bodyHtml: "<p>a &lt; b</p>",
    };
    const xml = commentFeed({ ...post, feedUrl: `${post.url}commentaires.xml`, siteTitle: "Site" }, [
      aComment("1", "2024-03-02T10:00:00+01:00", undefined, "Léa"),
      hostile,
    ]);
    assert.ok(xml.indexOf("#comment-2") < xml.indexOf("#comment-1"), "newest first");
    assert.match(xml, /<title>Réponse d’Éva &lt;b&gt;&amp;&lt;\/b&gt; à Léa<\/title>/);
    assert.match(xml, /<title>Commentaire de Léa<\/title>/);
    assert.match(xml, /<content type="html">&lt;p&gt;a &amp;lt; b&lt;\/p&gt;<\/content>/);
    assert.match(
      xml,
      /<updated>2024-03-02T11:00:00\+01:00<\/updated>\n<entry>/,
      "the feed is as recent as its newest comment",
    );
  });

  it("writes « de » before a y that sounds as a consonant, « d’ » before a y, a vowel or an h that sound as vowels", () => {
    const feedPost = { ...post, feedUrl: `${post.url}commentaires.xml`, siteTitle: "Site" };
    const cases = [
      ["Yannig", "de Yannig"],
      ["Yann", "de Yann"],
      ["Yasmine", "de Yasmine"],
      ["Yoann", "de Yoann"],
      ["Yves", "d’Yves"],
      ["Ysé", "d’Ysé"],
      ["Anonyme", "d’Anonyme"],
      ["Éva", "d’Éva"],
      ["Œdipe", "d’Œdipe"],
      ["Hélène", "d’Hélène"],
      ["Léa", "de Léa"],
    ];
    for (const [author, from] of cases) {
      const xml = commentFeed(feedPost, [
        aComment("1", "2024-03-02T10:00:00+01:00", undefined, "Léa"),
        aComment("2", "2024-03-02T11:00:00+01:00", "1", author),
        aComment("3", "2024-03-02T12:00:00+01:00", undefined, author),
      ]);
      assert.ok(xml.includes(`<title>Commentaire ${from}</title>`), `Commentaire ${from}`);
      assert.ok(xml.includes(`<title>Réponse ${from} à Léa</title>`), `Réponse ${from} à Léa`);
    }
  });

  it("makes a comment's links to a part of the page absolute, and leaves text that looks like such a link as written", () => {
    const md = createCommentMarkdown();
    const comment = {
      ...aComment("2", "2024-03-02T11:00:00+01:00"),
      bodyHtml: md.render('Voir [le 1](#comment-1), ![schéma](#fig) et href="#x" `src="#y"`'),
    };
    const xml = commentFeed({ ...post, feedUrl: `${post.url}commentaires.xml`, siteTitle: "Site" }, [
      aComment("1", "2024-03-02T10:00:00+01:00"),
      comment,
    ]);
    assert.ok(
      xml.includes(
        "&lt;a href=&quot;https://exemple.fr/un-article/#comment-1&quot; rel=&quot;nofollow ugc&quot;&gt;le 1&lt;/a&gt;",
      ),
      xml,
    );
    assert.ok(
      xml.includes("&lt;a href=&quot;https://exemple.fr/un-article/#fig&quot;"),
      "an image shown as a link",
    );
    assert.ok(
      xml.includes(" et href=&amp;quot;#x&amp;quot; &lt;code&gt;src=&amp;quot;#y&amp;quot;&lt;/code&gt;"),
      "a commenter's literal text is not a link",
    );
    assert.ok(!/href=&quot;#/.test(xml), "no fragment-only link is left");
  });
});

describe("Content-Security-Policy", () => {
  it("allows only the site's own stylesheet and images, and the dev server's live reload when asked", () => {
    assert.equal(
      metaContentSecurityPolicy(),
      "default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'",
    );
    assert.match(metaContentSecurityPolicy({ liveReload: true }), /script-src 'self'; connect-src 'self'/);
    const header = new Map(securityHeaders()).get("Content-Security-Policy");
    assert.equal(header, `${metaContentSecurityPolicy()}; frame-ancestors 'none'`);
  });
});

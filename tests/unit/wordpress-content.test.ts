// The conversion rules of imported bodies: WordPress's paragraphs, blocks, shortcodes,
// HTML to Markdown (tables, figures, images, embeds), comment text as untrusted.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { autop } from "../../src/wordpress-import/autop.ts";
import { bodyMarkdown, type BodyContext } from "../../src/wordpress-import/body.ts";
import { commentMarkdown } from "../../src/wordpress-import/comment-text.ts";
import { description, plainText } from "../../src/wordpress-import/plain-text.ts";

function context(local: Record<string, string> = {}): BodyContext {
  return {
    attachments: new Map([
      ["5", { url: "http://ex.fr/wp-content/uploads/a.jpg", alt: "A", title: "a" }],
      ["6", { url: "http://ex.fr/wp-content/uploads/b.jpg", alt: "B", title: "b" }],
    ]),
    attachedToPost: [{ url: "http://ex.fr/wp-content/uploads/c.jpg", alt: "C", title: "c" }],
    localCopy: (url) => local[url],
    isUpload: (url) => url.includes("/wp-content/uploads/"),
    notes: [],
  };
}

describe("autop (WordPress's paragraph rules)", () => {
  it("makes blank lines paragraphs and single newlines line breaks", () => {
    assert.equal(autop("Un\ndeux\n\ntrois"), "<p>Un<br />\ndeux</p>\n<p>trois</p>\n");
  });

  it("leaves block elements and <pre> out of paragraphs", () => {
    assert.equal(autop("<ul><li>a</li></ul>\n\ntexte"), "<ul>\n<li>a</li>\n</ul>\n<p>texte</p>\n");
    assert.match(autop("<pre>a\n\nb</pre>"), /<pre>a\n\nb<\/pre>/);
  });
});

describe("bodyMarkdown", () => {
  it("converts a classic body with paragraphs, emphasis and a bare URL line to a link", () => {
    const ctx = context();
    assert.equal(
      bodyMarkdown("Le <strong>SMO</strong>\nligne\n\nhttps://youtu.be/x\n\nfin", ctx),
      "Le **SMO**\\\nligne\n\n[https://youtu.be/x](https://youtu.be/x)\n\nfin",
    );
  });

  it("turns [caption] into a figure with its caption, and an old site's image into a link", () => {
    const ctx = context();
    const markdown = bodyMarkdown(
      '[caption id="attachment_5" width="300"]<img src="http://ex.fr/wp-content/uploads/a-300x200.jpg" alt="Photo" /> La légende &amp; co[/caption]',
      ctx,
    );
    assert.equal(
      markdown,
      '<figure><a href="http://ex.fr/wp-content/uploads/a-300x200.jpg">image : Photo</a><figcaption>La légende &amp; co</figcaption></figure>',
    );
    assert.deepEqual(ctx.notes, [
      "image http://ex.fr/wp-content/uploads/a-300x200.jpg de l’ancien site : remplacée par un lien vers elle",
    ]);
  });

  it("shows a copy brought along as an image, linked relatively", () => {
    const ctx = context({ "http://ex.fr/wp-content/uploads/a.jpg": "a.jpg" });
    assert.equal(
      bodyMarkdown('<img src="http://ex.fr/wp-content/uploads/a.jpg" alt="Une photo">', ctx),
      "![Une photo](a.jpg)",
    );
    assert.deepEqual(ctx.notes, []);
  });

  it("turns [gallery] into its images, by ids or the post's attachments", () => {
    assert.equal(
      bodyMarkdown('[gallery ids="6,5"]', context()),
      "[image : B](http://ex.fr/wp-content/uploads/b.jpg)\n\n[image : A](http://ex.fr/wp-content/uploads/a.jpg)",
    );
    assert.equal(bodyMarkdown("[gallery]", context()), "[image : C](http://ex.fr/wp-content/uploads/c.jpg)");
  });

  it("turns [audio] into an <audio> element when brought along, else a link, reported", () => {
    const url = "http://ex.fr/wp-content/uploads/p.mp3";
    assert.equal(
      bodyMarkdown(`[audio mp3="${url}"][/audio]`, context({ [url]: "p.mp3" })),
      '<audio controls src="p.mp3"></audio>',
    );
    const ctx = context();
    assert.equal(bodyMarkdown(`[video src="${url}"]`, ctx), `[${url}](${url})`);
    assert.match(ctx.notes[0] ?? "", /\[video\] .* lien vers le fichier/);
  });

  it("leaves an unknown shortcode as written and names it", () => {
    const ctx = context();
    assert.equal(bodyMarkdown('[contact-form-7 id="4"]', ctx), '\\[contact-form-7 id="4"\\]');
    assert.deepEqual(ctx.notes, ["shortcode [contact-form-7] inconnu : laissé tel quel"]);
  });

  it("converts a simple table to Markdown and keeps another as HTML without presentational attributes", () => {
    assert.equal(
      bodyMarkdown(
        '<table style="x"><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>',
        context(),
      ),
      "| a   | b   |\n| --- | --- |\n| 1   | 2   |",
    );
    const ctx = context();
    assert.equal(
      bodyMarkdown(
        '<table width="4" border="1"><tr><td colspan="2" align="center" style="c">x</td></tr></table>',
        ctx,
      ),
      '<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>',
    );
    assert.match(ctx.notes[0] ?? "", /tableau gardé en HTML/);
  });

  it("renders blocks: paragraphs, images with captions, embeds as links, dynamic blocks named", () => {
    const ctx = context({ "http://ex.fr/wp-content/uploads/a.jpg": "a.jpg" });
    const markdown = bodyMarkdown(
      [
        "<!-- wp:paragraph -->\n<p>Un <em>bloc</em>.</p>\n<!-- /wp:paragraph -->",
        '<!-- wp:image -->\n<figure class="wp-block-image"><img src="http://ex.fr/wp-content/uploads/a.jpg" alt="A"/><figcaption>Légende</figcaption></figure>\n<!-- /wp:image -->',
        '<!-- wp:embed {"url":"https://twitter.com/x/status/1"} -->\n<figure class="wp-block-embed"><div>\nhttps://twitter.com/x/status/1\n</div></figure>\n<!-- /wp:embed -->',
        "<!-- wp:latest-posts /-->",
      ].join("\n\n"),
      ctx,
    );
    assert.equal(
      markdown,
      'Un _bloc_.\n\n<figure><img src="a.jpg" alt="A"><figcaption>Légende</figcaption></figure>\n\n[https://twitter.com/x/status/1](https://twitter.com/x/status/1)',
    );
    assert.deepEqual(ctx.notes, [
      "bloc dynamique core/latest-posts (affiché par WordPress à chaque visite) : retiré",
    ]);
  });

  it("keeps <!--nextpage--> as a visible separator, and an iframe as a link", () => {
    const ctx = context();
    assert.equal(
      bodyMarkdown('un\n<!--nextpage-->\ndeux\n\n<iframe src="https://player.example/v"></iframe>', ctx),
      "un\n\n* * *\n\ndeux\n\n[https://player.example/v](https://player.example/v)",
    );
    assert.equal(ctx.notes.length, 2);
  });
});

describe("commentMarkdown (untrusted text)", () => {
  it("converts the tags WordPress lets commenters use, and shows any other as text, named", () => {
    const notes: string[] = [];
    assert.equal(
      commentMarkdown(
        'Un <b>avis</b> &amp; <a href="http://x.org">un lien</a>\nligne\n\n<script>alert(1)</script> *x*',
        notes,
      ),
      "Un **avis** & [un lien](http://x.org)\nligne\n\n<script>alert(1)</script> \\*x\\*",
    );
    assert.deepEqual(notes, ["<script> affiché comme texte"]);
  });

  it("keeps a link that is not http(s) or mailto as its text", () => {
    const notes: string[] = [];
    assert.equal(commentMarkdown('<a href="javascript:alert(1)">clic</a>', notes), "clic");
    assert.equal(notes.length, 1);
  });
});

describe("plain text and descriptions", () => {
  it("decodes entities and removes markup from titles and names", () => {
    assert.equal(plainText("Jean &amp; <em>Marie</em> &#8211; l&rsquo;été"), "Jean & Marie – l’été");
  });

  it("takes the excerpt, else the text before <!--more-->, else the first sentence, within 160 characters", () => {
    assert.equal(description("Un <b>extrait</b>.", "Texte."), "Un extrait.");
    assert.equal(description("", "Avant.\n<!--more-->\nAprès."), "Avant.");
    assert.equal(description("", "<table><tr><td>x</td></tr></table>\n\nPremière phrase. Seconde."), "x");
    assert.equal(description("", "Première phrase. Seconde."), "Première phrase.");
    assert.ok(description("", "mot ".repeat(100)).length <= 160);
  });
});

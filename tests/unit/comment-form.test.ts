// The comment form, as the built pages and the comment server write it
// (src/comment-form/comment-form.ts): WordPress's French fields in its order, hostile values
// escaped, each problem next to its field, everything typed kept, and the publish button
// only on the preview.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import {
  commentFormHtml,
  HONEYPOT_FIELD,
  replyPageUrl,
  TOKEN_FIELD,
  type CommentFormOptions,
} from "../../src/comment-form/comment-form.ts";
import { MAX_COMMENT_CHARACTERS, MAX_NAME_CHARACTERS } from "../../src/comment-server/submission.ts";
import { hostileAuthors, hostileBodies } from "../fixtures/hostile.ts";

const URL = "https://commentaires.exemple.fr";

function formOf(options: Partial<CommentFormOptions> = {}): { markup: string; form: HTMLFormElement } {
  const markup = commentFormHtml({ commentsUrl: URL, post: "un-article", ...options }).value;
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${markup}</body></html>`);
  const form = document.querySelector("form") as unknown as HTMLFormElement;
  assert.ok(form, "a form is written");
  return { markup, form };
}

function control(form: HTMLFormElement, name: string): HTMLInputElement {
  const element = form.querySelector(`[name="${name}"]`) as HTMLInputElement | null;
  assert.ok(element, `a control named ${name}`);
  return element;
}

/** What a browser shows in the textarea: its text, entities decoded, less the newline after the tag (linkedom leaves both). */
function textareaValue(markup: string): string {
  const raw = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(markup)?.[1] ?? "";
  const entities: Record<string, string> = {
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&amp;": "&",
  };
  return raw.replace(/^\n/, "").replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity);
}

function labelText(form: HTMLFormElement, name: string): string | undefined {
  const id = control(form, name).getAttribute("id");
  return form.querySelector(`label[for="${id}"]`)?.textContent ?? undefined;
}

describe("commentFormHtml", () => {
  it("posts to the comment server's preview, in UTF-8, with WordPress's French fields in its order", () => {
    const { form, markup } = formOf();
    assert.equal(form.getAttribute("method"), "post");
    assert.equal(form.getAttribute("action"), `${URL}/apercu`);
    assert.equal(form.getAttribute("accept-charset"), "utf-8");
    assert.match(
      form.querySelector(".comment-form-notes")?.textContent ?? "",
      /^Votre adresse de messagerie ne sera pas publiée\. Les champs obligatoires sont indiqués avec\u00A0\*$/,
    );
    const names = [...form.querySelectorAll("[name]")].map((element) => element.getAttribute("name"));
    assert.deepEqual(names, ["comment", "author", "email", "url", HONEYPOT_FIELD, "post", "parent"]);
    assert.equal(labelText(form, "comment"), "Commentaire\u00A0*");
    assert.equal(labelText(form, "author"), "Nom\u00A0*");
    assert.equal(labelText(form, "email"), "Adresse de messagerie\u00A0*");
    assert.equal(labelText(form, "url"), "Site web");
    assert.equal(form.querySelector("button")?.textContent, "Prévisualiser");
    assert.equal(form.querySelectorAll("button").length, 1);
    assert.doesNotMatch(markup, /aria-invalid/);
  });

  it("asks the browser to check what it can: required fields, lengths, types, autocomplete", () => {
    const { form } = formOf();
    const comment = control(form, "comment");
    assert.equal(comment.tagName, "TEXTAREA");
    assert.equal(comment.getAttribute("maxlength"), String(MAX_COMMENT_CHARACTERS));
    assert.equal(comment.getAttribute("maxlength"), "10000");
    const author = control(form, "author");
    assert.equal(author.getAttribute("maxlength"), String(MAX_NAME_CHARACTERS));
    assert.equal(author.getAttribute("autocomplete"), "name");
    assert.equal(control(form, "email").getAttribute("type"), "email");
    assert.equal(control(form, "email").getAttribute("autocomplete"), "email");
    assert.equal(control(form, "url").getAttribute("type"), "url");
    assert.equal(control(form, "url").getAttribute("autocomplete"), "url");
    for (const name of ["comment", "author", "email"])
      assert.ok(control(form, name).hasAttribute("required"), name);
    assert.equal(control(form, "url").hasAttribute("required"), false);
    // The e-mail address is described by the note saying it is not published.
    const notes = control(form, "email").getAttribute("aria-describedby") ?? "";
    assert.match(form.querySelector(`[id="${notes}"]`)?.textContent ?? "", /ne sera pas publiée/);
  });

  it("hides its trap for robots from everyone, keyboards included", () => {
    const { form } = formOf();
    const trap = control(form, HONEYPOT_FIELD);
    assert.equal(trap.getAttribute("value"), "");
    assert.equal(trap.getAttribute("tabindex"), "-1");
    assert.equal(trap.getAttribute("autocomplete"), "off");
    assert.equal(labelText(form, HONEYPOT_FIELD), "Laissez ce champ vide");
    assert.ok(trap.closest(".comment-form-trap"), "inside the block the stylesheet hides (display: none)");
  });

  it("names the post and the comment answered in hidden fields", () => {
    const { form } = formOf({ parent: "6" });
    assert.equal(control(form, "post").getAttribute("type"), "hidden");
    assert.equal(control(form, "post").getAttribute("value"), "un-article");
    assert.equal(control(form, "parent").getAttribute("type"), "hidden");
    assert.equal(control(form, "parent").getAttribute("value"), "6");
    assert.equal(formOf().form.querySelector('[name="parent"]')?.getAttribute("value"), "");
  });

  it("escapes hostile values everywhere: fields, messages, post, parent, token, address", () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const fields = {
      comment: `</textarea><script>alert(3)</script>\n${Object.values(hostileBodies).join("\n")}`,
      author: hostileAuthors.join(" "),
      email: hostile,
      url: `javascript:alert(4)"${hostile}`,
    };
    const errors = {
      comment: hostile,
      author: hostile,
      email: hostile,
      url: hostile,
      post: hostile,
      parent: hostile,
    };
    const { markup, form } = formOf({
      commentsUrl: `${URL}/"><script>`,
      post: hostile,
      parent: hostile,
      fields,
      errors,
      token: hostile,
    });
    assert.doesNotMatch(markup, /<script|<img|<\/textarea><script/i);
    assert.equal(form.querySelectorAll("script, img").length, 0);
    assert.equal(form.querySelectorAll("textarea").length, 1);
    // Parsed back, each value is exactly what was typed.
    assert.equal(textareaValue(markup), fields.comment);
    assert.equal(control(form, "author").getAttribute("value"), fields.author);
    assert.equal(control(form, "email").getAttribute("value"), hostile);
    assert.equal(control(form, "url").getAttribute("value"), fields.url);
    assert.equal(control(form, "post").getAttribute("value"), hostile);
    assert.equal(control(form, "parent").getAttribute("value"), hostile);
    assert.equal(control(form, TOKEN_FIELD).getAttribute("value"), hostile);
    assert.equal(form.getAttribute("action"), `${URL}/"><script>/apercu`);
    for (const message of form.querySelectorAll(".comment-form-error"))
      assert.equal(message.textContent, hostile);
  });

  it("keeps everything the reader typed, a comment's leading line break included", () => {
    const fields = {
      comment: "\nPremière ligne vide.\n\n« Citation » & <b>gras</b>",
      author: "Hélène d’Ici",
      email: "helene@exemple.fr",
      url: "https://exemple.fr/?a=1&b=2",
      parent: "3",
    };
    const { form, markup } = formOf({ fields });
    assert.equal(textareaValue(markup), fields.comment);
    assert.match(
      markup,
      /<textarea [^>]*>\n\nPremière ligne vide/,
      "a newline after <textarea>, which the parser drops",
    );
    assert.equal(control(form, "author").getAttribute("value"), fields.author);
    assert.equal(control(form, "email").getAttribute("value"), fields.email);
    assert.equal(control(form, "url").getAttribute("value"), fields.url);
    assert.equal(control(form, "parent").getAttribute("value"), "3");
  });

  it("shows each problem next to its field, tied to it by aria-describedby and aria-invalid", () => {
    const errors = {
      comment: "Veuillez écrire votre commentaire.",
      email: "Cette adresse de messagerie n’est pas valide.",
    };
    const { form } = formOf({ errors, fields: { author: "Léa" } });
    for (const [name, message] of Object.entries(errors)) {
      const field = control(form, name);
      assert.equal(field.getAttribute("aria-invalid"), "true", name);
      const described = (field.getAttribute("aria-describedby") ?? "").split(" ");
      const messageElement = described
        .map((id) => form.querySelector(`[id="${id}"]`))
        .find((element) => element?.classList.contains("comment-form-error"));
      assert.equal(messageElement?.textContent, message, name);
      // Beside its field: in the same block, between its label and the control.
      assert.equal(messageElement?.parentElement, field.parentElement, name);
    }
    for (const name of ["author", "url"]) {
      assert.equal(control(form, name).hasAttribute("aria-invalid"), false, name);
      assert.doesNotMatch(control(form, name).getAttribute("aria-describedby") ?? "", /error/, name);
    }
    assert.equal(control(form, "author").getAttribute("value"), "Léa");
  });

  it("shows a problem with the post or the comment answered at the top of the form", () => {
    const { form } = formOf({
      errors: {
        post: "Les commentaires sont fermés sur cet article.",
        parent: "Le commentaire auquel vous répondez n’existe pas (ou plus) sur cet article.",
      },
    });
    const [first, second] = [...form.children];
    assert.equal(first?.textContent, "Les commentaires sont fermés sur cet article.");
    assert.equal(
      second?.textContent,
      "Le commentaire auquel vous répondez n’existe pas (ou plus) sur cet article.",
    );
    assert.ok(first?.classList.contains("comment-form-error"));
  });

  it("adds the token and the button 'Publier le commentaire' only when given a token", () => {
    const without = formOf();
    assert.equal(without.form.querySelector(`[name="${TOKEN_FIELD}"]`), null);
    assert.doesNotMatch(without.markup, /Publier|\/publier/);

    const { form } = formOf({ token: "abc.123" });
    assert.equal(control(form, TOKEN_FIELD).getAttribute("type"), "hidden");
    assert.equal(control(form, TOKEN_FIELD).getAttribute("value"), "abc.123");
    const buttons = [...form.querySelectorAll("button")];
    assert.deepEqual(
      buttons.map((button) => [button.textContent, button.getAttribute("formaction")]),
      [
        ["Prévisualiser", null],
        ["Publier le commentaire", `${URL}/publier`],
      ],
    );
  });

  it("prefixes every id, so two forms or a page's own ids never collide", () => {
    const ids = (prefix?: string) =>
      [...formOf(prefix === undefined ? {} : { idPrefix: prefix }).form.querySelectorAll("[id]")].map(
        (element) => element.getAttribute("id") ?? "",
      );
    assert.ok(ids().every((id) => id.startsWith("comment-form")));
    const prefixed = ids("reponse");
    assert.ok(prefixed.every((id) => id.startsWith("reponse")));
    assert.equal(new Set(prefixed).size, prefixed.length, "ids are unique");
  });
});

describe("replyPageUrl", () => {
  it("is the comment server's reply page for one comment of one post", () => {
    assert.equal(replyPageUrl(URL, "un-article", "6"), `${URL}/repondre/un-article/6`);
    assert.equal(replyPageUrl("http://127.0.0.1:8081", "a", "x y"), "http://127.0.0.1:8081/repondre/a/x%20y");
  });
});

// A reader's comment from the form (src/comment-server/submission.ts): each problem in
// French next to its field, everything typed kept, and what passes is a comment the
// build's schema accepts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkSubmission,
  MAX_COMMENT_CHARACTERS,
  MAX_NAME_CHARACTERS,
  submittedFields,
  type PostForComments,
  type SubmittedFields,
} from "../../src/comment-server/submission.ts";

const POSTS: Record<string, PostForComments> = {
  "le-smo": { open: true, commentIds: new Set(["1", "2", "greg-1"]) },
  ferme: { open: false, commentIds: new Set() },
};
const findPost = (slug: string) => POSTS[slug];

const good: SubmittedFields = {
  post: "le-smo",
  parent: "",
  comment: "  Très bon article : merci !  ",
  author: " Léa ",
  email: "lea@exemple.fr",
  url: "",
  notify: "",
};

function errorsOf(fields: Partial<SubmittedFields>) {
  const checked = checkSubmission({ ...good, ...fields }, findPost);
  assert.equal(checked.ok, false, JSON.stringify(fields));
  return checked.ok ? {} : checked.errors;
}

describe("a reader's submission", () => {
  it("passes trimmed, with its web site normalised and its parent kept", () => {
    const checked = checkSubmission({ ...good, parent: "greg-1", url: " https://exemple.fr/a b " }, findPost);
    assert.deepEqual(checked, {
      ok: true,
      submission: {
        post: "le-smo",
        parent: "greg-1",
        text: "Très bon article : merci !",
        author: "Léa",
        email: "lea@exemple.fr",
        url: "https://exemple.fr/a%20b",
      },
    });
  });

  it("refuses a missing name or comment, keeping everything typed", () => {
    const checked = checkSubmission({ ...good, author: "   ", comment: "" }, findPost);
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.deepEqual(Object.keys(checked.errors).sort(), ["author", "comment"]);
    assert.equal(checked.errors.author, "Veuillez indiquer votre nom.");
    assert.equal(checked.errors.comment, "Veuillez écrire votre commentaire.");
    assert.equal(checked.fields.email, "lea@exemple.fr", "what was typed is kept");
  });

  it("refuses a name longer than WordPress keeps", () => {
    assert.equal(checkSubmission({ ...good, author: "L".repeat(MAX_NAME_CHARACTERS) }, findPost).ok, true);
    assert.match(errorsOf({ author: "L".repeat(MAX_NAME_CHARACTERS + 1) }).author ?? "", /245 caractères/);
  });

  it("refuses an e-mail address that is missing or not one", () => {
    assert.match(errorsOf({ email: "" }).email ?? "", /ne sera pas publiée/);
    for (const email of [
      "lea",
      "lea@",
      "@exemple.fr",
      "lea@exemple..fr",
      "léa@exemple.fr",
      "lea @exemple.fr",
    ]) {
      assert.match(errorsOf({ email }).email ?? "", /n’est pas valide/, email);
    }
  });

  it("refuses a web site that is not http(s)", () => {
    for (const url of ["javascript:alert(1)", "ftp://exemple.fr", "exemple.fr", "http://"]) {
      assert.match(errorsOf({ url }).url ?? "", /http:\/\/ ou https:\/\//, url);
    }
  });

  it("counts the comment's length in code points, as the form's maxlength does", () => {
    const emoji = "🙂".repeat(MAX_COMMENT_CHARACTERS);
    assert.equal(
      checkSubmission({ ...good, comment: emoji }, findPost).ok,
      true,
      "10,000 emoji are 20,000 UTF-16 units",
    );
    assert.equal(
      errorsOf({ comment: `${emoji}!` }).comment,
      "Votre commentaire compte 10\u202F001 caractères, 10\u202F000 au plus.",
    );
  });

  it("refuses an unknown post, a folder that is no post, and a closed post", () => {
    for (const post of ["inconnu", "../le-smo", "Le-SMO", ""])
      assert.equal(errorsOf({ post }).post, "Cet article n’existe pas.", post);
    assert.equal(errorsOf({ post: "ferme" }).post, "Les commentaires sont fermés sur cet article.");
  });

  it("refuses a parent that this post does not have", () => {
    assert.match(errorsOf({ parent: "9" }).parent ?? "", /n’existe pas/);
    assert.match(errorsOf({ parent: "../1" }).parent ?? "", /n’existe pas/);
  });

  it("reads only text fields from a parsed body", () => {
    assert.deepEqual(submittedFields({ post: "le-smo", comment: ["a", "b"], author: 3, extra: "x" }), {
      post: "le-smo",
      parent: "",
      comment: "",
      author: "",
      email: "",
      url: "",
      notify: "",
    });
  });
});

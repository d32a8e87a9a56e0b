// The preview's token (src/comment-server/preview-token.ts): it publishes exactly the
// comment previewed, within a day, and not sooner than a person could read the preview.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkPreviewToken,
  previewToken,
  TOKEN_LIFETIME_MS,
  TOKEN_MIN_AGE_MS,
} from "../../src/comment-server/preview-token.ts";
import type { Submission } from "../../src/comment-server/submission.ts";

const SECRET = "un secret de test assez long pour HMAC";
const comment: Submission = {
  post: "le-smo",
  parent: "1",
  text: "Merci !",
  author: "Léa",
  email: "lea@exemple.fr",
};
const made = Date.UTC(2026, 11, 1, 10, 0, 0);
const token = previewToken(SECRET, comment, made);

describe("a preview token", () => {
  it("is valid for the comment previewed, from a few seconds to a day after", () => {
    assert.equal(checkPreviewToken(SECRET, token, comment, made + TOKEN_MIN_AGE_MS), "valid");
    assert.equal(checkPreviewToken(SECRET, token, comment, made + TOKEN_LIFETIME_MS), "valid");
  });

  it("is refused too soon (the time trap) and once a day old", () => {
    assert.equal(checkPreviewToken(SECRET, token, comment, made + TOKEN_MIN_AGE_MS - 1), "too-fast");
    assert.ok(TOKEN_MIN_AGE_MS > 0 && TOKEN_MIN_AGE_MS <= 5_000, "a few seconds, at most five");
    assert.equal(checkPreviewToken(SECRET, token, comment, made + TOKEN_LIFETIME_MS + 1), "expired");
  });

  it("binds the post, the parent, the text, the commenter and the time", () => {
    const later = made + 10_000;
    for (const changed of [
      { ...comment, post: "autre" },
      { ...comment, parent: "2" },
      { ...comment, parent: undefined },
      { ...comment, text: "Merci !!" },
      { ...comment, author: "Tom" },
      { ...comment, email: "tom@exemple.fr" },
      { ...comment, url: "https://exemple.fr/" },
    ]) {
      assert.equal(checkPreviewToken(SECRET, token, changed, later), "forged", JSON.stringify(changed));
    }
    const [, signature] = token.split(".");
    assert.equal(
      checkPreviewToken(SECRET, `${made - 60_000}.${signature}`, comment, later),
      "forged",
      "an earlier time",
    );
  });

  it("is refused when forged: another secret, a tampered or malformed token", () => {
    const later = made + 10_000;
    assert.equal(
      checkPreviewToken(SECRET, previewToken("un autre secret", comment, made), comment, later),
      "forged",
    );
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const bad of [
      tampered,
      "",
      "abc",
      `${made}.`,
      `${made}.${"A".repeat(42)}`,
      `${made}x.${token.split(".")[1]}`,
    ]) {
      assert.equal(checkPreviewToken(SECRET, bad, comment, later), "forged", bad);
    }
  });

  it("needs a secret", () => {
    assert.throws(() => previewToken("", comment), /COMMENTS_SECRET/);
  });
});

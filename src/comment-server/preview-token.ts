// The token a preview page carries to its "Publier le commentaire" button: an HMAC
// (SHA-256, keyed with COMMENTS_SECRET) of the comment as previewed, its post and parent,
// and the time of the preview. Publishing checks it: a token that does not match what is
// published was forged, or the comment changed since its preview; one older than a day
// has expired; one younger than a few seconds came faster than a person reads a preview
// (a time trap for robots that needs no JavaScript).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Submission } from "./submission.ts";

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const TOKEN_MIN_AGE_MS = 3_000;

/** Bumped if what a token binds changes: older tokens then no longer match. */
const VERSION = "v1";

export type TokenCheck = "valid" | "forged" | "expired" | "too-fast";

function mac(secret: string, submission: Submission, issuedAt: number): Buffer {
  if (secret === "") throw new Error("COMMENTS_SECRET is empty: a preview token needs a secret");
  const { post, parent = "", text, author, email, url = "" } = submission;
  const bound = JSON.stringify([VERSION, post, parent, text, author, email, url, issuedAt]);
  return createHmac("sha256", secret).update(bound).digest();
}

/** The token of a preview of `submission` made at `now`. */
export function previewToken(secret: string, submission: Submission, now: number = Date.now()): string {
  return `${now}.${mac(secret, submission, now).toString("base64url")}`;
}

/** Whether `token` is a preview token of exactly `submission`, made between a day and a few seconds ago. */
export function checkPreviewToken(
  secret: string,
  token: string,
  submission: Submission,
  now: number = Date.now(),
): TokenCheck {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "forged";
  const issuedAt = Number(match[1]);
  const given = Buffer.from(match[2] ?? "", "base64url");
  const expected = mac(secret, submission, issuedAt);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  const age = now - issuedAt;
  if (age > TOKEN_LIFETIME_MS) return "expired";
  if (age < TOKEN_MIN_AGE_MS) return "too-fast";
  return "valid";
}

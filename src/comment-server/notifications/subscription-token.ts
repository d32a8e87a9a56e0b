// The token of a link in a notification e-mail: the subscription's id (random, see
// ./subscriptions.ts) and an HMAC (SHA-256, keyed with COMMENTS_SECRET) of that id and of
// what the link does. A confirmation link cannot unsubscribe, nor an unsubscribe link
// confirm; neither the database alone (no secret) nor the secret alone (no id) makes one.
// It expires with its subscription: a link to one deleted (unsubscribed, forgotten, never
// confirmed in time) finds nothing.
import { createHmac, timingSafeEqual } from "node:crypto";

/** What a link does. */
export type LinkPurpose = "confirm" | "unsubscribe";

/** Bumped if what a token binds changes: older links then no longer match. */
const VERSION = "v1";
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, purpose: LinkPurpose, subscriptionId: string): Buffer {
  if (secret === "") throw new Error("COMMENTS_SECRET is empty: a link token needs a secret");
  return createHmac("sha256", secret)
    .update(JSON.stringify([VERSION, purpose, subscriptionId]))
    .digest();
}

export function subscriptionToken(secret: string, purpose: LinkPurpose, subscriptionId: string): string {
  return `${subscriptionId}.${mac(secret, purpose, subscriptionId).toString("base64url")}`;
}

/** The subscription id `token` was made for, with this purpose; undefined for anything else (forged, mangled). */
export function checkSubscriptionToken(
  secret: string,
  purpose: LinkPurpose,
  token: string,
): string | undefined {
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const given = Buffer.from(match[2], "base64url");
  const expected = mac(secret, purpose, match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : undefined;
}

// The addresses the e-mails link to on the intake server, each carrying a signed token
// (./subscription-token.ts): the confirmation page and the unsubscribe page. The
// unsubscribe address is also the e-mails' List-Unsubscribe, which a mail provider
// posts to for a one-click unsubscribe (RFC 8058).
import { subscriptionToken } from "./subscription-token.ts";

export const SUBSCRIPTION_PATHS = {
  confirm: "/confirmation",
  unsubscribe: "/desabonnement",
} as const;

/** The query parameter, and the form field, that carries the token. */
export const TOKEN_PARAMETER = "t";

export function confirmUrl(publicUrl: string, secret: string, subscriptionId: string): string {
  return `${publicUrl}${SUBSCRIPTION_PATHS.confirm}?${TOKEN_PARAMETER}=${subscriptionToken(secret, "confirm", subscriptionId)}`;
}

export function unsubscribeUrl(publicUrl: string, secret: string, subscriptionId: string): string {
  return `${publicUrl}${SUBSCRIPTION_PATHS.unsubscribe}?${TOKEN_PARAMETER}=${subscriptionToken(secret, "unsubscribe", subscriptionId)}`;
}

// How often one client may preview and publish: counted in the database, so that a
// restart forgets nothing, per keyed hash of the client's address (./client-key.ts).
// Every attempt counts, refused ones included: a robot gains nothing by sending nonsense.
import type { EventCounter } from "./store/counters.ts";

export const RATE_WINDOW_MS = 10 * 60 * 1000;

/** Per client and per 10 minutes. A reader previews a few times for each comment. */
export const RATE_LIMITS = { preview: 20, publish: 5 } as const;

export type RatedAction = keyof typeof RATE_LIMITS;

/** Counts this attempt; true when the client has already used up its attempts. */
export async function overRateLimit(
  counter: EventCounter,
  client: string,
  action: RatedAction,
  now = Date.now(),
): Promise<boolean> {
  const used = await counter.count(client, action, now - RATE_WINDOW_MS);
  if (used >= RATE_LIMITS[action]) return true;
  await counter.record(client, action, now);
  return false;
}

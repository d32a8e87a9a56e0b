// How often one client may preview and publish: counted in the database, so that a
// restart forgets nothing, per keyed hash of the client's address (./client-key.ts).
// Every preview counts, refused ones included (a robot gains nothing by sending nonsense);
// a publication counts once its comment is queued, so a click too fast costs nothing.
import type { EventCounter } from "./store/counters.ts";

export const RATE_WINDOW_MS = 10 * 60 * 1000;

/** Per client and per 10 minutes: previews asked, comments queued. A reader previews a few times for each comment. */
export const RATE_LIMITS = { preview: 20, publish: 5 } as const;

export type RatedAction = keyof typeof RATE_LIMITS;

/** True when the client has already used up its attempts at `action`. */
export async function overRateLimit(
  counter: EventCounter,
  client: string,
  action: RatedAction,
  now = Date.now(),
): Promise<boolean> {
  return (await counter.count(client, action, now - RATE_WINDOW_MS)) >= RATE_LIMITS[action];
}

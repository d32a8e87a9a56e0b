// Counted events that must hold across restarts (and, later, across instances): the
// previews and publications of a client, for the rate limit, and failed logins, for the
// login throttle. A client is a keyed hash of its address (src/comment-server/client-key.ts),
// never the address itself.
import type { QueueDb } from "./database.ts";
import type { QueueDatabase } from "./schema.ts";
import { WriteBatch } from "./write-batch.ts";

/** A preview, a publication or a failed login, counted against a client's limit (../rate-limit.ts). */
export interface CountedEvent {
  client: string;
  action: string;
  at: number;
}

/** The events of one batch (./write-batch.ts), in one statement. */
async function insertEvents(db: QueueDb, events: readonly CountedEvent[]): Promise<void[]> {
  await db
    .insertInto("rate_events")
    .values([...events])
    .execute();
  return events.map(() => undefined);
}

export class EventCounter {
  /** `writes`: the server's group commit (./write-batch.ts); one transaction per write otherwise. */
  constructor(
    private readonly db: QueueDb,
    private readonly writes: WriteBatch<QueueDatabase> = new WriteBatch(db, false),
  ) {}

  /** How many times `client` did `action` since `since` (ms). */
  async count(client: string, action: string, since: number): Promise<number> {
    const row = await this.db
      .selectFrom("rate_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("client", "=", client)
      .where("action", "=", action)
      .where("at", ">=", since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async record(client: string, action: string, at = Date.now()): Promise<void> {
    await this.writes.write(insertEvents, { client, action, at });
  }

  /** Clears a client's events of one kind (a successful login clears its failures). */
  async clear(client: string, action: string): Promise<void> {
    await this.db
      .deleteFrom("rate_events")
      .where("client", "=", client)
      .where("action", "=", action)
      .execute();
  }

  /** Forgets events older than `before` (ms): none is needed past its window. */
  async purge(before: number): Promise<void> {
    await this.db.deleteFrom("rate_events").where("at", "<", before).execute();
  }
}

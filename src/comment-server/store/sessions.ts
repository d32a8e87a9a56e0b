// Moderators' sessions, in the database so that they survive a restart. The cookie holds
// a random value; the database holds only its SHA-256, and beside it the session's CSRF
// token, which every moderation form carries.
import { createHash, randomBytes } from "node:crypto";
import type { QueueDb } from "./database.ts";

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Session {
  csrf: string;
}

function hashOf(cookieValue: string): string {
  return createHash("sha256").update(cookieValue).digest("hex");
}

export class SessionStore {
  constructor(private readonly db: QueueDb) {}

  /** A new session; returns the cookie's value and the session's CSRF token. */
  async open(now = Date.now()): Promise<{ cookie: string; csrf: string }> {
    const cookie = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    await this.db
      .insertInto("sessions")
      .values({ id_hash: hashOf(cookie), csrf, expires_at: now + SESSION_LIFETIME_MS })
      .execute();
    return { cookie, csrf };
  }

  async find(cookie: string | undefined, now = Date.now()): Promise<Session | undefined> {
    if (!cookie) return undefined;
    const row = await this.db
      .selectFrom("sessions")
      .select(["csrf", "expires_at"])
      .where("id_hash", "=", hashOf(cookie))
      .executeTakeFirst();
    if (!row || Number(row.expires_at) <= now) return undefined;
    return { csrf: row.csrf };
  }

  async close(cookie: string | undefined): Promise<void> {
    if (cookie) await this.db.deleteFrom("sessions").where("id_hash", "=", hashOf(cookie)).execute();
  }

  async purge(now = Date.now()): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  }
}

// Whether an error says the database cannot be reached right now (PostgreSQL stopped or
// restarting, the network between them cut, a SQLite file locked past its wait): such a
// request is answered 503, "try again in a moment", not 500, and a reader's comment is
// given back in its form. The next request tries again: pg's pool opens a new connection.
import { redacted } from "../log-text.ts";

/** Node's errors for a connection refused, cut or never made. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), 57P01 to 57P03
 * (shut down by the administrator, crashed, not accepting connections yet), 53300 (too
 * many connections).
 */
const POSTGRES_STATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;

/** pg's own errors for a connection gone, which carry no code. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
];

export function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // A connection tried on several addresses (localhost as ::1 and 127.0.0.1) fails with all of them.
  if (error instanceof AggregateError && error.errors.some(databaseUnavailable)) return true;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === "string" &&
    (NETWORK_CODES.has(code) || POSTGRES_STATES.test(code) || code === "SQLITE_BUSY")
  )
    return true;
  return PG_MESSAGES.some((message) => message.test(error.message));
}

/** What the log says of it: its code, or pg's message (neither holds a reader's data). */
export function unavailableReason(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : redacted(error.message);
}

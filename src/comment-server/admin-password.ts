// The moderators' password, as the server keeps it: COMMENTS_ADMIN_PASSWORD_HASH, a
// scrypt hash made by `npm run comments:password`, so that the environment (a unit file,
// a process listing, a leaked .env) never holds the password itself; or, for local use,
// COMMENTS_ADMIN_PASSWORD in clear (the server warns). Checked in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export type AdminPassword = { kind: "hash"; hash: string } | { kind: "clear"; password: string };

// OWASP's floor for scrypt: N=2^17, r=8, p=1 (128 MiB); maxmem must make room for it.
const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{43})$/;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$N=131072,r=8,p=1$<salt>$<key>", both in base64url. */
export async function hashAdminPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Whether `hash` has the shape hashAdminPassword writes (read at start, so a pasted typo fails early). */
export function isAdminPasswordHash(hash: string): boolean {
  const match = FORMAT.exec(hash);
  if (!match) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return Number.isInteger(Math.log2(N)) && N >= 2 ** 14 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

export async function checkAdminPassword(stored: AdminPassword, given: string): Promise<boolean> {
  if (stored.kind === "clear") {
    // Compared as hashes of equal length, so the time taken tells nothing of the password.
    const salt = Buffer.alloc(16);
    const cost = { N: 2 ** 14, r: 8, p: 1 };
    const [a, b] = await Promise.all([derive(given, salt, cost), derive(stored.password, salt, cost)]);
    return timingSafeEqual(a, b);
  }
  const match = FORMAT.exec(stored.hash);
  if (!match) return false;
  const cost = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const key = await derive(given, Buffer.from(match[4] ?? "", "base64url"), cost);
  return timingSafeEqual(key, Buffer.from(match[5] ?? "", "base64url"));
}

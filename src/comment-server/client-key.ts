// What the limits count a client by: a keyed hash of its address (HMAC with the server's
// secret), so the database never holds an address and its hashes cannot be reversed by
// trying every IPv4 address without the secret. IPv6 clients are counted by their /64, the
// block one subscriber gets, so that one cannot escape the limit by changing address.
import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tailGroups];
}

/** The part of an address that names one client: all of an IPv4 address, an IPv6 address's /64. */
export function clientBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  return expandIpv6(address.split("%")[0] ?? "")
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":");
}

export function clientKey(secret: string, address: string): string {
  return createHmac("sha256", secret)
    .update(`client:${clientBlock(address)}`)
    .digest("base64url")
    .slice(0, 32);
}

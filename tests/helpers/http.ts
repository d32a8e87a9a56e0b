// Small HTTP utilities for tests and the benchmark that talk to a local server.
import { createServer } from "node:net";

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The body of a page, or undefined when the server does not answer 2xx (yet). */
export async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

// The comment worker's entry point, in JavaScript: a worker thread does not inherit the
// main thread's module hooks, so it registers tsx itself (after loading the heavy
// dependencies with plain Node, as scripts/eleventy.js does), then loads the TypeScript.
import "markdown-it";
import "luxon";
import "zod/mini";
import "js-yaml";
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

try {
  register();
  await import("./comment-worker.ts");
} catch (error) {
  // The main thread may be blocked waiting for a message (./comment-worker-client.ts): tell it.
  workerData.results.postMessage({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  Atomics.add(workerData.shared, 0, 1);
  Atomics.notify(workerData.shared, 0);
}

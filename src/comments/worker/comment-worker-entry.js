// The comment worker's entry point outside `npm run build` (tests, tsx), in JavaScript: a
// worker thread does not inherit the main thread's module hooks, so it registers tsx
// itself, then loads the TypeScript. An error here is the worker's: its thread reports it.
import { register } from "tsx/esm/api";

register();
await import("./comment-worker.ts");

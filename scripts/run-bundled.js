// Runs one of our TypeScript commands from a bundle (./bundle.js): `node
// scripts/run-bundled.js scripts/comments-serve.ts [arguments…]`. For the long-running
// intake server and the WordPress importer, whose memory tsx's compiler would double;
// the bundle is made again when any file it was made from changes. If it cannot be made
// (a read-only node_modules, say), the command runs through tsx, saying so.
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleOf, externalPackages } from "./bundle.js";

const [entry] = process.argv.splice(2, 1);
if (!entry?.endsWith(".ts")) {
  console.error("usage: node scripts/run-bundled.js <command.ts> [arguments…]");
  process.exit(2);
}

let module;
try {
  module = await bundleOf(
    `command-${basename(entry, ".ts")}`,
    entry,
    externalPackages(),
    "scripts/run-bundled.js",
  );
} catch (error) {
  console.warn(
    `scripts/run-bundled.js: could not bundle ${entry} (${error instanceof Error ? error.message : error}); running it through tsx instead`,
  );
  const { register } = await import("tsx/esm/api");
  register();
}
await import(pathToFileURL(module ?? resolve(entry)).href);

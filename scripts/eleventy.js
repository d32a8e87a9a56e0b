// Starts Eleventy with TypeScript for `npm run build` and `npm start`, a quarter faster
// than `node --import tsx …/cmd.cjs` on the seed site (0.73 s → 0.55 s): with
// `--import tsx` every one of Eleventy's hundreds of modules goes through tsx's hooks
// thread, though none is TypeScript. Here Eleventy and the heavy dependencies are loaded
// first, by plain Node, and tsx's hooks registered only afterwards, for .eleventy.ts and
// src/. Plain JavaScript, since TypeScript is not available yet. Arguments go to Eleventy.
import "@11ty/eleventy";
import "@11ty/eleventy-plugin-rss";
import "markdown-it";
import "luxon";
import "zod";
import { register } from "tsx/esm/api";

register();
// Eleventy's command line, next to its entry point (its package exports do not name it).
await import(new URL("../cmd.cjs", import.meta.resolve("@11ty/eleventy")).href);

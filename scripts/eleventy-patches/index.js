// Changes to Eleventy 3.1.8's internals that make large builds faster or smaller, applied
// by scripts/eleventy.js before Eleventy starts. Each fixes one measured problem, keeps
// Eleventy's results (tests/unit/ checks each against the code it replaces), and patches
// nothing when the code it expects is not there (another Eleventy version). See
// docs/performance.md for the figures.
import { indexDependencyGraphEdges } from "./dependency-graph-edges.js";
import { indexTemplateMapLookups } from "./template-map-lookup.js";
import { boundWrittenPagesMemory } from "./written-pages-memory.js";

// Enough to overlap a template's waits (an async shortcode, a file read); 4, 16 and 64 build
// 4,000 posts alike here, each keeping memory 190 MB below Eleventy's all-at-once.
const PAGES_RENDERED_AT_ONCE = 16;

/**
 * `oneOffBuild`: not the dev server, which keeps Eleventy's own way of writing (a few pages a rebuild).
 * @param {{ oneOffBuild: boolean }} options
 */
export async function patchEleventy({ oneOffBuild }) {
  // Pages looked up by scanning them all (quadratic in pages).
  await indexTemplateMapLookups();
  // Each new edge of the dependency graph checked against all the others (quadratic).
  indexDependencyGraphEdges();
  // Every finished page kept in memory until the build ends.
  if (oneOffBuild) await boundWrittenPagesMemory({ concurrency: PAGES_RENDERED_AT_ONCE });
}

// Changes to Eleventy's internals that make large builds faster or smaller, applied by
// scripts/eleventy.js before Eleventy starts. Each keeps Eleventy's results (tests/unit/
// checks each against the code it replaces) and was written for one version of Eleventy:
// on another, none is applied; nor is one that does not find the code it changes (a file
// moved, a method renamed), nor one that fails. One line tells of each patch left out, and
// the build goes on without it. docs/performance.md says what each buys.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { indexDependencyGraphEdges } from "./dependency-graph-edges.js";
import { rememberPathNormalization } from "./path-normalization.js";
import { indexTemplateMapLookups } from "./template-map-lookup.js";
import { renderTouchedFilesAlone } from "./touched-file-rebuilds.js";
import { boundWrittenPagesMemory } from "./written-pages-memory.js";

/** The Eleventy the patches were written for and tested with. */
export const PATCHED_VERSION = "3.1.8";

// Enough to overlap a template's waits (an async shortcode, a file read); a few or many
// build a large site alike.
const PAGES_RENDERED_AT_ONCE = 16;

const ELEVENTY = import.meta.resolve("@11ty/eleventy");

/**
 * One of Eleventy's own modules (src/<name>.js), by its default export.
 * @param {string} name
 * @returns {Promise<any>} Eleventy's internals are untyped; each patch checks what it changes.
 */
export async function eleventyModule(name) {
  return (await import(new URL(`./${name}.js`, ELEVENTY).href)).default;
}

/**
 * A build's patches, each by the name of its file; `apply` is false when the code it
 * changes is not there. The dev server (not `oneOffBuild`) keeps Eleventy's own way of
 * writing pages (a few a rebuild), and renders a touched file's page alone.
 * @param {boolean} oneOffBuild
 * @returns {{ name: string, apply: () => Promise<boolean> }[]}
 */
export function eleventyPatches(oneOffBuild) {
  // Pages looked up by scanning them all (quadratic in pages), with Eleventy's path helper.
  const pageMap = async () =>
    indexTemplateMapLookups(
      await eleventyModule("TemplateMap"),
      createRequire(ELEVENTY)("@11ty/eleventy-utils").TemplatePath,
    );
  // Each new edge of the dependency graph looked for among all the others (quadratic).
  const graphEdges = async () =>
    indexDependencyGraphEdges(createRequire(ELEVENTY)("dependency-graph").DepGraph);
  // Every page's path normalised again each time the dependency graph is asked about it.
  const pathNormalization = async () =>
    rememberPathNormalization(await eleventyModule("Util/PathNormalizer"));
  // Every finished page kept in memory until the build ends.
  const writtenPages = async () =>
    boundWrittenPagesMemory(
      { TemplateWriter: await eleventyModule("TemplateWriter"), Template: await eleventyModule("Template") },
      PAGES_RENDERED_AT_ONCE,
    );
  // Every page listing posts rendered again when a comment's post is touched, not edited.
  const touchedFiles = async () =>
    renderTouchedFilesAlone(
      {
        TemplateWriter: await eleventyModule("TemplateWriter"),
        TemplateContent: await eleventyModule("TemplateContent"),
      },
      (path) => readFileSync(path, "utf8"),
    );
  return [
    { name: "template-map-lookup", apply: pageMap },
    { name: "dependency-graph-edges", apply: graphEdges },
    { name: "path-normalization", apply: pathNormalization },
    ...(oneOffBuild
      ? [{ name: "written-pages-memory", apply: writtenPages }]
      : [{ name: "touched-file-rebuilds", apply: touchedFiles }]),
  ];
}

/**
 * Applies the patches if Eleventy's `version` is the one they were written for, and tells
 * `warn` of each one left out, in one line. Never throws.
 * @param {{ name: string, apply: () => Promise<boolean> }[]} patches
 * @param {string | undefined} version
 * @returns {Promise<string[]>} the names of the patches applied
 */
export async function applyPatches(patches, version, warn = console.warn) {
  const applied = [];
  for (const { name, apply } of patches) {
    const leftOut = (/** @type {string} */ why) =>
      warn(
        `scripts/eleventy-patches/${name}.js: not applied to Eleventy ${version}, ${why}; the build goes on without it`,
      );
    if (version !== PATCHED_VERSION) leftOut(`as it was written for ${PATCHED_VERSION}`);
    else {
      try {
        if (await apply()) applied.push(name);
        else leftOut("as the code it changes is not there");
      } catch (error) {
        leftOut(`as it failed: ${String(error instanceof Error ? error.message : error).split("\n")[0]}`);
      }
    }
  }
  return applied;
}

/** The installed Eleventy's version, from its package.json (undefined if unreadable). */
export function installedEleventyVersion() {
  try {
    return String(JSON.parse(readFileSync(new URL("../package.json", ELEVENTY), "utf8")).version);
  } catch {
    return undefined;
  }
}

/**
 * BUILD_SKIP_PATCHES (patch names, comma-separated) leaves those out: the benchmark
 * measures what each buys.
 * @param {{ oneOffBuild: boolean, env?: NodeJS.ProcessEnv }} options
 */
export function patchEleventy({ oneOffBuild, env = process.env }) {
  const skipped = (env.BUILD_SKIP_PATCHES ?? "").split(",");
  return applyPatches(
    eleventyPatches(oneOffBuild).filter((patch) => !skipped.includes(patch.name)),
    installedEleventyVersion(),
  );
}

// Eleventy 3.1's TemplateMap finds a page's entry by scanning every entry
// (getMapEntryForInputPath, "TODO: hot inner loop?"), once per collection item and per
// dependency: quadratic in pages, in every build and every dev-server rebuild. Eleventy
// fixed it upstream with an index (11ty/eleventy#3939, not in 3.1.x); this applies the
// same idea until we upgrade. The result is the same entry: the first one, in map order,
// whose inputPath is the path asked for or its absolute form.

/** @typedef {{ inputPath: string }} MapEntry */
/** @typedef {{ absolutePath(path: string): string }} TemplatePathHelper */

/** @type {WeakMap<MapEntry[], { length: number, index: Map<string, number> }>} */
const lookups = new WeakMap();

// TemplatePath.absolutePath normalises the working folder and the path on every call, the
// larger part of a lookup once indexed: the same path gives the same answer while the
// working folder stays, so it is remembered.
/** @type {Map<string, string>} */
const absolutePaths = new Map();
/** @type {string | undefined} */
let absolutePathsCwd;
/**
 * @param {TemplatePathHelper} TemplatePath
 * @param {string} inputPath
 */
function absolutePathOf(TemplatePath, inputPath) {
  const cwd = process.cwd();
  if (cwd !== absolutePathsCwd) {
    absolutePaths.clear();
    absolutePathsCwd = cwd;
  }
  let absolute = absolutePaths.get(inputPath);
  if (absolute === undefined) {
    absolute = TemplatePath.absolutePath(inputPath);
    absolutePaths.set(inputPath, absolute);
  }
  return absolute;
}

/**
 * @param {MapEntry[]} map
 * @returns {Map<string, number>}
 */
function firstIndexByInputPath(map) {
  let cached = lookups.get(map);
  if (cached && cached.length === map.length) return cached.index;
  const index = new Map();
  map.forEach((entry, position) => {
    if (!index.has(entry.inputPath)) index.set(entry.inputPath, position);
  });
  lookups.set(map, { length: map.length, index });
  return index;
}

/**
 * Indexes the lookups of Eleventy's TemplateMap; false, changing nothing, if it has no such
 * lookup or `TemplatePath` no absolutePath.
 * @param {any} TemplateMap Eleventy's class (src/TemplateMap.js), untyped
 * @param {TemplatePathHelper} TemplatePath Eleventy's path helper (@11ty/eleventy-utils)
 * @returns {boolean}
 */
export function indexTemplateMapLookups(TemplateMap, TemplatePath) {
  const original = TemplateMap?.prototype?.getMapEntryForInputPath;
  if (typeof original !== "function" || typeof TemplatePath?.absolutePath !== "function") return false;
  /**
   * @this {{ map: unknown }}
   * @param {string} inputPath
   */
  TemplateMap.prototype.getMapEntryForInputPath = function (inputPath) {
    if (!Array.isArray(this.map)) return original.call(this, inputPath);
    const index = firstIndexByInputPath(this.map);
    const positions = [index.get(inputPath), index.get(absolutePathOf(TemplatePath, inputPath))].filter(
      (position) => position !== undefined,
    );
    return positions.length === 0 ? undefined : this.map[Math.min(...positions)];
  };
  return true;
}

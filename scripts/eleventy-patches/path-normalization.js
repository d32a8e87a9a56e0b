// Eleventy 3.1 normalises a path (relative to the working folder, "/" separators, no
// leading "./") every time it looks a page up in its dependency graph or maps its
// layouts: several times per page and per build, each time resolving the working folder
// again. A dev-server rebuild asks it for every page of the site, to learn which pages a
// change concerns. The same path gives the same answer while the working folder stays,
// so each answer is remembered.

/** @type {Map<string, unknown>} */
const normalized = new Map();
/** @type {string | undefined} */
let normalizedCwd;

/**
 * Remembers the answers of Eleventy's `PathNormalizer.fullNormalization` (src/Util/
 * PathNormalizer.js) for string paths; true if patched, false, changing nothing, if the
 * class has no such method.
 * @param {any} PathNormalizer Eleventy's class, untyped
 * @returns {boolean}
 */
export function rememberPathNormalization(PathNormalizer) {
  const original = PathNormalizer?.fullNormalization;
  if (typeof original !== "function") return false;
  /** @param {unknown} inputPath */
  PathNormalizer.fullNormalization = function (inputPath) {
    if (typeof inputPath !== "string") return original.call(this, inputPath);
    const cwd = process.cwd();
    if (cwd !== normalizedCwd) {
      normalized.clear();
      normalizedCwd = cwd;
    }
    if (!normalized.has(inputPath)) normalized.set(inputPath, original.call(this, inputPath));
    return normalized.get(inputPath);
  };
  return true;
}

// Dev server only. When a comment changes, src/dev/comment-change-relay.ts touches its
// post's index.md, so that Eleventy's incremental rebuild renders the post's page again.
// But Eleventy counts every page that lists posts (the home page's pages, every tag page,
// the feed, the sitemap) as depending on every post, so it renders all of them again too:
// hundreds of pages for a comment whose post's text did not change.
// This patch: a rebuild for a template whose file's text is the text Eleventy read last
// time (a touch, no edit) renders that template alone, unless the configuration says the
// pages listing it change too (a comment added or removed changes the counts they show).
// Any other rebuild is Eleventy's own.

/** Where the configuration puts its answer, for each touched file, to "do the pages listing it change?". */
export const LISTINGS_CHANGED = Symbol.for("nous-les-geeks.touched-file-rebuilds.listings-changed");

/**
 * The configuration's answer for `inputPath`; true (Eleventy's own rebuild) when it gave none.
 * @param {string} inputPath
 */
function listingsChanged(inputPath) {
  /** @type {unknown} */
  const check = Reflect.get(globalThis, LISTINGS_CHANGED);
  return typeof check === "function" ? check(inputPath) !== false : true;
}

/**
 * Whether `template` was read before and its file holds the same text now.
 * @param {any} template Eleventy's Template, untyped
 * @param {(path: string) => string} readText
 */
async function sameTextAsRead(template, readText) {
  if (template?.inputContent === undefined) return false;
  const before = await template.inputContent;
  if (typeof before !== "string") return false;
  try {
    return readText(template.inputPath) === before;
  } catch {
    return false;
  }
}

/**
 * Patches Eleventy's TemplateWriter and TemplateContent (src/TemplateWriter.js,
 * src/TemplateContent.js); true if patched, false, changing nothing, if either lacks the
 * methods this changes.
 * @param {{ TemplateWriter: any, TemplateContent: any }} classes Eleventy's classes, untyped
 * @param {(path: string) => string} readText reads a template's file as Eleventy does (UTF-8)
 * @returns {boolean}
 */
export function renderTouchedFilesAlone({ TemplateWriter, TemplateContent }, readText) {
  const rebuild = TemplateWriter?.prototype?._addToTemplateMapIncrementalBuild;
  const isRelevant = TemplateContent?.prototype?.isFileRelevantToThisTemplate;
  if (typeof rebuild !== "function" || typeof isRelevant !== "function") return false;

  // The file rendered alone by the incremental rebuild under way (Eleventy runs one build
  // at a time), if any.
  /** @type {string | undefined} */
  let alone;

  /**
   * @this {{ incrementalFile?: string, _templatePathCache?: Map<string, unknown> }}
   * @param {string} shape "template" or "copy"
   * @param {unknown[]} rest
   */
  TemplateWriter.prototype._addToTemplateMapIncrementalBuild = async function (shape, ...rest) {
    const file = this.incrementalFile;
    const template = file === undefined ? undefined : this._templatePathCache?.get(file);
    alone =
      shape === "template" &&
      file !== undefined &&
      (await sameTextAsRead(template, readText)) &&
      !listingsChanged(file)
        ? file
        : undefined;
    try {
      return await rebuild.call(this, shape, ...rest);
    } finally {
      alone = undefined;
    }
  };

  /**
   * @this {{ inputPath: string }}
   * @param {string} incrementalFile
   * @param {unknown[]} rest
   */
  TemplateContent.prototype.isFileRelevantToThisTemplate = function (incrementalFile, ...rest) {
    if (alone !== undefined && incrementalFile === alone && this.inputPath !== alone) return false;
    return isRelevant.call(this, incrementalFile, ...rest);
  };
  return true;
}

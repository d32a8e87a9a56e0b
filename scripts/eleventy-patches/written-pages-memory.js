// Eleventy 3.1 starts rendering every page at once (one promise per template, all in a
// Promise.all), so rendering advances page by page in lockstep and the pages are written
// only once nearly all are rendered; and it keeps each written page twice until the build
// ends: in the template's render cache and in the results it hands to `eleventy.after`.
// That is every finished page in memory at the same time (11ty/eleventy#3948 is a site
// that runs out of memory this way).
//
// Two changes, for one-off builds:
// - at most `concurrency` templates render at a time, in Eleventy's order, so a page is
//   written soon after it is rendered;
// - once a page is written, its render cache is dropped, and the result's `content` reads
//   the written file when asked: the same text, not kept in memory.
import { readFileSync } from "node:fs";

/**
 * Runs at most `limit` of the calls to `start` at a time, the others in call order.
 * @param {number} limit
 */
export function concurrencyLimiter(limit) {
  let running = 0;
  /** @type {Array<() => void>} */
  const waiting = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  /**
   * @template T
   * @param {() => T | Promise<T>} start
   * @returns {Promise<T>}
   */
  return (start) => {
    const run = () => {
      running++;
      /** @type {Promise<T>} */
      let started;
      try {
        started = Promise.resolve(start());
      } catch (error) {
        started = Promise.reject(error);
      }
      return started.finally(next);
    };
    if (running < limit) return run();
    return /** @type {Promise<void>} */ (new Promise((resolve) => waiting.push(resolve))).then(run);
  };
}

/**
 * Patches Eleventy so that written pages leave memory; false, changing nothing, if either
 * method it wraps is not there.
 * @param {{ TemplateWriter: any, Template: any }} classes Eleventy's (src/TemplateWriter.js, src/Template.js), untyped
 * @param {number} concurrency templates rendering at once, at most
 * @returns {boolean}
 */
export function boundWrittenPagesMemory({ TemplateWriter, Template }, concurrency) {
  const generate = TemplateWriter?.prototype?._generateTemplate;
  const write = Template?.prototype?._write;
  if (typeof generate !== "function" || typeof write !== "function") return false;
  const limited = concurrencyLimiter(concurrency);
  /**
   * @param {unknown} mapEntry
   * @param {unknown} to
   */
  TemplateWriter.prototype._generateTemplate = function (mapEntry, to) {
    return limited(() => generate.call(this, mapEntry, to));
  };
  /**
   * @param {{ template?: Record<string, unknown> } | undefined} page
   * @param {unknown} finalContent
   */
  Template.prototype._write = async function (page, finalContent) {
    const written = await write.call(this, page, finalContent);
    if (typeof written?.content === "string" && typeof written.outputPath === "string") {
      // Eleventy renders a page once per build; the cache only kept the text alive.
      if (page?.template) delete page.template._cacheRenderedTransformsAndLayoutsPromise;
      const { outputPath } = written;
      Object.defineProperty(written, "content", {
        enumerable: true,
        configurable: true,
        get: () => readFileSync(outputPath, "utf8"),
      });
    }
    return written;
  };
  return true;
}

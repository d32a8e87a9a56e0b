// scripts/eleventy-patches/written-pages-memory.js: Eleventy renders a few templates at a time instead of
// all at once, drops a page's render cache once it is written, and the results it hands to
// `eleventy.after` still hold each page's text.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Eleventy } from "@11ty/eleventy";
import { eleventyModule } from "../../scripts/eleventy-patches/index.js";
import {
  boundWrittenPagesMemory,
  concurrencyLimiter,
} from "../../scripts/eleventy-patches/written-pages-memory.js";
import { removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

interface TemplateWithCache {
  _cacheRenderedTransformsAndLayoutsPromise?: unknown;
}
type Write = (this: unknown, page: { template?: TemplateWithCache }, content: string) => Promise<unknown>;

/** Eleventy's Template class, whose `_write` the patch wraps. */
async function eleventyTemplateClass(): Promise<{ prototype: { _write: Write } }> {
  return (await eleventyModule("Template")) as { prototype: { _write: Write } };
}

describe("the concurrency limiter", () => {
  it("runs at most the limit at a time, the others in call order, and frees the slot of a task that fails", async () => {
    const limit = concurrencyLimiter(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, index) =>
      limit(async () => {
        started.push(index);
        running++;
        most = Math.max(most, running);
        await sleep(index % 3);
        running--;
        if (index === 4) throw new Error("task 4 fails");
        if (index === 5) return "five";
        return index;
      }),
    );
    const settled = await Promise.allSettled(tasks);
    assert.equal(most, 3);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(settled[4], { status: "rejected", reason: new Error("task 4 fails") });
    assert.deepEqual(settled[5], { status: "fulfilled", value: "five" });
    assert.equal(settled.filter((result) => result.status === "fulfilled").length, 9);
    // A task that throws before returning a promise fails alone too.
    await assert.rejects(
      limit(() => {
        throw new Error("at once");
      }),
      /at once/,
    );
    assert.equal(await limit(() => "after"), "after");
  });
});

describe("Eleventy with written pages' memory bounded", () => {
  it("is left as it is when one of the two methods the patch wraps is not there (another Eleventy)", async () => {
    const Template = await eleventyTemplateClass();
    const write = Template.prototype._write;
    assert.equal(boundWrittenPagesMemory({ TemplateWriter: class {}, Template }, 4), false);
    assert.equal(Template.prototype._write, write, "Template left unpatched");
  });

  it("renders four templates at a time and its results still hold each written page's text", async () => {
    const classes = {
      TemplateWriter: await eleventyModule("TemplateWriter"),
      Template: await eleventyTemplateClass(),
    };
    assert.equal(boundWrittenPagesMemory(classes, 4), true, "patched");
    const dir = temporaryDir("written-pages");
    try {
      const pages = Object.fromEntries(
        Array.from({ length: 30 }, (_, n) => [
          `input/page-${n}.md`,
          `---\nlayout: base.liquid\n---\n# Page ${n}`,
        ]),
      );
      writeFiles(dir, { ...pages, "input/_includes/base.liquid": "<main>{{ content }}{% slow %}</main>" });
      let running = 0;
      let most = 0;
      let results: { outputPath: string; content: string }[] = [];
      // Around the patched write: each page's render cache is there before it is written,
      // gone after.
      const Template = await eleventyTemplateClass();
      const patchedWrite = Template.prototype._write;
      let cachedBeforeWrite = 0;
      let cachedAfterWrite = 0;
      Template.prototype._write = async function (page, content) {
        if (page.template?._cacheRenderedTransformsAndLayoutsPromise) cachedBeforeWrite++;
        const written = await patchedWrite.call(this, page, content);
        if (page.template?._cacheRenderedTransformsAndLayoutsPromise) cachedAfterWrite++;
        return written;
      };
      const eleventy = new Eleventy(join(dir, "input"), join(dir, "output"), {
        quietMode: true,
        config(eleventyConfig) {
          // Waits inside each page's layout (Eleventy renders layouts as it writes, contents
          // before): all thirty would wait at once without the bound.
          eleventyConfig.addShortcode("slow", async () => {
            running++;
            most = Math.max(most, running);
            await sleep(2);
            running--;
            return "rendu";
          });
          eleventyConfig.on("eleventy.after", (event) => {
            results = (event.results ?? []) as typeof results;
          });
        },
      });
      try {
        await eleventy.write();
      } finally {
        Template.prototype._write = patchedWrite;
      }
      assert.equal(cachedBeforeWrite, 30, "pages cached when written");
      assert.equal(cachedAfterWrite, 0, "render caches left after writing");
      assert.ok(most >= 2 && most <= 4, `templates rendering at once: ${most}`);
      assert.equal(results.length, 30);
      for (const result of results) {
        const n = /page-(\d+)/.exec(result.outputPath)?.[1];
        assert.equal(result.content, readFileSync(result.outputPath, "utf8"));
        assert.match(result.content, new RegExp(`^<main><h1>Page ${n}</h1>\\nrendu</main>$`));
      }
      assert.deepEqual(Object.keys(results[0]!).sort(), [
        "content",
        "inputPath",
        "outputPath",
        "rawInput",
        "url",
      ]);
    } finally {
      removeDir(dir);
    }
  });
});

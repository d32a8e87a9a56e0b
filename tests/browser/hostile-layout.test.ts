// Hostile comments in a real browser: nothing runs (no dialog, no CSP violation, no
// request to another site), and long words, long URLs, emoji, right-to-left text and
// replies deeper than the cap never make a phone scroll sideways.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { hostileProject, SLUG } from "../fixtures/hostile-project.ts";
import { browserSkipReason, launchChromium } from "../helpers/browser.ts";
import { buildSite, removeDir, type BuildResult } from "../helpers/site.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";

const skip = browserSkipReason();

describe("hostile comments in Chromium", { skip }, () => {
  let project: string;
  let build: BuildResult;
  let site: StaticSite;
  let browser: Browser;
  before(async () => {
    ({ project } = hostileProject());
    build = buildSite({ projectDir: project });
    assert.equal(build.status, 0, build.stderr);
    site = await serveStatic(build.outputDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    removeDir(project);
    removeDir(build.outputDir);
  });

  for (const width of [320, 360, 1280]) {
    it(`runs nothing and keeps the layout at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const events: string[] = [];
      page.on("dialog", (dialog) => {
        events.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on("request", (request) => {
        if (!request.url().startsWith(`${site.origin}/`)) events.push(`foreign request: ${request.url()}`);
      });
      page.on("console", (message) => {
        if (/content security policy/i.test(message.text())) events.push(`CSP: ${message.text()}`);
      });
      await page.goto(`${site.origin}/${SLUG}/`, { waitUntil: "load" });
      // Hover and focus every link: handlers, if any had slipped through, would fire now.
      for (const link of await page.locator(".comment-content a").all()) await link.focus();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll(".comment-card")].map((card) => card.getBoundingClientRect().right)));
      assert.ok(widest <= width, `a comment reaches ${widest} px on a ${width} px screen`);
      assert.deepEqual(events, []);
      await context.close();
    });
  }
});

// Hostile comments in a real browser: nothing runs (no dialog, no CSP violation, no
// request to another site), and long words, long URLs, emoji, right-to-left text and
// replies deeper than the cap never make a phone scroll sideways.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { hostileProject, SLUG } from "../fixtures/hostile-project.ts";
import { browserSkipReason, withContext } from "../helpers/browser.ts";
import { openSite, type OpenSite } from "../helpers/open-site.ts";
import { removeDir } from "../helpers/site.ts";

const skip = browserSkipReason();

describe("hostile comments in Chromium", { skip }, () => {
  let project: string;
  let opened: OpenSite | undefined;
  before(async () => {
    ({ project } = hostileProject());
    // With the comment form and "Répondre" links, named after hostile authors.
    opened = await openSite({
      projectDir: project,
      env: { COMMENTS_URL: "https://commentaires.exemple.fr" },
    });
  });
  after(async () => {
    await opened?.close();
    removeDir(project);
  });

  for (const width of [320, 360, 1280]) {
    it(`runs nothing and keeps the layout at ${width} px`, async () => {
      const { browser, site } = opened as OpenSite;
      await withContext(browser, { width }, async (context) => {
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
        for (const link of await page.locator(".comment-content a").all()) {
          await link.hover();
          await link.focus();
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
        const widest = await page.evaluate(() =>
          Math.max(
            ...[...document.querySelectorAll(".comment-card")].map(
              (card) => card.getBoundingClientRect().right,
            ),
          ),
        );
        assert.ok(widest <= width, `a comment reaches ${widest} px on a ${width} px screen`);
        assert.deepEqual(events, []);
      });
    });
  }
});

// The reader's experience in a real browser (Debian's Chromium): the home, post and 404
// pages at phone and desktop widths, light and dark, with and without JavaScript.
// Screenshots of the post page land in test-results/ for people to look at. The site is
// built with COMMENTS_URL: the comment form and the "Répondre" links are on the post page.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  axeViolations,
  browserSkipReason,
  withContext as withContextOf,
  type ContextOptions,
} from "../helpers/browser.ts";
import { openSite, type OpenSite } from "../helpers/open-site.ts";
import { repositoryRoot } from "../helpers/site.ts";
import type { StaticSite } from "../helpers/static-server.ts";

const POST = "/le-smo-le-nouveau-community-management/";
const PAGES = { home: "/", post: POST, "404": "/cette-page-n-existe-pas/" } as const;
const COMMENT_IDS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
const SCREENSHOTS = join(repositoryRoot, "test-results");
const COMMENTS_URL = "https://commentaires.exemple.fr";

let opened: OpenSite | undefined;
let site: StaticSite;
let browser: Browser;

interface Visit {
  page: Page;
  /** Requests to anything but the site itself. */
  foreign: string[];
  /** Content-Security-Policy violations, from the console and the DOM event. */
  csp: string[];
}

async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const page = await context.newPage();
  const foreign: string[] = [];
  const csp: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(`${site.origin}/`)) foreign.push(request.url());
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) csp.push(message.text());
  });
  await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
  return { page, foreign, csp };
}

/** A fresh context of the shared browser (tests/helpers/browser.ts). */
function withContext(
  options: ContextOptions,
  use: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  return withContextOf(browser, options, use);
}

const skip = browserSkipReason();

describe("the reader's experience in Chromium", { skip }, () => {
  before(async () => {
    opened = await openSite({ env: { COMMENTS_URL } });
    ({ site, browser } = opened);
  });
  after(() => opened?.close());

  for (const dark of [false, true]) {
    const scheme = dark ? "dark" : "light";
    it(`has no axe-core violation on the home, post and 404 pages at 360 and 1280 px, ${scheme}; no CSP violation, nothing from elsewhere`, async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const width of [360, 1280]) {
        await withContext({ width, dark }, async (context) => {
          // Listen before anything loads, so even an early violation is caught (every page of the context).
          await context.addInitScript(() => {
            const seen: string[] = [];
            (window as unknown as { cspViolations: string[] }).cspViolations = seen;
            document.addEventListener("securitypolicyviolation", (event) =>
              seen.push(`${event.violatedDirective} ${event.blockedURI}`),
            );
          });
          for (const [name, path] of Object.entries(PAGES)) {
            const { page, foreign, csp } = await visit(context, path);
            const domViolations = await page.evaluate(
              () => (window as unknown as { cspViolations: string[] }).cspViolations,
            );
            assert.deepEqual(
              [...csp, ...domViolations],
              [],
              `${name} at ${width}px, ${scheme}: CSP violations`,
            );
            assert.deepEqual(foreign, [], `${name} at ${width}px, ${scheme}: requests leaving the site`);
            if (name === "post")
              await page.screenshot({
                path: join(SCREENSHOTS, `post-${width}-${scheme}.png`),
                fullPage: true,
              });
            const violations = await axeViolations(page);
            assert.deepEqual(violations, [], `${name} at ${width}px, ${scheme}: axe-core violations`);
            await page.close();
          }
        });
      }
    });
  }

  it("never scrolls sideways, at 320, 360, 768 and 1280 px", async () => {
    for (const width of [320, 360, 768, 1280]) {
      await withContext({ width }, async (context) => {
        for (const [name, path] of Object.entries(PAGES)) {
          const { page } = await visit(context, path);
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          assert.ok(
            scrollWidth <= clientWidth,
            `${name} at ${width}px: ${scrollWidth}px of content in ${clientWidth}px`,
          );
          await page.close();
        }
      });
    }
  });

  it("keeps a readable text column for the deepest reply on a 360 px phone", async () => {
    await withContext({ width: 360 }, async (context) => {
      const { page } = await visit(context, POST);
      const deepest = page.locator('.comment[data-depth="5"] > .comment-card .comment-content').first();
      const box = await deepest.boundingBox();
      assert.ok(box, "a reply at the fifth level is shown");
      assert.ok(box.width >= 200, `the fifth-level reply's text is ${box.width}px wide`);
    });
  });

  it("lets a keyboard reach the content and every comment's permalink, with a visible focus", async () => {
    await withContext({ width: 1280 }, async (context) => {
      const { page } = await visit(context, POST);
      await page.keyboard.press("Tab");
      const skipLink = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        return {
          text: element.textContent,
          href: element.getAttribute("href"),
          visible: box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0,
        };
      });
      assert.deepEqual(
        skipLink,
        { text: "Aller au contenu", href: "#contenu", visible: true },
        "the first Tab shows the skip link",
      );
      await page.keyboard.press("Enter");
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        "contenu",
        "the skip link moves focus to the main content",
      );

      const permalinks: string[] = [];
      for (let presses = 0; presses < 200 && permalinks.length < COMMENT_IDS.length; presses++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            permalinkOf: element.matches("a.comment-permalink")
              ? (element.closest("li.comment")?.id ?? null)
              : null,
            outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
            inView: box.top >= 0 && box.bottom <= window.innerHeight,
            tag: element.tagName,
          };
        });
        assert.notEqual(
          focused.tag,
          "BODY",
          "focus never falls back to the page before every permalink is reached",
        );
        assert.ok(focused.outline, `the focused ${focused.tag} shows a focus outline`);
        assert.ok(focused.inView, `the focused ${focused.tag} is scrolled into view`);
        if (focused.permalinkOf) permalinks.push(focused.permalinkOf);
      }
      assert.deepEqual(
        permalinks,
        COMMENT_IDS.map((id) => `comment-${id}`),
        "every permalink is focusable, in reading order",
      );
    });
  });

  it("works without JavaScript: every comment is shown and its permalink leads to it", async () => {
    await withContext({ width: 360, javaScript: false }, async (context) => {
      const { page } = await visit(context, POST);
      for (const id of COMMENT_IDS) {
        await page.goto(`${site.origin}${POST}#comment-${id}`);
        const comment = page.locator(`#comment-${id} > .comment-card`);
        assert.ok(await comment.isVisible(), `comment ${id} is visible`);
        assert.ok(await comment.locator(".comment-content").innerText(), `comment ${id} has its text`);
        const box = await comment.boundingBox();
        assert.ok(
          box && box.y >= -1 && box.y < 800,
          `#comment-${id} scrolls comment ${id} into view (top at ${box?.y}px)`,
        );
      }
      // Nothing on the page is a script the browser would run (JSON-LD is data).
      const scripts = await page
        .locator("script")
        .evaluateAll((elements) => elements.map((element) => element.getAttribute("type")));
      assert.deepEqual(scripts, ["application/ld+json"]);
    });
  });

  it("offers a comment form a keyboard can fill, and a 'Répondre' link per comment, named after whom it answers", async () => {
    await withContext({ width: 360, javaScript: false }, async (context) => {
      const { page } = await visit(context, POST);
      const greg = page.getByRole("link", { name: "Répondre à Greg", exact: true });
      assert.equal(await greg.count(), 2, "Greg wrote two comments");
      assert.equal(
        await greg.first().getAttribute("href"),
        `${COMMENTS_URL}/repondre/le-smo-le-nouveau-community-management/6`,
      );
      assert.equal(await page.locator("a.comment-reply-link").count(), COMMENT_IDS.length);
      // What people see of a link: "Répondre" only; whom it answers is for screen readers.
      const hidden = await greg.first().locator(".visually-hidden").boundingBox();
      assert.ok(hidden && hidden.width <= 1 && hidden.height <= 1, "the name is not shown");

      const form = page.getByRole("region", { name: "Laisser un commentaire" }).locator("form");
      assert.equal(await form.getAttribute("action"), `${COMMENTS_URL}/apercu`);
      for (const name of ["Commentaire *", "Nom *", "Adresse de messagerie *", "Site web"])
        assert.ok(await form.getByLabel(name, { exact: true }).isVisible(), name);
      // The trap for robots is neither seen nor reached.
      const trap = form.locator('input[name="telephone"]');
      assert.equal(await trap.isVisible(), false);
      await form.getByLabel("Commentaire *", { exact: true }).focus();
      const reached: string[] = [];
      for (let presses = 0; presses < 5; presses++) {
        await page.keyboard.press("Tab");
        reached.push(
          await page.evaluate(
            () => document.activeElement?.getAttribute("name") ?? document.activeElement?.textContent ?? "",
          ),
        );
      }
      assert.deepEqual(reached.slice(0, 4), ["author", "email", "url", "Prévisualiser"]);
      const field = await form.getByLabel("Nom *", { exact: true }).boundingBox();
      assert.ok(field && field.width >= 250, `the name field is ${field?.width}px wide on a 360px phone`);
    });
  });

  it("prints cleanly: no skip link, links followed by their address", async () => {
    await withContext({ width: 1280 }, async (context) => {
      const { page } = await visit(context, POST);
      await page.emulateMedia({ media: "print" });
      assert.equal(
        await page.locator(".skip-link").evaluate((element) => getComputedStyle(element).display),
        "none",
      );
      const after = await page
        .locator("#comment-4 .comment-content a")
        .first()
        .evaluate((element) => getComputedStyle(element, "::after").content);
      assert.match(after, /http:\/\/y8nn\.fr\//);
    });
  });
});

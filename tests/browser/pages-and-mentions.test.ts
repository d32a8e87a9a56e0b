// Pages and mentions in Chromium: axe-core finds nothing on a page (nested, in the header's
// navigation, with comments, a mention and the comment form) and on a post with mentions,
// at 360 and 1280 px, light and dark; neither scrolls sideways, and the navigation is
// reached by the keyboard right after the skip link and the site's title.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { COMMENTED_PAGE, MENTIONED_POST, pagesContent } from "../fixtures/pages-project.ts";
import { axeViolations, browserSkipReason, withContext } from "../helpers/browser.ts";
import { openSite, type OpenSite } from "../helpers/open-site.ts";
import { removeDir, temporaryProject } from "../helpers/site.ts";

const PATHS = { page: `/${COMMENTED_PAGE}/`, post: `/${MENTIONED_POST}/` } as const;
const skip = browserSkipReason();

describe("pages and mentions in Chromium", { skip }, () => {
  let project: string;
  let opened: OpenSite | undefined;
  before(async () => {
    project = temporaryProject(pagesContent());
    opened = await openSite({
      projectDir: project,
      env: { COMMENTS_URL: "https://commentaires.exemple.fr" },
    });
  });
  after(async () => {
    await opened?.close();
    removeDir(project);
  });

  for (const dark of [false, true]) {
    const scheme = dark ? "dark" : "light";
    it(`has no axe-core violation on a page and on a post with mentions at 360 and 1280 px, ${scheme}, and no sideways scrolling`, async () => {
      const { browser, site } = opened as OpenSite;
      for (const width of [360, 1280]) {
        await withContext(browser, { width, dark }, async (context) => {
          for (const [name, path] of Object.entries(PATHS)) {
            const page = await context.newPage();
            await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
            assert.ok(await page.locator("#mentions li").count(), `${name}: its mentions are shown`);
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            assert.ok(overflow <= 0, `${name} at ${width}px, ${scheme}: scrolls sideways by ${overflow} px`);
            assert.deepEqual(
              await axeViolations(page),
              [],
              `${name} at ${width}px, ${scheme}: axe-core violations`,
            );
            await page.close();
          }
        });
      }
    });
  }

  it("lets the keyboard reach the navigation after the skip link and the site's title", async () => {
    const { browser, site } = opened as OpenSite;
    await withContext(browser, { width: 1280 }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${site.origin}${PATHS.page}`, { waitUntil: "load" });
      const focused: string[] = [];
      for (let n = 0; n < 4; n++) {
        await page.keyboard.press("Tab");
        focused.push(
          await page.evaluate(() => {
            const element = document.activeElement;
            return `${element?.closest("nav")?.getAttribute("aria-label") ?? ""}|${element?.textContent ?? ""}`;
          }),
        );
      }
      assert.deepEqual(focused, [
        "|Aller au contenu",
        "|Nous les geeks",
        "Pages du site|L’équipe",
        "Pages du site|À propos",
      ]);
      assert.equal(await page.locator('nav [aria-current="page"]').textContent(), "L’équipe");
    });
  });
});

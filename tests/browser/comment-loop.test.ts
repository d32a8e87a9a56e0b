// The whole comment loop as a reader and a moderator live it, in Chromium with JavaScript
// off: the seed site built with COMMENTS_URL and served as static files, the intake
// server on loopback with its SQLite queue. A reader replies to Greg's first comment
// through its "Répondre" link, previews, publishes; the moderator logs in at /moderation
// and approves; the comment file exists without the e-mail; the rebuilt page nests the
// reply under Greg's comment.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { axeViolations, browserSkipReason, launchChromium } from "../helpers/browser.ts";
import { SEED_POST, startTestServer, type TestServer } from "../helpers/comment-server.ts";
import { freePort } from "../helpers/http.ts";
import { buildSite, readPage, removeDir, temporaryProject } from "../helpers/site.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";

const GREG_FIRST = "6";
const PASSWORD = "mot-de-passe-de-test";
const REPLY = "Je te réponds, Greg : le référencement **et** la conversation.";
const EMAIL = "lectrice.discrete@exemple.fr";

const skip = browserSkipReason();

describe(
  "a reader comments, a moderator approves, the next build nests it (no JavaScript)",
  { skip, timeout: 240_000 },
  () => {
    let project: string;
    let commentsUrl: string;
    let outputDir: string;
    let site: StaticSite;
    let server: TestServer;
    let browser: Browser;

    async function build(): Promise<void> {
      const result = buildSite({ projectDir: project, outputDir, env: { COMMENTS_URL: commentsUrl } });
      assert.equal(result.status, 0, result.stderr);
    }

    /**
     * axe needs JavaScript, which the reader's context has off: the page as the reader
     * got it is served again, at its address, to a context with JavaScript on (its
     * stylesheet loaded from the real server).
     */
    async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
      const url = page.url();
      const html = await page.content();
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      try {
        const copy = await context.newPage();
        await copy.route(url, (route) =>
          route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
        );
        await copy.goto(url);
        assert.deepEqual(await axeViolations(copy), [], `axe on ${what}`);
      } finally {
        await context.close();
      }
    }

    before(async () => {
      project = temporaryProject("seed");
      const port = await freePort();
      commentsUrl = `http://127.0.0.1:${port}`;
      outputDir = join(project, "_site");
      await build();
      site = await serveStatic(outputDir);
      server = await startTestServer({
        project,
        env: {
          COMMENTS_PORT: String(port),
          COMMENTS_URL: commentsUrl,
          COMMENTS_ADMIN_PASSWORD: PASSWORD,
          SITE_URL: `${site.origin}/`,
        },
      });
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await site?.close();
      removeDir(project);
    });

    it("replies, previews, publishes, is approved, and lands under Greg's comment", async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 800 },
      });
      const page = await context.newPage();
      try {
        await page.goto(`${site.origin}/${SEED_POST}/`);
        await expectNoAxeViolations(page, "the post page with its form");
        const greg = page.locator(`#comment-${GREG_FIRST}`);
        await greg
          .locator(":scope > article")
          .getByRole("link", { name: /Répondre/ })
          .click();
        assert.equal(new URL(page.url()).origin, commentsUrl);
        assert.match((await page.locator("h1").textContent()) ?? "", /Répondre à Greg/);
        await expectNoAxeViolations(page, "the reply page");

        // A name of spaces passes the browser's `required`, not the server: refused, text kept.
        await page.getByRole("textbox", { name: /^Commentaire/ }).fill(REPLY);
        await page.getByRole("textbox", { name: /^Nom/ }).fill("   ");
        await page.getByRole("textbox", { name: /^Adresse de messagerie/ }).fill(EMAIL);
        await page.getByRole("button", { name: "Prévisualiser" }).click();
        assert.match((await page.locator("main").textContent()) ?? "", /Veuillez indiquer votre nom/);
        assert.equal(await page.getByRole("textbox", { name: /^Commentaire/ }).inputValue(), REPLY);
        await expectNoAxeViolations(page, "the form sent back with a problem");

        await page.getByRole("textbox", { name: /^Nom/ }).fill("Lectrice");
        await page.getByRole("button", { name: "Prévisualiser" }).click();
        assert.match((await page.locator("h1").textContent()) ?? "", /Aperçu/);
        assert.equal(await page.locator(".comment-preview strong").textContent(), "et");
        await expectNoAxeViolations(page, "the preview");
        // The time trap: a person reads the preview for more than a few seconds.
        await sleep(3_200);
        await page.getByRole("button", { name: "Publier le commentaire" }).click();
        assert.match(
          (await page.locator("main").textContent()) ?? "",
          /Votre commentaire est en attente de modération/,
        );
        await expectNoAxeViolations(page, "the thanks page");
        await page.getByRole("link", { name: /Retour à l’article/ }).click();
        assert.equal(page.url(), `${site.origin}/${SEED_POST}/`);

        // A wrong password shows no queue.
        await page.goto(`${commentsUrl}/moderation`);
        await page.getByLabel("Mot de passe").fill("pas le bon");
        await page.getByRole("button", { name: "Se connecter" }).click();
        assert.doesNotMatch((await page.content()) ?? "", /référencement/);
        await page.getByLabel("Mot de passe").fill(PASSWORD);
        await page.getByRole("button", { name: "Se connecter" }).click();
        await expectNoAxeViolations(page, "the moderation page");
        const waiting = page
          .locator("form", { hasText: "Lectrice" })
          .filter({ has: page.getByRole("button", { name: "Approuver", exact: true }) });
        assert.equal(await waiting.count(), 1);
        await waiting.getByRole("button", { name: "Approuver", exact: true }).click();
        assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /Lectrice/);
      } finally {
        await context.close();
      }

      const commentsDir = join(project, "content/posts", SEED_POST, "comments");
      assert.ok(readdirSync(commentsDir).includes("12.md"), "no comments/12.md");
      const file = readFileSync(join(commentsDir, "12.md"), "utf8");
      assert.match(file, /^author: "?Lectrice"?$/m);
      assert.match(file, new RegExp(`^parent: "?${GREG_FIRST}"?$`, "m"));
      assert.ok(!file.includes(EMAIL), "the e-mail address is in the comment file");

      await build();
      const document = readPage(outputDir, `/${SEED_POST}/`);
      const reply = document.querySelector(`#comment-${GREG_FIRST} > ol > li#comment-12`);
      assert.ok(reply, "the reply is not nested under Greg's comment");
      assert.match(reply.textContent ?? "", /le référencement et la conversation/);
      assert.ok(!readFileSync(join(outputDir, SEED_POST, "index.html"), "utf8").includes(EMAIL));
      assert.ok(!server.log.some((line) => line.includes(EMAIL)));
    });
  },
);

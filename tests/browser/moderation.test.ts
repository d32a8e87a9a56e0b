// The moderation page in Chromium, as a moderator uses it: the login form (and its
// wrong-password answer), the queue with a reply, spam marks and a comment whose
// publication failed, at phone and desktop widths, light and dark, where axe-core finds
// nothing; then, with JavaScript off, a decision for one comment and one for all shown.
// Screenshots of the queue land in test-results/.
//
// axe-core runs in contexts with JavaScript on: evaluating it in a context with JavaScript
// off crashes Debian's Chromium. The pages hold no script (tests/server/moderation.test.ts),
// so they are the same pages either way.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { axeViolations, browserSkipReason, launchChromium, withContext } from "../helpers/browser.ts";
import { SEED_POST, startTestServer, type TestServer } from "../helpers/comment-server.ts";
import { repositoryRoot } from "../helpers/site.ts";

const PASSWORD = "mot-de-passe-de-moderation";
const SCREENSHOTS = join(repositoryRoot, "test-results");

const skip = browserSkipReason();

describe("the moderation page in Chromium, without JavaScript", { skip, timeout: 180_000 }, () => {
  let server: TestServer;
  let db: QueueDb;
  let queue: CommentQueue;
  let browser: Browser;
  let tokens = 0;

  async function queued(fields: Partial<NewQueuedComment>): Promise<number> {
    const comment: NewQueuedComment = {
      post: SEED_POST,
      author: "Camille",
      email: "camille@exemple.fr",
      text: "Un avis **réfléchi**, avec [un lien](https://exemple.fr/).",
      submittedAt: new Date("2024-03-02T09:30:00Z"),
      marks: [],
      token: `jeton-navigateur-${++tokens}`,
      ...fields,
    };
    return (await queue.add(comment)).id;
  }

  async function fillQueue(): Promise<void> {
    await db.deleteFrom("comments").execute();
    await queued({ parent: "6", author: "Zoé", url: "https://zoe.exemple.fr/" });
    await queued({
      marks: ["links", "duplicate"],
      author: "Robot",
      text: "Achetez https://a.example https://b.example",
    });
    await queued({
      post: "billet-disparu",
      author: "Dominique",
      text: "Sur un article parti.\n\nDeux paragraphes.",
    });
    const stuck = await queued({ post: "billet-disparu", author: "Yves" });
    await queue.decide([stuck], "approved");
    await queue.markPublishFailed(stuck, "L’article « billet-disparu » n’existe plus : rétablissez-le.");
  }

  async function logIn(page: Page): Promise<void> {
    await page.goto(`${server.url}/moderation`);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }

  before(async () => {
    server = await startTestServer({ env: { COMMENTS_ADMIN_PASSWORD: PASSWORD } });
    db = await openQueueDatabase(server.databasePath);
    queue = new CommentQueue(db);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await db?.destroy();
    await server?.close();
  });

  for (const dark of [false, true])
    for (const width of [360, 1280])
      it(`has no axe-core violation on the login form, a wrong password and the queue with its status line, at ${width} px, ${dark ? "dark" : "light"}`, async () => {
        await fillQueue();
        await withContext(browser, { width, dark }, async (context) => {
          const page = await context.newPage();
          await page.goto(`${server.url}/moderation`);
          assert.deepEqual(await axeViolations(page), [], "the login form");
          await page.getByLabel("Mot de passe").fill("pas le bon");
          await page.getByRole("button", { name: "Se connecter" }).click();
          assert.match((await page.locator("main").textContent()) ?? "", /Mot de passe incorrect/);
          assert.doesNotMatch((await page.content()) ?? "", /Robot|Approuver/);
          assert.deepEqual(await axeViolations(page), [], "the wrong password");

          await page.getByLabel("Mot de passe").fill(PASSWORD);
          await page.getByRole("button", { name: "Se connecter" }).click();
          assert.equal(await page.locator("article.comment-card").count(), 3);
          assert.deepEqual(await axeViolations(page), [], "the queue");
          await page.goto(`${server.url}/moderation?fait=approuve&ok=1&echecs=1&deja=1`);
          assert.equal(await page.getByRole("status").count(), 1);
          assert.deepEqual(await axeViolations(page), [], "the queue with its status line");
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({
            path: join(SCREENSHOTS, `moderation-${width}-${dark ? "dark" : "light"}.png`),
            fullPage: true,
          });
        });
      });

  it("approves one comment with its button, then refuses all those shown; the status line says what was done", async () => {
    await fillQueue();
    await db.deleteFrom("rate_events").execute();
    await withContext(browser, { width: 1280, javaScript: false }, async (context) => {
      const page = await context.newPage();
      await logIn(page);
      const zoe = page.locator("form", { hasText: "Zoé" });
      await zoe.getByRole("button", { name: "Approuver", exact: true }).click();
      assert.equal(new URL(page.url()).pathname, "/moderation");
      const status = page.getByRole("status");
      assert.equal(
        (await status.textContent())?.replaceAll("\u00A0", " "),
        "1 commentaire approuvé et publié.",
      );
      assert.equal(await page.locator("article.comment-card").count(), 2);

      await page.getByRole("button", { name: "Tout refuser" }).click();
      assert.equal((await status.textContent())?.replaceAll("\u00A0", " "), "2 commentaires refusés.");
      assert.match((await page.locator("main").textContent()) ?? "", /Aucun commentaire en attente\./);
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      assert.equal(await page.getByLabel("Mot de passe").count(), 1);
    });
    assert.deepEqual(
      (await queue.list(["published", "rejected"])).map((comment) => [comment.author, comment.status]),
      [
        ["Zoé", "published"],
        ["Robot", "rejected"],
        ["Dominique", "rejected"],
      ],
    );
  });
});

// The pages of e-mail notifications in Chromium, where axe-core finds nothing, at phone
// and desktop widths, light and dark: the reply form with its box "Me prévenir par e-mail
// des réponses à mon commentaire" and its preview with the box ticked; the confirmation
// page, opened from the link of the confirmation e-mail the loopback SMTP server received
// (tests/helpers/smtp.ts), and the page its button leads to; the unsubscribe page, from the
// link of the e-mail a reply sent once approved (the one e-mail that holds it), and the
// page its button leads to. A reader does it all in the browser; the moderator approves
// through the moderation page's form, as tests/server/notifications.test.ts does.
//
// axe-core runs in contexts with JavaScript on (see tests/browser/moderation.test.ts); the
// pages hold no script, so they are the same pages either way.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import { axeViolations, browserSkipReason, launchChromium, withContext } from "../helpers/browser.ts";
import {
  aReader,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  moderateOnTheWeb,
  type TestServer,
} from "../helpers/comment-server.ts";
import { TestSmtpServer, to, type ReceivedMail } from "../helpers/smtp.ts";

const PASSWORD = "mot-de-passe-de-moderation";
const READER = "lectrice.abonnee@exemple.fr";
const TEXT = "Prévenez-moi des réponses, s’il vous plaît.";
const BOX = "Me prévenir par e-mail des réponses à mon commentaire";
/** Phone and desktop, light and dark, as the moderation page is checked. */
const LOOKS = [
  { width: 360, dark: false },
  { width: 1280, dark: true },
];

const skip = browserSkipReason();

describe("the notification pages in Chromium: no axe violation", { skip, timeout: 180_000 }, () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let db: QueueDb;
  let queue: CommentQueue;
  let browser: Browser;

  /** axe on the page at `url` (a GET that changes nothing), in each look. */
  async function expectNoViolationsAt(url: string, what: string): Promise<void> {
    for (const look of LOOKS)
      await withContext(browser, look, async (context) => {
        const page = await context.newPage();
        assert.equal((await page.goto(url))?.status(), 200, what);
        assert.deepEqual(await axeViolations(page), [], `axe on ${what}, ${JSON.stringify(look)}`);
      });
  }

  async function expectNoViolations(page: Page, what: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  }

  function linkIn(mail: ReceivedMail, path: string): string {
    const link = new RegExp(`${server.url}${path}\\?t=[\\w.-]+`).exec(mail.parsed.text ?? "")?.[0];
    assert.ok(link, `no ${path} link in:\n${mail.parsed.text ?? ""}`);
    return link;
  }

  /** The queued comment with this text: its queue id and, once published, its id in the post. */
  async function queued(text: string) {
    const comments = await queue.list(["pending", "approved", "published", "rejected", "spam"]);
    const comment = comments.find((candidate) => candidate.text === text);
    assert.ok(comment, `no queued comment "${text}"`);
    return comment;
  }

  /** Approves a queued comment through the moderation page's login and decision forms. */
  const approve = (id: number) => moderateOnTheWeb(server.url, PASSWORD, id, "approuver");

  before(async () => {
    smtp = await TestSmtpServer.start();
    server = await startTestServer({
      env: {
        COMMENTS_SMTP_URL: smtp.url(),
        COMMENTS_MAIL_FROM: "Nous les geeks <commentaires@nouslesgeeks.fr>",
        COMMENTS_ADMIN_PASSWORD: PASSWORD,
        COMMENTS_TRUST_PROXY: "127.0.0.1",
      },
    });
    db = await openQueueDatabase(server.databasePath);
    queue = new CommentQueue(db);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await db?.destroy();
    await server?.close();
    await smtp?.stop();
  });

  it("the reply form with its e-mail box, its preview with the box ticked, and the thanks page", async () => {
    const form = `${server.url}/repondre/${SEED_POST}/1`;
    await expectNoViolationsAt(form, "the reply form");
    await withContext(browser, { width: 360 }, async (context) => {
      const page = await context.newPage();
      await page.goto(form);
      const box = page.getByRole("checkbox", { name: BOX });
      assert.equal(await box.isChecked(), false, "not ticked unless the reader ticks it");
      await page.getByRole("textbox", { name: /^Commentaire/ }).fill(TEXT);
      await page.getByRole("textbox", { name: /^Nom/ }).fill("Lectrice");
      await page.getByRole("textbox", { name: /^Adresse de messagerie/ }).fill(READER);
      await box.check();
      await page.getByRole("button", { name: "Prévisualiser" }).click();
      assert.match((await page.locator("h1").textContent()) ?? "", /Aperçu/);
      assert.equal(
        await page.getByRole("checkbox", { name: BOX }).isChecked(),
        true,
        "kept through the preview",
      );
      await expectNoViolations(page, "the preview with the box ticked");
      // The time trap: a person reads the preview for more than a few seconds.
      await sleep(3_200);
      await page.getByRole("button", { name: "Publier le commentaire" }).click();
      assert.match(
        (await page.locator("main").textContent()) ?? "",
        /un e-mail de confirmation vous est envoyé/,
      );
      await expectNoViolations(page, "the thanks page");
    });
  });

  it("the confirmation page, from the confirmation e-mail's link, and the page its button leads to", async () => {
    const mail = await smtp.next(to(READER));
    assert.match(mail.parsed.subject ?? "", /^Confirmez votre abonnement/);
    const link = linkIn(mail, "/confirmation");
    await expectNoViolationsAt(link, "the confirmation page");
    await withContext(browser, { width: 360 }, async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole("button", { name: "Confirmer" }).click();
      assert.match((await page.locator("h1").textContent()) ?? "", /Abonnement confirmé/);
      await expectNoViolations(page, "the subscription confirmed");
    });
  });

  it("the unsubscribe page, from the link of the e-mail an approved reply sends, and the page its button leads to", async () => {
    const subscribed = await queued(TEXT);
    await approve(subscribed.id);
    const parent = (await queue.get(subscribed.id))?.publishedId;
    assert.ok(parent, "the reader's comment is published");
    const fields = { ...aReader, author: "Greg", email: "greg@exemple.fr", parent, comment: "Une réponse." };
    const sent = await postForm(
      `${server.url}/publier`,
      { ...fields, token: tokenMadeAgo(fields, 5_000) },
      { origin: SITE_ORIGIN, "x-forwarded-for": "203.0.113.9" },
    );
    assert.equal(sent.status, 200, sent.text);
    await approve((await queued(fields.comment)).id);
    const mail = await smtp.next(
      (candidate) => to(READER)(candidate) && /répondu/.test(candidate.parsed.subject ?? ""),
    );
    const link = linkIn(mail, "/desabonnement");
    await expectNoViolationsAt(link, "the unsubscribe page");
    await withContext(browser, { width: 360 }, async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole("button", { name: "Me désabonner" }).click();
      assert.match((await page.locator("h1").textContent()) ?? "", /Désabonnement effectué/);
      await expectNoViolations(page, "the unsubscription done");
    });
  });
});

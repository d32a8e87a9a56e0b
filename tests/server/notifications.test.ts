// E-mail notifications through the real intake server and a real SMTP server on loopback
// (tests/helpers/smtp.ts), one promise per test: the moderator's e-mail for each comment
// waiting; the subscription's double opt-in (a GET confirms nothing, the page's POST
// does); one e-mail per approved direct reply, with its text and a one-click unsubscribe,
// none for a pending, refused or indirect one; that unsubscribe authorised by its token
// alone, without the site's Origin; an SMTP server down that delays e-mails and never the
// reader; a hostile name that writes no header; no address in any log line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { parseHTML } from "linkedom";
import { respondHtml } from "../../src/comments/render-respond.ts";
import { headerText } from "../../src/comment-server/notifications/header-text.ts";
import { mailSettingsFromEnv } from "../../src/comment-server/notifications/mail-settings.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import {
  aReader,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type Fields,
  moderateOnTheWeb,
  type TestServer,
} from "../helpers/comment-server.ts";
import { repositoryRoot } from "../helpers/site.ts";
import { TestSmtpServer, to, type ReceivedMail } from "../helpers/smtp.ts";

const MODERATOR = "moderation@nouslesgeeks.fr";
const SUBSCRIBER = "zoe@exemple.fr";
const REPLIER = "greg@exemple.fr";
const PASSWORD = "mot de passe de test, assez long";
const SEED_TITLE = "Le SMO, le nouveau Community Management ?";
const POST_URL = `${SITE_ORIGIN}/${SEED_POST}/`;

let smtp: TestSmtpServer;
let server: TestServer;
let db: QueueDb;
let queue: CommentQueue;
let clients = 0;

const validator = new HtmlValidate(
  new StaticConfigLoader(
    JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData,
  ),
);

function documentOf(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

/** The page is valid HTML, as html-validate checks the built pages. */
async function assertValid(text: string, name: string): Promise<void> {
  const report = await validator.validateString(text, `${name}.html`);
  const messages = report.results.flatMap((result) =>
    result.messages.map((message) => `${name}:${message.line}: ${message.ruleId}: ${message.message}`),
  );
  assert.deepEqual(messages, []);
}

/** Publishes a comment as a reader does after its preview, from a reader of its own (the rate limit sees many). */
async function publish(fields: Fields) {
  const token = tokenMadeAgo(fields, 5_000);
  return postForm(
    `${server.url}/publier`,
    { ...fields, token },
    { origin: SITE_ORIGIN, "x-forwarded-for": `203.0.113.${++clients}` },
  );
}

/** The queue id of the comment with this text. */
async function queueIdOf(text: string): Promise<number> {
  const comment = (await queue.list(["pending", "approved", "published", "rejected", "spam"])).find(
    (candidate) => candidate.text === text,
  );
  assert.ok(comment, `no queued comment "${text}"`);
  return comment.id;
}

/** Approves or refuses one queued comment on the moderation page. */
async function decide(id: number, action: "approuver" | "refuser"): Promise<void> {
  await moderateOnTheWeb(server.url, PASSWORD, id, action);
}

function linkIn(mail: ReceivedMail, path: string): string {
  const link = new RegExp(`${server.url}${path}\\?t=[\\w.-]+`).exec(mail.parsed.text ?? "")?.[0];
  assert.ok(link, `no ${path} link in:\n${mail.parsed.text ?? ""}`);
  return link;
}

async function subscription(commentId: number) {
  return db.selectFrom("subscriptions").selectAll().where("comment_id", "=", commentId).executeTakeFirst();
}

/** Waits a moment, so that an e-mail that should not be sent would have had the time to arrive. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

describe("notifications: e-mails through a real SMTP server", () => {
  before(async () => {
    smtp = await TestSmtpServer.start();
    server = await startTestServer({
      env: {
        COMMENTS_SMTP_URL: smtp.url(),
        COMMENTS_MAIL_FROM: "Nous les geeks <commentaires@nouslesgeeks.fr>",
        COMMENTS_MODERATOR_EMAIL: MODERATOR,
        COMMENTS_ADMIN_PASSWORD: PASSWORD,
        COMMENTS_TRUST_PROXY: "127.0.0.1",
      },
    });
    db = await openQueueDatabase(server.databasePath);
    queue = new CommentQueue(db);
  });
  after(async () => {
    await server.close();
    await db.destroy();
    await smtp.stop();
  });

  test("the moderator gets an e-mail for each comment waiting: its author, its post, its text, a link to /moderation and no other", async () => {
    const fields = { ...aReader, author: "Camille", comment: "Un avis **tranché** sur le SMO." };
    assert.equal((await publish(fields)).status, 200);
    const mail = await smtp.next(
      (candidate) => to(MODERATOR)(candidate) && /Camille/.test(candidate.parsed.subject ?? ""),
    );
    assert.equal(mail.parsed.subject, `Commentaire de Camille à modérer sur «\u00A0${SEED_TITLE}\u00A0»`);
    assert.equal(mail.parsed.from?.text, '"Nous les geeks" <commentaires@nouslesgeeks.fr>');
    const text = mail.parsed.text ?? "";
    assert.match(text, /Un avis \*\*tranché\*\* sur le SMO\./);
    assert.deepEqual(
      text.match(/https?:\/\/\S+/g),
      [`${server.url}/moderation`],
      "one link, to the moderation page",
    );
    assert.equal(mail.parsed.headers.get("auto-submitted"), "auto-generated");
    assert.deepEqual(smtp.logins.slice(0, 1), ["blog"], "logged in with the URL's user");
  });

  test("the built pages' form offers no e-mail box (they cannot know); the server's pages do, kept through the preview", async () => {
    assert.doesNotMatch(respondHtml({ commentsUrl: server.url, post: SEED_POST }).value, /notify/);
    const reply = await (await fetch(`${server.url}/repondre/${SEED_POST}/1`)).text();
    const box = documentOf(reply).querySelector('input[name="notify"]');
    assert.equal(box?.getAttribute("type"), "checkbox");
    assert.equal(box?.hasAttribute("checked"), false);
    assert.match(
      documentOf(reply).querySelector(`label[for="${box?.getAttribute("id") ?? ""}"]`)?.textContent ?? "",
      /^Me prévenir par e-mail des réponses à mon commentaire$/,
    );
    const preview = await postForm(`${server.url}/apercu`, { ...aReader, notify: "1" });
    assert.equal(preview.status, 200);
    assert.equal(
      documentOf(preview.text).querySelector('input[name="notify"]')?.hasAttribute("checked"),
      true,
    );
    await assertValid(reply, "reply-page");
    await assertValid(preview.text, "preview");
  });

  test("a subscription is confirmed by the confirmation page's button, never by opening its link", async () => {
    const fields = { ...aReader, comment: "Prévenez-moi des réponses, merci.", notify: "1" };
    const thanks = await publish(fields);
    assert.equal(thanks.status, 200);
    assert.match(thanks.text, /un e-mail de confirmation vous est envoyé/);
    const id = await queueIdOf(fields.comment);
    const mail = await smtp.next(to(SUBSCRIBER));
    assert.match(mail.parsed.subject ?? "", /^Confirmez votre abonnement aux réponses sur «/);
    assert.match(mail.parsed.text ?? "", /Bonjour Zoé,/);
    const link = linkIn(mail, "/confirmation");

    // Opened, as a mail scanner does: a page with a button, nothing confirmed.
    const page = await fetch(link);
    assert.equal(page.status, 200);
    const confirmPage = await page.text();
    await assertValid(confirmPage, "confirmation");
    const form = documentOf(confirmPage).querySelector('form[method="post"]');
    assert.equal(form?.getAttribute("action"), "/confirmation");
    assert.equal((await subscription(id))?.confirmed_at, null);

    // A forged token confirms nothing either.
    const token = new URL(link).searchParams.get("t") ?? "";
    const forged = `${token.slice(0, 23)}${token.at(23) === "A" ? "B" : "A"}${token.slice(24)}`;
    const refused = await postForm(`${server.url}/confirmation`, { t: forged }, { origin: server.url });
    assert.equal(refused.status, 403);
    assert.equal((await subscription(id))?.confirmed_at, null);

    const confirmed = await postForm(`${server.url}/confirmation`, { t: token }, { origin: server.url });
    assert.equal(confirmed.status, 200);
    assert.match(confirmed.text, /Abonnement confirmé/);
    assert.notEqual((await subscription(id))?.confirmed_at ?? null, null);
  });

  test("an approved direct reply sends one e-mail with its text and a one-click unsubscribe; a pending, refused or indirect one sends none", async () => {
    const subscribed = await queueIdOf("Prévenez-moi des réponses, merci.");
    await decide(subscribed, "approuver");
    const commentId = (await queue.get(subscribed))?.publishedId;
    assert.ok(commentId, "the subscriber's comment is published");
    assert.equal((await subscription(subscribed))?.published_id, commentId);

    const reply = { ...aReader, author: "Greg", email: REPLIER, parent: commentId };
    const approved = { ...reply, comment: "Je vous réponds : **d’accord**." };
    const refused = { ...reply, comment: "Une réponse que la modération refusera." };
    assert.equal((await publish(approved)).status, 200);
    assert.equal((await publish(refused)).status, 200);
    await smtp.next((mail) => to(MODERATOR)(mail) && (mail.parsed.text ?? "").includes(refused.comment));
    await settle();
    assert.equal(smtp.all(to(SUBSCRIBER)).length, 1, "pending replies send nothing (the confirmation only)");

    await decide(await queueIdOf(refused.comment), "refuser");
    const approvedId = await queueIdOf(approved.comment);
    await decide(approvedId, "approuver");
    const replyId = (await queue.get(approvedId))?.publishedId;
    const mail = await smtp.next(
      (candidate) => to(SUBSCRIBER)(candidate) && /répondu/.test(candidate.parsed.subject ?? ""),
    );
    assert.equal(mail.parsed.subject, `Greg vous a répondu sur «\u00A0${SEED_TITLE}\u00A0»`);
    const text = mail.parsed.text ?? "";
    assert.match(text, /Je vous réponds : \*\*d’accord\*\*\./);
    assert.ok(text.includes(`${POST_URL}#comment-${replyId}`), text);
    assert.doesNotMatch(text, /refusera/);
    const unsubscribe = linkIn(mail, "/desabonnement");
    assert.ok(mail.headerLines.includes(`List-Unsubscribe: <${unsubscribe}>`), mail.headerLines.join("\n"));
    assert.ok(mail.headerLines.includes("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));

    // A reply to that reply answers Greg, not the subscriber: nothing for her.
    const indirect = {
      ...aReader,
      author: "Léa",
      email: "lea@exemple.fr",
      parent: replyId ?? "",
      comment: "Réponse à Greg.",
    };
    assert.equal((await publish(indirect)).status, 200);
    await decide(await queueIdOf(indirect.comment), "approuver");
    await settle();
    assert.equal(smtp.all(to(SUBSCRIBER)).length, 2, "one confirmation, one reply");
    assert.equal(smtp.all(to(REPLIER)).length, 0, "Greg did not subscribe");
  });

  test("the one-click unsubscribe works without the site's Origin, by its token alone; a forged one does not", async () => {
    const subscribed = await queueIdOf("Prévenez-moi des réponses, merci.");
    const mail = smtp.all(to(SUBSCRIBER)).find((candidate) => /répondu/.test(candidate.parsed.subject ?? ""));
    assert.ok(mail);
    const link = linkIn(mail, "/desabonnement");
    const token = new URL(link).searchParams.get("t") ?? "";
    const oneClick = (
      url: string,
      body: BodyInit = "List-Unsubscribe=One-Click",
      headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" },
    ) => fetch(url, { method: "POST", headers, body });

    const forged = `${token.slice(0, 23)}${token.at(23) === "A" ? "B" : "A"}${token.slice(24)}`;
    for (const bad of [
      forged,
      linkIn(smtp.all(to(SUBSCRIBER))[0] as ReceivedMail, "/confirmation").split("t=")[1] ?? "",
      "",
    ]) {
      const answer = await oneClick(`${server.url}/desabonnement?t=${bad}`);
      assert.equal(answer.status, 403, bad);
    }
    assert.ok(await subscription(subscribed), "still subscribed");
    // The Origin check still guards every other form.
    assert.equal((await oneClick(`${server.url}/confirmation?t=${token}`)).status, 403);

    // Opened: a page with a button; still subscribed.
    const page = await fetch(link);
    assert.equal(page.status, 200);
    const unsubscribePage = await page.text();
    await assertValid(unsubscribePage, "unsubscribe");
    assert.ok(documentOf(unsubscribePage).querySelector('form[method="post"] button'));
    assert.ok(await subscription(subscribed));

    // As a mail provider posts it: no Origin, a multipart body.
    const body = new FormData();
    body.append("List-Unsubscribe", "One-Click");
    const answer = await fetch(link, { method: "POST", body });
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /Désabonnement effectué/);
    assert.equal(await subscription(subscribed), undefined);
    assert.equal((await oneClick(link)).status, 200, "twice is harmless");
  });

  test("with the SMTP server down, the reader gets the thanks page at once and the e-mail goes out when it is back", async () => {
    await smtp.stop();
    const fields = {
      ...aReader,
      author: "Patiente",
      comment: "Envoyé pendant la panne du serveur de messagerie.",
    };
    const started = Date.now();
    const thanks = await publish(fields);
    assert.equal(thanks.status, 200);
    assert.match(thanks.text, /en attente de modération/);
    assert.ok(Date.now() - started < 2_000, `answered in ${Date.now() - started} ms`);
    const id = await queueIdOf(fields.comment);
    const failed = async () =>
      db.selectFrom("mail_outbox").selectAll().where("key", "=", `moderator:${id}`).executeTakeFirst();
    for (let waited = 0; ((await failed())?.attempts ?? 0) < 1; waited += 100) {
      assert.ok(waited < 10_000, "an attempt failed");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match((await failed())?.last_error ?? "", /ECONNREFUSED/);
    assert.equal((await failed())?.sent_at, null);

    await smtp.listen();
    const mail = await smtp.next(
      (candidate) => (candidate.parsed.text ?? "").includes(fields.comment),
      20_000,
    );
    assert.deepEqual(mail.recipients, [MODERATOR]);
    // The SMTP server holds the message before the sender hears its answer and marks it sent.
    for (let waited = 0; ((await failed())?.sent_at ?? null) === null; waited += 50) {
      assert.ok(waited < 5_000, "the outbox marks the e-mail sent");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test("a name holding line breaks writes no header of its own", async () => {
    const author = "Zoé\r\nBcc: victime@exemple.fr\r\nX-Injecte: oui\nSubject: autre";
    const fields = { ...aReader, author, comment: "Un nom qui voudrait écrire des en-têtes." };
    assert.equal((await publish(fields)).status, 200);
    const mail = await smtp.next((candidate) => (candidate.parsed.text ?? "").includes(fields.comment));
    assert.deepEqual(mail.recipients, [MODERATOR]);
    for (const line of mail.headerLines) assert.doesNotMatch(line, /^(Bcc|X-Injecte):/i, line);
    assert.equal(mail.headerLines.filter((line) => /^Subject:/i.test(line)).length, 1);
    // The subject names the author by the first line of their name; the rest stays in the body.
    assert.equal(mail.parsed.subject, `Commentaire de Zoé à modérer sur «\u00A0${SEED_TITLE}\u00A0»`);
    assert.match(mail.parsed.text ?? "", /^Zoé\r?\nBcc: victime@exemple\.fr/);
    assert.equal(mail.parsed.bcc, undefined);
    assert.equal(headerText("a\r\nb\u2028c\u0000d"), "a b c d");
  });

  test("no log line holds an e-mail address or the SMTP password", () => {
    const log = server.log.join("\n");
    assert.match(log, /mail: moderator e-mail for comment \d+ sent/);
    for (const secret of [MODERATOR, SUBSCRIBER, REPLIER, "victime@", "commentaires@", "mot-de-passe-smtp"])
      assert.ok(!log.includes(secret), `${secret} is in the log`);
  });
});

describe("notifications: the settings", () => {
  test("off without COMMENTS_SMTP_URL; the other two alone are refused, naming the variable", () => {
    assert.equal(mailSettingsFromEnv({}), undefined);
    assert.throws(
      () => mailSettingsFromEnv({ COMMENTS_MODERATOR_EMAIL: MODERATOR }),
      /^Error: COMMENTS_MODERATOR_EMAIL: has no effect without COMMENTS_SMTP_URL$/,
    );
    assert.throws(
      () => mailSettingsFromEnv({ COMMENTS_SMTP_URL: "smtp://h" }),
      /^Error: COMMENTS_MAIL_FROM: must be set/,
    );
  });

  test("a bad value is one line naming its variable, never repeating a password", () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ COMMENTS_SMTP_URL: "http://u:secret@h", COMMENTS_MAIL_FROM: "a@b.fr" }, /^COMMENTS_SMTP_URL: /],
      [
        { COMMENTS_SMTP_URL: "smtp://u:secret@h", COMMENTS_MAIL_FROM: "Nom <pas une adresse>" },
        /^COMMENTS_MAIL_FROM: /,
      ],
      [
        {
          COMMENTS_SMTP_URL: "smtp://u:secret@h",
          COMMENTS_MAIL_FROM: "a@b.fr",
          COMMENTS_MODERATOR_EMAIL: "a@b.fr, x",
        },
        /^COMMENTS_MODERATOR_EMAIL: /,
      ],
    ];
    for (const [env, message] of cases) {
      const error = (() => {
        try {
          mailSettingsFromEnv(env);
        } catch (caught) {
          return caught as Error;
        }
        return undefined;
      })();
      assert.ok(error, JSON.stringify(env));
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /secret|\n/);
    }
    assert.deepEqual(
      mailSettingsFromEnv({
        COMMENTS_SMTP_URL: "smtps://h:465",
        COMMENTS_MAIL_FROM: "Nous les geeks <c@nlg.fr>",
        COMMENTS_MODERATOR_EMAIL: "a@b.fr, c@d.fr",
      }),
      {
        smtpUrl: "smtps://h:465",
        from: { name: "Nous les geeks", address: "c@nlg.fr" },
        moderators: ["a@b.fr", "c@d.fr"],
      },
    );
  });
});

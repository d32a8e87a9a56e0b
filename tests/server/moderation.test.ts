// The moderation page through the real server on a real socket: the login (wrong password
// shows no queue, failures throttled, the session cookie's attributes), the CSRF token on
// every POST, the queue grouped by post with everything a commenter wrote escaped or
// rendered by the comment markdown and no e-mail address, the decisions one by one and
// for all shown, a publication that fails then succeeds on "Réessayer", the status line
// that reflects nothing from the address, and no e-mail or client address in the log.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { parseHTML } from "linkedom";
import { MAX_SHOWN } from "../../src/comment-server/moderation/moderation-pages.ts";
import { LOGIN_FAILURES_ALLOWED } from "../../src/comment-server/routes/moderation-routes.ts";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { hostileAuthors, hostileBodies } from "../fixtures/hostile.ts";
import { hashAdminPassword } from "../../src/comment-server/admin-password.ts";
import { postForm, SEED_POST, startTestServer, type TestServer } from "../helpers/comment-server.ts";
import { inertnessProblems } from "../helpers/inert-html.ts";
import { postFile, repositoryRoot, writeFiles } from "../helpers/site.ts";

const PASSWORD = "mot de passe de test, assez long";
const EMAIL = "camille@exemple.fr";
const SEED_COMMENTS = join("content/posts", SEED_POST, "comments");

const validator = new HtmlValidate(
  new StaticConfigLoader(
    JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData,
  ),
);

let server: TestServer;
let db: QueueDb;
let queue: CommentQueue;
let origin: string;
let tokens = 0;

function documentOf(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

function aComment(fields: Partial<NewQueuedComment> = {}): NewQueuedComment {
  return {
    post: SEED_POST,
    author: "Camille",
    email: EMAIL,
    text: "Un **bon** article.",
    submittedAt: new Date("2024-03-02T09:30:00Z"),
    marks: [],
    token: `jeton-moderation-${++tokens}`,
    ...fields,
  };
}

async function queued(fields: Partial<NewQueuedComment> = {}): Promise<number> {
  return (await queue.add(aComment(fields))).id;
}

/** A form post from the server's own pages, with the session cookie if any. */
function post(path: string, fields: string | Record<string, string>, cookie?: string) {
  return postForm(`${server.url}${path}`, fields, { origin, ...(cookie ? { cookie } : {}) });
}

async function login(password = PASSWORD) {
  return post("/moderation/connexion", { password });
}

/** The session cookie ("moderation=…") of a successful login. */
async function session(): Promise<string> {
  const answer = await login();
  assert.equal(answer.status, 303, answer.text);
  const cookie = answer.headers.getSetCookie().find((line) => line.startsWith("moderation="));
  assert.ok(cookie, "a session cookie");
  return cookie.split(";")[0] ?? "";
}

async function page(cookie?: string, query = ""): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}/moderation${query}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
}

function csrfOf(text: string): string {
  const value = documentOf(text).querySelector('input[name="csrf"]')?.getAttribute("value");
  assert.ok(value, "a CSRF token on the page");
  return value;
}

/** A decision form's body: the token, the action, one `id` field per comment. */
function decision(csrf: string, action: string, ids: readonly number[]): string {
  const body = new URLSearchParams({ csrf, action });
  for (const id of ids) body.append("id[]", String(id));
  return body.toString();
}

function statusLine(text: string): string {
  return (documentOf(text).querySelector('[role="status"]')?.textContent ?? "").replaceAll("\u00A0", " ");
}

async function clearQueue(): Promise<void> {
  await db.deleteFrom("comments").execute();
  await db.deleteFrom("rate_events").execute();
}

describe("moderation on the web", () => {
  before(async () => {
    server = await startTestServer({ env: { COMMENTS_ADMIN_PASSWORD: PASSWORD } });
    origin = new URL(server.url).origin;
    db = await openQueueDatabase(server.databasePath);
    queue = new CommentQueue(db);
  });
  after(async () => {
    await db.destroy();
    await server.close();
  });
  beforeEach(clearQueue);

  test("without a session, /moderation is a login form and shows no queue", async () => {
    await queued({ author: "Visible seulement connecté" });
    const { status, text } = await page();
    assert.equal(status, 200);
    const document = documentOf(text);
    const input = document.querySelector('input[type="password"]');
    assert.equal(
      document.querySelector(`label[for="${input?.getAttribute("id")}"]`)?.textContent,
      "Mot de passe",
    );
    assert.equal(document.querySelector("form button")?.textContent, "Se connecter");
    assert.doesNotMatch(text, /Visible seulement connecté|Approuver/);
  });

  test("a wrong password shows no queue, sets no cookie, and says so in French", async () => {
    await queued({ author: "Visible seulement connecté" });
    const answer = await login("pas le bon");
    assert.equal(answer.status, 401);
    assert.match(answer.text, /Mot de passe incorrect\./);
    assert.doesNotMatch(answer.text, /Visible seulement connecté|Approuver/);
    assert.deepEqual(answer.headers.getSetCookie(), []);
  });

  test(`failed logins are throttled: after ${LOGIN_FAILURES_ALLOWED}, even the right password gets a French 429 for a while`, async () => {
    for (let attempt = 0; attempt < LOGIN_FAILURES_ALLOWED; attempt++)
      assert.equal((await login(`essai ${attempt}`)).status, 401);
    const blocked = await login();
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Trop de tentatives/);
    assert.deepEqual(blocked.headers.getSetCookie(), []);
  });

  test("a successful login clears the failures counted before it", async () => {
    for (let attempt = 0; attempt < LOGIN_FAILURES_ALLOWED - 1; attempt++) await login("faux");
    await session();
    for (let attempt = 0; attempt < LOGIN_FAILURES_ALLOWED - 1; attempt++) await login("faux");
    assert.equal((await login()).status, 303);
  });

  test("the session cookie is HttpOnly, SameSite=Strict, limited to /moderation; not Secure on http://127.0.0.1", async () => {
    const answer = await login();
    assert.equal(answer.headers.get("location"), "/moderation");
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith("moderation=")) ?? "";
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/moderation(;|$)/);
    assert.doesNotMatch(cookie, /; Secure/);
    assert.match(cookie, /^moderation=[\w-]{43};/);
  });

  test("the queue: grouped by post with its title and link, author, French date, rendered text, parent, marks in French; no e-mail, no script", async () => {
    const reply = await queued({
      parent: "1",
      marks: ["links", "duplicate"],
      url: "https://camille.exemple.fr/",
    });
    const other = await queued({ post: "billet-disparu", author: "Dominique", text: "Sur un billet parti." });
    const { status, text } = await page(await session());
    assert.equal(status, 200);
    const document = documentOf(text);
    const sections = [...document.querySelectorAll("section[aria-labelledby^='article-']")];
    assert.equal(sections.length, 2);
    const link = sections[0]?.querySelector("h3 a");
    assert.equal(link?.getAttribute("href"), `https://www.nouslesgeeks.fr/${SEED_POST}/`);
    assert.match(link?.textContent ?? "", /Le SMO, le nouveau Community Management/);
    assert.match(sections[1]?.querySelector("h3")?.textContent ?? "", /billet-disparu \(article introuvable/);

    const card = document.getElementById(`commentaire-${reply}`)?.closest("article");
    assert.ok(card);
    const cardText = (card.textContent ?? "").replaceAll("\u00A0", " ");
    assert.match(cardText, /Camille/);
    assert.match(cardText, /Reçu le 2 mars 2024 à 10 h 30/);
    assert.match(cardText, /site web : https:\/\/camille\.exemple\.fr\//);
    assert.match(cardText, /En réponse à Hélène \(commentaire 1\) : « .+ »/);
    assert.match(cardText, /Probablement indésirable : plus de 3 liens, texte en double\./);
    assert.match(card.querySelector(".comment-content")?.innerHTML ?? "", /<strong>bon<\/strong>/);
    assert.deepEqual(
      [...card.querySelectorAll("button")].map((button) => button.textContent),
      ["Approuver", "Refuser", "Indésirable"],
    );
    assert.deepEqual(
      [...card.querySelectorAll('input[name="id[]"]')].map((input) => input.getAttribute("value")),
      [String(reply)],
    );
    const all = document.getElementById("tous")?.closest("form");
    assert.deepEqual(
      [...(all?.querySelectorAll('input[name="id[]"]') ?? [])].map((input) => input.getAttribute("value")),
      [String(reply), String(other)],
    );
    assert.deepEqual(
      [...(all?.querySelectorAll("button") ?? [])].map((button) => button.textContent),
      ["Tout approuver", "Tout refuser", "Tout marquer indésirable"],
    );
    for (const form of document.querySelectorAll("form"))
      assert.ok(form.querySelector('input[name="csrf"]'), `a form without CSRF token: ${form.outerHTML}`);
    assert.equal(document.querySelectorAll("script").length, 0);
    assert.doesNotMatch(text, /@exemple\.fr/);
  });

  test("what commenters wrote is escaped, or rendered inert by the comment markdown", async () => {
    for (const [index, body] of Object.values(hostileBodies).entries())
      await queued({ text: body, author: hostileAuthors[index % hostileAuthors.length] ?? "x" });
    const { text } = await page(await session());
    const document = documentOf(text);
    assert.equal(
      document.querySelectorAll("script, iframe, object, embed, style, base, meta[http-equiv]").length,
      0,
    );
    for (const content of document.querySelectorAll(".comment-content"))
      assert.deepEqual(inertnessProblems(content), []);
    assert.equal(document.querySelectorAll("form").length, Object.keys(hostileBodies).length + 2);
  });

  test("the login page and the queue page are valid HTML", async () => {
    await queued({ parent: "1", marks: ["links"] });
    await queued({ post: "billet-disparu" });
    await queue.decide([await queued({ author: "Bloqué" })], "approved");
    const pages = { login: (await page()).text, queue: (await page(await session())).text };
    for (const [name, text] of Object.entries(pages)) {
      const report = await validator.validateString(text, `${name}.html`);
      const messages = report.results.flatMap((result) =>
        result.messages.map((message) => `${name}:${message.line}: ${message.ruleId}: ${message.message}`),
      );
      assert.deepEqual(messages, []);
    }
  });

  test("a POST without the session's CSRF token, or without a session, gets a French 403 and decides nothing", async () => {
    const id = await queued();
    const cookie = await session();
    for (const [body, withCookie] of [
      [decision("", "approuver", [id]), true],
      [decision("jeton-forge", "approuver", [id]), true],
      [decision(csrfOf((await page(cookie)).text), "approuver", [id]), false],
    ] as const) {
      const answer = await post("/moderation/decision", body, withCookie ? cookie : undefined);
      assert.equal(answer.status, 403);
      assert.match(answer.text, /rien n’a été fait/);
    }
    assert.equal((await queue.get(id))?.status, "pending");
    assert.equal((await post("/moderation/reessayer", { csrf: "x" }, cookie)).status, 403);
    assert.equal((await post("/moderation/deconnexion", { csrf: "x" }, cookie)).status, 403);
  });

  test("approving one comment writes its file (no e-mail) and comes back to /moderation with a French status", async () => {
    const id = await queued({ parent: "1" });
    const cookie = await session();
    const answer = await post(
      "/moderation/decision",
      decision(csrfOf((await page(cookie)).text), "approuver", [id]),
      cookie,
    );
    assert.equal(answer.status, 303);
    const location = answer.headers.get("location") ?? "";
    assert.match(location, /^\/moderation\?fait=approuve&ok=1&echecs=0&deja=0$/);
    const file = readFileSync(join(server.project, SEED_COMMENTS, "12.md"), "utf8");
    assert.match(file, /^parent: "1"$/m);
    assert.doesNotMatch(file, /@/);
    const after = await page(cookie, location.slice("/moderation".length));
    assert.equal(statusLine(after.text), "1 commentaire approuvé et publié.");
    assert.doesNotMatch(after.text, new RegExp(`commentaire-${id}"`));
  });

  test("the same three decisions for all comments shown; one arrived since the page was shown is left waiting", async () => {
    const shown = [await queued({ text: "Un." }), await queued({ text: "Deux." })];
    const cookie = await session();
    const csrf = csrfOf((await page(cookie)).text);
    const later = await queued({ text: "Arrivé après." });
    const answer = await post("/moderation/decision", decision(csrf, "indesirable", shown), cookie);
    assert.equal(answer.headers.get("location"), "/moderation?fait=indesirable&ok=2&echecs=0&deja=0");
    assert.deepEqual(await Promise.all([...shown, later].map(async (id) => (await queue.get(id))?.status)), [
      "spam",
      "spam",
      "pending",
    ]);
    const refused = await post(
      "/moderation/decision",
      decision(csrf, "refuser", [later, shown[0] ?? 0]),
      cookie,
    );
    const status = statusLine((await page(cookie, (refused.headers.get("location") ?? "").slice(11))).text);
    assert.equal(
      status,
      "1 commentaire refusé. Un commentaire était déjà décidé (ou n’est plus dans la file) : il est laissé tel quel.",
    );
  });

  test(`a flood is shown ${MAX_SHOWN} at a time, the oldest first, so that the form for all shown stays within the fields a form may have`, async () => {
    const ids: number[] = [];
    for (let n = 0; n < MAX_SHOWN + 20; n++) ids.push(await queued({ text: `Pourriel ${n}` }));
    const cookie = await session();
    const { text } = await page(cookie);
    const document = documentOf(text);
    assert.equal(document.querySelectorAll("article.comment-card").length, MAX_SHOWN);
    assert.match(document.getElementById("en-attente")?.textContent ?? "", /\(120 commentaires\)/);
    assert.match(text, /les 20 autres le seront une fois ceux-ci décidés/);
    const shown = [
      ...(document.getElementById("tous")?.closest("form")?.querySelectorAll('input[name="id[]"]') ?? []),
    ].map((input) => Number(input.getAttribute("value")));
    assert.deepEqual(shown, ids.slice(0, MAX_SHOWN));
    const answer = await post("/moderation/decision", decision(csrfOf(text), "indesirable", shown), cookie);
    assert.equal(
      answer.headers.get("location"),
      `/moderation?fait=indesirable&ok=${MAX_SHOWN}&echecs=0&deja=0`,
    );
    assert.equal((await queue.list(["pending"])).length, 20);
  });

  test("two approvals of one comment at once (two moderators, a double click) write one file", async () => {
    const id = await queued({ text: "Approuvé deux fois à la fois." });
    const cookie = await session();
    const body = decision(csrfOf((await page(cookie)).text), "approuver", [id]);
    const answers = await Promise.all([
      post("/moderation/decision", body, cookie),
      post("/moderation/decision", body, cookie),
    ]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [303, 303],
    );
    const files = [12, 13, 14].filter((n) => existsSync(join(server.project, SEED_COMMENTS, `${n}.md`)));
    const copies = files.filter((n) =>
      readFileSync(join(server.project, SEED_COMMENTS, `${n}.md`), "utf8").includes(
        "Approuvé deux fois à la fois.",
      ),
    );
    assert.equal(copies.length, 1);
  });

  test("a publication that fails stays approved, its reason on the page; “Réessayer” publishes it once the cause is fixed", async () => {
    const id = await queued({ post: "billet-a-venir", text: "En avance." });
    const cookie = await session();
    const answer = await post(
      "/moderation/decision",
      decision(csrfOf((await page(cookie)).text), "approuver", [id]),
      cookie,
    );
    assert.equal(answer.headers.get("location"), "/moderation?fait=approuve&ok=0&echecs=1&deja=0");
    const failed = (await page(cookie, "?fait=approuve&ok=0&echecs=1&deja=0")).text;
    assert.match(statusLine(failed), /Un commentaire approuvé n’a pas pu être publié/);
    const section = documentOf(failed).getElementById("non-publies")?.closest("section");
    assert.match(section?.textContent ?? "", /billet-a-venir/);
    assert.match(section?.textContent ?? "", /n’existe plus/);
    assert.equal((await queue.get(id))?.status, "approved");

    writeFiles(server.project, { "content/posts/billet-a-venir/index.md": postFile("Un billet à venir") });
    const retried = await post("/moderation/reessayer", { csrf: csrfOf(failed) }, cookie);
    assert.equal(retried.headers.get("location"), "/moderation?fait=reessaye&ok=1&echecs=0&deja=0");
    assert.equal((await queue.get(id))?.status, "published");
    assert.ok(existsSync(join(server.project, "content/posts/billet-a-venir/comments/1.md")));
    assert.equal(documentOf((await page(cookie)).text).getElementById("non-publies"), null);
  });

  test("the status line is made of fixed sentences: nothing from the address is shown", async () => {
    const cookie = await session();
    for (const query of ["?fait=<b>piège</b>", "?fait=approuve&ok=<b>2</b>", "?message=Vous+avez+gagné"]) {
      const { text } = await page(cookie, query);
      assert.doesNotMatch(text, /piège|<b>|gagné/, query);
    }
    assert.equal(
      statusLine((await page(cookie, "?fait=approuve&ok=<b>2</b>")).text),
      "0 commentaire approuvé et publié.",
    );
  });

  test("“Se déconnecter” ends the session: its cookie no longer opens the queue", async () => {
    const cookie = await session();
    const answer = await post("/moderation/deconnexion", { csrf: csrfOf((await page(cookie)).text) }, cookie);
    assert.equal(answer.status, 303);
    assert.match(answer.headers.getSetCookie().join("\n"), /^moderation=;/m);
    const after = await page(cookie, "?fait=deconnecte");
    assert.ok(documentOf(after.text).querySelector('input[type="password"]'));
    assert.equal(statusLine(after.text), "Session fermée.");
  });

  test("one log line per request, once answered: its id, method, path without query, status and time", () => {
    const lines = server.log.map(
      (line) =>
        JSON.parse(line) as {
          msg: string;
          reqId?: string;
          req?: { method: string; path: string };
          res?: { status: number };
          responseTime?: number;
        },
    );
    assert.ok(!lines.some((line) => line.msg === "incoming request"));
    const answered = lines.filter((line) => line.msg === "request completed");
    assert.ok(answered.length > 10);
    for (const line of answered) {
      assert.match(line.reqId ?? "", /^[0-9a-f-]{36}$/);
      assert.match(line.req?.method ?? "", /^(GET|POST)$/);
      assert.doesNotMatch(line.req?.path ?? "?", /\?/);
      assert.equal(typeof line.res?.status, "number");
      assert.equal(typeof line.responseTime, "number");
    }
    assert.equal(new Set(answered.map((line) => line.reqId)).size, answered.length);
  });

  test("no e-mail or client address in any log line", () => {
    const messages = server.log.map((line) => (JSON.parse(line) as { msg: string }).msg);
    assert.ok(messages.some((message) => message.startsWith("moderation: ")));
    // The server's own address, where it listens, is no client's.
    const lines = server.log.filter((line) => !/"msg":"Server listening at /.test(line));
    for (const line of lines) assert.doesNotMatch(line, /@exemple\.fr|127\.0\.0\.1|::1/, line);
  });
});

describe("moderation on the web, behind https", () => {
  test("the session cookie is Secure when the public address is not http on this machine", async () => {
    const secure = await startTestServer({
      env: { COMMENTS_ADMIN_PASSWORD: PASSWORD, COMMENTS_URL: "https://commentaires.exemple.fr" },
    });
    try {
      const answer = await postForm(
        `${secure.url}/moderation/connexion`,
        { password: PASSWORD },
        { origin: "https://commentaires.exemple.fr" },
      );
      assert.equal(answer.status, 303);
      assert.match(answer.headers.getSetCookie().join("\n"), /; Secure/);
    } finally {
      await secure.close();
    }
  });

  test("with COMMENTS_ADMIN_PASSWORD_HASH, the password it was made from logs in, another does not", async () => {
    const hashed = await startTestServer({
      env: { COMMENTS_ADMIN_PASSWORD_HASH: await hashAdminPassword(PASSWORD) },
    });
    try {
      const login = (password: string) =>
        postForm(`${hashed.url}/moderation/connexion`, { password }, { origin: hashed.url });
      assert.equal((await login(`${PASSWORD}!`)).status, 401);
      assert.equal((await login(PASSWORD)).status, 303);
      assert.ok(!hashed.log.some((line) => line.includes("in clear")));
    } finally {
      await hashed.close();
    }
  });

  test("without COMMENTS_ADMIN_PASSWORD, the page says moderation is off and has no form", async () => {
    const off = await startTestServer();
    try {
      const response = await fetch(`${off.url}/moderation`);
      assert.equal(response.status, 503);
      const text = await response.text();
      assert.match(text, /désactivée/);
      assert.equal(documentOf(text).querySelectorAll("form").length, 0);
    } finally {
      await off.close();
    }
  });
});

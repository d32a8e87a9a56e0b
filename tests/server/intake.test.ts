// The intake server as a reader meets it, through a real socket: reply page, preview,
// publication, and every refusal with its French answer and nothing the reader typed lost.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { BODY_LIMIT_BYTES } from "../../src/comment-server/app.ts";
import { openQueueDatabase } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import {
  aReader,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type Fields,
  type TestServer,
} from "../helpers/comment-server.ts";
import { commentFile, postFile, temporaryProject, removeDir } from "../helpers/site.ts";
import { parseHTML } from "linkedom";
import { COMMENTED_PAGE, pagesContent } from "../fixtures/pages-project.ts";

function documentOf(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}

// linkedom leaves a textarea's character references as written (a browser decodes them).
function decodeReferences(text: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };
  return text.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => named[name] ?? "");
}

/** The value of a form field on a page (a textarea's text). */
function fieldValue(page: string, name: string): string | undefined {
  const element = documentOf(page).querySelector(`[name="${name}"]`);
  if (!element) return undefined;
  return element.tagName === "TEXTAREA"
    ? decodeReferences(element.innerHTML).replace(/^\n/, "")
    : (element.getAttribute("value") ?? "");
}

/** The message shown beside a field: the element its aria-describedby names that says what is wrong. */
function fieldError(page: string, name: string): string {
  const document = documentOf(page);
  const field = document.querySelector(`[name="${name}"]`);
  assert.ok(field, `no field ${name}`);
  assert.equal(field.getAttribute("aria-invalid"), "true", `${name} is not marked invalid`);
  const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

async function queued(server: TestServer) {
  const db = await openQueueDatabase(server.databasePath);
  try {
    return await new CommentQueue(db).list(["pending", "approved", "published", "rejected", "spam"]);
  } finally {
    await db.destroy();
  }
}

describe("intake server: a reader's comment", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("the reply page quotes the comment answered and holds a form with that parent", async () => {
    const response = await fetch(`${server.url}/repondre/${SEED_POST}/1`);
    assert.equal(response.status, 200);
    const page = await response.text();
    const document = documentOf(page);
    assert.match(document.querySelector("h1")?.textContent ?? "", /Répondre à Hélène/);
    assert.match(document.querySelector("blockquote")?.textContent ?? "", /coquille/);
    assert.equal(fieldValue(page, "parent"), "1");
    assert.equal(fieldValue(page, "post"), SEED_POST);
    assert.equal(document.querySelector("form")?.getAttribute("action"), `${server.url}/apercu`);
    assert.match(response.headers.get("content-security-policy") ?? "", /form-action 'self'/);
    assert.equal(document.querySelectorAll("script").length, 0);
  });

  test("an unknown comment or post to reply to gets a French 404", async () => {
    for (const path of [`/repondre/${SEED_POST}/999`, "/repondre/pas-un-article/1", "/nulle-part"]) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /introuvable/, path);
    }
  });

  test("the preview shows the comment rendered as on the page, the fields still editable, and a token", async () => {
    const fields: Fields = {
      ...aReader,
      comment: "Un **avis** <script>alert(1)</script> et https://exemple.fr",
    };
    const { status, text } = await postForm(`${server.url}/apercu`, fields);
    assert.equal(status, 200);
    const preview = documentOf(text).querySelector(".comment-preview");
    assert.ok(preview);
    assert.match(preview.innerHTML, /<strong>avis<\/strong>/);
    assert.doesNotMatch(preview.innerHTML, /<script/);
    assert.match(preview.innerHTML, /rel="nofollow ugc"/);
    assert.equal(fieldValue(text, "comment"), fields.comment);
    assert.equal(fieldValue(text, "email"), fields.email);
    assert.match(fieldValue(text, "token") ?? "", /^\d+\.[\w-]{43}$/);
    assert.match(text, /Publier le commentaire/);
  });

  test("published with a valid token: the thanks page links back to the post, and the comment is queued once", async () => {
    const fields: Fields = { ...aReader, comment: "Publié une seule fois, même cliqué deux fois." };
    const token = tokenMadeAgo(fields, 5_000);
    const first = await postForm(`${server.url}/publier`, { ...fields, token });
    assert.equal(first.status, 200);
    assert.match(first.text, /Merci[\u00A0\u202F]! Votre commentaire est en attente de modération\./);
    assert.ok(documentOf(first.text).querySelector(`a[href="${SITE_ORIGIN}/${SEED_POST}/"]`));
    const second = await postForm(`${server.url}/publier`, { ...fields, token });
    assert.equal(second.status, 200);
    const mine = (await queued(server)).filter((comment) => comment.text === fields.comment);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.status, "pending");
    assert.equal(mine[0]?.email, fields.email);
    assert.ok(
      !server.log.some((line) => line.includes(fields.email ?? "-")),
      "the e-mail reached a log line",
    );
  });

  test("a forged, expired or too-fast token is refused, with a new preview and everything kept", async () => {
    const fields = { ...aReader, comment: "Jeton à refuser." };
    const cases: Array<[string, string, RegExp]> = [
      ["forged", `${Date.now() - 10_000}.${"A".repeat(43)}`, /a changé depuis son aperçu/],
      ["edited", tokenMadeAgo({ ...fields, comment: "Autre texte." }, 10_000), /a changé depuis son aperçu/],
      ["expired", tokenMadeAgo(fields, 25 * 60 * 60 * 1000), /plus d’un jour/],
      ["too fast", tokenMadeAgo(fields, 500), /quelques secondes/],
    ];
    for (const [name, token, notice] of cases) {
      const { status, text } = await postForm(`${server.url}/publier`, { ...fields, token });
      assert.equal(status, 400, name);
      assert.match(text, notice, name);
      assert.equal(fieldValue(text, "comment"), fields.comment, name);
    }
    assert.equal((await queued(server)).filter((comment) => comment.text === fields.comment).length, 0);
  });

  test("an origin other than the site's or the server's own is refused", async () => {
    const cases: Array<Record<string, string>> = [{}, { origin: "https://spam.example" }, { origin: "null" }];
    for (const headers of cases) {
      const { status, text } = await postForm(`${server.url}/apercu`, aReader, headers);
      assert.equal(status, 403, JSON.stringify(headers));
      assert.match(text, /Envoi refusé/);
    }
    assert.equal((await postForm(`${server.url}/apercu`, aReader, { origin: server.url })).status, 200);
  });
});

describe("intake server: bad input gets its answer beside its field, nothing lost", () => {
  let server: TestServer;
  let project: string;
  before(async () => {
    project = temporaryProject({
      "content/posts/ouvert/index.md": postFile("Ouvert"),
      "content/posts/ouvert/comments/1.md": commentFile({
        author: "Greg",
        date: "2024-03-02T10:00:00+01:00",
      }),
      "content/posts/ouvert/comments/2.md": commentFile(
        { date: "2024-03-02T11:00:00+01:00", withdrawn: "true" },
        "",
      ),
      "content/posts/ferme/index.md": postFile("Fermé", "comments: closed\n"),
    });
    server = await startTestServer({ project });
  });
  after(async () => {
    await server.close();
    removeDir(project);
  });

  const base: Fields = { ...aReader, post: "ouvert" };
  const refusals: Array<[string, Fields, string, RegExp]> = [
    ["a missing name", { author: "  " }, "author", /indiquer votre nom/],
    ["a missing comment", { comment: "" }, "comment", /écrire votre commentaire/],
    ["an invalid e-mail address", { email: "zoe@" }, "email", /n’est pas valide/],
    ["a missing e-mail address", { email: "" }, "email", /ne sera pas publiée/],
    ["a web site that is not http(s)", { url: "javascript:alert(1)" }, "url", /http:\/\/ ou https:\/\//],
    [
      "a comment over 10,000 code points",
      { comment: "😀".repeat(10_001) },
      "comment",
      /10\u202F001 caractères/,
    ],
  ];
  for (const [name, change, field, message] of refusals) {
    test(`${name}: 400, the message beside the field, the rest kept`, async () => {
      const fields = { ...base, ...change };
      const { status, text } = await postForm(`${server.url}/apercu`, fields);
      assert.equal(status, 400);
      assert.match(fieldError(text, field), message);
      for (const kept of ["comment", "author", "email", "url"] as const)
        assert.equal(fieldValue(text, kept), fields[kept], `${kept} was not kept`);
    });
  }

  test("10,000 emoji (20,000 UTF-16 units) are not too long", async () => {
    const { status } = await postForm(`${server.url}/apercu`, { ...base, comment: "😀".repeat(10_000) });
    assert.equal(status, 200);
  });

  const postRefusals: Array<[string, Fields, RegExp]> = [
    ["an unknown post", { post: "nulle-part" }, /n’existe pas/],
    ["a closed post", { post: "ferme" }, /commentaires sont fermés/],
    ["a parent that does not exist in that post", { parent: "42" }, /n’existe pas \(ou plus\)/],
  ];
  for (const [name, change, message] of postRefusals) {
    test(`${name}: 400 with the message and the comment kept`, async () => {
      const fields = { ...base, ...change };
      const { status, text } = await postForm(`${server.url}/apercu`, fields);
      assert.equal(status, 400);
      assert.match(documentOf(text).querySelector("form")?.textContent ?? "", message);
      assert.equal(fieldValue(text, "comment"), fields.comment);
    });
  }

  test("a withdrawn comment cannot be answered: its reply page says so, a reply to it is refused", async () => {
    const response = await fetch(`${server.url}/repondre/ouvert/2`);
    assert.equal(response.status, 410);
    assert.match(await response.text(), /a été retiré/);
    const { status, text } = await postForm(`${server.url}/apercu`, { ...base, parent: "2" });
    assert.equal(status, 400);
    assert.match(documentOf(text).querySelector("form")?.textContent ?? "", /n’existe pas \(ou plus\)/);
  });

  test("the reply page of a closed post says comments are closed", async () => {
    const response = await fetch(`${server.url}/repondre/ferme/1`);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /commentaires sont fermés/);
  });

  test("a reply to an existing comment previews", async () => {
    const { status, text } = await postForm(`${server.url}/apercu`, { ...base, parent: "1" });
    assert.equal(status, 200);
    assert.match(text, /en réponse à <bdi>Greg<\/bdi>/);
  });

  test("the honeypot filled: refused, nothing queued, the comment kept", async () => {
    const fields = { ...base, comment: "Pot de miel.", telephone: "0102030405" };
    for (const path of ["/apercu", "/publier"]) {
      const { status, text } = await postForm(`${server.url}${path}`, {
        ...fields,
        token: tokenMadeAgo(fields, 5_000),
      });
      assert.equal(status, 400, path);
      assert.equal(fieldValue(text, "comment"), fields.comment);
      assert.equal(fieldValue(text, "telephone"), "");
    }
    assert.equal((await queued(server)).filter((comment) => comment.text === fields.comment).length, 0);
  });

  test("malformed bodies get a French 400, 413 or 415 page, never a stack trace", async () => {
    const cases: Array<[string, string, Record<string, string>, number]> = [
      ["a stray %", "comment=100%&author=x", {}, 400],
      ["invalid UTF-8", "comment=%C3%28&author=x", {}, 400],
      ["too many fields", Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join("&"), {}, 400],
      ["a body over 256 KB", `comment=${"a".repeat(BODY_LIMIT_BYTES)}`, {}, 413],
      ["JSON", '{"comment":"x"}', { "content-type": "application/json" }, 415],
    ];
    for (const [name, body, headers, status] of cases) {
      const response = await fetch(`${server.url}/apercu`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE_ORIGIN, ...headers },
        body,
      });
      assert.equal(response.status, status, name);
      const text = await response.text();
      assert.match(response.headers.get("content-type") ?? "", /text\/html/, name);
      assert.match(text, /<html lang="fr">/, name);
      assert.doesNotMatch(text, /at .*\.ts:\d+|Error:/, name);
    }
  });
});

describe("intake server: spam layers", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  async function publish(fields: Fields, headers?: Record<string, string>) {
    return postForm(`${server.url}/publier`, { ...fields, token: tokenMadeAgo(fields, 5_000) }, headers);
  }

  test("more than 3 links, or a text already queued or published on the post, is queued marked", async () => {
    const links = { ...aReader, comment: "https://a.fr https://b.fr https://c.fr https://d.fr" };
    const three = { ...aReader, comment: "https://a.fr https://b.fr https://c.fr trois liens" };
    const first = { ...aReader, comment: "Deux fois le même texte." };
    const again = { ...aReader, author: "Autre", comment: "deux fois  le même texte." };
    // David's answer to Hélène, as published on the seed post.
    const file = readFileSync(join(server.project, "content/posts", SEED_POST, "comments/4.md"), "utf8");
    const published = { ...aReader, comment: file.split("---\n")[2] ?? "" };
    for (const fields of [links, three, first, again, published])
      assert.equal(
        (await publish(fields, { origin: SITE_ORIGIN, "x-forwarded-for": "203.0.113.9" })).status,
        200,
      );
    const marksOf = async (text: string) =>
      (await queued(server)).find((comment) => comment.text === text)?.marks;
    assert.deepEqual(await marksOf(links.comment ?? ""), ["links"]);
    assert.deepEqual(await marksOf(three.comment ?? ""), []);
    assert.deepEqual(await marksOf(first.comment ?? ""), []);
    assert.deepEqual(await marksOf(again.comment ?? ""), ["duplicate"]);
    assert.deepEqual(await marksOf((published.comment ?? "").trim()), ["duplicate"]);
  });
});

describe("intake server: the rate limit", () => {
  test("5 publications per 10 minutes per client, then a French 429 with the text kept", async () => {
    const server = await startTestServer();
    try {
      for (let i = 1; i <= 5; i++) {
        const fields = { ...aReader, comment: `Commentaire numéro ${i}.` };
        assert.equal(
          (await postForm(`${server.url}/publier`, { ...fields, token: tokenMadeAgo(fields, 5_000) })).status,
          200,
        );
      }
      const sixth = { ...aReader, comment: "Le sixième." };
      const refused = await postForm(`${server.url}/publier`, {
        ...sixth,
        token: tokenMadeAgo(sixth, 5_000),
      });
      assert.equal(refused.status, 429);
      assert.match(refused.text, /dizaine de minutes/);
      assert.equal(fieldValue(refused.text, "comment"), sixth.comment);
    } finally {
      await server.close();
    }
  });

  test("previews count too; without a trusted proxy, X-Forwarded-For changes nothing", async () => {
    const server = await startTestServer();
    try {
      for (let i = 0; i < 20; i++) {
        const headers = { origin: SITE_ORIGIN, "x-forwarded-for": `198.51.100.${i}` };
        assert.equal((await postForm(`${server.url}/apercu`, aReader, headers)).status, 200);
      }
      const headers = { origin: SITE_ORIGIN, "x-forwarded-for": "198.51.100.200" };
      assert.equal((await postForm(`${server.url}/apercu`, aReader, headers)).status, 429);
    } finally {
      await server.close();
    }
  });

  test("behind a trusted proxy, each forwarded client has its own limit, and no address is stored", async () => {
    const server = await startTestServer({ env: { COMMENTS_TRUST_PROXY: "127.0.0.1" } });
    try {
      for (let i = 0; i < 20; i++)
        assert.equal(
          (
            await postForm(`${server.url}/apercu`, aReader, {
              origin: SITE_ORIGIN,
              "x-forwarded-for": "198.51.100.7",
            })
          ).status,
          200,
        );
      assert.equal(
        (
          await postForm(`${server.url}/apercu`, aReader, {
            origin: SITE_ORIGIN,
            "x-forwarded-for": "198.51.100.7",
          })
        ).status,
        429,
      );
      assert.equal(
        (
          await postForm(`${server.url}/apercu`, aReader, {
            origin: SITE_ORIGIN,
            "x-forwarded-for": "198.51.100.8",
          })
        ).status,
        200,
      );
      const bytes =
        readFileSync(server.databasePath).toString("latin1") +
        readFileSync(`${server.databasePath}-wal`).toString("latin1");
      assert.ok(!bytes.includes("198.51.100.7"), "a client's address is in the database");
    } finally {
      await server.close();
    }
  });
});

describe("intake server: comments on a page", () => {
  let server: TestServer;
  let project: string;
  before(async () => {
    project = temporaryProject(pagesContent());
    server = await startTestServer({ project });
  });
  after(async () => {
    await server.close();
    removeDir(project);
  });

  test("a page's comment is answered, previewed and queued like a post's, the page's address kept", async () => {
    const [first] = readdirSync(join(project, "content/pages", COMMENTED_PAGE, "comments")).sort();
    const id = (first ?? "").replace(/\.md$/, "");
    const reply = await fetch(`${server.url}/repondre/${encodeURIComponent(COMMENTED_PAGE)}/${id}`);
    assert.equal(reply.status, 200);
    const page = await reply.text();
    assert.equal(fieldValue(page, "post"), COMMENTED_PAGE);
    const fields: Fields = { ...aReader, post: COMMENTED_PAGE, parent: id, comment: "Sur une page." };
    assert.equal((await postForm(`${server.url}/apercu`, fields)).status, 200);
    const thanks = await postForm(`${server.url}/publier`, { ...fields, token: tokenMadeAgo(fields, 5_000) });
    assert.equal(thanks.status, 200);
    assert.ok(documentOf(thanks.text).querySelector(`a[href="${SITE_ORIGIN}/${COMMENTED_PAGE}/"]`));
    assert.equal(
      (await queued(server)).find((comment) => comment.text === "Sur une page.")?.post,
      COMMENTED_PAGE,
    );
  });

  test("a path that is no page is no post either", async () => {
    const { status } = await postForm(`${server.url}/apercu`, { ...aReader, post: "a-propos/../../etc" });
    assert.equal(status, 400);
  });
});

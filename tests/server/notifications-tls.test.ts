// E-mail notifications go through SMTP encrypted (STARTTLS), to a server whose certificate
// is checked. The loopback SMTP server (tests/helpers/smtp.ts) offers STARTTLS with a
// certificate signed by a private CA made here with Debian's openssl (node's crypto makes
// keys, not certificates), and accepts a login only once encrypted. The settings are as an
// operator writes them (COMMENTS_SMTP_URL=smtp://user:password@host:port, nothing about
// TLS): the intake server trusts that CA only because its process starts with
// NODE_EXTRA_CA_CERTS, as an operator's would for a private CA; without it, it refuses
// the certificate and sends nothing.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  aReader,
  postForm,
  SITE_ORIGIN,
  startTestServer,
  tokenMadeAgo,
  type Fields,
} from "../helpers/comment-server.ts";
import { proxiedServerEnv, serverProcess } from "../helpers/comment-server-process.ts";
import { freePort } from "../helpers/http.ts";
import { removeDir, temporaryDir, temporaryProject } from "../helpers/site.ts";
import { TestSmtpServer, to, type SmtpCertificate } from "../helpers/smtp.ts";

const OPENSSL = "/usr/bin/openssl";
const MODERATOR = "moderation@nouslesgeeks.fr";
const SUBSCRIBER = "zoe@exemple.fr";
const SMTP_PASSWORD = "mot-de-passe-smtp";
const MAIL_ENV = {
  COMMENTS_MAIL_FROM: "Nous les geeks <commentaires@nouslesgeeks.fr>",
  COMMENTS_MODERATOR_EMAIL: MODERATOR,
};

/** Why these tests cannot run here, or false when they can. Throws under CI=true, as the browser tests do. */
function opensslSkipReason(): string | false {
  if (existsSync(OPENSSL)) return false;
  const message = `${OPENSSL} is missing: install Debian's openssl to run the STARTTLS tests`;
  if (process.env.CI === "true") throw new Error(message);
  return message;
}

/** A private CA (the file of its certificate, to trust) and a certificate it signed for 127.0.0.1, valid a day. */
function privateCertificate(dir: string): { caFile: string; certificate: SmtpCertificate } {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync(OPENSSL, args, { stdio: ["ignore", "ignore", "pipe"] });
  const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  openssl(
    "req",
    "-x509",
    ...newKey,
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
    "-days",
    "1",
    "-subj",
    "/CN=Autorite de test des commentaires",
  );
  openssl(
    "req",
    ...newKey,
    "-keyout",
    file("smtp.key"),
    "-out",
    file("smtp.csr"),
    "-subj",
    "/CN=127.0.0.1",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    file("smtp.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-set_serial",
    "1",
    "-days",
    "1",
    "-copy_extensions",
    "copy",
    "-out",
    file("smtp.pem"),
  );
  return {
    caFile: file("ca.pem"),
    certificate: {
      key: readFileSync(file("smtp.key"), "utf8"),
      cert: readFileSync(file("smtp.pem"), "utf8"),
    },
  };
}

/** A reader's comment, published after its preview, asking for the replies by e-mail. */
function publish(serverUrl: string, comment: string) {
  const fields: Fields = { ...aReader, email: SUBSCRIBER, comment, notify: "1" };
  return postForm(
    `${serverUrl}/publier`,
    { ...fields, token: tokenMadeAgo(fields, 5_000) },
    { origin: SITE_ORIGIN, "x-forwarded-for": "203.0.113.7" },
  );
}

const skip = opensslSkipReason();

describe("notifications through SMTP with STARTTLS", { skip, timeout: 120_000 }, () => {
  let dir: string;
  let caFile: string;
  let smtp: TestSmtpServer;
  before(async () => {
    dir = temporaryDir("smtp-tls");
    const made = privateCertificate(dir);
    caFile = made.caFile;
    smtp = await TestSmtpServer.start(made.certificate);
  });
  after(async () => {
    await smtp?.stop();
    if (dir) removeDir(dir);
  });

  test("go encrypted, logged in after STARTTLS, to a server whose certificate a CA the intake server trusts signed", async () => {
    const project = temporaryProject("seed");
    const env = {
      ...proxiedServerEnv(join(dir, "comments.db")),
      ...MAIL_ENV,
      COMMENTS_SMTP_URL: smtp.url("blog", SMTP_PASSWORD),
      NODE_EXTRA_CA_CERTS: caFile,
    };
    const server = await serverProcess(project, env, await freePort());
    try {
      const thanks = await publish(server.url, "Envoyé par un canal chiffré.");
      assert.equal(thanks.status, 200, thanks.text);
      const moderator = await smtp.next(to(MODERATOR));
      const confirmation = await smtp.next(to(SUBSCRIBER));
      assert.equal(moderator.secure, true, "the moderator's e-mail came over TLS");
      assert.equal(confirmation.secure, true, "the confirmation came over TLS");
      // The SMTP server refuses AUTH before STARTTLS: each login was encrypted.
      assert.ok(smtp.logins.length >= 1 && smtp.logins.every((user) => user === "blog"), smtp.logins.join());
    } finally {
      await server.stop();
      removeDir(project);
    }
  });

  test("refuse a certificate that no CA the intake server trusts signed: nothing sent, the log says why and names no one", async () => {
    const received = smtp.received.length;
    const logins = smtp.logins.length;
    const server = await startTestServer({
      env: { ...MAIL_ENV, COMMENTS_SMTP_URL: smtp.url("blog", SMTP_PASSWORD) },
    });
    try {
      assert.equal((await publish(server.url, "Refusé faute de certificat reconnu.")).status, 200);
      const failed = /mail: moderator e-mail for comment \d+ not sent \(attempt 1\): ([^"]*)/;
      for (let waited = 0; !server.log.some((line) => failed.test(line)); waited += 50) {
        assert.ok(waited < 10_000, `no failed attempt logged:\n${server.log.join("\n")}`);
        await sleep(50);
      }
      const reason = server.log.map((line) => failed.exec(line)?.[1]).find(Boolean) ?? "";
      assert.match(reason, /certificate/i);
      assert.equal(smtp.received.length, received, "no e-mail arrived");
      assert.equal(smtp.logins.length, logins, "the password was never sent");
      for (const secret of [SUBSCRIBER, MODERATOR, SMTP_PASSWORD, "203.0.113.7"])
        assert.ok(!server.log.some((line) => line.includes(secret)), `the log holds ${secret}`);
    } finally {
      await server.close();
    }
  });
});

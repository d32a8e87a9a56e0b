// A real SMTP server on loopback for the tests (the `smtp-server` package): it accepts
// every message, with or without authentication, and keeps what arrived, raw and parsed
// (mailparser). It can be stopped and started again on the same port, to play an SMTP
// server that is down for a while. Given a certificate, it offers STARTTLS and accepts a
// login only once the connection is encrypted, as a real provider does.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./http.ts";

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), whatever the headers say. */
  recipients: string[];
  /** The message as it came, headers and body. */
  raw: string;
  parsed: ParsedMail;
  /** The raw header block, unfolded: one header per line. */
  headerLines: string[];
  /** Whether it came over TLS (after STARTTLS). */
  secure: boolean;
}

/** A certificate and its key (PEM), for STARTTLS. */
export interface SmtpCertificate {
  key: string;
  cert: string;
}

export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** The user name of each successful login (AUTH), in order. */
  readonly logins: string[] = [];
  private server: SMTPServer | undefined;

  private constructor(
    readonly port: number,
    private readonly certificate?: SmtpCertificate,
  ) {}

  static async start(certificate?: SmtpCertificate): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(await freePort(), certificate);
    await smtp.listen();
    return smtp;
  }

  /** smtp://user:password@127.0.0.1:<port> */
  url(user = "blog", password = "mot-de-passe-smtp"): string {
    return `smtp://${user}:${password}@127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const tls = this.certificate;
    const server = new SMTPServer({
      authOptional: true,
      ...(tls
        ? { key: tls.key, cert: tls.cert, allowInsecureAuth: false }
        : // No TLS otherwise: nodemailer would upgrade to a certificate it refuses.
          { allowInsecureAuth: true, disabledCommands: ["STARTTLS"] }),
      logger: false,
      onAuth: (auth, _session, callback) => {
        this.logins.push(auth.username ?? "");
        callback(null, { user: auth.username });
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const headerBlock = raw.split(/\r?\n\r?\n/)[0] ?? "";
          void simpleParser(raw).then((parsed) => {
            this.received.push({
              recipients: session.envelope.rcptTo.map((recipient) => recipient.address),
              raw,
              parsed,
              headerLines: headerBlock.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/),
              secure: session.secure,
            });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  /** Stops listening (and drops the connections open): an SMTP server that is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every message received so far that `matches`. */
  all(matches: (mail: ReceivedMail) => boolean): ReceivedMail[] {
    return this.received.filter(matches);
  }

  /** The first message received that `matches`, waiting for it up to `timeoutMs`. */
  async next(matches: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such e-mail within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A message to `address`. */
export function to(address: string): (mail: ReceivedMail) => boolean {
  return (mail) => mail.recipients.includes(address);
}

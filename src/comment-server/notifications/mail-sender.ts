// Sends what the outbox holds, in the background, through SMTP (nodemailer): woken when
// this process queues an e-mail, and otherwise looking again when the next one is due,
// at least every half minute (for those queued by `comments:moderate` or another
// instance). A failure leaves the e-mail in the outbox for a retry after a backoff
// (./outbox.ts); nothing a reader or a moderator waits for waits for it.
//
// Messages are built from nodemailer's structured fields only (addresses as objects,
// the subject through ./header-text.ts, the list header through `list`): no header is
// ever written from a string a commenter typed. No log line holds an address.
import { createTransport, type SendMailOptions, type Transporter } from "nodemailer";
import { failureText } from "./failure-text.ts";
import { headerText } from "./header-text.ts";
import type { MailMessage } from "./mail-messages.ts";
import type { MailSettings } from "./mail-settings.ts";
import type { MailOutbox, OutboxEntry } from "./outbox.ts";

/** The longest wait between two looks at the outbox. */
const POLL_MS = 30_000;
/** E-mails taken at once. */
const BATCH = 10;

export interface MailSenderOptions {
  outbox: MailOutbox;
  settings: MailSettings;
  /** The e-mail an entry stands for now, or undefined when it has nothing left to tell (./compose-mail.ts). */
  compose: (entry: OutboxEntry) => Promise<MailMessage | undefined>;
  log: (line: string) => void;
}

/** What the log says of an e-mail: its kind and comment, never whom it goes to. */
function described(entry: OutboxEntry): string {
  return entry.comment_id === null
    ? `${entry.kind} e-mail`
    : `${entry.kind} e-mail for comment ${entry.comment_id}`;
}

/** The message nodemailer sends: structured fields, one-line header values. */
function nodemailerMessage(settings: MailSettings, message: MailMessage): SendMailOptions {
  const from = settings.from.name
    ? { name: headerText(settings.from.name), address: settings.from.address }
    : { address: settings.from.address };
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  const mail: SendMailOptions = {
    from,
    to: message.to.map((address) => ({ address })),
    subject: headerText(message.subject),
    text: message.text,
    headers,
  };
  if (message.unsubscribeUrl !== undefined) {
    mail.list = { unsubscribe: message.unsubscribeUrl };
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return mail;
}

export class MailSender {
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: MailSenderOptions) {
    this.transport = createTransport({
      url: options.settings.smtpUrl,
      // A server that does not answer fails the attempt in seconds, not minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Looks at the outbox now (or once the look under way ends). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Stops looking; resolves once the e-mail being sent, if any, is done with. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private async run(): Promise<void> {
    const { outbox, log } = this.options;
    try {
      for (;;) {
        const entries = await outbox.take(BATCH);
        for (const entry of entries) await this.send(entry);
        if (entries.length < BATCH || this.closed) break;
      }
      this.schedule(await outbox.nextDue());
    } catch (error) {
      // The database itself failed (PostgreSQL restarting…): look again later.
      log(`mail: outbox unavailable: ${failureText(error)}`);
      this.schedule(undefined);
    }
  }

  private schedule(due: number | undefined): void {
    if (this.closed) return;
    const wait = due === undefined ? POLL_MS : Math.min(Math.max(due - Date.now(), 0), POLL_MS);
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private async send(entry: OutboxEntry): Promise<void> {
    const { outbox, compose, settings, log } = this.options;
    const message = await compose(entry);
    if (!message) {
      await outbox.drop(entry.key);
      log(`mail: ${described(entry)} dropped, nothing left to tell`);
      return;
    }
    try {
      await this.transport.sendMail(nodemailerMessage(settings, message));
    } catch (error) {
      const reason = failureText(error);
      const next = await outbox.markFailed(entry, reason);
      log(
        `mail: ${described(entry)} not sent (attempt ${entry.attempts + 1}): ${reason}; next attempt in ${Math.round((next - Date.now()) / 1000)} s`,
      );
      return;
    }
    await outbox.markSent(entry.key);
    log(`mail: ${described(entry)} sent`);
  }
}

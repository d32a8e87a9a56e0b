// The e-mail settings from the environment (README, "Notifications"): COMMENTS_SMTP_URL,
// the SMTP server to send through; COMMENTS_MAIL_FROM, the sender; COMMENTS_MODERATOR_EMAIL,
// who is told of each comment waiting. Without COMMENTS_SMTP_URL no e-mail is sent, and
// the other two are refused as having no effect (as COMMENTS_GIT_AUTHOR is without
// COMMENTS_PUBLISH=git). A bad value stops the server at start in one line naming the
// variable, never repeating its value: the URL may hold a password, the others addresses.

export interface MailAddress {
  name?: string;
  address: string;
}

export interface MailSettings {
  /** smtp://user:pass@host:587 or smtps://…: given to nodemailer as is. */
  smtpUrl: string;
  from: MailAddress;
  /** Who is told of each comment waiting; none: no such e-mail. */
  moderators: string[];
}

// An address as a mail header can carry it: no space, no angle bracket, no comma, one @.
const ADDRESS = /^[^\s<>,@"]+@[^\s<>,@"]+\.[^\s<>,@"]+$/;
// "Nom <adresse>", the name on one line.
const NAMED_ADDRESS = /^([^<>\r\n]*?)\s*<([^<>]*)>$/;

function smtpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("COMMENTS_SMTP_URL: not an address (e.g. smtp://user:password@smtp.exemple.fr:587)");
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "")
    throw new Error(
      "COMMENTS_SMTP_URL: expected smtp://… or smtps://… with a host (e.g. smtp://user:password@smtp.exemple.fr:587)",
    );
  return value;
}

function sender(value: string): MailAddress {
  const named = NAMED_ADDRESS.exec(value);
  const address = (named ? named[2] : value)?.trim() ?? "";
  if (!ADDRESS.test(address))
    throw new Error(
      'COMMENTS_MAIL_FROM: expected an address, or "Name <address>" (e.g. Nous les geeks <commentaires@exemple.fr>)',
    );
  const name = named?.[1]?.trim();
  return name ? { name, address } : { address };
}

function moderators(value: string): string[] {
  const addresses = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (addresses.some((address) => !ADDRESS.test(address)))
    throw new Error(
      "COMMENTS_MODERATOR_EMAIL: expected one address, or several separated by commas (e.g. moderation@exemple.fr)",
    );
  return addresses;
}

/** The settings, or undefined when no e-mail is to be sent; throws a one-line Error naming the variable. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettings | undefined {
  const url = env.COMMENTS_SMTP_URL?.trim() ?? "";
  const from = env.COMMENTS_MAIL_FROM?.trim() ?? "";
  const moderator = env.COMMENTS_MODERATOR_EMAIL?.trim() ?? "";
  if (url === "") {
    const unused = from !== "" ? "COMMENTS_MAIL_FROM" : moderator !== "" ? "COMMENTS_MODERATOR_EMAIL" : "";
    if (unused !== "") throw new Error(`${unused}: has no effect without COMMENTS_SMTP_URL`);
    return undefined;
  }
  if (from === "")
    throw new Error(
      "COMMENTS_MAIL_FROM: must be set with COMMENTS_SMTP_URL (e.g. Nous les geeks <commentaires@exemple.fr>)",
    );
  return { smtpUrl: smtpUrl(url), from: sender(from), moderators: moderators(moderator) };
}

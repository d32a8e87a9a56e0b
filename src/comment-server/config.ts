// The intake server's settings, read once from the environment, each checked with a
// one-line message naming the variable. SITE_URL and PATH_PREFIX are read as the build
// reads them, so the server's links back to the site are the site's own addresses.
import { isIP } from "node:net";
import { siteMetadata } from "../site/metadata.ts";
import { homeUrl, pathPrefixFromEnv } from "../site/path-prefix.ts";
import { publisherOptionsFromEnv, type PublisherOptions } from "./publishing/index.ts";
import { mailSettingsFromEnv, type MailSettings } from "./notifications/mail-settings.ts";
import { isAdminPasswordHash, type AdminPassword } from "./admin-password.ts";
import { queueDatabasePath } from "./store/database-path.ts";

export interface ServerConfig {
  projectRoot: string;
  host: string;
  port: number;
  /** Signs preview tokens and keys the hashes of client addresses. */
  secret: string;
  databasePath: string;
  adminPassword?: AdminPassword;
  /** Writes share durable commits (group commit); COMMENTS_GROUP_COMMIT=0 turns it off, for the benchmark. */
  groupCommit: boolean;
  /** Settings that work but should not be used as they are (a clear password), for the log. */
  warnings: string[];
  /** The site's home page, path prefix included: links back to the site. */
  siteHome: string;
  /** The server's public address (COMMENTS_URL), no trailing slash. */
  publicUrl: string;
  /** Origins whose forms may post here: the site's, the server's own, and the dev server's (COMMENTS_DEV_ORIGIN, set by `npm start`). */
  allowedOrigins: ReadonlySet<string>;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). */
  trustedProxies: readonly string[];
  /** How approved comments are published (COMMENTS_PUBLISH, COMMENTS_GIT_*, COMMENTS_REBUILD). */
  publishing: PublisherOptions;
  /** E-mail notifications (COMMENTS_SMTP_URL, COMMENTS_MAIL_FROM, COMMENTS_MODERATOR_EMAIL); none: no e-mail is sent. */
  mail?: MailSettings;
}

export class ConfigError extends Error {}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    throw new ConfigError(`COMMENTS_PORT: "${value}" is not a port number (0 to 65535)`);
  return number;
}

function originOf(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${variable}: "${value}" is not an absolute address (e.g. https://commentaires.exemple.fr)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(`${variable}: "${value}" must start with http:// or https://`);
  return url.origin;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function trustedProxies(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const badBits = bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || badBits)
      throw new ConfigError(
        `COMMENTS_TRUST_PROXY: "${entry}" is not an address or range (e.g. 127.0.0.1 or 10.0.0.0/8)`,
      );
  }
  return entries;
}

/** The settings from `env`; throws ConfigError with one line naming the variable. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv, projectRoot: string): ServerConfig {
  const host = env.COMMENTS_HOST?.trim() || "127.0.0.1";
  const listenPort = port(env.COMMENTS_PORT, 8081);
  const secret = env.COMMENTS_SECRET ?? "";
  if (secret.length < 16)
    throw new ConfigError(
      "COMMENTS_SECRET: must be set, at least 16 characters (e.g. the output of `openssl rand -base64 32`)",
    );
  const siteHome = homeUrl(siteMetadata(env).url, pathPrefixFromEnv(env));
  const displayHost = host.includes(":") ? `[${host}]` : host;
  const publicUrl = withoutTrailingSlash(env.COMMENTS_URL?.trim() || `http://${displayHost}:${listenPort}`);
  const origins = [originOf("SITE_URL", siteHome), originOf("COMMENTS_URL", publicUrl)];
  for (const devOrigin of (env.COMMENTS_DEV_ORIGIN ?? "").split(",").map((entry) => entry.trim()))
    if (devOrigin !== "") origins.push(originOf("COMMENTS_DEV_ORIGIN", devOrigin));
  const config: ServerConfig = {
    projectRoot,
    host,
    port: listenPort,
    secret,
    databasePath: queueDatabasePath(env, projectRoot),
    siteHome,
    publicUrl,
    allowedOrigins: new Set(origins),
    trustedProxies: trustedProxies(env.COMMENTS_TRUST_PROXY),
    publishing: publisherOptionsFromEnv(env, projectRoot),
    groupCommit: env.COMMENTS_GROUP_COMMIT?.trim() !== "0",
    warnings: [],
  };
  const mail = mailSettingsFromEnv(env);
  if (mail) config.mail = mail;
  const hash = env.COMMENTS_ADMIN_PASSWORD_HASH?.trim();
  const password = env.COMMENTS_ADMIN_PASSWORD;
  if (hash) {
    if (!isAdminPasswordHash(hash))
      throw new ConfigError(
        "COMMENTS_ADMIN_PASSWORD_HASH: not a hash made by `npm run comments:password` (scrypt$N=…,r=…,p=…$salt$key)",
      );
    config.adminPassword = { kind: "hash", hash };
  } else if (password !== undefined && password !== "") {
    config.adminPassword = { kind: "clear", password };
    config.warnings.push(
      "COMMENTS_ADMIN_PASSWORD holds the password in clear: for a server, put the output of `npm run comments:password` in COMMENTS_ADMIN_PASSWORD_HASH instead",
    );
  }
  return config;
}

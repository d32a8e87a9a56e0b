// The intake server for tests: the real server on loopback, on a free port, with its
// SQLite queue in a temporary folder (or the PostgreSQL database given) and a copy of a
// project (the seed by default).
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { serverConfigFromEnv, type ServerConfig } from "../../src/comment-server/config.ts";
import { startCommentServer } from "../../src/comment-server/server.ts";
import { previewToken } from "../../src/comment-server/preview-token.ts";
import type { Submission } from "../../src/comment-server/submission.ts";
import { freePort } from "./http.ts";
import { removeDir, temporaryDir, temporaryProject } from "./site.ts";

export const TEST_SECRET = "test-secret-0123456789abcdef";
export const SITE_ORIGIN = "https://www.nouslesgeeks.fr";
export const SEED_POST = "le-smo-le-nouveau-community-management";

export interface TestServer {
  url: string;
  project: string;
  config: ServerConfig;
  /** The SQLite file, or the PostgreSQL address given. */
  databasePath: string;
  /** Every line the server logged (JSON). */
  log: string[];
  close(): Promise<void>;
}

export async function startTestServer(
  options: { project?: string; env?: Record<string, string>; database?: string } = {},
): Promise<TestServer> {
  const project = options.project ?? temporaryProject("seed");
  const dataDir = temporaryDir("comments-db");
  const databasePath = options.database ?? join(dataDir, "comments.db");
  const env = {
    COMMENTS_SECRET: TEST_SECRET,
    COMMENTS_DATABASE: databasePath,
    COMMENTS_PORT: String(await freePort()),
    SITE_URL: `${SITE_ORIGIN}/`,
    ...options.env,
  };
  const config = serverConfigFromEnv(env, project);
  const log: string[] = [];
  const server = await startCommentServer(config, { write: (line: string) => void log.push(line) });
  const url = server.address;
  return {
    url,
    project,
    config,
    databasePath,
    log,
    async close() {
      await server.close();
      removeDir(dataDir);
      if (!options.project) removeDir(project);
    },
  };
}

export type Fields = Record<string, string>;

/** A form post as a browser on the site sends it (its Origin header included). */
export async function postForm(
  url: string,
  fields: Fields | string,
  headers: Record<string, string> = { origin: SITE_ORIGIN },
): Promise<{ status: number; text: string; headers: Headers }> {
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
    redirect: "manual",
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/**
 * Decides on one queued comment as a moderator does on the web: logs in with `password`,
 * reads the page's CSRF token, posts the decision; asserts each step answered as it should.
 * Resolves to the moderation page the decision was made from.
 */
export async function moderateOnTheWeb(
  serverUrl: string,
  password: string,
  id: number,
  action: "approuver" | "refuser",
): Promise<string> {
  const login = await postForm(`${serverUrl}/moderation/connexion`, { password }, { origin: serverUrl });
  assert.equal(login.status, 303, login.text);
  const cookie = login.headers
    .getSetCookie()
    .find((line) => line.startsWith("moderation="))
    ?.split(";")[0];
  assert.ok(cookie, "a session cookie");
  const page = await (await fetch(`${serverUrl}/moderation`, { headers: { cookie } })).text();
  const csrf = parseHTML(page).document.querySelector('input[name="csrf"]')?.getAttribute("value");
  assert.ok(csrf, "a CSRF token");
  const body = new URLSearchParams({ csrf, action, "id[]": String(id) }).toString();
  const decision = await postForm(`${serverUrl}/moderation/decision`, body, { origin: serverUrl, cookie });
  assert.equal(decision.status, 303, decision.text);
  return page;
}

export const aReader: Fields = {
  post: SEED_POST,
  parent: "",
  comment: "Très bon article, **merci** !",
  author: "Zoé",
  email: "zoe@exemple.fr",
  url: "",
  telephone: "",
};

/** A token as a preview made `ageMs` ago would carry. */
export function tokenMadeAgo(fields: Fields, ageMs: number): string {
  const submission: Submission = {
    post: fields.post ?? "",
    text: (fields.comment ?? "").trim(),
    author: (fields.author ?? "").trim(),
    email: (fields.email ?? "").trim(),
  };
  if (fields.parent) submission.parent = fields.parent;
  if (fields.url) submission.url = new URL(fields.url).href;
  return previewToken(TEST_SECRET, submission, Date.now() - ageMs);
}

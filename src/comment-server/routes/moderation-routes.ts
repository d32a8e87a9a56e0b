// What a moderator does on the intake server, under /moderation: log in with the password
// (COMMENTS_ADMIN_PASSWORD), see the queue, approve, refuse or mark as spam one comment or
// all those shown, retry the publications that failed, log out. The decisions are those
// of the terminal (../moderation/moderate.ts).
//
// - The password is checked against COMMENTS_ADMIN_PASSWORD_HASH (scrypt) or, locally,
//   COMMENTS_ADMIN_PASSWORD, in constant time (../admin-password.ts); failed logins are
//   counted per client (a keyed hash of its address), 5 per 15 minutes, then a 429 page
//   until the window passes.
// - The session cookie is HttpOnly, SameSite=Strict, limited to /moderation, and Secure
//   unless the server's public address is http on the machine itself (development).
// - Every form carries the session's CSRF token, checked on every POST (on top of the
//   Origin check every POST passes in ../app.ts): a forged form gets a 403 page.
// - A POST answers with a 303 redirect to /moderation and a status in the query, so a
//   reload decides nothing again.
import { timingSafeEqual } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type MarkdownIt from "markdown-it";
import { checkAdminPassword } from "../admin-password.ts";
import { clientKey } from "../client-key.ts";
import type { ServerConfig } from "../config.ts";
import type { FormFields } from "../form-body.ts";
import type { Moderation, ModerationOutcome } from "../moderation/moderate.ts";
import {
  loginPage,
  MODERATION_FIELDS,
  MODERATION_PATHS,
  MAX_SHOWN,
  queuePage,
  type DecisionAction,
  type PendingEntry,
} from "../moderation/moderation-pages.ts";
import { statusLine, statusQuery, type StatusKind } from "../moderation/status-line.ts";
import { messagePage } from "../pages/reader-pages.ts";
import type { SitePosts } from "../site-posts.ts";
import type { EventCounter } from "../store/counters.ts";
import type { CommentQueue, QueuedComment } from "../store/queue.ts";
import { SESSION_LIFETIME_MS, type Session, type SessionStore } from "../store/sessions.ts";

export interface ModerationServices {
  config: ServerConfig;
  queue: CommentQueue;
  counter: EventCounter;
  sessions: SessionStore;
  moderation: Moderation;
  posts: SitePosts;
  markdown: MarkdownIt;
}

const HTML = "text/html; charset=utf-8";
const SESSION_COOKIE = "moderation";

/** Failed logins allowed per client and per window; the next attempt gets a 429 page. */
export const LOGIN_FAILURES_ALLOWED = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_FAILURE = "login-failure";

/** What a decision button does, and the status it leaves. */
interface DecisionRoute {
  kind: StatusKind;
  decide: (ids: number[]) => Promise<ModerationOutcome[]>;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Secure, unless the public address is http on this machine (no TLS in development). */
function secureCookie(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return !(url.protocol === "http:" && local);
}

function formFields(request: FastifyRequest): FormFields {
  const body = request.body;
  return body && typeof body === "object" ? (body as FormFields) : {};
}

function field(fields: FormFields, name: string): string {
  const value = fields[name];
  return typeof value === "string" ? value : "";
}

/** The queue ids a form names (one hidden field, or one per comment shown); anything else is dropped. */
function queueIds(fields: FormFields): number[] {
  const raw = fields[MODERATION_FIELDS.id];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values.filter((value) => /^\d{1,15}$/.test(value)).map(Number);
}

function isDecisionAction(value: string): value is DecisionAction {
  return value === "approuver" || value === "refuser" || value === "indesirable";
}

export const moderationRoutes: FastifyPluginAsync<ModerationServices> = async (app, services) => {
  const { config, queue, counter, sessions, moderation, posts, markdown } = services;
  const context = { siteHome: config.siteHome, publicUrl: config.publicUrl };
  const cookieOptions = {
    path: MODERATION_PATHS.page,
    httpOnly: true,
    sameSite: "strict",
    secure: secureCookie(config.publicUrl),
  } as const;
  const decisions: Record<DecisionAction, DecisionRoute> = {
    approuver: { kind: "approuve", decide: (ids) => moderation.approve(ids) },
    refuser: { kind: "refuse", decide: (ids) => moderation.reject(ids) },
    indesirable: { kind: "indesirable", decide: (ids) => moderation.spam(ids) },
  };

  await app.register(fastifyCookie);

  const send = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type(HTML).send(page);
  const backToModeration = { href: MODERATION_PATHS.page, text: "Retour à la modération" };
  const redirect = (reply: FastifyReply, query: string) =>
    reply.code(303).header("Location", `${MODERATION_PATHS.page}?${query}`).send();

  const session = (request: FastifyRequest): Promise<Session | undefined> =>
    sessions.find(request.cookies[SESSION_COOKIE]);

  /** The session of a POST whose CSRF token matches it; otherwise the 403 page is sent. */
  async function checkedSession(request: FastifyRequest, reply: FastifyReply): Promise<Session | undefined> {
    const current = await session(request);
    const token = field(formFields(request), MODERATION_FIELDS.csrf);
    if (current && sameToken(token, current.csrf)) return current;
    await send(
      reply,
      403,
      messagePage(
        context,
        "Formulaire refusé",
        current
          ? "Ce formulaire ne vient pas de votre page de modération (ou elle est trop ancienne) : rien n’a été fait. Revenez à la modération et recommencez."
          : "Votre session de modération a expiré (ou vous vous êtes déconnecté) : rien n’a été fait. Reconnectez-vous, puis recommencez.",
        backToModeration,
      ),
    );
    return undefined;
  }

  const withPost = (comment: QueuedComment): PendingEntry => {
    const post = posts.find(comment.post);
    return post ? { comment, post } : { comment };
  };

  app.get<{ Querystring: Record<string, unknown> }>(MODERATION_PATHS.page, async (request, reply) => {
    if (config.adminPassword === undefined) return send(reply, 503, loginPage(context, { disabled: true }));
    const status = statusLine(request.query);
    const current = await session(request);
    if (!current) return send(reply, 200, loginPage(context, status ? { status } : {}));
    const [pending, unpublished] = await Promise.all([queue.list(["pending"]), queue.list(["approved"])]);
    return send(
      reply,
      200,
      queuePage(context, {
        csrf: current.csrf,
        pending: pending.slice(0, MAX_SHOWN).map(withPost),
        notShown: Math.max(pending.length - MAX_SHOWN, 0),
        unpublished: unpublished.map(withPost),
        markdown,
        ...(status ? { status } : {}),
      }),
    );
  });

  app.post(MODERATION_PATHS.login, async (request, reply) => {
    const expected = config.adminPassword;
    if (expected === undefined) return send(reply, 503, loginPage(context, { disabled: true }));
    const client = clientKey(config.secret, request.ip);
    const now = Date.now();
    if ((await counter.count(client, LOGIN_FAILURE, now - LOGIN_WINDOW_MS)) >= LOGIN_FAILURES_ALLOWED)
      return send(
        reply,
        429,
        messagePage(
          context,
          "Trop de tentatives",
          "Trop de mots de passe incorrects en peu de temps : la connexion est suspendue pour un quart d’heure. Réessayez plus tard.",
          backToModeration,
        ),
      );
    if (!(await checkAdminPassword(expected, field(formFields(request), MODERATION_FIELDS.password)))) {
      await counter.record(client, LOGIN_FAILURE, now);
      request.log.info("moderation: wrong password");
      return send(reply, 401, loginPage(context, { error: "Mot de passe incorrect." }));
    }
    await counter.clear(client, LOGIN_FAILURE);
    const opened = await sessions.open(now);
    request.log.info("moderation: logged in");
    return reply
      .setCookie(SESSION_COOKIE, opened.cookie, { ...cookieOptions, maxAge: SESSION_LIFETIME_MS / 1000 })
      .code(303)
      .header("Location", MODERATION_PATHS.page)
      .send();
  });

  app.post(MODERATION_PATHS.logout, async (request, reply) => {
    if (!(await checkedSession(request, reply))) return reply;
    await sessions.close(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return redirect(reply, statusQuery("deconnecte"));
  });

  app.post(MODERATION_PATHS.decide, async (request, reply) => {
    if (!(await checkedSession(request, reply))) return reply;
    const fields = formFields(request);
    const action = field(fields, MODERATION_FIELDS.action);
    if (!isDecisionAction(action))
      return send(
        reply,
        400,
        messagePage(
          context,
          "Décision inconnue",
          "Ce formulaire ne demande aucune décision connue : rien n’a été fait.",
          backToModeration,
        ),
      );
    const decision = decisions[action];
    const outcomes = await decision.decide(queueIds(fields));
    for (const outcome of outcomes) request.log.info(`moderation: ${outcome.id} ${outcome.result}`);
    return redirect(reply, statusQuery(decision.kind, outcomes));
  });

  app.post(MODERATION_PATHS.retry, async (request, reply) => {
    if (!(await checkedSession(request, reply))) return reply;
    const outcomes = await moderation.retryUnpublished();
    for (const outcome of outcomes) request.log.info(`moderation: ${outcome.id} ${outcome.result}`);
    return redirect(reply, statusQuery("reessaye", outcomes));
  });
};

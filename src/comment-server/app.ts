// The intake server as a Fastify application: a table of contents. Each block wires one
// concern; the logic lives beside it (routes/, pages/, store/). Built in process by the
// tests (app.inject()) and by ./server.ts, which listens.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from "fastify";
import { createCommentMarkdown } from "../markdown/comment-markdown.ts";
import type { ServerConfig } from "./config.ts";
import { FormBodyError, parseFormBody } from "./form-body.ts";
import { OneLinePerRequest } from "./logger.ts";
import { SERVER_CONTENT_SECURITY_POLICY, STYLESHEET_PATH } from "./pages/layout.ts";
import { messagePage } from "./pages/reader-pages.ts";
import type { Moderation } from "./moderation/moderate.ts";
import type { Notifications } from "./notifications/index.ts";
import { SUBSCRIPTION_PATHS } from "./notifications/links.ts";
import { healthRoutes } from "./routes/health-routes.ts";
import { moderationRoutes } from "./routes/moderation-routes.ts";
import { readerRoutes } from "./routes/reader-routes.ts";
import { subscriptionRoutes } from "./routes/subscription-routes.ts";
import { SitePosts } from "./site-posts.ts";
import type { EventCounter } from "./store/counters.ts";
import type { CommentQueue } from "./store/queue.ts";
import type { SessionStore } from "./store/sessions.ts";
import { databaseUnavailable, unavailableReason } from "./store/unavailable.ts";

/** How long a client may take to send a whole request, headers and body. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Room for 10,000 characters of any script, form-encoded (up to 9 bytes each), and the other fields. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppServices {
  queue: CommentQueue;
  counter: EventCounter;
  sessions: SessionStore;
  /** The moderator's decisions (approving publishes through the Publisher). */
  moderation: Moderation;
  /** One line per event worth keeping; never an e-mail or a client's address. */
  log: (line: string) => void;
  /** Whether the queue's database answers now (/healthz). */
  databaseAnswers: () => Promise<boolean>;
  /** E-mail notifications (./notifications/), when COMMENTS_SMTP_URL is set. */
  notifications?: Notifications;
  /** Where requests are logged (./logger.ts); none in tests that build the app alone. */
  logger?: FastifyBaseLogger;
}

const HTML = "text/html; charset=utf-8";

/** The French page for an error Fastify raised before a route ran (a body too large, a wrong type…), or for the database out of reach. */
function errorPage(error: FastifyError): { status: number; title: string; message: string } {
  if (databaseUnavailable(error))
    return {
      status: 503,
      title: "Service momentanément indisponible",
      message:
        "La base des commentaires ne répond pas pour le moment : rien n’a été fait. Réessayez dans quelques minutes.",
    };
  if (error instanceof FormBodyError || error.statusCode === 400)
    return {
      status: 400,
      title: "Requête illisible",
      message:
        "Le formulaire reçu est mal formé : revenez à l’article et envoyez de nouveau votre commentaire.",
    };
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return {
      status: 413,
      title: "Envoi trop volumineux",
      message: "Ce que vous avez envoyé dépasse la taille qu’un commentaire peut avoir (10 000 caractères).",
    };
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.statusCode === 415)
    return {
      status: 415,
      title: "Format non pris en charge",
      message: "Ce serveur ne reçoit que les formulaires de commentaire du site.",
    };
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  return status === 500
    ? {
        status,
        title: "Erreur du serveur",
        message:
          "Une erreur est survenue de notre côté : votre commentaire n’a pas été enregistré. Réessayez dans un moment.",
      }
    : { status, title: "Requête refusée", message: "Cette requête ne peut pas être traitée." };
}

export function buildApp(config: ServerConfig, services: AppServices): FastifyInstance {
  const app = Fastify({
    ...(services.logger
      ? { loggerInstance: services.logger, logController: new OneLinePerRequest() }
      : { logger: false }),
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy, request.ip is the address its X-Forwarded-For gives, only
    // when the connection comes from a proxy named in COMMENTS_TRUST_PROXY.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    // A client sending its request slowly (slow loris) holds a connection: it is cut
    // once the request is not complete REQUEST_TIMEOUT_MS after it began, checked every
    // second (Node checks every 30 s by default), with a 408.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: REQUEST_TIMEOUT_MS,
          headersTimeout: REQUEST_TIMEOUT_MS,
          connectionsCheckingInterval: 1_000,
        },
        handler,
      ),
  });
  const context = { siteHome: config.siteHome, publicUrl: config.publicUrl };
  const sendPage = (reply: FastifyReply, status: number, title: string, message: string) =>
    reply
      .code(status)
      .type(HTML)
      .send(messagePage(context, title, message));

  // Forms only, read strictly (./form-body.ts); any other body is refused.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "buffer" },
    (_request, body, done) => {
      try {
        done(null, parseFormBody(body as Buffer));
      } catch (error) {
        done(error as FormBodyError, undefined);
      }
    },
  );

  // The same headers on every answer: the pages' own policy, no sniffing, no framing, no caching.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("Content-Security-Policy", SERVER_CONTENT_SECURITY_POLICY);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
  });

  // A form may post here only from the site, from the server's own pages, or from the
  // dev server under `npm start`: another site cannot make a reader's browser post.
  // Except the one-click unsubscribe, which mail providers post from their own servers:
  // its signed token is its authority (routes/subscription-routes.ts).
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "POST") return;
    if (services.notifications && request.routeOptions.url === SUBSCRIPTION_PATHS.unsubscribe) return;
    const origin = request.headers.origin;
    if (origin === undefined || !config.allowedOrigins.has(origin))
      return sendPage(
        reply,
        403,
        "Envoi refusé",
        "Ce formulaire n’a pas été envoyé depuis le site : revenez à l’article pour écrire votre commentaire.",
      );
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const page = errorPage(error);
    if (page.status === 500) services.log(`error: ${error.message}`);
    if (page.status === 503) services.log(`database unavailable: ${unavailableReason(error)}`);
    return sendPage(reply, page.status, page.title, page.message);
  });
  app.setNotFoundHandler((_request, reply) =>
    sendPage(
      reply,
      404,
      "Page introuvable",
      "Cette adresse ne correspond à aucune page du serveur de commentaires.",
    ),
  );

  // The site's stylesheet, read from the project when asked (as the build copies it).
  app.get(STYLESHEET_PATH, async (_request, reply) => {
    const css = await readFile(join(config.projectRoot, "layouts", "assets", "site.css"), "utf8");
    return reply.type("text/css; charset=utf-8").header("Cache-Control", "public, max-age=300").send(css);
  });

  readerRoutes(app, {
    config,
    queue: services.queue,
    counter: services.counter,
    posts: new SitePosts(config.projectRoot, config.siteHome),
    markdown: createCommentMarkdown(),
    ...(services.notifications ? { notifier: services.notifications.notifier } : {}),
  });
  if (services.notifications)
    void app.register(subscriptionRoutes, {
      config,
      subscriptions: services.notifications.subscriptions,
      posts: new SitePosts(config.projectRoot, config.siteHome),
    });
  healthRoutes(app, services.databaseAnswers);
  void app.register(moderationRoutes, {
    ...services,
    config,
    posts: new SitePosts(config.projectRoot, config.siteHome),
    markdown: createCommentMarkdown(),
  });
  return app;
}

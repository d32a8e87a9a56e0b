// What a subscriber does from an e-mail (src/comment-server/notifications/): confirm the
// subscription (GET shows the page, its button's POST confirms), and unsubscribe (GET
// shows the page, POST unsubscribes). Registered only when the server sends e-mail.
//
// The unsubscribe POST is also the e-mails' one-click unsubscribe (List-Unsubscribe-Post,
// RFC 8058): a mail provider posts it from its own servers, without the site's Origin and
// with a body of its choosing (form-encoded or multipart). It is authorised by its signed
// token alone, so ../app.ts lets exactly this route through its Origin check, and this
// plugin reads any body type there without looking at it.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "../config.ts";
import type { FormFields } from "../form-body.ts";
import { SUBSCRIPTION_PATHS, TOKEN_PARAMETER } from "../notifications/links.ts";
import { confirmPage, unsubscribePage } from "../notifications/subscription-pages.ts";
import { checkSubscriptionToken, type LinkPurpose } from "../notifications/subscription-token.ts";
import type { Subscription, Subscriptions } from "../notifications/subscriptions.ts";
import { messagePage } from "../pages/reader-pages.ts";
import type { SitePosts } from "../site-posts.ts";

export interface SubscriptionServices {
  config: ServerConfig;
  subscriptions: Subscriptions;
  posts: SitePosts;
}

const HTML = "text/html; charset=utf-8";

/** The token from the address's query or, for the confirmation form, its hidden field. */
function tokenOf(request: FastifyRequest): string {
  const query = request.query as Record<string, unknown> | undefined;
  const body = request.body as FormFields | undefined;
  const value =
    query?.[TOKEN_PARAMETER] ?? (body && typeof body === "object" ? body[TOKEN_PARAMETER] : undefined);
  return typeof value === "string" ? value : "";
}

export const subscriptionRoutes: FastifyPluginAsync<SubscriptionServices> = async (app, services) => {
  const { config, subscriptions, posts } = services;
  const context = { siteHome: config.siteHome, publicUrl: config.publicUrl };
  const send = (reply: FastifyReply, status: number, title: string, message: string) =>
    reply
      .code(status)
      .type(HTML)
      .send(messagePage(context, title, message));
  const postTitle = (subscription: Subscription) => posts.find(subscription.post)?.title ?? subscription.post;

  // Any body, read and left aside: the one-click POST may come as multipart/form-data.
  // Form bodies still go through the strict form parser the app registered.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) => done(null, undefined));

  /** The subscription a request's token names, or the page saying why there is none (undefined). */
  async function subscriptionOf(
    request: FastifyRequest,
    reply: FastifyReply,
    purpose: LinkPurpose,
  ): Promise<{ token: string; subscription: Subscription | undefined } | undefined> {
    const token = tokenOf(request);
    const id = checkSubscriptionToken(config.secret, purpose, token);
    if (id === undefined) {
      await send(
        reply,
        request.method === "POST" ? 403 : 400,
        "Lien non valide",
        "Ce lien n’est pas valide : ouvrez-le de nouveau depuis l’e-mail reçu, en entier.",
      );
      return undefined;
    }
    return { token, subscription: await subscriptions.get(id) };
  }

  const expired = (reply: FastifyReply) =>
    send(
      reply,
      404,
      "Demande expirée",
      "Cette demande d’abonnement n’existe plus : elle n’a pas été confirmée dans la semaine, ou elle a été annulée. Vous pourrez cocher la case de nouveau avec votre prochain commentaire.",
    );

  app.get(SUBSCRIPTION_PATHS.confirm, async (request, reply) => {
    const found = await subscriptionOf(request, reply, "confirm");
    if (!found) return reply;
    const { token, subscription } = found;
    if (!subscription) return expired(reply);
    if (subscription.confirmed_at !== null)
      return send(
        reply,
        200,
        "Abonnement déjà confirmé",
        "Vous recevrez un e-mail à chaque réponse approuvée à votre commentaire.",
      );
    return reply.type(HTML).send(confirmPage(context, { token, postTitle: postTitle(subscription) }));
  });

  app.post(SUBSCRIPTION_PATHS.confirm, async (request, reply) => {
    const found = await subscriptionOf(request, reply, "confirm");
    if (!found) return reply;
    if (!found.subscription || !(await subscriptions.confirm(found.subscription.id))) return expired(reply);
    request.log.info(
      `mail: subscription to the replies to comment ${found.subscription.comment_id} confirmed`,
    );
    return send(
      reply,
      200,
      "Abonnement confirmé",
      "Vous recevrez un e-mail à chaque réponse approuvée à votre commentaire. Chacun permet de se désabonner.",
    );
  });

  app.get(SUBSCRIPTION_PATHS.unsubscribe, async (request, reply) => {
    const found = await subscriptionOf(request, reply, "unsubscribe");
    if (!found) return reply;
    const { token, subscription } = found;
    if (!subscription)
      return send(
        reply,
        200,
        "Déjà désabonné",
        "Vous ne recevez plus d’e-mail pour les réponses à ce commentaire.",
      );
    return reply.type(HTML).send(unsubscribePage(context, { token, postTitle: postTitle(subscription) }));
  });

  app.post(SUBSCRIPTION_PATHS.unsubscribe, async (request, reply) => {
    const found = await subscriptionOf(request, reply, "unsubscribe");
    if (!found) return reply;
    if (found.subscription && (await subscriptions.remove(found.subscription.id)))
      request.log.info(`mail: unsubscribed from the replies to comment ${found.subscription.comment_id}`);
    return send(
      reply,
      200,
      "Désabonnement effectué",
      "Vous ne recevrez plus d’e-mail pour les réponses à ce commentaire.",
    );
  });
};

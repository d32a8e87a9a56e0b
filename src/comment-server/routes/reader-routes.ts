// What a reader does on the intake server: ask to reply to a comment, preview a comment,
// publish it into the moderation queue. Each answer is a French page; a refused comment
// comes back in its form with everything typed kept. The page a reader is sent back to is
// always the post's address as the server knows it, never one taken from the request.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type MarkdownIt from "markdown-it";
import { HONEYPOT_FIELD, TOKEN_FIELD } from "../../comment-form/comment-form.ts";
import { clientKey } from "../client-key.ts";
import type { ServerConfig } from "../config.ts";
import type { FormFields } from "../form-body.ts";
import type { Notifier } from "../notifications/notifier.ts";
import { formPage, messagePage, previewPage, replyPage, thanksPage } from "../pages/reader-pages.ts";
import { checkPreviewToken, previewToken, type TokenCheck } from "../preview-token.ts";
import { overRateLimit, type RatedAction } from "../rate-limit.ts";
import type { SitePost, SitePosts } from "../site-posts.ts";
import { spamMarks } from "../spam-marks.ts";
import type { EventCounter } from "../store/counters.ts";
import type { CommentQueue } from "../store/queue.ts";
import { databaseUnavailable, unavailableReason } from "../store/unavailable.ts";
import { checkSubmission, submittedFields, type Submission, type SubmittedFields } from "../submission.ts";

export interface ReaderServices {
  config: ServerConfig;
  queue: CommentQueue;
  counter: EventCounter;
  posts: SitePosts;
  markdown: MarkdownIt;
  /** E-mail notifications, when the server sends e-mail: the form offers the replies by e-mail. */
  notifier?: Notifier;
}

const HTML = "text/html; charset=utf-8";

const TOKEN_NOTICES: Record<Exclude<TokenCheck, "valid">, string> = {
  forged:
    "Votre commentaire a changé depuis son aperçu (ou cet aperçu n’est pas valide) : voici le nouvel aperçu, vérifiez-le puis publiez-le.",
  expired: "Cet aperçu date de plus d’un jour : voici un nouvel aperçu, vérifiez-le puis publiez-le.",
  "too-fast":
    "Vous avez publié moins de quelques secondes après l’aperçu : relisez votre commentaire, puis publiez-le de nouveau.",
};

function formFields(request: FastifyRequest): FormFields {
  const body = request.body;
  return body && typeof body === "object" ? (body as FormFields) : {};
}

function text(fields: FormFields, name: string): string {
  const value = fields[name];
  return typeof value === "string" ? value : "";
}

export function readerRoutes(app: FastifyInstance, services: ReaderServices): void {
  const { config, queue, counter, posts, markdown } = services;
  const context = {
    siteHome: config.siteHome,
    publicUrl: config.publicUrl,
    offersNotifications: services.notifier !== undefined,
  };

  const send = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type(HTML).send(page);

  const refuse = (
    reply: FastifyReply,
    status: number,
    fields: SubmittedFields,
    title: string,
    notice: string,
  ) => {
    const post = posts.find(fields.post);
    return send(reply, status, formPage(context, { title, fields, notice, ...(post?.open ? { post } : {}) }));
  };

  /** The checks every submission passes before its fields are: the client's rate limit, the honeypot. */
  async function screened(
    client: string,
    reply: FastifyReply,
    action: RatedAction,
    fields: SubmittedFields,
    raw: FormFields,
  ): Promise<boolean> {
    if (await overRateLimit(counter, client, action)) {
      await refuse(
        reply,
        429,
        fields,
        "Trop de commentaires à la fois",
        "Vous avez envoyé beaucoup de commentaires en peu de temps : réessayez dans une dizaine de minutes. Votre texte est conservé ci-dessous.",
      );
      return false;
    }
    if (action === "preview") await counter.record(client, action);
    if (text(raw, HONEYPOT_FIELD) !== "") {
      await refuse(
        reply,
        400,
        fields,
        "Commentaire non envoyé",
        "Un champ caché, qui doit rester vide, a été rempli (peut-être par le remplissage automatique de votre navigateur) : il a été vidé, envoyez de nouveau votre commentaire.",
      );
      return false;
    }
    return true;
  }

  /** The submission checked against the post as it is now; on a problem, the form is answered. */
  async function checked(
    reply: FastifyReply,
    fields: SubmittedFields,
  ): Promise<{ submission: Submission; post: SitePost } | undefined> {
    const post = posts.find(fields.post);
    const result = checkSubmission(fields, (slug) => (slug === fields.post ? post : posts.find(slug)));
    if (!result.ok || !post) {
      const errors = result.ok ? { post: "Cet article n’existe pas." } : result.errors;
      await send(
        reply,
        400,
        formPage(context, {
          title: "Votre commentaire est à corriger",
          fields,
          errors,
          ...(post?.open ? { post } : {}),
        }),
      );
      return undefined;
    }
    return { submission: result.submission, post };
  }

  const preview = (
    reply: FastifyReply,
    status: number,
    post: SitePost,
    fields: SubmittedFields,
    submission: Submission,
    token: string,
    notice?: string,
  ) =>
    send(
      reply,
      status,
      previewPage(context, {
        post,
        fields,
        author: submission.author,
        renderedText: markdown.render(submission.text),
        token,
        ...(notice ? { notice } : {}),
      }),
    );

  app.get("/", (_request, reply) =>
    send(
      reply,
      200,
      messagePage(
        context,
        "Commentaires",
        "Ce serveur reçoit les commentaires des lecteurs : écrivez le vôtre sous un article.",
        { href: config.siteHome, text: "Aller aux articles" },
      ),
    ),
  );

  app.get<{ Params: { post: string; comment: string } }>("/repondre/:post/:comment", (request, reply) => {
    const post = posts.find(request.params.post);
    if (!post)
      return send(
        reply,
        404,
        messagePage(context, "Article introuvable", "Cet article n’existe pas (ou plus)."),
      );
    const back = { href: post.url, text: "Retour à l’article" };
    if (!post.open)
      return send(
        reply,
        403,
        messagePage(context, "Commentaires fermés", "Les commentaires sont fermés sur cet article.", back),
      );
    const comment = post.comments.find((candidate) => candidate.id === request.params.comment);
    if (comment?.withdrawn)
      return send(
        reply,
        410,
        messagePage(
          context,
          "Commentaire retiré",
          "Ce commentaire a été retiré : on ne peut plus y répondre.",
          back,
        ),
      );
    if (!comment)
      return send(
        reply,
        404,
        messagePage(
          context,
          "Commentaire introuvable",
          "Le commentaire auquel vous voulez répondre n’existe pas (ou plus).",
          back,
        ),
      );
    return send(reply, 200, replyPage(context, post, comment));
  });

  // The database out of reach while a comment is sent (PostgreSQL restarting…): a 503,
  // and the comment given back in its form, so nothing the reader typed is lost. Any
  // other error goes on to the application's error handler.
  const keepingTheText = {
    errorHandler: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (!databaseUnavailable(error)) throw error;
      request.log.warn(`database unavailable: ${unavailableReason(error)}`);
      return refuse(
        reply,
        503,
        submittedFields(formFields(request)),
        "Service momentanément indisponible",
        "Votre commentaire n’a pas pu être enregistré : le serveur de commentaires est momentanément indisponible. Votre texte est conservé ci-dessous : envoyez-le de nouveau dans quelques minutes.",
      );
    },
  };

  app.post("/apercu", keepingTheText, async (request, reply) => {
    const raw = formFields(request);
    const fields = submittedFields(raw);
    const client = clientKey(config.secret, request.ip);
    if (!(await screened(client, reply, "preview", fields, raw))) return reply;
    const ok = await checked(reply, fields);
    if (!ok) return reply;
    return preview(reply, 200, ok.post, fields, ok.submission, previewToken(config.secret, ok.submission));
  });

  app.post("/publier", keepingTheText, async (request, reply) => {
    const raw = formFields(request);
    const fields = submittedFields(raw);
    const client = clientKey(config.secret, request.ip);
    if (!(await screened(client, reply, "publish", fields, raw))) return reply;
    const ok = await checked(reply, fields);
    if (!ok) return reply;
    const { submission, post } = ok;
    const token = text(raw, TOKEN_FIELD);
    const check = checkPreviewToken(config.secret, token, submission);
    if (check !== "valid") {
      // A click too fast keeps its token (it becomes valid in a moment); any other gets a new preview.
      const next = check === "too-fast" ? token : previewToken(config.secret, submission);
      return preview(reply, 400, post, fields, submission, next, TOKEN_NOTICES[check]);
    }
    const renderedHtml = markdown.render(submission.text);
    const marks = spamMarks({
      text: submission.text,
      renderedHtml,
      alreadyQueued: await queue.hasText(post.slug, submission.text),
      publishedBodies: post.comments.map((comment) => comment.bodyHtml),
    });
    // The publication counts against the client's limit in the transaction that queues it.
    const counted = { client, action: "publish", at: Date.now() };
    const queued = await queue.add({ ...submission, submittedAt: new Date(), marks, token }, counted);
    if (queued.added)
      request.log.info(
        `comment ${queued.id} queued on ${post.slug}${marks.length > 0 ? ` (marked: ${marks.join(", ")})` : ""}`,
      );
    // The reply e-mails are asked for with the publication, not bound in the preview's
    // token: ticking the box on the preview page keeps that preview valid, and what it asks
    // for is only a confirmation e-mail to the address the token does bind.
    const subscribe = services.notifier !== undefined && fields.notify === "1";
    if (queued.added)
      await services.notifier?.commentQueued(
        { id: queued.id, post: post.slug, email: submission.email },
        subscribe,
      );
    return send(reply, 200, thanksPage(context, post, subscribe));
  });
}

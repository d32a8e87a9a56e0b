// An outbox entry made into the e-mail it stands for, when it is sent: the comment and
// the subscription it names are read then, with the post's title and address. An entry
// with nothing left to tell gives undefined, and is dropped: the moderator's for a comment
// already decided (they saw it), a confirmation already given, a reply or subscription
// deleted meanwhile.
import { MODERATION_PATHS } from "../moderation/moderation-pages.ts";
import type { SitePosts } from "../site-posts.ts";
import type { CommentQueue } from "../store/queue.ts";
import { confirmUrl, unsubscribeUrl } from "./links.ts";
import { confirmationMail, moderatorMail, replyMail, type MailMessage } from "./mail-messages.ts";
import type { OutboxEntry } from "./outbox.ts";
import type { Subscriptions } from "./subscriptions.ts";

export interface ComposeContext {
  queue: CommentQueue;
  subscriptions: Subscriptions;
  posts: SitePosts;
  /** Signs the links' tokens (COMMENTS_SECRET). */
  secret: string;
  /** The intake server's public address (COMMENTS_URL), and the site's home page (SITE_URL). */
  publicUrl: string;
  siteHome: string;
  /** The site's name, signing every e-mail. */
  site: string;
  moderators: readonly string[];
}

/** The post's title and page; a post gone since (renamed, deleted) is named by its folder and leads home. */
function postOf(context: ComposeContext, slug: string) {
  const post = context.posts.find(slug);
  return { title: post?.title ?? slug, url: post?.url ?? context.siteHome, comments: post?.comments ?? [] };
}

export async function composeMail(
  entry: OutboxEntry,
  context: ComposeContext,
): Promise<MailMessage | undefined> {
  const { queue, subscriptions } = context;
  switch (entry.kind) {
    case "moderator": {
      const comment = entry.comment_id === null ? undefined : await queue.get(entry.comment_id);
      if (!comment || comment.status !== "pending" || context.moderators.length === 0) return undefined;
      const post = postOf(context, comment.post);
      const parentAuthor = post.comments.find((candidate) => candidate.id === comment.parent)?.author;
      return moderatorMail({
        to: [...context.moderators],
        site: context.site,
        author: comment.author,
        postTitle: post.title,
        ...(parentAuthor === undefined ? {} : { parentAuthor }),
        text: comment.text,
        marks: comment.marks,
        moderationUrl: `${context.publicUrl}${MODERATION_PATHS.page}`,
      });
    }
    case "confirmation": {
      const subscription =
        entry.subscription_id === null ? undefined : await subscriptions.get(entry.subscription_id);
      if (!subscription || subscription.confirmed_at !== null) return undefined;
      const comment = await queue.get(subscription.comment_id);
      if (!comment) return undefined;
      return confirmationMail({
        to: subscription.email,
        site: context.site,
        author: comment.author,
        postTitle: postOf(context, subscription.post).title,
        confirmUrl: confirmUrl(context.publicUrl, context.secret, subscription.id),
      });
    }
    case "reply": {
      const subscription =
        entry.subscription_id === null ? undefined : await subscriptions.get(entry.subscription_id);
      const reply = entry.comment_id === null ? undefined : await queue.get(entry.comment_id);
      if (!subscription || subscription.confirmed_at === null) return undefined;
      if (reply?.status !== "published" || reply.publishedId === undefined) return undefined;
      const post = postOf(context, reply.post);
      return replyMail({
        to: subscription.email,
        site: context.site,
        author: reply.author,
        postTitle: post.title,
        text: reply.text,
        commentUrl: `${post.url}#comment-${reply.publishedId}`,
        unsubscribeUrl: unsubscribeUrl(context.publicUrl, context.secret, subscription.id),
      });
    }
  }
}

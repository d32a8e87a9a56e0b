// Renders everything one post's comments and mentions produce, in one place whichever
// way the build runs (the comment worker of `npm run build`, the comment reader of the dev
// server): the comments section of the post page and its mentions, the page's JSON-LD
// (the post with its comments and the pages citing it) and the post's Atom feed of
// comments. A page (src/content/pages.ts) has the same, as a WebPage without date or author.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DateTime } from "luxon";
import { commentFeed, COMMENT_FEED_FILE } from "../feeds/comment-feed.ts";
import { blogPosting, jsonLdScript, webPage } from "../seo/blog-posting.ts";
import type { Page } from "../content/pages.ts";
import { commentsOpen, type Post } from "../content/posts.ts";
import type { Comment } from "./comment.ts";
import type { Mention } from "./mention.ts";
import { mentionsInOrder, renderMentions } from "./render-mentions.ts";
import { renderCommentsSection, type CommentsSection } from "./render-section.ts";
import { buildThread } from "./thread.ts";

/** What the outputs need to know of the site. */
export interface SiteFacts {
  /** Absolute URL of the home page, path prefix included, ending in "/". */
  homeUrl: string;
  title: string;
  language: string;
  author: { name: string; url?: string };
  commentMaxDepth: number;
  /** The comment server's address (COMMENTS_URL, src/site/comments-url.ts): without it, comments are closed. */
  commentsUrl?: string;
}

/** What they need to know of the post (or page): its address and its front matter. */
export type PostFacts = {
  /** Its address without the slashes around it: a post's folder name, a page's path. */
  slug: string;
  title: string;
  /** Empty for a page without one. */
  description: string;
  /** Whether readers may comment on it (src/content/posts.ts: `commentsOpen`). */
  commentsOpen: boolean;
} & ({ kind: "post"; author: string; date: DateTime } | { kind: "page" });

/** A post's facts, from its folder's name and its front matter. */
export function postFactsOf(post: Pick<Post, "slug" | "data">): PostFacts {
  const { title, description, author, date } = post.data;
  return {
    kind: "post",
    slug: post.slug,
    title,
    description,
    author,
    date,
    commentsOpen: commentsOpen(post.data),
  };
}

/** A page's facts, from its path and its front matter. */
export function pageFactsOf(page: Pick<Page, "path" | "data">): PostFacts {
  const { title, description = "" } = page.data;
  return { kind: "page", slug: page.path, title, description, commentsOpen: commentsOpen(page.data) };
}

export interface PostPageParts {
  /** The comments section of the post page. */
  section: CommentsSection;
  /** Its mentions, after its comments: "" when it has none (src/comments/render-mentions.ts). */
  mentions: string;
  /** The page's <script type="application/ld+json">: the post, its comments and the pages citing it. */
  jsonLd: string;
}

/** A post's address: its folder's name, whatever its title says (src/content/post-dirs.ts). */
function postPageUrl(site: SiteFacts, slug: string): string {
  return `${site.homeUrl}${slug}/`;
}

/** What the post page shows: its comments section, its mentions and its JSON-LD (one reply tree for both). */
export function postPageParts(
  post: PostFacts,
  comments: readonly Comment[],
  site: SiteFacts,
  mentions: readonly Mention[] = [],
): PostPageParts {
  const thread = buildThread(comments);
  const open =
    site.commentsUrl !== undefined && post.commentsOpen
      ? { commentsUrl: site.commentsUrl, post: post.slug }
      : undefined;
  const section = renderCommentsSection(
    comments,
    {
      title: post.title,
      ...(post.kind === "post" ? { postAuthor: post.author } : {}),
      maxDepth: site.commentMaxDepth,
      open,
    },
    thread,
  );
  const url = postPageUrl(site, post.slug);
  // A withdrawn mention is shown nowhere: not in the list, its count or the JSON-LD.
  const shownMentions = mentionsInOrder(mentions.filter((mention) => !mention.withdrawn));
  const about = { title: post.title, description: post.description, url, language: site.language };
  const siteFacts = { name: site.title, url: site.homeUrl };
  const data =
    post.kind === "post"
      ? blogPosting(
          {
            ...about,
            published: post.date,
            author: post.author === site.author.name ? site.author : { name: post.author },
            site: siteFacts,
          },
          comments,
          thread,
          shownMentions,
        )
      : webPage({ ...about, site: siteFacts }, comments, thread, shownMentions);
  return { section, mentions: renderMentions(shownMentions), jsonLd: jsonLdScript(data) };
}

/** The post's Atom feed of comments. */
export function postCommentFeed(post: PostFacts, comments: readonly Comment[], site: SiteFacts): string {
  const url = postPageUrl(site, post.slug);
  const feed = commentFeed(
    {
      title: post.title,
      url,
      feedUrl: `${url}${COMMENT_FEED_FILE}`,
      ...(post.kind === "post" ? { published: post.date } : {}),
      language: site.language,
      siteTitle: site.title,
    },
    comments,
  );
  return `${feed}\n`;
}

/** Writes the post's comment feed next to its page in the output folder. */
export function writeCommentFeed(
  outputDir: string,
  post: PostFacts,
  comments: readonly Comment[],
  site: SiteFacts,
): void {
  const path = join(outputDir, post.slug, COMMENT_FEED_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, postCommentFeed(post, comments, site));
}

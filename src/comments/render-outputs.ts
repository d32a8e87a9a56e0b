// Renders everything one post's comments produce, in one place whichever way the build
// runs (the comment worker of `npm run build`, the comment reader of the dev server):
// the comments section of the post page, the page's JSON-LD (the post with its
// comments) and the post's Atom feed of comments.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DateTime } from "luxon";
import { commentFeed, COMMENT_FEED_FILE } from "../feeds/comment-feed.ts";
import { blogPosting, jsonLdScript } from "../seo/blog-posting.ts";
import { commentsOpen, type Post } from "../content/posts.ts";
import type { Comment } from "./comment.ts";
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

/** What they need to know of the post: its folder's name and its front matter. */
export interface PostFacts {
  slug: string;
  title: string;
  description: string;
  author: string;
  date: DateTime;
  /** Whether readers may comment on it (src/content/posts.ts: `commentsOpen`). */
  commentsOpen: boolean;
}

/** A post's facts, from its folder's name and its front matter. */
export function postFactsOf(post: Pick<Post, "slug" | "data">): PostFacts {
  const { title, description, author, date } = post.data;
  return { slug: post.slug, title, description, author, date, commentsOpen: commentsOpen(post.data) };
}

export interface PostPageParts {
  /** The comments section of the post page. */
  section: CommentsSection;
  /** The page's <script type="application/ld+json">: the post and its comments. */
  jsonLd: string;
}

/** A post's address: its folder's name, whatever its title says (src/content/post-dirs.ts). */
function postPageUrl(site: SiteFacts, slug: string): string {
  return `${site.homeUrl}${slug}/`;
}

/** What the post page shows: its comments section and its JSON-LD (one reply tree for both). */
export function postPageParts(post: PostFacts, comments: readonly Comment[], site: SiteFacts): PostPageParts {
  const thread = buildThread(comments);
  const open =
    site.commentsUrl !== undefined && post.commentsOpen
      ? { commentsUrl: site.commentsUrl, post: post.slug }
      : undefined;
  const section = renderCommentsSection(
    comments,
    { title: post.title, postAuthor: post.author, maxDepth: site.commentMaxDepth, open },
    thread,
  );
  const posting = blogPosting(
    {
      title: post.title,
      description: post.description,
      url: postPageUrl(site, post.slug),
      published: post.date,
      author: post.author === site.author.name ? site.author : { name: post.author },
      language: site.language,
      site: { name: site.title, url: site.homeUrl },
    },
    comments,
    thread,
  );
  return { section, jsonLd: jsonLdScript(posting) };
}

/** The post's Atom feed of comments. */
export function postCommentFeed(post: PostFacts, comments: readonly Comment[], site: SiteFacts): string {
  const url = postPageUrl(site, post.slug);
  const feed = commentFeed(
    {
      title: post.title,
      url,
      feedUrl: `${url}${COMMENT_FEED_FILE}`,
      published: post.date,
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

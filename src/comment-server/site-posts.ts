// What the server knows of a post when a reader writes to it, read from the project's
// files through the build's own code (the post's front matter, its comment files), at
// each request: a post pushed since the server started is known, a comment approved a
// minute ago can be answered.
import { join } from "node:path";
import { CommentReader } from "../comments/read-comments.ts";
import type { Comment } from "../comments/comment.ts";
import { CONTENT_DIR, isPostFolderName, POSTS_FOLDER } from "../content/post-dirs.ts";
import { loadPostOrPage } from "../content/addresses.ts";
import { commentsOpen, PostCache } from "../content/posts.ts";
import type { PostForComments } from "./submission.ts";

export interface SitePost extends PostForComments {
  /** Its address without the slashes around it: a post's folder name, a page's path ("a-propos/equipe"). */
  slug: string;
  kind: "post" | "page";
  title: string;
  /** Its page on the site. */
  url: string;
  comments: Comment[];
}

export class SitePosts {
  private readonly reader: CommentReader;
  private readonly posts: PostCache;

  constructor(
    private readonly projectRoot: string,
    private readonly siteHome: string,
  ) {
    this.reader = new CommentReader(projectRoot);
    this.posts = new PostCache(projectRoot);
  }

  /** The post or page at `/<slug>/`, or undefined when there is none the build would publish. */
  find(slug: string): SitePost | undefined {
    const found = this.postOrPage(slug);
    if (!found || found.draft) return undefined;
    const dir = found.dir;
    // Files are re-read only when they changed (modification time), but the folder is
    // listed again: a comment published since the last request counts.
    this.reader.startBuild();
    const comments = this.reader.load(dir).comments;
    return {
      slug,
      kind: found.kind,
      title: found.title,
      url: new URL(`${slug}/`, this.siteHome).href,
      open: found.open,
      comments,
      // A withdrawn comment keeps its place, but no one can answer it any more.
      commentIds: new Set(comments.filter((comment) => !comment.withdrawn).map((comment) => comment.id)),
    };
  }

  /** A post through the cache (read again only when its file changed); a page as the build finds it. */
  private postOrPage(
    slug: string,
  ): { kind: "post" | "page"; dir: string; title: string; draft: boolean; open: boolean } | undefined {
    if (isPostFolderName(slug)) {
      const dir = join(this.projectRoot, CONTENT_DIR, POSTS_FOLDER, slug);
      const post = this.posts.load(dir).post;
      if (post)
        return {
          kind: "post",
          dir,
          title: post.data.title,
          draft: post.data.draft === true,
          open: commentsOpen(post.data),
        };
    }
    const page = loadPostOrPage(this.projectRoot, slug);
    if (!page || page.kind !== "page") return undefined;
    return { kind: "page", dir: page.dir, title: page.title, draft: page.draft, open: page.commentsOpen };
  }
}

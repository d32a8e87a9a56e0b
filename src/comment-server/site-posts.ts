// What the server knows of a post when a reader writes to it, read from the project's
// files through the build's own code (the post's front matter, its comment files), kept
// up to date at each request: a post pushed since the server started is known, a comment
// approved a minute ago can be answered.
import { statSync } from "node:fs";
import { join } from "node:path";
import { COMMENTS_FOLDER, CommentReader } from "../comments/read-comments.ts";
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

/**
 * How long a post's comment files are trusted without a look at each: a file added,
 * removed or renamed (a comment published, withdrawn, pulled) changes its folder's time,
 * seen at once; one edited in place leaves that time as it was.
 */
const FILES_TRUSTED_MS = 1_000;

export class SitePosts {
  private readonly reader: CommentReader;
  private readonly posts: PostCache;
  /** Per post folder: its comments/ folder's time when last listed, and when that was. */
  private readonly listed = new Map<string, { folderTime: number; at: number }>();

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
    const comments = this.commentsOf(found.dir);
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

  /**
   * The comments in `dir`, listed again (each file then re-read only if it changed) when
   * the folder changed or was listed more than FILES_TRUSTED_MS ago: a comment published
   * since the last request counts, without a listing and a look at every file each time.
   */
  private commentsOf(dir: string): Comment[] {
    // The folder's time is taken before it is listed: a file added meanwhile is listed
    // now or seen at the next request, never missed.
    const folderTime = statSync(join(dir, COMMENTS_FOLDER), { throwIfNoEntry: false })?.mtimeMs ?? -1;
    const now = Date.now();
    const last = this.listed.get(dir);
    if (!last || last.folderTime !== folderTime || now - last.at >= FILES_TRUSTED_MS) {
      this.reader.forgetFolder(dir);
      this.listed.set(dir, { folderTime, at: now });
    }
    return this.reader.load(dir).comments;
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

// What the server knows of a post when a reader writes to it, read from the project's
// files through the build's own code (the post's front matter, its comment files), at
// each request: a post pushed since the server started is known, a comment approved a
// minute ago can be answered.
import { join } from "node:path";
import { CommentReader } from "../comments/read-comments.ts";
import type { Comment } from "../comments/comment.ts";
import { CONTENT_DIR, isPostFolderName, POSTS_FOLDER } from "../content/post-dirs.ts";
import { commentsOpen, PostCache } from "../content/posts.ts";
import type { PostForComments } from "./submission.ts";

export interface SitePost extends PostForComments {
  slug: string;
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

  /** The post in folder `slug`, or undefined when there is none the build would publish. */
  find(slug: string): SitePost | undefined {
    if (!isPostFolderName(slug)) return undefined;
    const dir = join(this.projectRoot, CONTENT_DIR, POSTS_FOLDER, slug);
    // Read again only when its file changed (modification time and size).
    const loaded = this.posts.load(dir);
    if (!loaded.post || loaded.post.data.draft === true) return undefined;
    // Files are re-read only when they changed (modification time), but the folder is
    // listed again: a comment published since the last request counts.
    this.reader.startBuild();
    const comments = this.reader.load(dir).comments;
    return {
      slug,
      title: loaded.post.data.title,
      url: new URL(`${slug}/`, this.siteHome).href,
      open: commentsOpen(loaded.post.data),
      comments,
      // A withdrawn comment keeps its place, but no one can answer it any more.
      commentIds: new Set(comments.filter((comment) => !comment.withdrawn).map((comment) => comment.id)),
    };
  }
}

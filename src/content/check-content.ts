// Validates the whole content folder without building: every post's front matter and
// every comment file, reply graphs included. Used before each build and by
// `npm run check:content`.
import type { Comment } from "../comments/comment.ts";
import type { CommentReader } from "../comments/read-comments.ts";
import { listPostDirs } from "./post-dirs.ts";
import { loadPost, type LoadedPost, type Post } from "./posts.ts";
import type { Problem } from "./problem.ts";

export interface CheckedPost extends Post {
  /** Its valid comments, as loaded once for this check. */
  comments: Comment[];
}

export interface ContentReport {
  posts: CheckedPost[];
  /** The valid comments (check:content's summary counts every comment file instead). */
  commentCount: number;
  problems: Problem[];
}

export interface PostsReport {
  posts: Post[];
  problems: Problem[];
}

/** These posts' front matter only (the comment worker of a build, which checks the comments next). */
export function checkPosts(postDirs: readonly string[], projectRoot = process.cwd()): PostsReport {
  const posts: Post[] = [];
  const problems: Problem[] = [];
  for (const dir of postDirs) {
    const loaded = loadPost(dir, projectRoot);
    problems.push(...loaded.problems);
    if (loaded.post) posts.push(loaded.post);
  }
  return { posts, problems };
}

/** `loadOne` reads a post: `loadPost` by default, a `PostCache`'s in the dev server. */
export function checkContent(
  contentDir: string,
  reader: CommentReader,
  projectRoot = process.cwd(),
  loadOne: (dir: string) => LoadedPost = (dir) => loadPost(dir, projectRoot),
): ContentReport {
  const posts: CheckedPost[] = [];
  const problems: Problem[] = [];
  let commentCount = 0;
  for (const dir of listPostDirs(contentDir)) {
    const loaded = loadOne(dir);
    problems.push(...loaded.problems);
    const comments = reader.load(dir);
    if (loaded.post) posts.push({ ...loaded.post, comments: comments.comments });
    commentCount += comments.comments.length;
    problems.push(...comments.problems);
  }
  return { posts, commentCount, problems };
}

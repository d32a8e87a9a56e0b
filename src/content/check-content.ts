// Validates the whole content folder without building: every post's front matter and
// every comment file, reply graphs included. Used before each build and by
// `npm run check:content`.
import type { Comment } from "../comments/comment.ts";
import type { CommentStore } from "../comments/comment-store.ts";
import { listPostDirs, loadPost, type Post } from "./posts.ts";
import type { Problem } from "./problem.ts";

export interface CheckedPost extends Post {
  /** Its valid comments, as loaded once for this check. */
  comments: Comment[];
}

export interface ContentReport {
  posts: CheckedPost[];
  commentCount: number;
  problems: Problem[];
}

export function checkContent(contentDir: string, store: CommentStore, projectRoot = process.cwd()): ContentReport {
  const posts: CheckedPost[] = [];
  const problems: Problem[] = [];
  let commentCount = 0;
  for (const dir of listPostDirs(contentDir)) {
    const loaded = loadPost(dir, projectRoot);
    problems.push(...loaded.problems);
    const comments = store.load(dir);
    if (loaded.post) posts.push({ ...loaded.post, comments: comments.comments });
    commentCount += comments.comments.length;
    problems.push(...comments.problems);
  }
  return { posts, commentCount, problems };
}

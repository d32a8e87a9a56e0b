// Validates the whole content folder without building: every post's front matter and
// every comment file, reply graphs included. Used before each build and by
// `npm run check:content`.
import type { CommentStore } from "../comments/comment-store.ts";
import { listPostDirs, loadPost, type Post } from "./posts.ts";
import type { Problem } from "./problem.ts";

export interface ContentReport {
  posts: Post[];
  commentCount: number;
  problems: Problem[];
}

export function checkContent(contentDir: string, store: CommentStore, projectRoot = process.cwd()): ContentReport {
  const posts: Post[] = [];
  const problems: Problem[] = [];
  let commentCount = 0;
  for (const dir of listPostDirs(contentDir)) {
    const loaded = loadPost(dir, projectRoot);
    problems.push(...loaded.problems);
    if (loaded.post) posts.push(loaded.post);
    const comments = store.load(dir);
    commentCount += comments.comments.length;
    problems.push(...comments.problems);
  }
  return { posts, commentCount, problems };
}

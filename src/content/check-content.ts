// Validates the whole content folder without building: every post's and page's front
// matter, every comment and mention file, reply graphs and ids included, and the
// addresses posts and pages share. Used before each build and by `npm run check:content`,
// which checks their aliases across the site too (checkSite), as the build does later.
import { relative } from "node:path";
import type { Comment } from "../comments/comment.ts";
import type { Mention } from "../comments/mention.ts";
import type { CommentReader } from "../comments/read-comments.ts";
import { planSiteRedirects } from "../redirects/alias-claims.ts";
import { addressClashes } from "./addresses.ts";
import { listPageDirs } from "./page-dirs.ts";
import { loadPage, type Page } from "./pages.ts";
import { listPostDirs } from "./post-dirs.ts";
import { loadPost, type LoadedPost, type Post } from "./posts.ts";
import type { Problem } from "./problem.ts";

export interface CheckedPost extends Post {
  /** Its valid comments and mentions, as loaded once for this check. */
  comments: Comment[];
  mentions: Mention[];
}

export interface CheckedPage extends Page {
  comments: Comment[];
  mentions: Mention[];
}

export interface ContentReport {
  posts: CheckedPost[];
  pages: CheckedPage[];
  /** The valid comments (check:content's summary counts every comment file instead). */
  commentCount: number;
  problems: Problem[];
}

export interface PostsReport {
  posts: Post[];
  pages: Page[];
  problems: Problem[];
}

/**
 * These posts' and pages' front matter, and the addresses they share, only (the comment
 * worker of a build, which checks the comments next).
 */
export function checkPosts(
  postDirs: readonly string[],
  projectRoot = process.cwd(),
  pageDirs: ReturnType<typeof listPageDirs> = [],
): PostsReport {
  const posts: Post[] = [];
  const pages: Page[] = [];
  const problems: Problem[] = [];
  for (const dir of postDirs) {
    const loaded = loadPost(dir, projectRoot);
    problems.push(...loaded.problems);
    if (loaded.post) posts.push(loaded.post);
  }
  for (const dir of pageDirs) {
    const loaded = loadPage(dir, projectRoot);
    problems.push(...loaded.problems);
    if (loaded.page) pages.push(loaded.page);
  }
  problems.push(...addressClashes(posts, pages));
  return { posts, pages, problems };
}

/** `loadOne` reads a post: `loadPost` by default, a `PostCache`'s in the dev server. */
export function checkContent(
  contentDir: string,
  reader: CommentReader,
  projectRoot = process.cwd(),
  loadOne: (dir: string) => LoadedPost = (dir) => loadPost(dir, projectRoot),
): ContentReport {
  const posts: CheckedPost[] = [];
  const pages: CheckedPage[] = [];
  const problems: Problem[] = [];
  let commentCount = 0;
  const responsesOf = (dir: string) => {
    const read = reader.load(dir);
    commentCount += read.comments.length;
    problems.push(...read.problems);
    return { comments: read.comments, mentions: read.mentions };
  };
  for (const dir of listPostDirs(contentDir)) {
    const loaded = loadOne(dir);
    problems.push(...loaded.problems);
    const responses = responsesOf(dir);
    if (loaded.post) posts.push({ ...loaded.post, ...responses });
  }
  for (const pageDir of listPageDirs(contentDir)) {
    const loaded = loadPage(pageDir, projectRoot);
    problems.push(...loaded.problems);
    // A folder that is only a step of its child pages' addresses has no comments to read.
    if (!loaded.page && loaded.problems.length === 0) continue;
    const responses = responsesOf(pageDir.dir);
    if (loaded.page) pages.push({ ...loaded.page, ...responses });
  }
  problems.push(...addressClashes(posts, pages));
  return { posts, pages, commentCount, problems };
}

/**
 * `npm run check:content`'s check: checkContent, then the aliases of its posts and pages,
 * drafts included, planned across the site as the build plans them (planSiteRedirects,
 * which the build calls on Eleventy's pages: not here, or a build would list them twice).
 */
export function checkSite(
  contentDir: string,
  reader: CommentReader,
  projectRoot = process.cwd(),
): ContentReport {
  const report = checkContent(contentDir, reader, projectRoot);
  const aliases = planSiteRedirects([...report.posts, ...report.pages], relative(projectRoot, contentDir));
  return { ...report, problems: [...report.problems, ...aliases.problems] };
}

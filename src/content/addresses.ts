// Posts and pages share the site's addresses: a post is /<its folder>/, a page
// /<its path>/ (./post-dirs.ts, ./page-dirs.ts). Two that want the same address are refused
// together, in one line naming both; the addresses of the site's own pages are refused
// with the folder's name (src/site/reserved-addresses.ts). So a name ("a-propos",
// "a-propos/equipe") is the address of one post or page at most: the comment server and
// the authoring commands find where a comment goes by it (`findPostOrPage`).
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { isPageFolderName, PAGES_FOLDER } from "./page-dirs.ts";
import { isPagePage, loadPage } from "./pages.ts";
import { CONTENT_DIR, isPostFolderName, POSTS_FOLDER } from "./post-dirs.ts";
import { commentsOpen, isPostPage, loadPost, POST_FILE } from "./posts.ts";
import { problem, type Problem } from "./problem.ts";

/**
 * The address of a post's or a page's file, by the content contract: /<folder>/ for
 * content/posts/<folder>/index.md, /<path>/ for content/pages/<path>/index.md; none for any
 * other file. `file` is relative to the project ("./" or not), as `contentDir` is. The
 * permalinks Eleventy gives them (content/posts/posts.11tydata.js,
 * content/pages/pages.11tydata.js) are the same, so what knows no Eleventy page (check:content)
 * knows the addresses the build writes.
 */
export function contentFileAddress(file: string, contentDir: string = CONTENT_DIR): string | undefined {
  const path = file.replace(/^\.\//, "");
  const root = contentDir.replace(/^\.\//, "").replace(/\/$/, "");
  const folder = (name: string) => (root === "" || root === "." ? name : `${root}/${name}`);
  const between = (dir: string) => `/${path.slice(dir.length + 1, -POST_FILE.length - 1)}/`;
  const postsDir = folder(POSTS_FOLDER);
  if (isPostPage(path, postsDir)) return between(postsDir);
  const pagesDir = folder(PAGES_FOLDER);
  if (isPagePage(path, pagesDir)) return between(pagesDir);
  return undefined;
}

/** One problem per page whose address a post has already: the page's folder, naming the post's file. */
export function addressClashes(
  posts: readonly { slug: string; file: string }[],
  pages: readonly { path: string; file: string }[],
): Problem[] {
  const postFiles = new Map(posts.map((post) => [post.slug, post.file]));
  const problems: Problem[] = [];
  for (const page of pages) {
    const post = postFiles.get(page.path);
    if (post === undefined) continue;
    problems.push(
      problem(
        page.file,
        "folder",
        `/${page.path}/ is the address of both this page and the post ${post}: rename the folder of one of them`,
      ),
    );
  }
  return problems;
}

/** Where comments on a post or a page go: its folder, found by its address. */
export interface PostOrPage {
  kind: "post" | "page";
  /** Its address without the slashes around it: a post's folder name, a page's path. */
  name: string;
  dir: string;
  /** Its index.md, relative to the project. */
  file: string;
}

/**
 * The post or the page whose address is `/<name>/` ("le-smo-le-nouveau-community-management",
 * "a-propos/equipe"), if its folder holds an index.md and its name is not refused; the
 * post when a post and a page both claim it (a clash the build refuses). Reads the
 * files as they are now: nothing is cached.
 */
export function findPostOrPage(projectRoot: string, name: string): PostOrPage | undefined {
  const contentDir = join(projectRoot, CONTENT_DIR);
  const at = (kind: PostOrPage["kind"], dir: string): PostOrPage | undefined =>
    existsSync(join(dir, POST_FILE))
      ? { kind, name, dir, file: relative(projectRoot, join(dir, POST_FILE)) }
      : undefined;
  if (isPostFolderName(name)) {
    const post = at("post", join(contentDir, POSTS_FOLDER, name));
    if (post) return post;
  }
  // Every folder of its path must be a page folder's name ("", "..", "comments" or "À propos" are not).
  const segments = name.split("/");
  if (!segments.every((segment, depth) => isPageFolderName(segment, depth === 0))) return undefined;
  return at("page", join(contentDir, PAGES_FOLDER, ...segments));
}

/** A post or a page as one who writes into its comments needs it (the comment server). */
export interface CommentablePostOrPage extends PostOrPage {
  title: string;
  draft: boolean;
  /** Whether readers may comment on it (`commentsOpen`, src/content/posts.ts). */
  commentsOpen: boolean;
}

/**
 * The post or page whose address is `/<name>/`, its front matter read and checked as the
 * build checks it; undefined when there is none, or the build would refuse its file.
 */
export function loadPostOrPage(projectRoot: string, name: string): CommentablePostOrPage | undefined {
  const found = findPostOrPage(projectRoot, name);
  if (!found) return undefined;
  const data =
    found.kind === "post"
      ? loadPost(found.dir, projectRoot).post?.data
      : loadPage({ dir: found.dir, path: name, holdsPages: false, holdsResponses: false }, projectRoot).page
          ?.data;
  if (!data) return undefined;
  return { ...found, title: data.title, draft: data.draft === true, commentsOpen: commentsOpen(data) };
}

// The post or page a command's argument names, by its address ("un-article",
// "a-propos/equipe": src/content/addresses.ts), for the commands that write into its
// comments/ folder (new:comment, comments:moderate -- withdraw), and for the comment
// server's publisher through them. An unknown name is refused, listing the known ones.
import { basename, join } from "node:path";
import { findPostOrPage, type PostOrPage } from "../content/addresses.ts";
import { listPageDirs } from "../content/page-dirs.ts";
import { CONTENT_DIR, isPostFolderName, listPostDirs } from "../content/post-dirs.ts";
import { AuthoringError } from "./authoring-error.ts";

/** `argument`: how the command names the post in its messages ("post-slug", "post"). */
export function postOrPageOf(projectRoot: string, name: string, argument: string): PostOrPage {
  const found = findPostOrPage(projectRoot, name);
  if (found) return found;
  const contentDir = join(projectRoot, CONTENT_DIR);
  const posts = listPostDirs(contentDir)
    .map((dir) => basename(dir))
    .filter(isPostFolderName);
  const pages = listPageDirs(contentDir)
    .map((page) => page.path)
    .filter((path) => findPostOrPage(projectRoot, path)?.kind === "page");
  const known = `posts: ${posts.join(", ") || "none yet"}`;
  // A site without pages is told of posts only, as before pages.
  if (pages.length === 0)
    throw new AuthoringError(argument, `no post "${name}" in content/posts/ (${known})`);
  throw new AuthoringError(
    argument,
    `no post or page "${name}" in content/posts/ or content/pages/ (${known}; pages: ${pages.join(", ")})`,
  );
}

// Where the posts are (the content contract in the README), found without reading them.
// Its own module: `npm run build` counts the posts before anything else loads
// (src/comments/worker/early-start.ts).
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const CONTENT_DIR = "content";
export const POSTS_FOLDER = "posts";

/** Folders of all posts under the content folder, sorted. */
export function listPostDirs(contentDir: string): string[] {
  const postsDir = join(contentDir, POSTS_FOLDER);
  let entries;
  try {
    entries = readdirSync(postsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && !entry.name.startsWith("_"))
    .map((entry) => join(postsDir, entry.name))
    .sort();
}

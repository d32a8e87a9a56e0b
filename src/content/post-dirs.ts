// What a post folder is (the content contract in the README), the one definition the
// build, check:content, the authoring commands and Eleventy's ignores all use:
// - content/posts/<name>/, and the post's address is /<name>/, whatever its title says
//   (renaming the folder is how an author moves a post on purpose);
// - a name of lower-case ASCII letters, digits and hyphens, not starting with a hyphen;
// - a folder whose name starts with "." or "_" is no post: every tool leaves it alone;
// - any other name, or one whose address another page of the site has, is refused.
import { readdirSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { slugifyTitle } from "../format/slug.ts";
import { RESERVED_ADDRESSES } from "../site/reserved-addresses.ts";
import { problem, type Problem } from "./problem.ts";

export const CONTENT_DIR = "content";
export const POSTS_FOLDER = "posts";

const POST_FOLDER_NAME = /^[a-z0-9][a-z0-9-]*$/;
const NAME_RULE =
  "a post folder's name holds only lower-case letters a-z, digits and hyphens, and starts with a letter or a digit";
const IGNORED_PREFIXES = [".", "_"] as const;

/** Why a name cannot be a post's folder: not an address, or another page's. */
export type PostFolderFault =
  { kind: "unusable"; suggestion?: string } | { kind: "reserved"; takenBy: string };

/** A folder that is no post (hidden, or set aside with "_"): listed by no tool, read by no build. */
export function isIgnoredPostFolder(name: string): boolean {
  return IGNORED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * What is wrong with a (not ignored) folder name as one segment of an address, whatever
 * the site's own pages take: a post's folder, or a page's at any depth (./page-dirs.ts).
 */
export function addressSegmentFault(name: string): PostFolderFault | undefined {
  if (POST_FOLDER_NAME.test(name)) return undefined;
  // The name to use: the folder's own name made an address, as new:post makes a title one.
  const suggestion = slugifyTitle(name);
  const usable = POST_FOLDER_NAME.test(suggestion) && !RESERVED_ADDRESSES.has(suggestion);
  return usable ? { kind: "unusable", suggestion } : { kind: "unusable" };
}

/** What is wrong with a (not ignored) folder name as a post's address; undefined when nothing is. */
export function postFolderFault(name: string): PostFolderFault | undefined {
  const unusable = addressSegmentFault(name);
  if (unusable) return unusable;
  const takenBy = RESERVED_ADDRESSES.get(name);
  return takenBy === undefined ? undefined : { kind: "reserved", takenBy };
}

/** Whether `name` is a post's folder: neither ignored nor refused. */
export function isPostFolderName(name: string): boolean {
  return !isIgnoredPostFolder(name) && postFolderFault(name) === undefined;
}

/** The one-line refusal of a post folder's name ("content/posts/Mon Billet: folder: …"), if refused. */
export function postFolderProblem(postDir: string, projectRoot = process.cwd()): Problem | undefined {
  const name = basename(postDir);
  const fault = isIgnoredPostFolder(name) ? undefined : postFolderFault(name);
  if (!fault) return undefined;
  const folder = relative(projectRoot, postDir);
  if (fault.kind === "reserved")
    return problem(
      folder,
      "folder",
      `"${name}" cannot be a post's address: /${name}/ is already that of ${fault.takenBy}; rename the folder`,
    );
  const fix =
    fault.suggestion === undefined
      ? "rename the folder"
      : `rename it to ${join(dirname(folder), fault.suggestion)}`;
  return problem(folder, "folder", `"${name}" cannot be a post's address (/<folder>/): ${NAME_RULE}; ${fix}`);
}

/** Eleventy's ignores for the folders no tool reads, under the posts folder `postsDir`. */
export function ignoredPostFolderGlobs(postsDir: string): string[] {
  return IGNORED_PREFIXES.map((prefix) => `${postsDir}/${prefix}*/**`);
}

/**
 * Folders of all posts under the content folder, sorted: every folder not ignored,
 * refused names included, so that the checks report them (loadPost).
 */
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
    .filter((entry) => entry.isDirectory() && !isIgnoredPostFolder(entry.name))
    .map((entry) => join(postsDir, entry.name))
    .sort();
}

// What a page folder is (the content contract in the README), the one definition the
// build (in process and in the comment worker), check:content and Eleventy's ignores use:
// - content/pages/<path>/index.md, and the page's address is /<path>/: "a-propos" is
//   /a-propos/, "a-propos/equipe" (a folder in a page folder) /a-propos/equipe/;
// - each folder's name follows a post folder's rule (./post-dirs.ts), and the first one
//   is refused where the site's own pages take that address (src/site/reserved-addresses.ts);
// - inside a page folder, comments/ and mentions/ hold its comments and mentions, as in
//   a post folder: no page is named so; other folders are child pages;
// - a folder without index.md that holds page folders is only a step of their addresses;
// - a folder whose name starts with "." or "_" is no page: every tool leaves it alone.
import { readdirSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { COMMENTS_FOLDER, MENTIONS_FOLDER } from "../comments/read-comments.ts";
import { addressSegmentFault, isIgnoredPostFolder, postFolderFault } from "./post-dirs.ts";
import { problem, type Problem } from "./problem.ts";

export const PAGES_FOLDER = "pages";

/** In a page folder (as in a post folder), what holds its comments and its mentions: never a page. */
const RESPONSE_FOLDERS: ReadonlySet<string> = new Set([COMMENTS_FOLDER, MENTIONS_FOLDER]);

const NAME_RULE =
  "a page folder's name holds only lower-case letters a-z, digits and hyphens, and starts with a letter or a digit";

/** A page's folder, as listed: where it is, its address, and what it holds that the checks need. */
export interface PageDir {
  dir: string;
  /** Its address without the slashes around it: "a-propos", "a-propos/equipe". */
  path: string;
  /** Whether it holds page folders: without an index.md, it is only a step of their addresses. */
  holdsPages: boolean;
  /** Whether it holds a comments/ or mentions/ folder. */
  holdsResponses: boolean;
}

/**
 * Every page folder under the content folder, parents before their children, sorted by
 * address: refused names included, so that the checks report them (./pages.ts), but not
 * what is in them.
 */
export function listPageDirs(contentDir: string): PageDir[] {
  const found: PageDir[] = [];
  const visit = (dir: string, path: string | undefined): { holdsPages: boolean; holdsResponses: boolean } => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return { holdsPages: false, holdsResponses: false };
      throw error;
    }
    let holdsPages = false;
    let holdsResponses = false;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!entry.isDirectory() || isIgnoredPostFolder(entry.name)) continue;
      if (path !== undefined && RESPONSE_FOLDERS.has(entry.name)) {
        holdsResponses = true;
        continue;
      }
      holdsPages = true;
      const child = join(dir, entry.name);
      const childPath = path === undefined ? entry.name : `${path}/${entry.name}`;
      const page: PageDir = { dir: child, path: childPath, holdsPages: false, holdsResponses: false };
      found.push(page);
      if (pageSegmentFault(entry.name, path === undefined) === undefined)
        Object.assign(page, visit(child, childPath));
    }
    return { holdsPages, holdsResponses };
  };
  visit(join(contentDir, PAGES_FOLDER), undefined);
  return found;
}

/**
 * What is wrong with one folder name of a page's address (`first`: the folder right under
 * content/pages/); `parent`, the folder it is in, for the name to use instead.
 */
function pageSegmentFault(name: string, first: boolean, parent = ""): string | undefined {
  if (RESPONSE_FOLDERS.has(name))
    return `"${name}" cannot be a page's folder: in a page folder, ${COMMENTS_FOLDER}/ and ${MENTIONS_FOLDER}/ hold its comments and mentions; rename the folder`;
  const fault = first ? postFolderFault(name) : addressSegmentFault(name);
  if (!fault) return undefined;
  if (fault.kind === "reserved")
    return `"${name}" cannot be a page's address: /${name}/ is already that of ${fault.takenBy}; rename the folder`;
  const fix =
    fault.suggestion === undefined ? "rename the folder" : `rename it to ${join(parent, fault.suggestion)}`;
  return `"${name}" cannot be part of a page's address (/<path>/): ${NAME_RULE}; ${fix}`;
}

/**
 * Whether `name` can be the folder of a page: `first`, right under content/pages/ (where
 * the reserved addresses apply), or in a page folder. Names set aside ("_", ".") cannot.
 */
export function isPageFolderName(name: string, first: boolean): boolean {
  return !isIgnoredPostFolder(name) && pageSegmentFault(name, first) === undefined;
}

/** The one-line refusal of a page folder's name ("content/pages/À propos: folder: …"), if refused. */
export function pageFolderProblem(page: PageDir, projectRoot = process.cwd()): Problem | undefined {
  const folder = relative(projectRoot, page.dir);
  const fault = pageSegmentFault(basename(page.dir), !page.path.includes("/"), dirname(folder));
  return fault === undefined ? undefined : problem(folder, "folder", fault);
}

/**
 * Eleventy's ignores under the pages folder `pagesDir`: the pages' comments and mentions
 * (data, read by src/comments/), and the folders no tool reads.
 */
export function ignoredPageFolderGlobs(pagesDir: string): string[] {
  return [...RESPONSE_FOLDERS, "_*", ".*"].map((name) => `${pagesDir}/**/${name}/**`);
}

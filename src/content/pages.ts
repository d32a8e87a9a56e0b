// Finds and validates pages: content/pages/<path>/index.md (./page-dirs.ts). A page's
// address is its path, whatever its title says; it has comments and mentions as a post
// has, but no date and no author, and it is not one of the posts (the home page, the
// posts' feed and the tags leave it out).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { COMMENTS_FOLDER } from "../comments/read-comments.ts";
import { pageFolderProblem, type PageDir } from "./page-dirs.ts";
import { POST_FILE } from "./posts.ts";
import { problem, type Problem } from "./problem.ts";
import { pageSchema, type PageFrontMatter } from "./schemas.ts";
import { readFrontMatter, validateFrontMatter } from "./validate.ts";

export interface Page {
  /** Its address without the slashes around it ("a-propos/equipe"): /<path>/. */
  path: string;
  dir: string;
  file: string;
  data: PageFrontMatter;
}

export type LoadedPage = { page: Page; problems: Problem[] } | { page?: undefined; problems: Problem[] };

/** The page in `pageDir`, if it holds one; a folder whose name is refused is no page, its file's problems listed too. */
export function loadPage(pageDir: PageDir, projectRoot = process.cwd()): LoadedPage {
  const refused = pageFolderProblem(pageDir, projectRoot);
  const loaded = readPage(pageDir, projectRoot);
  return refused ? { problems: [refused, ...loaded.problems] } : loaded;
}

function readPage(pageDir: PageDir, projectRoot: string): LoadedPage {
  const path = join(pageDir.dir, POST_FILE);
  const file = relative(projectRoot, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    const folder = relative(projectRoot, pageDir.dir);
    // Only a step of its child pages' addresses: no page, and nothing wrong, unless it
    // holds comments or mentions, which would be no page's.
    if (pageDir.holdsPages && !pageDir.holdsResponses) return { problems: [] };
    const message = pageDir.holdsPages
      ? `missing: its ${COMMENTS_FOLDER}/ or mentions/ belong to no page without ${POST_FILE} (write the page, or move them)`
      : `missing: a page folder holds its text in ${POST_FILE}`;
    return { problems: [problem(folder, POST_FILE, message)] };
  }
  const read = readFrontMatter(file, text);
  if (!read.ok) return { problems: read.problems };
  const frontMatter = read.value;
  const validated = validateFrontMatter(pageSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  return { page: { path: pageDir.path, dir: pageDir.dir, file, data: validated.value }, problems: [] };
}

/** Whether an Eleventy input path ("./content/pages/a-propos/equipe/index.md") is a page's. */
export function isPagePage(inputPath: string, pagesDir: string): boolean {
  const path = inputPath.replace(/^\.\//, "");
  const prefix = `${pagesDir.replace(/^\.\//, "").replace(/\/$/, "")}/`;
  return (
    path.startsWith(prefix) &&
    path.endsWith(`/${POST_FILE}`) &&
    path.length > prefix.length + POST_FILE.length
  );
}

/** The site header's navigation: the pages with `nav`, smaller first; the same number, by address. */
export function compareNavOrder(
  a: { data: { nav?: unknown }; url: string | false },
  b: { data: { nav?: unknown }; url: string | false },
): number {
  const order = Number(a.data.nav) - Number(b.data.nav);
  if (order !== 0) return order;
  const [left, right] = [String(a.url), String(b.url)];
  return left < right ? -1 : left > right ? 1 : 0;
}

// A one-off build (`npm run build`) starts from an empty output folder. Eleventy only
// adds and overwrites files, so a page whose post was deleted, renamed or made a draft
// again, or a draft page the dev server wrote into the same folder, would stay there and
// be published by `rsync` or `aws s3 sync` (README, deploying). As Vite does with its
// `outDir`, only a folder inside the project is emptied: one elsewhere may hold what is
// not ours, and it is left as it is. Nor is a folder emptied that holds the project's
// sources (an `--output` pointing at the wrong place must not delete them).
import { existsSync, readdirSync, rmSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** Eleventy's folders, as its `eleventy.before` event gives them. */
export interface BuildFolders {
  output: string;
  /** Where the posts, layouts and data are read from: never emptied, nor a folder holding them. */
  sources: readonly string[];
}

/** `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** Files whose presence says a folder is a project, not a build's output. */
const PROJECT_MARKERS = ["package.json", ".git", "node_modules"];

/** Whether a one-off build may empty this output folder first. */
export function mayEmptyOutputFolder(folders: BuildFolders, projectDir: string): boolean {
  const output = resolve(projectDir, folders.output);
  const project = resolve(projectDir);
  if (output === project || !isWithin(output, project)) return false;
  if (isWithin(output, join(project, "node_modules"))) return false;
  if (folders.sources.some((source) => isWithin(resolve(projectDir, source), output))) return false;
  return !PROJECT_MARKERS.some((marker) => existsSync(join(output, marker)));
}

/** Removes what the folder holds (not the folder: it may be a mount point or a link). */
export function emptyOutputFolder(folders: BuildFolders, projectDir: string): boolean {
  if (!mayEmptyOutputFolder(folders, projectDir)) return false;
  const output = resolve(projectDir, folders.output);
  if (!existsSync(output)) return true;
  for (const entry of readdirSync(output)) rmSync(join(output, entry), { recursive: true, force: true });
  return true;
}

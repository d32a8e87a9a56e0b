// A one-off build (`npm run build`) starts from an empty `_site/`. Eleventy only adds and
// overwrites files, so a page whose post was deleted, renamed or made a draft again, or a
// draft page the dev server wrote there, would stay and be published by `rsync` or
// `aws s3 sync` (README, deploying).
//
// Deleting is only safe where we know the folder is ours, so only the project's own
// output folder (the configuration's `_site`, not any `--output`) is emptied, and not when
// it is a symbolic link (its target may be anywhere) or holds what a build never writes
// (`.git`, as in a gh-pages worktree; `package.json`; `node_modules`). Folders given with
// `--output` (docs/ for GitHub Pages, a CI folder, a test's temporary folder) are left as
// they are: the caller owns them. A dry run or a build to JSON writes nothing, so it
// empties nothing either (the caller checks that: Eleventy says it, not the folder).
import { existsSync, lstatSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/** Files whose presence says a folder is not only a build's output. */
const FOREIGN_MARKERS = [".git", "package.json", "node_modules"];

export type EmptyingDecision = { empty: true } | { empty: false; warning?: string };

/**
 * Whether a one-off build writing to `output` may empty it first. `ownFolder` is the
 * configuration's output folder, relative to the project. A warning is given when the
 * folder is the project's own but cannot be emptied: stale pages may then be deployed.
 */
export function decideEmptying(output: string, ownFolder: string, projectDir: string): EmptyingDecision {
  const folder = resolve(projectDir, ownFolder);
  if (resolve(projectDir, output) !== folder) return { empty: false };
  if (!existsSync(folder)) return { empty: true };
  const marker = FOREIGN_MARKERS.find((name) => existsSync(join(folder, name)));
  const why = lstatSync(folder).isSymbolicLink() ? "it is a symbolic link" : marker && `it holds ${marker}`;
  if (!why) return { empty: true };
  return {
    empty: false,
    warning: `${ownFolder}/ was not emptied before the build (${why}): pages of deleted posts or drafts may still be in it`,
  };
}

/** Removes what the folder holds (not the folder: a server may be serving it). */
export function emptyFolder(folder: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder)) rmSync(join(folder, entry), { recursive: true, force: true });
}

// Dev server only. A comment file is not an Eleventy template, so when Eleventy's watcher
// sees one change it cannot tell which page depends on it and rebuilds every page (seconds
// on a large blog). Instead, Eleventy does not watch comment folders; this relay does, and
// touches the post's index.md when one of its comments or mentions is added, edited or
// removed: Eleventy's incremental mode then re-renders that post's page, and the comment
// reader re-reads only the file whose modification time changed. Pages (content/pages/,
// at any depth) are relayed the same way.
import { existsSync, utimesSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, sep } from "node:path";
import { COMMENTS_FOLDER, MENTIONS_FOLDER } from "../comments/read-comments.ts";
import { POST_FILE } from "../content/posts.ts";

const RESPONSE_FOLDERS: readonly string[] = [COMMENTS_FOLDER, MENTIONS_FOLDER];

/**
 * The post file a changed path (relative to the posts folder) belongs to, if it is a
 * comment or a mention. `nested`: the folder is content/pages/, whose pages hold pages.
 */
export function postFileOfComment(
  postsDir: string,
  changed: string,
  { nested = false }: { nested?: boolean } = {},
): string | undefined {
  const parts = changed.split(sep);
  const owner = parts.slice(0, -2);
  if (
    (nested ? owner.length === 0 : owner.length !== 1) ||
    !RESPONSE_FOLDERS.includes(parts.at(-2) ?? "") ||
    !parts.at(-1)?.toLowerCase().endsWith(".md")
  )
    return undefined;
  return join(postsDir, ...owner, POST_FILE);
}

/**
 * Watches every post's comments folder; returns a function that stops watching.
 * `onChange` hears of the post folder first (the comment reader forgets that folder), then
 * the post is touched.
 */
export function relayCommentChanges(
  postsDir: string,
  delayMs = 10,
  onChange: (postDir: string) => void = () => undefined,
  options: { nested?: boolean } = {},
): () => void {
  const pending = new Map<string, NodeJS.Timeout>();
  const touch = (postFile: string) => {
    pending.delete(postFile);
    onChange(dirname(postFile));
    const now = new Date();
    if (existsSync(postFile)) utimesSync(postFile, now, now);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(postsDir, { recursive: true }, (_event, filename) => {
      const postFile = filename ? postFileOfComment(postsDir, filename.toString(), options) : undefined;
      if (!postFile) return;
      clearTimeout(pending.get(postFile));
      pending.set(
        postFile,
        setTimeout(() => touch(postFile), delayMs),
      );
    });
  } catch {
    return () => undefined;
  }
  return () => {
    watcher?.close();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}

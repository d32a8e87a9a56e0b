// Dev server only. A comment file is not an Eleventy template, so when Eleventy's watcher
// sees one change it cannot tell which page depends on it and rebuilds every page (seconds
// on a large blog). Instead, Eleventy does not watch comment folders; this relay does, and
// touches the post's index.md when one of its comments is added, edited or removed:
// Eleventy's incremental mode then re-renders that post's page, and the comment reader
// re-reads only the file whose modification time changed.
import { existsSync, utimesSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, sep } from "node:path";
import { COMMENTS_FOLDER } from "../comments/read-comments.ts";
import { POST_FILE } from "../content/posts.ts";

/** The post file a changed path (relative to the posts folder) belongs to, if it is a comment. */
export function postFileOfComment(postsDir: string, changed: string): string | undefined {
  const parts = changed.split(sep);
  if (parts.length !== 3 || parts[1] !== COMMENTS_FOLDER || !parts[2]?.toLowerCase().endsWith(".md"))
    return undefined;
  return join(postsDir, parts[0] ?? "", POST_FILE);
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
      const postFile = filename ? postFileOfComment(postsDir, filename.toString()) : undefined;
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

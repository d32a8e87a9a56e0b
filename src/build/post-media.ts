// The pictures, sounds and videos kept beside a post's or a page's index.md (an imported
// blog's uploads: `npm run import:wordpress -- --uploads`, which links them relatively)
// are published beside its page: content/posts/<folder>/photo.jpg → _site/<folder>/photo.jpg,
// content/pages/<path>/plan.png → _site/<path>/plan.png. Eleventy copies nothing it does
// not know as a template; a passthrough copy cannot rename the posts/ step of the path.
import { copyFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { POST_FILE } from "../content/posts.ts";

/** What a page may show or play, by extension (the importer copies these). */
const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([
  ".jpg",
  ".jpeg",
  ".png",
  ".gif",
  ".webp",
  ".avif",
  ".svg",
  ".mp3",
  ".ogg",
  ".oga",
  ".wav",
  ".m4a",
  ".mp4",
  ".m4v",
  ".webm",
  ".ogv",
  ".pdf",
]);

function mediaIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(
    (name) => MEDIA_EXTENSIONS.has(extname(name).toLowerCase()) && statSync(join(dir, name)).isFile(),
  );
}

/** A page a build wrote: its template and its file. */
export interface WrittenPage {
  inputPath: string;
  outputPath: string | false;
}

/**
 * Copies the media beside each post's or page's index.md next to the page this build
 * wrote from it (a draft's, or a refused post's, is not written, so stays unpublished; a
 * dev-server rebuild copies only for the pages it wrote again); returns how many files.
 */
export function copyPostMedia(written: readonly WrittenPage[]): number {
  let copied = 0;
  for (const { inputPath, outputPath } of written) {
    if (basename(inputPath) !== POST_FILE || typeof outputPath !== "string") continue;
    if (basename(outputPath) !== "index.html") continue;
    const media = mediaIn(dirname(inputPath));
    for (const name of media) copyFileSync(join(dirname(inputPath), name), join(dirname(outputPath), name));
    copied += media.length;
  }
  return copied;
}

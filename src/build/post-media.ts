// The pictures, sounds and videos kept beside a post's or a page's index.md (an imported
// blog's uploads: `npm run import:wordpress -- --uploads`, which links them relatively)
// are published beside its page: content/posts/<folder>/photo.jpg → _site/<folder>/photo.jpg,
// content/pages/<path>/plan.png → _site/<path>/plan.png. Eleventy copies nothing it does
// not know as a template; a passthrough copy cannot rename the posts/ step of the path.
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { listPageDirs } from "../content/page-dirs.ts";
import { isPostFolderName, listPostDirs } from "../content/post-dirs.ts";

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

/**
 * Copies each post's and page's media to its address in `outputDir`, when the build wrote
 * its page there (a draft's, or a refused post's, stay unpublished); returns how many files.
 */
export function copyPostMedia(contentDir: string, outputDir: string): number {
  const folders = [
    ...listPostDirs(contentDir)
      .filter((dir) => isPostFolderName(basename(dir)))
      .map((dir) => ({ dir, address: basename(dir) })),
    ...listPageDirs(contentDir).map((page) => ({ dir: page.dir, address: page.path })),
  ];
  let copied = 0;
  for (const { dir, address } of folders) {
    const media = mediaIn(dir);
    if (media.length === 0) continue;
    const target = join(outputDir, ...address.split("/"));
    if (!existsSync(join(target, "index.html"))) continue;
    for (const name of media) copyFileSync(join(dir, name), join(target, name));
    copied += media.length;
  }
  return copied;
}

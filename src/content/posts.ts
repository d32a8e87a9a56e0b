// Finds and validates posts: content/posts/<slug>/index.md. A post's URL is its folder's
// name (./post-dirs.ts), whatever its title says: comments and tools find a post by its
// folder, readers by its URL, and a corrected title moves neither.
import { readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { lineOfKey } from "./front-matter.ts";
import { postFolderProblem } from "./post-dirs.ts";
import { problem, type Problem } from "./problem.ts";
import { postSchema, type PostFrontMatter } from "./schemas.ts";
import { readFrontMatter, validateFrontMatter } from "./validate.ts";

export const POST_FILE = "index.md";

export interface Post {
  /** Its folder's name, and so its address: /<slug>/. */
  slug: string;
  dir: string;
  file: string;
  data: PostFrontMatter;
}

export type LoadedPost = { post: Post; problems: Problem[] } | { post?: undefined; problems: Problem[] };

/** The post in `postDir`; a folder whose name is refused is no post, its file's problems listed too. */
export function loadPost(postDir: string, projectRoot = process.cwd()): LoadedPost {
  const loaded = readPost(postDir, projectRoot);
  const refused = postFolderProblem(postDir, projectRoot);
  return refused ? { problems: [refused, ...loaded.problems] } : loaded;
}

function readPost(postDir: string, projectRoot: string): LoadedPost {
  const path = join(postDir, POST_FILE);
  const file = relative(projectRoot, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {
      problems: [
        problem(
          relative(projectRoot, postDir),
          POST_FILE,
          `missing: a post folder holds its article in ${POST_FILE}`,
        ),
      ],
    };
  }
  const read = readFrontMatter(file, text);
  if (!read.ok) return { problems: read.problems };
  const frontMatter = read.value;
  const validated = validateFrontMatter(postSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const problems: Problem[] = [];
  if (isMissingDescription(validated.value)) {
    problems.push(
      problem(
        file,
        "description",
        "must not be empty once the post is published: a one-sentence summary for search engines and the home page (a draft may leave it empty)",
        {
          line: lineOfKey(frontMatter.yaml, "description"),
        },
      ),
    );
  }
  return { post: { slug: basename(postDir), dir: postDir, file, data: validated.value }, problems };
}

/**
 * Whether readers may comment on this post (the form, the "Répondre" links, the comment
 * server's intake): not when its front matter says `comments: closed`, nor on a draft,
 * which readers never see.
 */
export function commentsOpen(frontMatter: Pick<PostFrontMatter, "comments" | "draft">): boolean {
  return frontMatter.comments !== "closed" && frontMatter.draft !== true;
}

// `npm run new:post` writes `description: ""` with `draft: true`: a draft may be previewed
// before its summary is written, but a published page would silently fall back to the
// site's tagline in its <meta name="description">, and show no summary on the home page.
function isMissingDescription(data: PostFrontMatter): boolean {
  return data.draft !== true && data.description.trim() === "";
}

/**
 * Posts loaded once and kept while their file does not change (modification time and
 * size): a dev-server rebuild checks every post again, but only reads the edited ones.
 */
export class PostCache {
  private readonly files = new Map<string, { mtimeMs: number; size: number; loaded: LoadedPost }>();

  constructor(private readonly projectRoot = process.cwd()) {}

  load(postDir: string): LoadedPost {
    let stats;
    try {
      stats = statSync(join(postDir, POST_FILE));
    } catch {
      return loadPost(postDir, this.projectRoot);
    }
    const cached = this.files.get(postDir);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.loaded;
    const loaded = loadPost(postDir, this.projectRoot);
    this.files.set(postDir, { mtimeMs: stats.mtimeMs, size: stats.size, loaded });
    return loaded;
  }
}

/** Whether an Eleventy input path ("./content/posts/<slug>/index.md") is a post's page. */
export function isPostPage(inputPath: string, postsDir: string): boolean {
  const path = inputPath.replace(/^\.\//, "");
  const prefix = `${postsDir.replace(/^\.\//, "").replace(/\/$/, "")}/`;
  if (!path.startsWith(prefix) || !path.endsWith(`/${POST_FILE}`)) return false;
  const slug = path.slice(prefix.length, -POST_FILE.length - 1);
  return slug.length > 0 && !slug.includes("/");
}

/** Oldest first; the same date, by path (as Eleventy sorts its collections). */
export function compareByDateThenPath(
  a: { date: Date; inputPath: string },
  b: { date: Date; inputPath: string },
): number {
  return (
    a.date.getTime() - b.date.getTime() ||
    (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0)
  );
}

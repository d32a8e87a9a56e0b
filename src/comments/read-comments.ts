// Reads the comments of one post from its comments/ folder: one pass, each file read,
// validated and rendered once, then cached by modification time, so a rebuild in the
// dev server only re-reads the files that changed. Comments never enter Eleventy's
// data cascade (see docs/performance.md for why).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type MarkdownIt from "markdown-it";
import { problem, type Problem } from "../content/problem.ts";
import { createCommentMarkdown } from "../markdown/comment-markdown.ts";
import { checkReplies, type ReplyFacts } from "./check-replies.ts";
import type { Comment } from "./comment.ts";
import { commentIdOf, parseComment, type ParsedComment } from "./parse-comment.ts";

export interface PostComments {
  comments: Comment[];
  problems: Problem[];
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  parsed: ParsedComment;
}

export const COMMENTS_FOLDER = "comments";

function listFolder(dir: string): string[] | undefined {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * What a post's comments/ folder holds, sorted, hidden files (an editor's or a system's)
 * left out: every one of them is a comment or a problem. Undefined when there is no folder.
 */
export function commentFolderEntries(postDir: string): string[] | undefined {
  return listFolder(join(postDir, COMMENTS_FOLDER))?.filter((name) => !name.startsWith("."));
}

type ReadOne<T> = (path: string, file: string, id: string) => { item?: T; problems: Problem[] };

/**
 * One pass over a post's comments/ folder: every file is a comment (`readOne` turns it
 * into an item, or into problems) or a problem; then the reply graph is checked. Shared by
 * the comment reader and by the build's comment worker (src/comments/worker/), which validates
 * before it renders.
 */
export function scanCommentFolder<T extends ReplyFacts>(
  postDir: string,
  projectRoot: string,
  readOne: ReadOne<T>,
): { items: T[]; problems: Problem[] } {
  const dir = join(postDir, COMMENTS_FOLDER);
  const names = commentFolderEntries(postDir);
  if (!names) return { items: [], problems: [] };
  const items: T[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(projectRoot, path);
    if (!/\.md$/i.test(name)) {
      problems.push(
        problem(
          file,
          "file name",
          "not a comment: comment files end in .md (rename it or move it out of comments/)",
        ),
      );
      continue;
    }
    const read = readOne(path, file, commentIdOf(name));
    if (read.item) items.push(read.item);
    else problems.push(...read.problems);
  }
  problems.push(...checkReplies(items, projectRoot));
  return { items, problems };
}

export class CommentReader {
  private readonly files = new Map<string, CachedFile>();
  /** Folders already loaded since the last `startBuild()`: a build asks for a post's
   * comments more than once (the check, then the page with its JSON-LD and feed). */
  private readonly loaded = new Map<string, PostComments>();

  /**
   * Call once per build: the next `load` of each post looks at its folder again, unless
   * `keepFolders` (the dev server, told of every change by src/dev/comment-change-relay.ts
   * through `forgetFolder`, instead of listing and checking every folder again).
   */
  startBuild(options: { keepFolders?: boolean } = {}): void {
    if (!options.keepFolders) this.loaded.clear();
  }

  /** A comment of this post changed: its folder is looked at again on the next `load`. */
  forgetFolder(postDir: string): void {
    this.loaded.delete(resolve(postDir));
  }

  constructor(
    private readonly projectRoot: string = process.cwd(),
    private readonly markdown: MarkdownIt = createCommentMarkdown(),
  ) {}

  /** The comments of the post whose folder is `postDir`, with the problems found in them. */
  load(postDir: string): PostComments {
    const key = resolve(postDir);
    let result = this.loaded.get(key);
    if (!result) {
      result = this.loadFolder(postDir);
      this.loaded.set(key, result);
    }
    return result;
  }

  private loadFolder(postDir: string): PostComments {
    const { items, problems } = scanCommentFolder(postDir, this.projectRoot, (path, file, id) => {
      const parsed = this.parseFile(path, file, id);
      return parsed.comment ? { item: parsed.comment, problems: [] } : parsed;
    });
    return { comments: items, problems };
  }

  private parseFile(path: string, file: string, id: string): ParsedComment {
    const stats = statSync(path);
    const cached = this.files.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.parsed;
    const parsed = parseComment(file, id, readFileSync(path, "utf8"), this.markdown);
    this.files.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parsed });
    return parsed;
  }
}

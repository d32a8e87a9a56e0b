// Reads the comments and the mentions of one post (or page) from its comments/ and
// mentions/ folders: one pass, each file read, validated and rendered once, then cached by
// modification time, so a rebuild in the dev server only re-reads the files that changed.
// Comments and mentions never enter Eleventy's data cascade (see docs/performance.md for
// why). Mentions cost a post without any one look for their folder, no listing (a
// failed existsSync, measured cheaper than a listing of the post's folder or a failed one
// of mentions/, whose error JavaScript must build: docs/performance.md).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type MarkdownIt from "markdown-it";
import { problem, type Problem } from "../content/problem.ts";
import { createCommentMarkdown } from "../markdown/comment-markdown.ts";
import { checkMentionIds, type MentionFacts } from "./check-mentions.ts";
import { checkReplies, type ReplyFacts } from "./check-replies.ts";
import type { Comment } from "./comment.ts";
import type { Mention } from "./mention.ts";
import { commentIdOf, parseComment, type ParsedComment } from "./parse-comment.ts";
import { readMention, renderMention } from "./parse-mention.ts";

export interface PostComments {
  comments: Comment[];
  mentions: Mention[];
  problems: Problem[];
}

interface CachedFile<T> {
  mtimeMs: number;
  size: number;
  parsed: T;
}

export const COMMENTS_FOLDER = "comments";
/** Beside comments/: the post's pingbacks and trackbacks (./mention.ts). */
export const MENTIONS_FOLDER = "mentions";

function listFolder(dir: string): string[] | undefined {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** What a folder of comments or mentions holds, sorted, hidden files (an editor's or a system's) left out. */
function responseFiles(dir: string): string[] | undefined {
  return listFolder(dir)?.filter((name) => !name.startsWith("."));
}

/**
 * What a post's comments/ folder holds, sorted, hidden files (an editor's or a system's)
 * left out: every one of them is a comment or a problem. Undefined when there is no folder.
 */
export function commentFolderEntries(postDir: string): string[] | undefined {
  return responseFiles(join(postDir, COMMENTS_FOLDER));
}

/** What a post's mentions/ folder holds, as `commentFolderEntries` for comments/. */
export function mentionFolderEntries(postDir: string): string[] | undefined {
  return responseFiles(join(postDir, MENTIONS_FOLDER));
}

type ReadOne<T> = (path: string, file: string, id: string) => { item?: T; problems: Problem[] };

/** Every file of one folder of responses is an item (`readOne`) or a problem. */
function scanFolder<T>(
  dir: string,
  names: readonly string[],
  projectRoot: string,
  what: { noun: string; folder: string },
  readOne: ReadOne<T>,
): { items: T[]; problems: Problem[] } {
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
          `not a ${what.noun}: ${what.noun} files end in .md (rename it or move it out of ${what.folder}/)`,
        ),
      );
      continue;
    }
    const read = readOne(path, file, commentIdOf(name));
    if (read.item) items.push(read.item);
    else problems.push(...read.problems);
  }
  return { items, problems };
}

/**
 * One pass over a post's comments/ and mentions/ folders: every file is a comment or a
 * mention (`readComment`, `readMention` turn it into an item, or into problems) or a
 * problem; then the reply graph is checked, and the one sequence of ids the comments and
 * mentions share. Shared by the comment reader and by the build's comment worker
 * (src/comments/worker/), which validates before it renders.
 */
export function scanResponses<C extends ReplyFacts, M extends MentionFacts>(
  postDir: string,
  projectRoot: string,
  readComment: ReadOne<C>,
  readMention: ReadOne<M>,
): { comments: C[]; mentions: M[]; problems: Problem[] } {
  const commentNames = commentFolderEntries(postDir);
  const mentionNames = existsSync(join(postDir, MENTIONS_FOLDER)) ? mentionFolderEntries(postDir) : undefined;
  const comments = commentNames
    ? scanFolder(
        join(postDir, COMMENTS_FOLDER),
        commentNames,
        projectRoot,
        { noun: "comment", folder: COMMENTS_FOLDER },
        readComment,
      )
    : { items: [], problems: [] };
  const problems = [...comments.problems, ...checkReplies(comments.items, projectRoot)];
  if (!mentionNames) return { comments: comments.items, mentions: [], problems };
  const mentions = scanFolder(
    join(postDir, MENTIONS_FOLDER),
    mentionNames,
    projectRoot,
    { noun: "mention", folder: MENTIONS_FOLDER },
    readMention,
  );
  problems.push(...mentions.problems, ...checkMentionIds(mentions.items, comments.items));
  return { comments: comments.items, mentions: mentions.items, problems };
}

export class CommentReader {
  private readonly files = new Map<string, CachedFile<ParsedComment>>();
  private readonly mentionFiles = new Map<string, CachedFile<{ item?: Mention; problems: Problem[] }>>();
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

  /** The comments and mentions of the post (or page) whose folder is `postDir`, with the problems found in them. */
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
    const { comments, mentions, problems } = scanResponses(
      postDir,
      this.projectRoot,
      (path, file, id) => {
        const parsed = this.parseFile(path, file, id);
        return parsed.comment ? { item: parsed.comment, problems: [] } : parsed;
      },
      (path, file, id) => this.parseMentionFile(path, file, id),
    );
    return { comments, mentions, problems };
  }

  private parseMentionFile(path: string, file: string, id: string): { item?: Mention; problems: Problem[] } {
    const stats = statSync(path);
    const cached = this.mentionFiles.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.parsed;
    const read = readMention(file, id, readFileSync(path, "utf8"));
    const parsed = read.source
      ? { item: renderMention(read.source, this.markdown), problems: [] }
      : { problems: read.problems };
    this.mentionFiles.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, parsed });
    return parsed;
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

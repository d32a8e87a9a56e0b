// Turns the text of one comment file into a Comment, or into the Problems that stop it.
import MarkdownIt from "markdown-it";
import type { FrontMatter } from "../content/front-matter.ts";
import { removeUnsafeCharacters } from "../content/invisible-characters.ts";
import { problem, type Problem } from "../content/problem.ts";
import { commentSchema, withdrawnCommentSchema } from "../content/schemas.ts";
import { readFrontMatter, validateFrontMatter } from "../content/validate.ts";
import type { Comment } from "./comment.ts";

export type ParsedComment = { comment: Comment; problems: [] } | { comment?: undefined; problems: Problem[] };

/** A comment validated but not rendered yet: its body is still Markdown. */
export type CommentSource = Omit<Comment, "bodyHtml"> & { body: string };

export type ReadComment =
  { source: CommentSource; problems: [] } | { source?: undefined; problems: Problem[] };

/** The id of a comment file: its name without ".md". */
export function commentIdOf(fileName: string): string {
  return fileName.replace(/\.md$/i, "");
}

/** Validates a comment file's text; rendering its body is left to `renderComment`. */
export function readComment(file: string, id: string, text: string): ReadComment {
  const read = readFrontMatter(file, text);
  if (!read.ok) return { problems: read.problems };
  const frontMatter = read.value;
  if (frontMatter.data.withdrawn === true) return readWithdrawn(file, id, frontMatter);
  const validated = validateFrontMatter(commentSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const { author, date, parent, url } = validated.value;
  if (frontMatter.body.trim() === "") return { problems: [problem(file, "body", "the comment has no text")] };
  const source: CommentSource = {
    id,
    file,
    author: removeUnsafeCharacters(author),
    date,
    body: removeUnsafeCharacters(frontMatter.body),
  };
  if (parent !== undefined) source.parent = parent;
  if (url !== undefined) source.url = url;
  return { source, problems: [] };
}

/**
 * A withdrawn comment keeps its date and its parent (its place in the thread); whatever
 * else its file still says (a name, a web site, a text) is left out here, so that no part
 * of the build can show it.
 */
function readWithdrawn(file: string, id: string, frontMatter: FrontMatter): ReadComment {
  const validated = validateFrontMatter(withdrawnCommentSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const { date, parent } = validated.value;
  const source: CommentSource = { id, file, author: "", date, body: "", withdrawn: true };
  if (parent !== undefined) source.parent = parent;
  return { source, problems: [] };
}

/** The comment with its body rendered by the comment markdown-it instance. */
export function renderComment(source: CommentSource, markdown: MarkdownIt): Comment {
  const { body, ...fields } = source;
  return { ...fields, bodyHtml: source.withdrawn ? "" : markdown.render(body) };
}

export function parseComment(file: string, id: string, text: string, markdown: MarkdownIt): ParsedComment {
  const read = readComment(file, id, text);
  return read.source ? { comment: renderComment(read.source, markdown), problems: [] } : read;
}

// Turns the text of one comment file into a Comment, or into the Problems that stop it.
import MarkdownIt from "markdown-it";
import { FrontMatterError, splitFrontMatter } from "../content/front-matter.ts";
import { removeUnsafeCharacters } from "../content/invisible-characters.ts";
import { problem, type Problem } from "../content/problem.ts";
import { commentSchema } from "../content/schemas.ts";
import { validateFrontMatter } from "../content/validate.ts";
import type { Comment } from "./comment.ts";

export type ParsedComment = { comment: Comment; problems: [] } | { comment?: undefined; problems: Problem[] };

/** The id of a comment file: its name without ".md". */
export function commentIdOf(fileName: string): string {
  return fileName.replace(/\.md$/i, "");
}

export function parseComment(file: string, id: string, text: string, markdown: MarkdownIt): ParsedComment {
  let frontMatter;
  try {
    frontMatter = splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return { problems: [problem(file, "front matter", error.message, error.line === undefined ? {} : { line: error.line })] };
    throw error;
  }
  const validated = validateFrontMatter(commentSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const { author, date, parent, url } = validated.value;
  if (frontMatter.body.trim() === "") return { problems: [problem(file, "body", "the comment has no text")] };
  const comment: Comment = { id, file, author: removeUnsafeCharacters(author), date, bodyHtml: markdown.render(removeUnsafeCharacters(frontMatter.body)) };
  if (parent !== undefined) comment.parent = parent;
  if (url !== undefined) comment.url = url;
  return { comment, problems: [] };
}

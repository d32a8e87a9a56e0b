// The files of an imported comment (comments/<comment_ID>.md) and of a pingback or
// trackback (mentions/<comment_ID>.md). The id is WordPress's, so every old
// "#comment-123" link still lands on its comment. Only what the content contract holds
// is written: the author's name (entities decoded), web site and date for a comment; the
// source, its title and the date for a mention. Never the e-mail address or the IP.
// Each file is checked as the build checks it before it is written.
import { markdownWithFrontMatter } from "../authoring/front-matter-text.ts";
import { parseComment } from "../comments/parse-comment.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { formatProblem } from "../content/problem.ts";
import { mentionSchema } from "../content/schemas.ts";
import { validateFrontMatter } from "../content/validate.ts";
import { createCommentMarkdown } from "../markdown/comment-markdown.ts";
import { commentMarkdown } from "./comment-text.ts";
import { InvalidFileError } from "./item-files.ts";
import { plainText } from "./plain-text.ts";
import type { WxrComment } from "./wxr-reader.ts";

const ANONYMOUS = "Anonyme";
const EMPTY_COMMENT = "(commentaire sans texte)";

let markdown: ReturnType<typeof createCommentMarkdown> | undefined;

/** `url` as the build keeps it, or undefined when it is no http(s) address. */
function webAddress(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    if (
      (parsed.protocol === "http:" || parsed.protocol === "https:") &&
      parsed.hostname !== "" &&
      !parsed.username
    )
      return parsed.href;
  } catch {
    // not an address
  }
  return undefined;
}

function bodyOf(content: string, notes: string[]): string {
  const body = commentMarkdown(content, notes);
  if (body !== "") return body;
  notes.push(`texte vide : « ${EMPTY_COMMENT} »`);
  return EMPTY_COMMENT;
}

export function commentFile(
  comment: WxrComment,
  plan: { file: string; iso: string; parent?: string },
): { text: string; notes: string[] } {
  const notes: string[] = [];
  let author = plainText(comment.author);
  if (author === "") {
    author = ANONYMOUS;
    notes.push(`commentaire ${comment.id} sans nom : « ${ANONYMOUS} »`);
  }
  const url = webAddress(comment.authorUrl);
  if (url === undefined && comment.authorUrl.trim() !== "")
    notes.push(
      `commentaire ${comment.id} : site « ${comment.authorUrl.trim()} » (ni http ni https) laissé de côté`,
    );
  const text = markdownWithFrontMatter(
    { author, date: plan.iso, parent: plan.parent, url },
    bodyOf(comment.content, notes),
  );
  markdown ??= createCommentMarkdown();
  const parsed = parseComment(plan.file, comment.id.trim(), text, markdown);
  if (!parsed.comment) throw new InvalidFileError(parsed.problems.map(formatProblem).join("\n"));
  return { text, notes };
}

export function mentionFile(
  comment: WxrComment,
  plan: { file: string; iso: string },
  type: "pingback" | "trackback",
): { text: string; notes: string[] } | { skip: string } {
  const notes: string[] = [];
  const source = webAddress(comment.authorUrl);
  if (source === undefined) return { skip: `${type} sans adresse source http(s)` };
  const title = plainText(comment.author) || source;
  const text = markdownWithFrontMatter(
    { type, source, title, date: plan.iso },
    bodyOf(comment.content, notes),
  );
  const validated = validateFrontMatter(mentionSchema, plan.file, splitFrontMatter(text));
  if (!validated.ok) throw new InvalidFileError(validated.problems.map(formatProblem).join("\n"));
  return { text, notes };
}

// Turns the text of one mention file (mentions/<id>.md) into a Mention, or into the
// Problems that stop it: the same front matter reading and checks as a comment's, with
// the mention's own schema; the excerpt is untrusted, rendered by the comment markdown.
import type MarkdownIt from "markdown-it";
import { removeUnsafeCharacters } from "../content/invisible-characters.ts";
import type { Problem } from "../content/problem.ts";
import type { FrontMatter } from "../content/front-matter.ts";
import { mentionSchema, withdrawnMentionSchema } from "../content/schemas.ts";
import { readFrontMatter, validateFrontMatter } from "../content/validate.ts";
import type { Mention } from "./mention.ts";

/** A mention validated but not rendered yet: its excerpt is still Markdown. */
export type MentionSource = Omit<Mention, "excerptHtml"> & { excerpt: string };

export type ReadMention =
  { source: MentionSource; problems: [] } | { source?: undefined; problems: Problem[] };

/** Validates a mention file's text; rendering its excerpt is left to `renderMention`. */
export function readMention(file: string, id: string, text: string): ReadMention {
  const read = readFrontMatter(file, text);
  if (!read.ok) return { problems: read.problems };
  const frontMatter = read.value;
  if (frontMatter.data.withdrawn === true) return readWithdrawn(file, id, frontMatter);
  const validated = validateFrontMatter(mentionSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const { type, source, title, date } = validated.value;
  return {
    source: {
      id,
      file,
      type,
      source,
      title: removeUnsafeCharacters(title),
      date,
      excerpt: removeUnsafeCharacters(frontMatter.body),
    },
    problems: [],
  };
}

/**
 * A withdrawn mention keeps its id, its type and its date; whatever else its file still
 * says (the other site's address, title, excerpt) is left out here, so that no part of the
 * build can show it.
 */
function readWithdrawn(file: string, id: string, frontMatter: FrontMatter): ReadMention {
  const validated = validateFrontMatter(withdrawnMentionSchema, file, frontMatter);
  if (!validated.ok) return { problems: validated.problems };
  const { type, date } = validated.value;
  return {
    source: { id, file, type, source: "", title: "", date, excerpt: "", withdrawn: true },
    problems: [],
  };
}

/** The mention with its excerpt rendered by the comment markdown-it instance. */
export function renderMention(source: MentionSource, markdown: MarkdownIt): Mention {
  const { excerpt, ...fields } = source;
  return { ...fields, excerptHtml: excerpt.trim() === "" ? "" : markdown.render(excerpt) };
}

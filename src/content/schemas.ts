// The shape of every kind of content, as zod schemas: validated once at the boundary,
// typed everywhere after. Unknown keys are refused (a typo such as "autor" must not be
// silently ignored).
// Named imports, not the `z` namespace: the bundle keeps only these (scripts/eleventy.js).
import { array, boolean, NEVER, number, strictObject, string, union, type output } from "zod";
import type { DateTime } from "luxon";
import { parseIsoWithOffset } from "../format/dates.ts";

const DATE_HINT = "expected an ISO 8601 date-time with its offset that exists, e.g. 2010-07-23T14:32:00+02:00";

function requiredText(what: string) {
  return string({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected text: ${what}`) })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });
}

const isoDate = string({ error: (issue) => (issue.input === undefined ? `required: ${DATE_HINT}` : DATE_HINT) })
  .transform((value, context): DateTime => {
    const parsed = parseIsoWithOffset(value.trim());
    if (!parsed) {
      context.addIssue({ code: "custom", message: `"${value}" is not valid: ${DATE_HINT}` });
      return NEVER;
    }
    return parsed;
  });

// A web address, normalised by the URL parser (so what is written to the page is
// exactly what was checked: no stray spaces, quotes or control characters).
const webUrl = string({ error: "expected a web address (http or https)" }).transform((value, context): string => {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "" || url.username !== "" || url.password !== "") {
    context.addIssue({ code: "custom", message: `"${value}" is not valid: expected a web address starting with http:// or https://` });
    return NEVER;
  }
  return url.href;
});

const commentId = union([string(), number()], { error: "expected the id of a comment of this post (its file name without .md)" })
  .transform(String);

export const postSchema = strictObject({
  title: requiredText("the title of the post"),
  date: isoDate,
  author: requiredText("the name of the author"),
  description: string({ error: "expected text: a one-sentence summary for search engines and the home page" }),
  tags: array(string(), { error: "expected a list of tags, e.g. [seo, réseaux sociaux]" }).optional(),
  draft: boolean({ error: "expected true or false" }).optional(),
});

export const commentSchema = strictObject({
  author: requiredText("the name shown for the comment's author"),
  date: isoDate,
  parent: commentId.optional(),
  url: webUrl.optional(),
});

export type PostFrontMatter = output<typeof postSchema>;
export type CommentFrontMatter = output<typeof commentSchema>;

// The shape of every kind of content, as zod schemas: validated once at the boundary,
// typed everywhere after. Unknown keys are refused (a typo such as "autor" must not be
// silently ignored).
// zod/mini, with named imports: the bundles keep only these builders (scripts/eleventy.js),
// and they load faster than zod's classic API, at every build's start.
// Every issue carries our own message (zod/mini ships no English messages of its own);
// unknown fields are worded by src/content/validate.ts.
import {
  array,
  boolean,
  enum as oneOf,
  literal,
  minLength,
  NEVER,
  number,
  optional,
  pipe,
  strictObject,
  string,
  transform,
  trim,
  union,
  type core,
  type output,
} from "zod/mini";
import type { DateTime } from "luxon";
import { parseIsoWithOffset } from "../format/dates.ts";

const DATE_HINT =
  "expected an ISO 8601 date-time with its offset that exists, e.g. 2010-07-23T14:32:00+02:00";

/** Adds a "custom" issue for the value being transformed, which is then refused. */
function refuse(payload: core.ParsePayload, message: string): never {
  payload.issues.push({ code: "custom", message, input: payload.value });
  return NEVER;
}

function requiredText(what: string) {
  return string({
    error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected text: ${what}`),
  }).check(trim(), minLength(1, { error: `must not be empty: ${what}` }));
}

const isoDate = pipe(
  string({ error: (issue) => (issue.input === undefined ? `required: ${DATE_HINT}` : DATE_HINT) }),
  transform(
    (value: string, payload): DateTime =>
      parseIsoWithOffset(value.trim()) ?? refuse(payload, `"${value}" is not valid: ${DATE_HINT}`),
  ),
);

// A web address, normalised by the URL parser (so what is written to the page is
// exactly what was checked: no stray spaces, quotes or control characters).
const webUrl = pipe(
  string({ error: "expected a web address (http or https)" }),
  transform((value: string, payload): string => {
    let url: URL | undefined;
    try {
      url = new URL(value.trim());
    } catch {
      url = undefined;
    }
    if (
      !url ||
      (url.protocol !== "http:" && url.protocol !== "https:") ||
      url.hostname === "" ||
      url.username !== "" ||
      url.password !== ""
    ) {
      return refuse(
        payload,
        `"${value}" is not valid: expected a web address starting with http:// or https://`,
      );
    }
    return url.href;
  }),
);

const commentId = pipe(
  union([string(), number()], {
    error: "expected the id of a comment of this post (its file name without .md)",
  }),
  transform(String),
);

const TAGS_HINT = "expected a list of tags, e.g. [seo, réseaux sociaux]";

export const postSchema = strictObject({
  title: requiredText("the title of the post"),
  date: isoDate,
  author: requiredText("the name of the author"),
  description: string({
    error: "expected text: a one-sentence summary for search engines and the home page",
  }),
  tags: optional(array(string({ error: `${TAGS_HINT} (each tag is text)` }), { error: TAGS_HINT })),
  draft: optional(boolean({ error: "expected true or false" })),
  // Whether readers may comment (the form and the "Répondre" links): open unless closed.
  comments: optional(
    oneOf(["open", "closed"], { error: "expected open or closed (readers may comment unless closed)" }),
  ),
});

const WITHDRAWN_HINT =
  "expected true or false (true: the comment is withdrawn, its name and text no longer shown)";

export const commentSchema = strictObject({
  author: requiredText("the name shown for the comment's author"),
  date: isoDate,
  parent: optional(commentId),
  url: optional(webUrl),
  withdrawn: optional(boolean({ error: WITHDRAWN_HINT })),
});

// A withdrawn comment (`withdrawn: true`) keeps its place in the thread, and so its date
// and parent, but need not keep its author's name or web site, which are never shown.
export const withdrawnCommentSchema = strictObject({
  author: optional(
    string({ error: "expected text: the name of the comment's author (not shown once withdrawn)" }),
  ),
  date: isoDate,
  parent: optional(commentId),
  url: optional(webUrl),
  withdrawn: literal(true, { error: WITHDRAWN_HINT }),
});

export type PostFrontMatter = output<typeof postSchema>;

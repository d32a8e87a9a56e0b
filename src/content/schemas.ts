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
  int,
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
import { parseAliasPath } from "../redirects/alias-path.ts";

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
// exactly what was checked: no stray spaces, quotes or control characters). `what`: the
// message when it is missing, for a field that requires it.
function webAddress(what?: string) {
  const hint = "expected a web address (http or https)";
  return pipe(
    string({ error: (issue) => (issue.input === undefined && what ? `required: ${what}` : hint) }),
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
}

const webUrl = webAddress();

const commentId = pipe(
  union([string(), number()], {
    error: "expected the id of a comment of this post (its file name without .md)",
  }),
  transform(String),
);

const TAGS_HINT = "expected a list of tags, e.g. [seo, réseaux sociaux]";

const ALIASES_HINT =
  "expected a list of the old addresses of this post or page, each an absolute path, e.g. [/2010/07/21/le-smo/, /?p=12]";
/**
 * `aliases`: the old addresses of a post or a page (an imported blog's date-based
 * permalinks, `/?p=12`…), each an absolute path on this site, non-ASCII as written or
 * percent-encoded, or WordPress's `/?p=<ID>`; each becomes a redirect (src/redirects/).
 * Checked strictly, for they become file names, `_redirects` lines and nginx keys
 * (src/redirects/alias-path.ts: no scheme or host, no "." or ".." segment, no space, quote
 * or control character, no other query); kept as written. Which other page or alias an
 * address collides with is checked across the site (src/redirects/alias-claims.ts).
 * One definition for posts and pages.
 */
const aliases = optional(
  array(
    pipe(
      string({ error: `${ALIASES_HINT} (each address is text)` }),
      transform((value: string, payload): string => {
        const parsed = parseAliasPath(value);
        return parsed.ok ? parsed.alias.written : refuse(payload, parsed.message);
      }),
    ),
    { error: ALIASES_HINT },
  ),
);

/** `comments`: whether readers may comment (the form and the "Répondre" links): open unless closed. */
const commentsSetting = optional(
  oneOf(["open", "closed"], { error: "expected open or closed (readers may comment unless closed)" }),
);

export const postSchema = strictObject({
  title: requiredText("the title of the post"),
  date: isoDate,
  author: requiredText("the name of the author"),
  description: string({
    error: "expected text: a one-sentence summary for search engines and the home page",
  }),
  // Each tag has its page, /tags/<slug>/ (src/site/tags.ts): an empty one would have none.
  tags: optional(
    array(
      string({ error: `${TAGS_HINT} (each tag is text)` }).check(
        trim(),
        minLength(1, { error: `${TAGS_HINT} (a tag must not be empty)` }),
      ),
      { error: TAGS_HINT },
    ),
  ),
  draft: optional(boolean({ error: "expected true or false" })),
  comments: commentsSetting,
  aliases,
});

// A page (content/pages/<path>/index.md, src/content/pages.ts): no date, no author; not
// on the home page, in the posts' feed or in tags; its comments and mentions as a post's.
export const pageSchema = strictObject({
  title: requiredText("the title of the page"),
  description: optional(
    string({ error: "expected text: a one-sentence summary of the page for search engines" }),
  ),
  // Its place in the site header's navigation (layouts/base.njk): smaller first. Without
  // it, the page is not listed there.
  nav: optional(
    int({
      error:
        "expected a whole number: the page's place in the site's navigation (1 first); leave it out to keep the page out of it",
    }),
  ),
  aliases,
  draft: optional(boolean({ error: "expected true or false" })),
  comments: commentsSetting,
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

// A mention (a pingback or a trackback): another site's page linking to a post or a page,
// <post or page folder>/mentions/<id>.md. Its text (the body) is the excerpt the other
// site sent: untrusted, rendered as a comment's.
const mentionType = oneOf(["pingback", "trackback"], {
  error: (issue) =>
    `${issue.input === undefined ? "required: " : ""}expected pingback or trackback (how the other site told of its link)`,
});

const MENTION_WITHDRAWN_HINT =
  "expected true or false (true: the mention is withdrawn, no longer shown; its id stays taken)";

export const mentionSchema = strictObject({
  type: mentionType,
  source: webAddress("the address of the page that links here"),
  title: requiredText("the title of the page that links here"),
  date: isoDate,
  withdrawn: optional(boolean({ error: MENTION_WITHDRAWN_HINT })),
});

// A withdrawn mention (`withdrawn: true`) is shown nowhere, but its file stays, so that its
// id, in the post's sequence, is never given again; it need not keep the other site's
// address, title or excerpt.
export const withdrawnMentionSchema = strictObject({
  type: mentionType,
  source: optional(
    string({ error: "expected text: the address of the page that linked here (not shown once withdrawn)" }),
  ),
  title: optional(
    string({ error: "expected text: the title of the page that linked here (not shown once withdrawn)" }),
  ),
  date: isoDate,
  withdrawn: literal(true, { error: MENTION_WITHDRAWN_HINT }),
});

export type PostFrontMatter = output<typeof postSchema>;
export type PageFrontMatter = output<typeof pageSchema>;

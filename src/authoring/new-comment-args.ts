// The command line of `npm run new:comment -- <post-slug> --author "Nom" [--reply-to <id>]
// [--url https://…]`, read with Node's own parser and refused with one line naming the
// argument at fault.
import { parseArgs } from "node:util";
import { AuthoringError } from "./authoring-error.ts";

export interface NewCommentRequest {
  slug: string;
  author: string;
  replyTo?: string;
  url?: string;
}

const NEW_COMMENT_USAGE =
  'usage: npm run new:comment -- <post-slug> --author "Nom" [--reply-to <comment-id>] [--url https://…] < comment.md';

const OPTIONS = {
  author: { type: "string" },
  "reply-to": { type: "string" },
  url: { type: "string" },
} as const;

/** The option named in one of Node's parseArgs messages ("Unknown option '--autor'…"). */
function optionInMessage(message: string): string {
  return /'(--?[^' ]+)/.exec(message)?.[1] ?? "arguments";
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = optionInMessage(message);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new AuthoringError(option, `unknown option (${NEW_COMMENT_USAGE})`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new AuthoringError(option, `needs a value (${NEW_COMMENT_USAGE})`);
    throw new AuthoringError(option, `${message} (${NEW_COMMENT_USAGE})`);
  }
}

export function parseNewCommentArgs(argv: string[]): NewCommentRequest {
  const { values, positionals } = parse(argv);
  const [slug, ...extra] = positionals;
  if (slug === undefined)
    throw new AuthoringError(
      "post-slug",
      `missing: the slug of the post, its folder name under content/posts/ (${NEW_COMMENT_USAGE})`,
    );
  if (extra.length > 0)
    throw new AuthoringError(
      extra[0] ?? "",
      `unexpected argument: put a name with spaces in quotes (${NEW_COMMENT_USAGE})`,
    );
  if (values.author === undefined)
    throw new AuthoringError(
      "--author",
      `missing: the name shown for the comment's author (${NEW_COMMENT_USAGE})`,
    );
  const request: NewCommentRequest = { slug, author: values.author };
  if (values["reply-to"] !== undefined) request.replyTo = values["reply-to"];
  if (values.url !== undefined) request.url = values.url;
  return request;
}

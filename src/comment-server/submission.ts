// A reader's comment as the comment form sends it, checked before it is previewed or
// queued (issue "Readers leave comments"): each problem in French, next to its field,
// with everything the reader typed kept. The name, the web site and the parent go through
// the comment schema the build uses (src/content/schemas.ts), and the post (or page) is
// the one `findPost` finds by the build's own definition of its folder
// (src/comment-server/site-posts.ts): a comment accepted here is a comment file the
// build accepts.
import { commentSchema } from "../content/schemas.ts";

/** As the form's `maxlength` counts them: Unicode code points. */
export const MAX_COMMENT_CHARACTERS = 10_000;
/** WordPress's limit for a commenter's name. */
export const MAX_NAME_CHARACTERS = 245;

/** `notify`: the box "Me prévenir par e-mail des réponses…" ("1" when ticked), on the server's pages only. */
export const SUBMISSION_FIELDS = ["post", "parent", "comment", "author", "email", "url", "notify"] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];
/** The fields as typed, every one a string ("" when absent): what the form shows again. */
export type SubmittedFields = Record<SubmissionField, string>;

/** A comment ready to preview: trimmed, the web site normalised, the e-mail kept apart from the file. */
export interface Submission {
  post: string;
  parent?: string;
  text: string;
  author: string;
  email: string;
  url?: string;
}

/** What the server knows of a post when a reader writes to it. */
export interface PostForComments {
  open: boolean;
  commentIds: ReadonlySet<string>;
}

export type CheckedSubmission =
  | { ok: true; submission: Submission }
  | { ok: false; errors: Partial<Record<SubmissionField, string>>; fields: SubmittedFields };

// The WHATWG's "valid e-mail address", which <input type="email"> checks in the browser.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** The form's fields from a parsed body: each a string, "" when absent or not text. */
export function submittedFields(body: Readonly<Record<string, unknown>>): SubmittedFields {
  const text = (name: SubmissionField) => (typeof body[name] === "string" ? body[name] : "");
  return Object.fromEntries(SUBMISSION_FIELDS.map((name) => [name, text(name)])) as SubmittedFields;
}

/** "10 000": the French way, a narrow no-break space between groups of three digits. */
function frenchNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202F");
}

function characters(text: string): number {
  return [...text].length;
}

/** The problem with the post written to, if any. */
function postError(post: PostForComments | undefined): string | undefined {
  if (!post) return "Cet article n’existe pas.";
  if (!post.open) return "Les commentaires sont fermés sur cet article.";
  return undefined;
}

/**
 * Checks the fields a reader sent; `findPost` tells what the server knows of a post or
 * page (undefined: there is none by that name).
 */
export function checkSubmission(
  fields: SubmittedFields,
  findPost: (slug: string) => PostForComments | undefined,
): CheckedSubmission {
  const errors: Partial<Record<SubmissionField, string>> = {};
  const post = findPost(fields.post);
  const postProblem = postError(post);
  if (postProblem) errors.post = postProblem;

  const text = fields.comment.trim();
  const length = characters(text);
  if (text === "") errors.comment = "Veuillez écrire votre commentaire.";
  else if (length > MAX_COMMENT_CHARACTERS) {
    errors.comment = `Votre commentaire compte ${frenchNumber(length)} caractères, ${frenchNumber(MAX_COMMENT_CHARACTERS)} au plus.`;
  }

  const author = commentSchema.shape.author.safeParse(fields.author);
  if (!author.success) errors.author = "Veuillez indiquer votre nom.";
  else if (characters(author.data) > MAX_NAME_CHARACTERS) {
    errors.author = `Votre nom ne doit pas dépasser ${MAX_NAME_CHARACTERS} caractères.`;
  }

  const email = fields.email.trim();
  if (email === "")
    errors.email = "Veuillez indiquer votre adresse de messagerie (elle ne sera pas publiée).";
  else if (email.length > 254 || !EMAIL.test(email)) {
    errors.email = "Cette adresse de messagerie n’est pas valide (par exemple\u00A0: nom@exemple.fr).";
  }

  const typedUrl = fields.url.trim();
  const url = typedUrl === "" ? undefined : commentSchema.shape.url.safeParse(typedUrl);
  if (url && !url.success)
    errors.url = "Le site web doit être une adresse qui commence par http:// ou https://.";

  const typedParent = fields.parent.trim();
  const parent = typedParent === "" ? undefined : commentSchema.shape.parent.safeParse(typedParent);
  if (parent && (!parent.success || (post && !post.commentIds.has(String(parent.data))))) {
    errors.parent = "Le commentaire auquel vous répondez n’existe pas (ou plus) sur cet article.";
  }

  if (Object.keys(errors).length > 0 || !author.success) return { ok: false, errors, fields };
  const submission: Submission = { post: fields.post, text, author: author.data, email };
  if (parent?.success && parent.data !== undefined) submission.parent = String(parent.data);
  if (url?.success && url.data !== undefined) submission.url = url.data;
  return { ok: true, submission };
}

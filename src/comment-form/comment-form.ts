// The comment form, written once for the built post pages ("Laisser un commentaire") and
// for the comment server's pages (the reply page, the preview, a form sent back with its
// problems): WordPress's French comment form, in its order, posting to the comment
// server. Everything a reader typed, and every message, goes through html`…`, which
// escapes it. No script: the browser checks what it can (required, maxlength, type), the
// server checks everything again (src/comment-server/submission.ts).
//
// The comment server's addresses, under COMMENTS_URL: `/apercu` (the preview, where this
// form posts), `/publier` (the preview's "Publier le commentaire"), and
// `/repondre/<post>/<comment id>` (the reply page a comment's "Répondre" link opens).
import { html, type SafeHtml } from "../html/html.ts";
import {
  MAX_COMMENT_CHARACTERS,
  MAX_NAME_CHARACTERS,
  type SubmissionField,
  type SubmittedFields,
} from "../comment-server/submission.ts";

/** The trap for robots: a field people never see (nor hear), which must stay empty. */
export const HONEYPOT_FIELD = "telephone";
/** The preview's signed token (src/comment-server/preview-token.ts). */
export const TOKEN_FIELD = "token";

export interface CommentFormOptions {
  /** Absolute URL of the intake server, no trailing slash (COMMENTS_URL, e.g. "https://commentaires.exemple.fr" or "http://127.0.0.1:8081"). The form posts to `${commentsUrl}/apercu`. */
  commentsUrl: string;
  /** The post's folder name: hidden field "post". */
  post: string;
  /** The id of the comment answered: hidden field "parent". */
  parent?: string;
  /** Values shown again: everything the reader typed. */
  fields?: Partial<SubmittedFields>;
  /** A French message shown next to its field (aria-invalid, aria-describedby); post's and parent's at the top. */
  errors?: Partial<Record<SubmissionField, string>>;
  /** When set (the server's preview page): a hidden "token" field and a second button "Publier le commentaire" (formaction `${commentsUrl}/publier`), after "Prévisualiser". */
  token?: string;
  /**
   * The box "Me prévenir par e-mail des réponses à mon commentaire" (field `notify`, value
   * 1), ticked again from `fields`: on the comment server's pages when it sends e-mail.
   * The built pages do not offer it (they cannot know); every comment passes through the
   * server's preview page, whose form does.
   */
  offerNotify?: boolean;
  /** Prefix for element ids, default "comment-form". */
  idPrefix?: string;
}

/** The address of the reply page for one comment: the comment quoted, the form under it. */
export function replyPageUrl(commentsUrl: string, post: string, commentId: string): string {
  return `${commentsUrl}/repondre/${encodeURIComponent(post)}/${encodeURIComponent(commentId)}`;
}

/** The visible fields, in WordPress's order. */
type VisibleField = "comment" | "author" | "email" | "url";

interface FieldSpec {
  label: string;
  required: boolean;
  /** The control's attributes besides id, name, value and the ARIA ones. */
  attributes: SafeHtml;
}

const FIELDS: Record<VisibleField, FieldSpec> = {
  comment: {
    label: "Commentaire",
    required: true,
    attributes: html`rows="8" maxlength="${MAX_COMMENT_CHARACTERS}" dir="auto"`,
  },
  author: {
    label: "Nom",
    required: true,
    attributes: html`type="text" maxlength="${MAX_NAME_CHARACTERS}" autocomplete="name" dir="auto"`,
  },
  email: {
    label: "Adresse de messagerie",
    required: true,
    attributes: html`type="email" maxlength="254" autocomplete="email"`,
  },
  url: { label: "Site web", required: false, attributes: html`type="url" autocomplete="url"` },
};

// A no-break space keeps the asterisk with its word (French typography, as the site's).
const REQUIRED_MARK = html`\u00A0<span class="required">*</span>`;

function fieldHtml(
  name: VisibleField,
  options: CommentFormOptions,
  ids: { of: (part: string) => string; emailNotes: string },
): SafeHtml {
  const spec = FIELDS[name];
  const id = ids.of(name);
  const value = options.fields?.[name] ?? "";
  const error = options.errors?.[name];
  const errorId = ids.of(`${name}-error`);
  const describedBy = [name === "email" ? ids.emailNotes : undefined, error ? errorId : undefined]
    .filter((part) => part !== undefined)
    .join(" ");
  const aria = html`${spec.required ? html` required` : ""}${error ? html` aria-invalid="true"` : ""}${describedBy ? html` aria-describedby="${describedBy}"` : ""}`;
  // A newline after <textarea> is dropped by the HTML parser: one is written, so a
  // comment that starts with a line break keeps it.
  const control =
    name === "comment"
      ? html`<textarea id="${id}" name="${name}" ${spec.attributes}${aria}>
${value}</textarea>`
      : html`<input id="${id}" name="${name}" ${spec.attributes} value="${value}"${aria}>`;
  return html`
<div class="comment-form-field comment-form-${name}${error ? " comment-form-invalid" : ""}">
<label for="${id}">${spec.label}${spec.required ? REQUIRED_MARK : ""}</label>${
    error
      ? html`
<p class="comment-form-error" id="${errorId}">${error}</p>`
      : ""
  }
${control}
</div>`;
}

/** Problems with what no field shows (the post, the comment answered), at the top of the form. */
function formErrorsHtml(options: CommentFormOptions, of: (part: string) => string): SafeHtml {
  const hidden: SubmissionField[] = ["post", "parent"];
  return html`${hidden.map((name) => {
    const error = options.errors?.[name];
    return error
      ? html`
<p class="comment-form-error" id="${of(`${name}-error`)}">${error}</p>`
      : "";
  })}`;
}

function notifyHtml(options: CommentFormOptions, of: (part: string) => string): SafeHtml {
  const checked = options.fields?.notify === "1";
  return html`
<div class="comment-form-field comment-form-notify">
<input id="${of("notify")}" name="notify" type="checkbox" value="1"${checked ? html` checked` : ""}>
<label for="${of("notify")}">Me prévenir par e-mail des réponses à mon commentaire</label>
</div>`;
}

export function commentFormHtml(options: CommentFormOptions): SafeHtml {
  const prefix = options.idPrefix ?? "comment-form";
  const of = (part: string) => `${prefix}-${part}`;
  const ids = { of, emailNotes: of("email-notes") };
  const parent = options.parent ?? options.fields?.parent ?? "";
  const publish =
    options.token === undefined
      ? ""
      : html` <button type="submit" formaction="${options.commentsUrl}/publier">Publier le commentaire</button>`;
  return html`<form id="${prefix}" class="comment-form" method="post" action="${options.commentsUrl}/apercu" accept-charset="utf-8">${formErrorsHtml(options, of)}
<p class="comment-form-notes"><span id="${ids.emailNotes}">Votre adresse de messagerie ne sera pas publiée.</span> Les champs obligatoires sont indiqués avec${REQUIRED_MARK}</p>${(["comment", "author", "email", "url"] as const).map((name) => fieldHtml(name, options, ids))}${options.offerNotify ? notifyHtml(options, of) : ""}
<div class="comment-form-trap">
<label for="${of(HONEYPOT_FIELD)}">Laissez ce champ vide</label>
<input id="${of(HONEYPOT_FIELD)}" name="${HONEYPOT_FIELD}" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<input type="hidden" name="post" value="${options.post}">
<input type="hidden" name="parent" value="${parent}">${
    options.token === undefined
      ? ""
      : html`
<input type="hidden" name="${TOKEN_FIELD}" value="${options.token}">`
  }
<p class="comment-form-submit"><button type="submit">Prévisualiser</button>${publish}</p>
</form>`;
}

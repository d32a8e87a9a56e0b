// Reads an application/x-www-form-urlencoded body strictly. Browsers send it well formed
// and in UTF-8 (the forms say accept-charset="utf-8"); anything else — a stray "%", bytes
// that are not UTF-8, a flood of fields — was not sent by our forms and is refused, where
// a lenient parser would turn it into replacement characters in a published comment.

/** More fields than any of our forms has, by far. */
export const MAX_FORM_FIELDS = 200;

export class FormBodyError extends Error {}

export type FormFields = Record<string, string | string[]>;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * One name or value: "+" is a space, each %XX a byte. decodeURIComponent refuses a "%"
 * not followed by two hexadecimal digits and bytes that are not UTF-8 (overlong forms,
 * surrogates), as a strict reading must.
 */
function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    throw new FormBodyError("a stray % or text that is not UTF-8");
  }
}

/** The fields of a form body; a name given several times (checkboxes) keeps every value, in order. */
export function parseFormBody(raw: Uint8Array): FormFields {
  let body: string;
  try {
    body = utf8.decode(raw);
  } catch {
    throw new FormBodyError("text that is not UTF-8");
  }
  const fields: FormFields = Object.create(null) as FormFields;
  if (body === "") return fields;
  const pairs = body.split("&");
  if (pairs.length > MAX_FORM_FIELDS) throw new FormBodyError(`more than ${MAX_FORM_FIELDS} fields`);
  for (const pair of pairs) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : decodeComponent(pair.slice(equals + 1));
    const previous = fields[name];
    if (previous === undefined) fields[name] = value;
    else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}

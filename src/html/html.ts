// A tiny HTML builder that escapes by default: every value interpolated into html`…`
// is escaped unless it is already SafeHtml (built by html`…` itself, or explicitly
// trusted, e.g. the output of a markdown-it instance with raw HTML off).

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/;

/** Escapes text for use in element content and in double- or single-quoted attributes. */
function escapeHtml(text: string): string {
  // Most values (dates, ids, names) have nothing to escape: testing first is cheaper.
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Marks markup produced by a trusted renderer as safe to insert as is. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function toHtml(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += toHtml(values[i] as Interpolation) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

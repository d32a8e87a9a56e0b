// A problem found in an author's file: where it is, which field, what was expected.
// Every refusal the generator makes is one of these, printed on one line.

export type Severity = "error" | "warning";

export interface Problem {
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** Front matter field, or a pseudo-field such as "front matter" or "body". */
  field: string;
  message: string;
  severity: Severity;
  /** 1-based line in the file, when known. */
  line?: number;
}

export function problem(file: string, field: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { file, field, message, severity: "error", ...extra };
}

// Messages quote what authors (or strangers) wrote: control characters are shown as
// escapes, so a file cannot drive the terminal (colours, cursor moves) or hide a line.
function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** "content/posts/a/comments/3.md: parent: no comment "9" in this post"; "…/3.md:3: date: …" when the line is known */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const suffix = p.severity === "warning" ? " (warning)" : "";
  return printable(`${where}: ${p.field}: ${p.message}${suffix}`);
}

export function errorsIn(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

// Splits a Markdown file into its YAML front matter and its body.
// YAML is read with the core schema: dates stay strings (the default schema would turn
// "2011-02-31T10:00" into 3 March without a word), so luxon can check them later.
import yaml from "js-yaml";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** The YAML text between the fences, for locating a field's line. */
  yaml: string;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(\r?\n|$)/m;

/** Front matter YAML, read with the core schema (see above). */
export function parseFrontMatterYaml(source: string): unknown {
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

/** Where `eleventyFrontMatterYaml` leaves a YAML error in the data: a key no one writes. */
const FRONT_MATTER_PROBLEM = "(front matter problem)";

/**
 * Eleventy's YAML engine: the same reading, but a YAML error becomes a note in the page's
 * data instead of a stack trace, so that a post's broken front matter is reported by the
 * content check, in one line; `frontMatterProblemOf` reads the note for other templates.
 */
export function eleventyFrontMatterYaml(source: string): unknown {
  try {
    return parseFrontMatterYaml(source);
  } catch (error) {
    return { [FRONT_MATTER_PROBLEM]: (error as { reason?: string }).reason ?? String(error) };
  }
}

/** The YAML error `eleventyFrontMatterYaml` noted in a page's data, if any. */
export function frontMatterProblemOf(data: Record<string, unknown>): string | undefined {
  const problem = data[FRONT_MATTER_PROBLEM];
  return typeof problem === "string" ? problem : undefined;
}

export function splitFrontMatter(text: string): FrontMatter {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (!source.startsWith("---"))
    throw new FrontMatterError("missing front matter (the file must start with a line ---)", 1);
  const match = FENCE.exec(source);
  if (!match || match.index !== 0) throw new FrontMatterError("front matter is not closed by a line ---", 1);
  const yamlSource = match[1] ?? "";
  let data: unknown;
  try {
    data = parseFrontMatterYaml(yamlSource);
  } catch (error) {
    const yamlError = error as { reason?: string; mark?: { line?: number } };
    const line = yamlError.mark?.line === undefined ? undefined : yamlError.mark.line + 2;
    throw new FrontMatterError(`invalid YAML: ${yamlError.reason ?? String(error)}`, line);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new FrontMatterError("front matter must be a set of key: value pairs", 2);
  const header = match[0];
  return {
    data: data as Record<string, unknown>,
    body: source.slice(header.length),
    yaml: yamlSource,
  };
}

/** 1-based line of a top-level key in the file (the front matter starts on line 2). */
export function lineOfKey(yamlSource: string, key: string): number | undefined {
  const index = yamlSource
    .split("\n")
    .findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`));
  return index === -1 ? undefined : index + 2;
}

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

function parseYaml(source: string): unknown {
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

// A post's front matter is parsed twice a build: by the content check, then by Eleventy
// (whose YAML engine is `eleventyYaml`). The check keeps its result for Eleventy, which
// takes it once: one parse per post (about 0.1 s at 4,000 posts).
const keptForEleventy = new Map<string, unknown>();

/** Eleventy's YAML engine: the check's parse of this text when there is one, else a parse. */
export function eleventyYaml(source: string): unknown {
  // Eleventy's reader (gray-matter) keeps the line break after the opening "---" and,
  // with CRLF line ends, the "\r" before the closing one; the check's text has neither.
  const key = source.replace(/^\r?\n/, "").replace(/\r$/, "");
  const kept = keptForEleventy.get(key);
  if (kept === undefined) return parseYaml(source);
  keptForEleventy.delete(key);
  return kept;
}

/** Forgets what Eleventy did not take (a build's check starts afresh). */
export function forgetKeptFrontMatter(): void {
  keptForEleventy.clear();
}

/** The parses kept, given away (the comment worker checks the posts of a large build). */
export function takeKeptFrontMatter(): [string, unknown][] {
  const kept = [...keptForEleventy];
  keptForEleventy.clear();
  return kept;
}

/** Keeps for Eleventy the parses another thread made (see `takeKeptFrontMatter`), in place of any kept before. */
export function replaceKeptFrontMatter(kept: Iterable<[string, unknown]>): void {
  keptForEleventy.clear();
  for (const [source, data] of kept) keptForEleventy.set(source, data);
}

/** `keepForEleventy`: a post, which Eleventy parses next (see `eleventyYaml`). */
export function splitFrontMatter(text: string, options: { keepForEleventy?: boolean } = {}): FrontMatter {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (!source.startsWith("---")) throw new FrontMatterError("missing front matter (the file must start with a line ---)", 1);
  const match = FENCE.exec(source);
  if (!match || match.index !== 0) throw new FrontMatterError("front matter is not closed by a line ---", 1);
  const yamlSource = match[1] ?? "";
  let data: unknown;
  try {
    data = parseYaml(yamlSource);
  } catch (error) {
    const yamlError = error as { reason?: string; mark?: { line?: number } };
    const line = yamlError.mark?.line === undefined ? undefined : yamlError.mark.line + 2;
    throw new FrontMatterError(`invalid YAML: ${yamlError.reason ?? String(error)}`, line);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) throw new FrontMatterError("front matter must be a set of key: value pairs", 2);
  // The check is done with the object once its post is validated (zod builds new values).
  if (options.keepForEleventy) keptForEleventy.set(yamlSource, data);
  const header = match[0];
  return {
    data: data as Record<string, unknown>,
    body: source.slice(header.length),
    yaml: yamlSource,
  };
}

/** 1-based line of a top-level key in the file (the front matter starts on line 2). */
export function lineOfKey(yamlSource: string, key: string): number | undefined {
  const index = yamlSource.split("\n").findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`));
  return index === -1 ? undefined : index + 2;
}

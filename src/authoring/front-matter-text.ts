// Writes a Markdown file with its YAML front matter. Every string is double-quoted, so a
// title or an author's name with quotes, colons, "#" or a leading "-" stays text; the
// YAML core schema matches the one the build reads with (src/content/front-matter.ts).
import yaml from "js-yaml";

export type FrontMatterFields = Record<string, string | boolean | undefined>;

export function markdownWithFrontMatter(fields: FrontMatterFields, body: string): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const header = yaml.dump(defined, {
    schema: yaml.CORE_SCHEMA,
    forceQuotes: true,
    quotingType: '"',
    lineWidth: -1,
  });
  return `---\n${header}---\n${body.endsWith("\n") ? body : `${body}\n`}`;
}

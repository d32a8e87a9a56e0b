// The index.md of an imported post or page: its front matter in the content contract,
// written with the project's writer (src/authoring/front-matter-text.ts) so quoting is
// the authoring commands', and checked with the build's own schema before it is written.
// - title: entities decoded, markup removed; an empty one is "(sans titre)";
// - date (posts): from post_date_gmt with that item's own offset (./dates.ts);
// - author (posts): the display name of the export's author, else the login;
// - description: the excerpt, else the text before <!--more-->, else the first sentence;
// - tags (posts): tags and categories by name, "Non classé" / "Uncategorized" left out;
// - draft: true for drafts, pending and scheduled items; comments: closed when WordPress
//   closed them; nav (pages): WordPress's menu_order, only when it is not 0 (the default
//   of every page, which would otherwise put them all in the navigation);
// - aliases: the old addresses (./aliases.ts).
import { markdownWithFrontMatter, type FrontMatterFields } from "../authoring/front-matter-text.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { formatProblem } from "../content/problem.ts";
import { pageSchema, postSchema } from "../content/schemas.ts";
import { validateFrontMatter } from "../content/validate.ts";
import { siteMetadata } from "../site/metadata.ts";
import { bodyMarkdown, type BodyContext } from "./body.ts";
import { wordPressDate } from "./dates.ts";
import type { ItemPlan } from "./plan.ts";
import { description, plainText } from "./plain-text.ts";
import type { WxrChannel, WxrItem } from "./wxr-reader.ts";

const UNCATEGORIZED = new Set(["uncategorized", "non-classe", "non classé", "non classe"]);
const UNTITLED = "(sans titre)";

/** Values the front matter writer takes: its scalars, and the lists and numbers js-yaml writes as well. */
type FieldValue = string | boolean | number | string[] | undefined;

/**
 * The project's front matter writer. Its type names the scalars the authoring commands
 * write; js-yaml's dump writes lists and numbers with the same options (every string
 * double-quoted, lists' items too).
 */
function withFrontMatter(fields: Record<string, FieldValue>, body: string): string {
  return markdownWithFrontMatter(fields as unknown as FrontMatterFields, body);
}

export class InvalidFileError extends Error {}

function checked(schema: typeof postSchema | typeof pageSchema, file: string, text: string): string {
  const validated = validateFrontMatter(schema, file, splitFrontMatter(text));
  if (!validated.ok) throw new InvalidFileError(validated.problems.map(formatProblem).join("\n"));
  return text;
}

function tagsOf(item: WxrItem): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const category of item.categories) {
    if (category.domain !== "category" && category.domain !== "post_tag") continue;
    const name = plainText(category.name);
    const key = name.toLowerCase();
    if (name === "" || UNCATEGORIZED.has(key) || UNCATEGORIZED.has(category.nicename.toLowerCase())) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(name);
  }
  return tags;
}

export interface ItemFile {
  text: string;
  notes: string[];
}

/** The index.md of a post or page: its text, and what its conversion could not keep. */
export function itemFile(
  item: WxrItem,
  plan: ItemPlan,
  channel: WxrChannel,
  context: Omit<BodyContext, "notes">,
  timeZone: string,
): ItemFile {
  const notes: string[] = [];
  if (plan.folderNote !== undefined) notes.push(plan.folderNote);
  let title = plainText(item.title);
  if (title === "") {
    title = UNTITLED;
    notes.push(`titre vide : « ${UNTITLED} »`);
  }
  const body = bodyMarkdown(item.content, { ...context, notes });
  let summary = description(item.excerpt, item.content);
  const closed = item.commentStatus.trim() === "closed" ? "closed" : undefined;
  const file = `${plan.dir}/index.md`;
  if (plan.kind === "page") {
    const order = Number.parseInt(item.menuOrder, 10);
    const fields: Record<string, FieldValue> = {
      title,
      description: summary === "" ? undefined : summary,
      nav: Number.isInteger(order) && order !== 0 ? order : undefined,
      aliases: plan.aliases.length > 0 ? plan.aliases : undefined,
      comments: closed,
      draft: plan.draft ? true : undefined,
    };
    return { text: checked(pageSchema, file, withFrontMatter(fields, body)), notes };
  }
  const date = wordPressDate(item.postDate, item.postDateGmt, timeZone);
  if (!date.ok) throw new InvalidFileError(`${file}: date: ${date.reason}`);
  if (date.note) notes.push(date.note);
  if (summary === "" && !plan.draft) {
    summary = title;
    notes.push("ni extrait ni texte : le titre sert de description");
  }
  const login = item.creator.trim();
  const author = plainText(channel.authors.get(login) || login) || siteMetadata().author.name;
  const tags = tagsOf(item);
  const fields: Record<string, FieldValue> = {
    title,
    date: date.iso,
    author,
    description: summary,
    tags: tags.length > 0 ? tags : undefined,
    draft: plan.draft ? true : undefined,
    comments: closed,
    aliases: plan.aliases.length > 0 ? plan.aliases : undefined,
  };
  return { text: checked(postSchema, file, withFrontMatter(fields, body)), notes };
}

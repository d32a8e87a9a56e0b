// `npm run new:post -- "Titre"`: a new post's folder and file, with complete front matter
// (a draft until the author removes `draft: true`). The folder, and so the post's address,
// is named after the slug of the title; the title may change later, the address stays
// (src/content/post-dirs.ts).
import { existsSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import { splitFrontMatter } from "../content/front-matter.ts";
import { formatProblem } from "../content/problem.ts";
import { postFolderFault, POSTS_FOLDER } from "../content/post-dirs.ts";
import { POST_FILE } from "../content/posts.ts";
import { postSchema } from "../content/schemas.ts";
import { validateFrontMatter } from "../content/validate.ts";
import { slugifyTitle } from "../format/slug.ts";
import { siteMetadata } from "../site/metadata.ts";
import { authoringDate } from "./authoring-date.ts";
import { AuthoringError } from "./authoring-error.ts";
import { markdownWithFrontMatter } from "./front-matter-text.ts";
import { FileExistsError, writeNewFile } from "./write-new-file.ts";

export interface NewPost {
  slug: string;
  /** content/posts/<slug>/index.md, relative to the project. */
  file: string;
  text: string;
}

const USAGE = 'usage: npm run new:post -- "Titre de l\'article"';

/** The title from the command line: its words (quotes are optional), no options. */
export function titleFromArgs(argv: readonly string[]): string {
  const option = argv.find((arg) => arg.startsWith("-"));
  if (option !== undefined)
    throw new AuthoringError(option, `unknown option: new:post takes only the title (${USAGE})`);
  return argv.join(" ");
}

/** The file a title becomes; refuses a title with nothing to make a URL of, or another page's URL. */
export function planNewPost(title: string, options: { now: Date; author: string }): NewPost {
  const cleanTitle = title.trim();
  if (cleanTitle === "") throw new AuthoringError("title", `missing: the title of the post (${USAGE})`);
  const slug = slugifyTitle(cleanTitle);
  if (slug === "")
    throw new AuthoringError("title", `"${cleanTitle}" has no letter or digit to make a URL from`);
  // The folder must be one the build accepts (the address of no other page).
  const fault = postFolderFault(slug);
  if (fault) {
    const why =
      fault.kind === "reserved" ? `already the address of ${fault.takenBy}` : "which no post folder may take";
    throw new AuthoringError(
      "title",
      `"${cleanTitle}" would put the post at /${slug}/, ${why}: choose another title`,
    );
  }
  const file = join("content", POSTS_FOLDER, slug, POST_FILE);
  const text = markdownWithFrontMatter(
    {
      title: cleanTitle,
      date: authoringDate(options.now),
      author: options.author,
      description: "",
      draft: true,
    },
    "Le texte de l’article, en Markdown.\n",
  );
  // The file must pass the build's own checks: validate it as the build will read it.
  const validated = validateFrontMatter(postSchema, file, splitFrontMatter(text));
  if (!validated.ok) throw new AuthoringError("title", validated.problems.map(formatProblem).join("; "));
  return { slug, file, text };
}

function removeEmptyFolder(folder: string): void {
  try {
    rmdirSync(folder); // only succeeds if empty: never removes someone's files
  } catch {
    // not empty or already gone: leave it
  }
}

/** Creates the post in the project; returns its path relative to the project. */
export function createPost(projectRoot: string, title: string, now = new Date()): string {
  const plan = planNewPost(title, { now, author: siteMetadata().author.name });
  const path = join(projectRoot, plan.file);
  const folder = join(projectRoot, "content", POSTS_FOLDER, plan.slug);
  const folderExisted = existsSync(folder);
  try {
    writeNewFile(path, plan.text);
  } catch (error) {
    if (!folderExisted) removeEmptyFolder(folder);
    if (error instanceof FileExistsError)
      throw new AuthoringError(
        plan.file,
        "already exists: a post with this title's slug is there; nothing was written (choose another title or edit that file)",
      );
    throw error;
  }
  return plan.file;
}

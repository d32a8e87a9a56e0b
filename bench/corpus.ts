// The benchmark's synthetic corpus, in the content contract's format (README.md):
// content/posts/<slug>/index.md, and content/posts/<slug>/comments/<id>.md with ids
// 1..n in order of arrival, replies threaded several levels deep, each dated after
// what it answers. Deterministic: the same options always give the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { slugifyTitle } from "../src/format/slug.ts";
import { AUTHORS, commentBody, postBody, postTitle } from "./french-text.ts";
import { pick, randomInt, seededRandom, type Random } from "./random.ts";

export interface CorpusOptions {
  posts: number;
  commentsPerPost?: number;
  seed?: number;
}

export interface CorpusFile {
  /** Path relative to the project folder, e.g. content/posts/<slug>/index.md. */
  path: string;
  text: string;
}

const FIRST_POST = DateTime.fromISO("2010-01-04T10:00:00", { zone: "Europe/Paris" });

/** ISO 8601 with the offset Paris had on that day (+01:00 or +02:00), to the second. */
function isoInParis(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** The parent of comment `id`, or undefined for a top-level one: about a third are
 * top-level, most replies answer the previous comment (deep chains), some an older one. */
function parentOf(random: Random, id: number): number | undefined {
  if (id === 1) return undefined;
  const roll = random();
  if (roll < 0.3) return undefined;
  if (roll < 0.75) return id - 1;
  return randomInt(random, 1, id - 1);
}

function commentFiles(random: Random, postDir: string, postDate: DateTime, count: number): CorpusFile[] {
  const files: CorpusFile[] = [];
  let date = postDate;
  for (let id = 1; id <= count; id++) {
    date = date.plus({ minutes: randomInt(random, 5, 600) });
    const parent = parentOf(random, id);
    const lines = [`author: ${yamlString(pick(random, AUTHORS))}`, `date: ${isoInParis(date)}`];
    if (parent !== undefined) lines.push(`parent: "${parent}"`);
    if (random() < 0.3) lines.push(`url: https://blog${randomInt(random, 1, 50)}.example.org/`);
    files.push({
      path: `${postDir}/comments/${id}.md`,
      text: `---\n${lines.join("\n")}\n---\n${commentBody(random)}\n`,
    });
  }
  return files;
}

// Tags as a blog has them: each post two, one of a few broad ones and one of more narrow
// ones, so that /tags/ lists a few dozen and each has several pages (drawn from the
// post's number, not from its random generator: the rest of the corpus stays as it was).
const BROAD_TAGS = ["réseaux sociaux", "référencement", "médias", "marketing", "outils", "vie privée"];
const NARROW_TAGS = Array.from({ length: 30 }, (_, n) => `sujet ${n + 1}`);

function postTags(index: number): string[] {
  return [BROAD_TAGS[index % BROAD_TAGS.length] ?? "", NARROW_TAGS[(index * 7) % NARROW_TAGS.length] ?? ""];
}

function postFile(random: Random, index: number): { dir: string; date: DateTime; file: CorpusFile } {
  const title = postTitle(random, index);
  const dir = `content/posts/${slugifyTitle(title)}`;
  const date = FIRST_POST.plus({ days: index - 1, minutes: randomInt(random, 0, 480) });
  const front = [
    `title: ${yamlString(title)}`,
    `date: ${isoInParis(date)}`,
    `author: ${yamlString(pick(random, AUTHORS))}`,
    `description: ${yamlString(`Le billet nº ${index} : un résumé d’une phrase pour la page d’accueil.`)}`,
    `tags: [${postTags(index).join(", ")}]`,
  ];
  return {
    dir,
    date,
    file: { path: `${dir}/index.md`, text: `---\n${front.join("\n")}\n---\n${postBody(random)}\n` },
  };
}

/** Every file of the corpus, posts in order, each followed by its comments. */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile> {
  const commentsPerPost = options.commentsPerPost ?? 10;
  for (let index = 1; index <= options.posts; index++) {
    // One generator per post: post n is the same whatever the corpus size.
    const random = seededRandom((options.seed ?? 2010) * 100_003 + index);
    const post = postFile(random, index);
    yield post.file;
    yield* commentFiles(random, post.dir, post.date, commentsPerPost);
  }
}

/** Writes the corpus under `projectDir`, each file through `adapt` (which may drop it by
 * returning undefined); returns the number of posts and comments written. */
export function writeCorpus(
  projectDir: string,
  options: CorpusOptions,
  adapt: (file: CorpusFile) => CorpusFile | undefined = (file) => file,
): { posts: number; comments: number } {
  let posts = 0;
  let comments = 0;
  for (const original of corpusFiles(options)) {
    const file = adapt(original);
    if (!file) continue;
    mkdirSync(dirname(join(projectDir, file.path)), { recursive: true });
    writeFileSync(join(projectDir, file.path), file.text);
    if (isComment(file)) comments++;
    else posts++;
  }
  return { posts, comments };
}

export function isComment(file: CorpusFile): boolean {
  return file.path.includes("/comments/");
}

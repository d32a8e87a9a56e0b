// The posts' tags (front matter `tags:`), gathered once a build: each tag's address,
// /tags/<slug>/, the name it is shown under and its posts, newest first. Drafts never
// count: no tag page, no place on one, not in the counts, in the dev server either.
// Two spellings with the same slug ("SEO", "seo", "Séo") are one tag, shown under the
// spelling most of its posts use (the first in code-point order on a tie); each post
// still shows its own spelling, linked to that page.
import { createHash } from "node:crypto";
import { slugifyTitle } from "../format/slug.ts";

/** Where the tags live: /tags/ lists them, /tags/<slug>/ is one tag's first page. */
const TAGS_PATH = "/tags/";

/** Posts on each page of a tag: as many as on the home page's (content/index.11ty.js). */
const TAG_PAGE_SIZE = 10;

export interface TaggedPost {
  url: string;
  date: Date;
  data: { tags?: unknown; draft?: unknown };
}

export interface Tag<P extends TaggedPost = TaggedPost> {
  slug: string;
  /** The spelling shown on its page and in the list of tags. */
  name: string;
  url: string;
  /** Newest first. */
  posts: readonly P[];
}

/** One page of a tag's pagination. */
export interface TagPage<P extends TaggedPost = TaggedPost> {
  tag: Tag<P>;
  /** 0-based, as Eleventy numbers pages. */
  pageNumber: number;
  /** The URL of every page of this tag, in order. */
  hrefs: readonly string[];
  posts: readonly P[];
}

/**
 * The slug of a tag, for its address. A name with no letter or digit slugify keeps
 * (Chinese, emoji) gets "tag-" and a short hash of the name: stable, and unique enough.
 */
export function tagSlug(name: string): string {
  return slugifyTitle(name) || `tag-${createHash("sha256").update(name.trim()).digest("hex").slice(0, 8)}`;
}

function tagUrl(slug: string): string {
  return `${TAGS_PATH}${slug}/`;
}

/** A post's tags as written (trimmed, empty ones dropped): the schema checked them, Eleventy may not have. */
function tagsOf(data: { tags?: unknown }): string[] {
  const tags = typeof data.tags === "string" ? [data.tags] : Array.isArray(data.tags) ? data.tags : [];
  return tags
    .filter((tag): tag is string => typeof tag === "string" && tag.trim() !== "")
    .map((tag) => tag.trim());
}

/** The tags of these posts (oldest first, as the `posts` collection), by slug; drafts left out. */
export function collectTags<P extends TaggedPost>(posts: readonly P[]): Tag<P>[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; posts: P[] }>();
  for (let index = posts.length - 1; index >= 0; index--) {
    const post = posts[index] as P;
    if (post.data.draft === true) continue;
    const seen = new Set<string>();
    for (const name of tagsOf(post.data)) {
      const slug = tagSlug(name);
      let tag = bySlug.get(slug);
      if (!tag) bySlug.set(slug, (tag = { spellings: new Map(), posts: [] }));
      tag.spellings.set(name, (tag.spellings.get(name) ?? 0) + 1);
      // A post that holds two spellings of one tag is on its page once.
      if (!seen.has(slug)) tag.posts.push(post);
      seen.add(slug);
    }
  }
  return [...bySlug.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, tag]) => ({ slug, name: mostUsed(tag.spellings), url: tagUrl(slug), posts: tag.posts }));
}

function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best: [string, number] | undefined;
  for (const entry of spellings)
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0] ?? "";
}

/** Every page of every tag: /tags/<slug>/, then /tags/<slug>/page/2/ and on. */
export function tagPages<P extends TaggedPost>(
  tags: readonly Tag<P>[],
  pageSize = TAG_PAGE_SIZE,
): TagPage<P>[] {
  const pages: TagPage<P>[] = [];
  for (const tag of tags) {
    const count = Math.max(1, Math.ceil(tag.posts.length / pageSize));
    const hrefs = Array.from({ length: count }, (_, n) => (n === 0 ? tag.url : `${tag.url}page/${n + 1}/`));
    for (let pageNumber = 0; pageNumber < count; pageNumber++)
      pages.push({
        tag,
        pageNumber,
        hrefs,
        posts: tag.posts.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize),
      });
  }
  return pages;
}

// The pages of a build's tags by slug, made once for all its post pages.
const pagesOf = new WeakMap<readonly Pick<Tag, "slug" | "url">[], Map<string, string>>();

/** A post's tags for its page: its own spellings, each with its tag's page if it has one (a draft's may not). */
export function postTagLinks(
  data: { tags?: unknown },
  tags: readonly Pick<Tag, "slug" | "url">[] = [],
): { name: string; url: string | undefined }[] {
  let pages = pagesOf.get(tags);
  if (!pages) pagesOf.set(tags, (pages = new Map(tags.map((tag) => [tag.slug, tag.url]))));
  const seen = new Set<string>();
  const links: { name: string; url: string | undefined }[] = [];
  for (const name of tagsOf(data)) {
    const slug = tagSlug(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    links.push({ name, url: pages.get(slug) });
  }
  return links;
}

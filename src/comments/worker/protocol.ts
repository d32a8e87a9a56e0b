// The messages between the build (main thread) and the comment worker, and the shared
// counter that lets the main thread wait for them without returning to the event loop
// (Eleventy's filters are synchronous). Everything here crosses threads by structured
// clone: plain data only, dates as ISO strings.
import type { Post } from "../../content/posts.ts";
import type { Problem } from "../../content/problem.ts";
import type { PostCommentsView } from "../post-comments.ts";
import type { SiteFacts } from "../post-comment-outputs.ts";

/** Main → worker, first: check every post and validate every comment of the content folder. */
export interface ValidateJob {
  type: "validate";
  contentDir: string;
}

/** A post as the worker needs it to render: its folder and front matter, date as ISO text. */
export interface PostToRender {
  dir: string;
  slug: string;
  title: string;
  description: string;
  author: string;
  date: string;
}

/** Main → worker, then: render these (published) posts' comments and write their feeds. */
export interface RenderJob {
  type: "render";
  site: SiteFacts;
  outputDir: string;
  posts: PostToRender[];
}

export type Job = ValidateJob | RenderJob;

/** The comment files of one post, as validated (for the home page's counts and the render ledger). */
export interface ValidatedPost {
  dir: string;
  comments: { id: string; file: string }[];
}

/** A checked post as it crosses threads: its date as ISO text. */
export type PostAcrossThreads = Omit<Post, "data"> & { data: Omit<Post["data"], "date"> & { date: string } };

export type WorkerMessage =
  /** The posts' front matter checked, and Eleventy's YAML parses of it (see eleventyYaml). */
  | { type: "posts"; contentDir: string; posts: PostAcrossThreads[]; problems: Problem[]; frontMatter: [string, unknown][] }
  | { type: "validated"; contentDir: string; posts: ValidatedPost[]; problems: Problem[] }
  | { type: "rendered"; dir: string; section: PostCommentsView; jsonLd: string }
  | { type: "done" }
  | { type: "failed"; message: string };

/** Slots of the shared Int32Array. */
export const SHARED = {
  /** Incremented by the worker after each message: the main thread waits on it. */
  messages: 0,
  /** 1 + index (in the render job) of the post the main thread is waiting for; 0 for none. */
  wanted: 1,
  length: 2,
} as const;

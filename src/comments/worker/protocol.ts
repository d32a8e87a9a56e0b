// The messages between the build (main thread) and the comment worker. Everything here
// crosses threads by structured clone: plain data only, dates as ISO strings.
import type { Post } from "../../content/posts.ts";
import type { Problem } from "../../content/problem.ts";
import type { CommentsSection } from "../render-section.ts";
import type { SiteFacts } from "../render-outputs.ts";

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

/**
 * Main → worker, then: render these (published) posts' comments, in this order, and
 * write their feeds into `feedsDir` (none when the build writes no files).
 */
export interface RenderJob {
  type: "render";
  site: SiteFacts;
  feedsDir: string | undefined;
  posts: PostToRender[];
}

/**
 * Main → worker, while it renders: a page is waiting for this post, render it next
 * ("want"); or a page asks for a post rendered already, render it again from its files
 * ("again": the rendered parts are not kept, they would hold every page's comments).
 */
export interface WantJob {
  type: "want" | "again";
  dir: string;
}

export type Job = ValidateJob | RenderJob | WantJob;

/** The comment files of one post, as validated (for the home page's counts and the render ledger). */
export interface ValidatedPost {
  dir: string;
  comments: { id: string; file: string }[];
}

/** A checked post as it crosses threads: its date as ISO text. */
export type PostAcrossThreads = Omit<Post, "data"> & { data: Omit<Post["data"], "date"> & { date: string } };

export type WorkerMessage =
  | { type: "posts"; contentDir: string; posts: PostAcrossThreads[]; problems: Problem[] }
  | { type: "validated"; contentDir: string; posts: ValidatedPost[]; problems: Problem[] }
  | { type: "rendered"; dir: string; section: CommentsSection; jsonLd: string }
  | { type: "done" }
  | { type: "failed"; message: string };

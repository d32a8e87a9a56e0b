// The messages between the build (main thread) and the comment worker. Everything here
// crosses threads by structured clone: plain data only.
import type { Problem } from "../../content/problem.ts";
import type { CommentsSection } from "../render-section.ts";
import type { SiteFacts } from "../render-outputs.ts";

/** Main → worker, first: check every post and validate every comment of the content folder. */
export interface ValidateJob {
  type: "validate";
  contentDir: string;
}

/**
 * Main → worker, then: once validated, render the comments of the posts this build shows
 * (drafts are left out of a "build" run mode), in the folder's order, and write their
 * feeds into `feedsDir` (none when the build writes no files).
 */
export interface RenderJob {
  type: "render";
  site: SiteFacts;
  feedsDir: string | undefined;
  runMode: string;
}

export type Job = ValidateJob | RenderJob;

/**
 * A post folder (or a page folder) as validated: its post or page, if valid, and its
 * valid comments (the home page's counts, the render ledger).
 */
export interface ValidatedPost {
  dir: string;
  post?: { file: string; draft: boolean };
  comments: { id: string; file: string; withdrawn?: true }[];
}

export type WorkerMessage =
  | { type: "validated"; contentDir: string; posts: ValidatedPost[]; problems: Problem[] }
  | { type: "rendered"; dir: string; section: CommentsSection; mentions: string; jsonLd: string }
  | { type: "done" }
  | { type: "failed"; message: string };

// The comment worker: a thread of `npm run build` that does the comments' work on a
// second core while Eleventy builds the pages on the first. It checks every post's and
// page's front matter and validates every comment and mention file first (the build stops
// on a problem before any page is written), then renders the comments and mentions of
// each post and page the build shows (the pages first: they are few, and come first in
// the content folder), writes its comment feed and sends the page's parts back.
// Started by ./comment-worker-client.ts; see docs/performance.md.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { isHiddenDraft } from "../../authoring/drafts.ts";
import { tuneV8ForLargeBuild, wantsV8Tuning } from "../../build/v8-tiering.ts";
import { checkPosts } from "../../content/check-content.ts";
import { listPageDirs } from "../../content/page-dirs.ts";
import { listPostDirs } from "../../content/post-dirs.ts";
import type { Problem } from "../../content/problem.ts";
import { createCommentMarkdown } from "../../markdown/comment-markdown.ts";
import { scanResponses } from "../read-comments.ts";
import { readComment, renderComment, type CommentSource } from "../parse-comment.ts";
import { readMention, renderMention, type MentionSource } from "../parse-mention.ts";
import {
  pageFactsOf,
  postFactsOf,
  postPageParts,
  writeCommentFeed,
  type PostFacts,
} from "../render-outputs.ts";
import type { Job, RenderJob, ValidatedPost, ValidateJob, WorkerMessage } from "./protocol.ts";

if (!parentPort) throw new Error("comment-worker.ts runs as a worker thread (new Worker), not on its own");
const port = parentPort;
// A large build on few cores optimizes later (V8's flags are the whole process's).
if (wantsV8Tuning()) tuneV8ForLargeBuild();
/** `contentDir`: started early (./early-start.js), it validates that folder at once, and answers when asked. */
const { projectRoot, contentDir } = workerData as { projectRoot: string; contentDir?: string };
const markdown = createCommentMarkdown();
/** What is rendered of a valid post or page of the latest validation. */
interface Shown {
  dir: string;
  draft: boolean;
  facts: PostFacts;
}
/** The valid pages, then posts, of the latest validation, each in its folder's order. */
let shown: Shown[] = [];
/** Validated comments and mentions by post (or page) folder, until it is rendered. */
const sources = new Map<string, { comments: CommentSource[]; mentions: MentionSource[] }>();

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

/** The validation made before anyone asked (a worker started early), until asked for. */
let validatedEarly: { contentDir: string; message: WorkerMessage } | undefined;

function validate(job: ValidateJob): void {
  const early = validatedEarly;
  validatedEarly = undefined;
  send(early?.contentDir === job.contentDir ? early.message : validation(job));
}

function validation(job: ValidateJob): WorkerMessage {
  const postDirs = listPostDirs(job.contentDir);
  const pageDirs = listPageDirs(job.contentDir);
  const checked = checkPosts(postDirs, projectRoot, pageDirs);
  const entries = new Map<string, { file: string; draft: boolean; facts: PostFacts }>();
  for (const page of checked.pages)
    entries.set(page.dir, { file: page.file, draft: page.data.draft === true, facts: pageFactsOf(page) });
  for (const post of checked.posts)
    entries.set(post.dir, { file: post.file, draft: post.data.draft === true, facts: postFactsOf(post) });
  sources.clear();
  shown = [];
  const validated: ValidatedPost[] = [];
  const problems: Problem[] = [...checked.problems];
  // A page folder that is no page and has nothing wrong is only a step of its child pages' addresses.
  const folders = [
    ...pageDirs.filter((page) => entries.has(page.dir) || page.holdsResponses || !page.holdsPages),
    ...postDirs.map((dir) => ({ dir })),
  ];
  for (const { dir } of folders) {
    const scanned = scanResponses(
      dir,
      projectRoot,
      (path, file, id) => {
        const read = readComment(file, id, readFileSync(path, "utf8"));
        return read.source ? { item: read.source, problems: [] } : read;
      },
      (path, file, id) => {
        const read = readMention(file, id, readFileSync(path, "utf8"));
        return read.source ? { item: read.source, problems: [] } : read;
      },
    );
    sources.set(dir, { comments: scanned.comments, mentions: scanned.mentions });
    problems.push(...scanned.problems);
    const entry = entries.get(dir);
    const comments = scanned.comments.map(({ id, file, withdrawn }) =>
      withdrawn ? { id, file, withdrawn } : { id, file },
    );
    if (entry) shown.push({ dir, draft: entry.draft, facts: entry.facts });
    validated.push(
      entry ? { dir, post: { file: entry.file, draft: entry.draft }, comments } : { dir, comments },
    );
  }
  return { type: "validated", contentDir: job.contentDir, posts: validated, problems };
}

function renderPost(post: Shown, job: RenderJob): void {
  const read = sources.get(post.dir);
  sources.delete(post.dir);
  const comments = (read?.comments ?? []).map((source) => renderComment(source, markdown));
  const mentions = (read?.mentions ?? []).map((source) => renderMention(source, markdown));
  // The page may be waiting: its parts go first, the feed after.
  const parts = postPageParts(post.facts, comments, job.site, mentions);
  send({ type: "rendered", dir: post.dir, ...parts });
  if (job.feedsDir !== undefined) writeCommentFeed(job.feedsDir, post.facts, comments, job.site);
}

/** Renders every page and post the build shows, in the folders' order. */
function render(job: RenderJob): void {
  for (const post of shown) if (!isHiddenDraft({ draft: post.draft }, job.runMode)) renderPost(post, job);
  send({ type: "done" });
}

function run(job: Job): void {
  try {
    if (job.type === "validate") validate(job);
    else render(job);
  } catch (error) {
    send(failure(error));
  }
}

function failure(error: unknown): WorkerMessage {
  return { type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

if (contentDir !== undefined) {
  try {
    validatedEarly = { contentDir, message: validation({ type: "validate", contentDir }) };
  } catch (error) {
    validatedEarly = { contentDir, message: failure(error) };
  }
}
port.on("message", run);

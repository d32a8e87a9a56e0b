// The comment worker: a thread of `npm run build` that does the comments' work on a
// second core while Eleventy builds the pages on the first. It checks every post's front
// matter and validates every comment file first (the build stops on a problem before any
// page is written), then renders the comments of each post the build shows, writes its
// comment feed and sends the page's parts back, a waiting page's post first.
// Started by ./comment-worker-client.ts; see docs/performance.md.
import { readFileSync } from "node:fs";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { isHiddenDraft } from "../../authoring/drafts.ts";
import { tuneV8ForLargeBuild, wantsV8Tuning } from "../../build/v8-tiering.ts";
import { checkPosts } from "../../content/check-content.ts";
import { listPostDirs } from "../../content/post-dirs.ts";
import type { Post } from "../../content/posts.ts";
import type { Problem } from "../../content/problem.ts";
import { createCommentMarkdown } from "../../markdown/comment-markdown.ts";
import { scanCommentFolder } from "../read-comments.ts";
import { readComment, renderComment, type CommentSource } from "../parse-comment.ts";
import { postFactsOf, postPageParts, writeCommentFeed } from "../render-outputs.ts";
import type { Job, RenderJob, ValidatedPost, ValidateJob, WorkerMessage } from "./protocol.ts";

if (!parentPort) throw new Error("comment-worker.ts runs as a worker thread (new Worker), not on its own");
const port = parentPort;
// A large build on few cores optimizes later (V8's flags are the whole process's).
if (wantsV8Tuning()) tuneV8ForLargeBuild();
/** `contentDir`: started early (./early-start.js), it validates that folder at once, and answers when asked. */
const { projectRoot, contentDir } = workerData as { projectRoot: string; contentDir?: string };
const markdown = createCommentMarkdown();
/** The valid posts of the latest validation, in the folder's order. */
let posts: Post[] = [];
/** Validated comments by post folder, until their post is rendered. */
const sources = new Map<string, CommentSource[]>();
/** The latest render job: what a post rendered again is rendered with. */
let rendering: RenderJob | undefined;

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

/** A post's comments, read and validated from its files (one pass over its comments/ folder). */
function readSources(dir: string): { items: CommentSource[]; problems: Problem[] } {
  return scanCommentFolder(dir, projectRoot, (path, file, id) => {
    const read = readComment(file, id, readFileSync(path, "utf8"));
    return read.source ? { item: read.source, problems: [] } : read;
  });
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
  const checked = checkPosts(postDirs, projectRoot);
  posts = checked.posts;
  const postsByDir = new Map(posts.map((post) => [post.dir, post]));
  sources.clear();
  const validated: ValidatedPost[] = [];
  const problems: Problem[] = [...checked.problems];
  for (const dir of postDirs) {
    const scanned = readSources(dir);
    sources.set(dir, scanned.items);
    problems.push(...scanned.problems);
    const post = postsByDir.get(dir);
    const comments = scanned.items.map(({ id, file }) => ({ id, file }));
    validated.push(post ? { dir, post: { file: post.file, draft: post.data.draft === true }, comments } : { dir, comments });
  }
  return { type: "validated", contentDir: job.contentDir, posts: validated, problems };
}

/** `again`: rendered before, its sources gone; read them again, and leave its feed as written. */
function renderPost(post: Post, job: RenderJob, again = false): void {
  const postSources = again ? readSources(post.dir).items : (sources.get(post.dir) ?? []);
  const comments = postSources.map((source) => renderComment(source, markdown));
  sources.delete(post.dir);
  const facts = postFactsOf(post);
  // The page may be waiting: its parts go first, the feed after.
  const parts = postPageParts(facts, comments, job.site);
  send({ type: "rendered", dir: post.dir, section: parts.section, jsonLd: parts.jsonLd });
  if (!again && job.feedsDir !== undefined) writeCommentFeed(job.feedsDir, facts, comments, job.site);
}

function renderAgain(dir: string): void {
  const post = posts.find((candidate) => candidate.dir === dir);
  if (!rendering || !post) throw new Error(`${dir}: asked to render again a post this build does not render`);
  renderPost(post, rendering, true);
}

/** Jobs that came while a render ran, other than "want" and "again": done after it. */
const later: Job[] = [];

/** The posts pages are waiting for, asked since the last look (without waiting for more). */
function wantedSinceLastLook(): string[] {
  const wanted: string[] = [];
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    const job = received.message as Job;
    if (job.type === "want") wanted.push(job.dir);
    else if (job.type === "again") renderAgain(job.dir);
    else later.push(job);
  }
  return wanted;
}

/** Renders every post the build shows, in the folder's order, a post a page is waiting for first. */
function render(job: RenderJob): void {
  rendering = job;
  const queue = new Map(posts.filter((post) => !isHiddenDraft(post.data, job.runMode)).map((post) => [post.dir, post]));
  const next = () => queue.values().next().value as Post;
  while (queue.size > 0) {
    for (const dir of wantedSinceLastLook()) {
      const post = queue.get(dir);
      if (!post) continue;
      queue.delete(dir);
      renderPost(post, job);
    }
    if (queue.size === 0) break;
    const post = next();
    queue.delete(post.dir);
    renderPost(post, job);
  }
  send({ type: "done" });
}

function run(job: Job): void {
  try {
    if (job.type === "validate") validate(job);
    else if (job.type === "render") render(job);
    else if (job.type === "again") renderAgain(job.dir);
  } catch (error) {
    send(failure(error));
  }
}

function failure(error: unknown): WorkerMessage {
  return { type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function runWithLater(job: Job): void {
  run(job);
  for (let next = later.shift(); next; next = later.shift()) run(next);
}

if (contentDir !== undefined) {
  try {
    validatedEarly = { contentDir, message: validation({ type: "validate", contentDir }) };
  } catch (error) {
    validatedEarly = { contentDir, message: failure(error) };
  }
}
port.on("message", runWithLater);

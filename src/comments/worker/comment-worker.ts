// The comment worker: a thread of `npm run build` that does the comments' work on a
// second core while Eleventy builds the pages on the first. It checks every post's front
// matter and validates every comment file first (the build stops on a problem before any
// page is written), then renders the comments of each post the build shows, writes its
// comment feed and sends the page's parts back, a waiting page's post first.
// Started by ./comment-worker-client.ts; see docs/performance.md.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
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
  const checked = checkPosts(postDirs, projectRoot);
  posts = checked.posts;
  const postsByDir = new Map(posts.map((post) => [post.dir, post]));
  sources.clear();
  const validated: ValidatedPost[] = [];
  const problems: Problem[] = [...checked.problems];
  for (const dir of postDirs) {
    const scanned = scanCommentFolder(dir, projectRoot, (path, file, id) => {
      const read = readComment(file, id, readFileSync(path, "utf8"));
      return read.source ? { item: read.source, problems: [] } : read;
    });
    sources.set(dir, scanned.items);
    problems.push(...scanned.problems);
    const post = postsByDir.get(dir);
    const comments = scanned.items.map(({ id, file, withdrawn }) =>
      withdrawn ? { id, file, withdrawn } : { id, file },
    );
    validated.push(
      post
        ? { dir, post: { file: post.file, draft: post.data.draft === true }, comments }
        : { dir, comments },
    );
  }
  return { type: "validated", contentDir: job.contentDir, posts: validated, problems };
}

function renderPost(post: Post, job: RenderJob): void {
  const comments = (sources.get(post.dir) ?? []).map((source) => renderComment(source, markdown));
  sources.delete(post.dir);
  const facts = postFactsOf(post);
  // The page may be waiting: its parts go first, the feed after.
  const parts = postPageParts(facts, comments, job.site);
  send({ type: "rendered", dir: post.dir, section: parts.section, jsonLd: parts.jsonLd });
  if (job.feedsDir !== undefined) writeCommentFeed(job.feedsDir, facts, comments, job.site);
}

/** Renders every post the build shows, in the folder's order. */
function render(job: RenderJob): void {
  for (const post of posts) if (!isHiddenDraft(post.data, job.runMode)) renderPost(post, job);
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

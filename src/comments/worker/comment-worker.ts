// The comment worker: a thread of `npm run build` that does the comments' work on the
// machine's second core while Eleventy builds the pages on the first. It checks every
// post's front matter and validates every comment file first (so a broken file stops
// the build before any page is written), then renders each published post's comments,
// writes its comment feed and sends the page's parts back, in the order the pages ask
// for them.
// Started by ./comment-worker-client.ts; see docs/performance.md.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { parseIsoWithOffset } from "../../format/dates.ts";
import { loadSiteZoneOffsets, saveSiteZoneOffsets } from "../../build/site-zone-cache.ts";
import { checkPosts } from "../../content/check-content.ts";
import { takeKeptFrontMatter } from "../../content/front-matter.ts";
import { listPostDirs } from "../../content/post-dirs.ts";
import { readTextFile } from "../../content/read-text-file.ts";
import type { Problem } from "../../content/problem.ts";
import { createCommentMarkdown } from "../../markdown/comment-markdown.ts";
import { scanCommentFolder } from "../comment-store.ts";
import { readComment, renderComment, type CommentSource } from "../parse-comment.ts";
import { postPageParts, writeCommentFeed } from "../post-comment-outputs.ts";
import { postToThread } from "./posts-across-threads.ts";
import { SHARED, type Job, type PostToRender, type RenderJob, type ValidateJob, type WorkerMessage } from "./protocol.ts";

interface WorkerData {
  projectRoot: string;
  results: MessagePort;
  shared: Int32Array;
}

const { projectRoot, results, shared } = workerData as WorkerData;
// This thread's own clock: the offsets kept by the last build, and those it asks for kept.
loadSiteZoneOffsets(projectRoot);
const markdown = createCommentMarkdown();
/** Validated comments by post folder, until their post is rendered. */
const sources = new Map<string, CommentSource[]>();

function send(message: WorkerMessage): void {
  results.postMessage(message);
  Atomics.add(shared, SHARED.messages, 1);
  Atomics.notify(shared, SHARED.messages);
}

function validate(job: ValidateJob): void {
  // The posts first: the main thread waits for them before Eleventy reads a template.
  const postDirs = listPostDirs(job.contentDir);
  const checked = checkPosts(postDirs, projectRoot);
  send({ type: "posts", contentDir: job.contentDir, posts: checked.posts.map(postToThread), problems: checked.problems, frontMatter: takeKeptFrontMatter() });
  sources.clear();
  const posts = [];
  const problems: Problem[] = [];
  for (const dir of postDirs) {
    const scanned = scanCommentFolder(dir, projectRoot, (path, file, id) => {
      const read = readComment(file, id, readTextFile(path));
      return read.source ? { item: read.source, problems: [] } : read;
    });
    sources.set(dir, scanned.items);
    problems.push(...scanned.problems);
    posts.push({ dir, comments: scanned.items.map(({ id, file }) => ({ id, file })) });
  }
  send({ type: "validated", contentDir: job.contentDir, posts, problems });
}

function renderPost(post: PostToRender, job: RenderJob): void {
  const date = parseIsoWithOffset(post.date);
  if (!date) throw new Error(`${post.dir}: date "${post.date}" was validated but does not parse`);
  const comments = (sources.get(post.dir) ?? []).map((source) => renderComment(source, markdown));
  sources.delete(post.dir);
  const facts = { ...post, date };
  // The page may be waiting: its parts go first, the feed after.
  const parts = postPageParts(facts, comments, job.site);
  send({ type: "rendered", dir: post.dir, section: parts.section, jsonLd: parts.jsonLd });
  writeCommentFeed(job.outputDir, facts, comments, job.site);
}

/** Renders every post, the one a page is waiting for first. */
function render(job: RenderJob): void {
  const done = new Array<boolean>(job.posts.length).fill(false);
  let next = 0;
  for (let count = 0; count < job.posts.length; count++) {
    const wanted = Atomics.load(shared, SHARED.wanted) - 1;
    let index = wanted >= 0 && !done[wanted] ? wanted : next;
    while (done[index]) index = ++next;
    done[index] = true;
    renderPost(job.posts[index] as PostToRender, job);
  }
  saveSiteZoneOffsets(projectRoot);
  send({ type: "done" });
}

parentPort?.on("message", (job: Job) => {
  try {
    if (job.type === "validate") validate(job);
    else render(job);
  } catch (error) {
    send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

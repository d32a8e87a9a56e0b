// The main thread's side of the comment worker (./comment-worker.ts). Eleventy's filters
// are synchronous, so the main thread waits for the worker's messages by blocking on a
// shared counter (Atomics.wait) and reading its port directly (receiveMessageOnPort),
// without going back to the event loop. While it waits, it tells the worker which post
// it wants, so the worker renders posts in the order Eleventy asks for them.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Problem } from "../../content/problem.ts";
import type { PostPageParts, SiteFacts } from "../post-comment-outputs.ts";
import { SHARED, type Job, type PostAcrossThreads, type PostToRender, type ValidatedPost, type WorkerMessage } from "./protocol.ts";

/** Longest wait for any sign of life from the worker before the build gives up. */
const SILENCE_LIMIT_MS = 120_000;

export interface Validation {
  posts: ValidatedPost[];
  problems: Problem[];
}

/** The posts as the worker checked them (see ./posts-across-threads.ts). */
export interface CheckedPosts {
  posts: PostAcrossThreads[];
  problems: Problem[];
  /** Eleventy's YAML parses of the posts' front matter (src/content/front-matter.ts). */
  frontMatter: [string, unknown][];
}

export class CommentWorkerError extends Error {}

export class CommentWorker {
  private readonly worker: Worker;
  private readonly results: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(SHARED.length * Int32Array.BYTES_PER_ELEMENT));
  private checkedPosts: CheckedPosts | undefined;
  private validation: Validation | undefined;
  /** The folder of the latest validation asked for: an earlier one's answer is not this one's. */
  private validating: string | undefined;
  private readonly rendered = new Map<string, PostPageParts>();
  private renderOrder = new Map<string, number>();
  private readonly taken = new Set<string>();
  private finished = false;

  /** Starts the thread: it loads its modules while Eleventy starts. */
  constructor(projectRoot: string = process.cwd()) {
    const channel = new MessageChannel();
    this.results = channel.port1;
    // `npm run build` runs bundled JavaScript and names the worker's bundle (scripts/eleventy.js);
    // elsewhere (tests, tsx) the worker loads its TypeScript through its entry point.
    const bundled = process.env.COMMENT_WORKER_MODULE;
    this.worker = new Worker(bundled ? new URL(bundled) : new URL("./comment-worker-entry.js", import.meta.url), {
      workerData: { projectRoot, results: channel.port2, shared: this.shared },
      transferList: [channel.port2],
    });
    // The main thread only ever waits for it synchronously (waitUntil), never through the
    // event loop; a referenced thread kept a build that Eleventy had stopped (a template
    // error) running forever.
    this.worker.unref();
  }

  private send(job: Job): void {
    this.worker.postMessage(job);
  }

  /** Checks every post and validates every comment of the content folder; `postsChecked()` and `validated()` give the results. */
  validate(contentDir: string): void {
    this.checkedPosts = undefined;
    this.validation = undefined;
    this.validating = contentDir;
    this.finished = false;
    this.rendered.clear();
    this.send({ type: "validate", contentDir });
  }

  /** The posts' front matter, checked (waits for it; the comments come later). */
  postsChecked(): CheckedPosts {
    this.waitUntil(() => this.checkedPosts !== undefined);
    return this.checkedPosts as CheckedPosts;
  }

  /** The problems in the comment files, and the comments of each post (waits for them). */
  validated(): Validation {
    this.waitUntil(() => this.validation !== undefined);
    return this.validation as Validation;
  }

  /** Renders these posts' comments and writes their comment feeds, in the background. */
  render(site: SiteFacts, outputDir: string, posts: PostToRender[]): void {
    this.renderOrder = new Map(posts.map((post, index) => [post.dir, index]));
    this.taken.clear();
    this.send({ type: "render", site, outputDir, posts });
  }

  /** The rendered comments of the post in `dir` (waits for them). Each post is taken once. */
  take(dir: string): PostPageParts {
    const index = this.renderOrder.get(dir);
    if (index === undefined) throw new CommentWorkerError(`the comment worker was not asked to render ${dir}`);
    if (this.taken.has(dir)) throw new CommentWorkerError(`the comments of ${dir} were already taken by its page`);
    this.taken.add(dir);
    Atomics.store(this.shared, SHARED.wanted, index + 1);
    this.waitUntil(() => this.rendered.has(dir));
    const post = this.rendered.get(dir) as PostPageParts;
    this.rendered.delete(dir);
    return post;
  }

  /** Waits until every feed is written, then stops the thread. */
  async finish(): Promise<void> {
    if (this.renderOrder.size > 0) this.waitUntil(() => this.finished);
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case "posts":
        if (message.contentDir === this.validating) this.checkedPosts = { posts: message.posts, problems: message.problems, frontMatter: message.frontMatter };
        break;
      case "validated":
        if (message.contentDir === this.validating) this.validation = { posts: message.posts, problems: message.problems };
        break;
      case "rendered":
        this.rendered.set(message.dir, { section: message.section, jsonLd: message.jsonLd });
        break;
      case "done":
        this.finished = true;
        break;
      case "failed":
        throw new CommentWorkerError(`the comment worker failed: ${message.message}`);
    }
  }

  /** Reads the worker's messages until `ready()`, sleeping on the shared counter in between. */
  private waitUntil(ready: () => boolean): void {
    while (!ready()) {
      const seen = Atomics.load(this.shared, SHARED.messages);
      const received = receiveMessageOnPort(this.results);
      if (received) {
        this.receive(received.message as WorkerMessage);
        continue;
      }
      if (Atomics.wait(this.shared, SHARED.messages, seen, SILENCE_LIMIT_MS) === "timed-out") {
        throw new CommentWorkerError(`the comment worker sent nothing for ${SILENCE_LIMIT_MS / 1000} s`);
      }
    }
  }
}

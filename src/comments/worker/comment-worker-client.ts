// The main thread's side of the comment worker (./comment-worker.ts): jobs go out as
// messages, answers come back as promises. A worker that dies rejects every waiting
// promise with its own error at once; one that sends nothing for `silenceLimitMs` while
// the build waits for it is stopped, with a message saying so.
import { Worker } from "node:worker_threads";
import type { Problem } from "../../content/problem.ts";
import type { PostPageParts, SiteFacts } from "../render-outputs.ts";
import type { Job, ValidatedPost, WorkerMessage } from "./protocol.ts";

/** Longest the build waits without a message from the worker before it stops it. */
const SILENCE_LIMIT_MS = 60_000;

export interface Validation {
  posts: ValidatedPost[];
  problems: Problem[];
}

export class CommentWorkerError extends Error {}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class CommentWorker {
  private readonly worker: Worker;
  private readonly silenceLimitMs: number;
  private validation: Validation | undefined;
  /** The folder of the latest validation asked for: an earlier one's answer is not this one's. */
  private validating: string | undefined;
  private readonly rendered = new Map<string, PostPageParts>();
  /** A render job is running: its feeds are not all written yet. */
  private rendering = false;
  private stopping = false;
  private failure: CommentWorkerError | undefined;
  private waiters: Waiter[] = [];
  private silence: NodeJS.Timeout | undefined;
  private lastMessageAt = 0;

  /** Starts the thread (it loads its modules while Eleventy starts), or takes over one started early (./early-start.js). */
  constructor(
    projectRoot: string = process.cwd(),
    options: { silenceLimitMs?: number; started?: Worker } = {},
  ) {
    this.silenceLimitMs = options.silenceLimitMs ?? SILENCE_LIMIT_MS;
    // `npm run build` runs bundled JavaScript and names the worker's bundle (scripts/eleventy.js);
    // elsewhere (tests, tsx) the worker loads its TypeScript through its entry point.
    const bundled = process.env.COMMENT_WORKER_MODULE;
    this.worker =
      options.started ??
      new Worker(bundled ? new URL(bundled) : new URL("./comment-worker-entry.js", import.meta.url), {
        workerData: { projectRoot },
      });
    this.worker.on("message", (message: WorkerMessage) => this.receive(message));
    this.worker.on("error", (error) =>
      this.fail(`the comment worker failed: ${error.stack ?? error.message}`),
    );
    this.worker.on("exit", (code) => {
      if (!this.stopping) this.fail(`the comment worker stopped (exit code ${code}) before it had finished`);
    });
    // One started early may have stopped before anyone listened (a thread that has exited has no id).
    if (this.worker.threadId === -1) this.fail("the comment worker stopped before the build took it over");
    // Only a build waiting for an answer keeps the process alive (see `wait`): a build that
    // Eleventy stopped (a template error) ends, whatever the worker is doing.
    this.worker.unref();
  }

  private send(job: Job): void {
    this.worker.postMessage(job);
  }

  /** Checks every post and validates every comment of the content folder; `validated()` gives the result. */
  validate(contentDir: string): void {
    this.validation = undefined;
    this.validating = contentDir;
    this.rendered.clear();
    this.send({ type: "validate", contentDir });
  }

  /** The problems in the content folder, and each post folder's post and comments. */
  async validated(): Promise<Validation> {
    await this.wait(() => this.validation !== undefined);
    return this.validation as Validation;
  }

  /**
   * Once validated, renders the comments of every post a build of `runMode` shows and writes
   * their comment feeds into `feedsDir` (if any), in the background.
   */
  render(site: SiteFacts, feedsDir: string | undefined, runMode: string): void {
    this.rendering = true;
    this.send({ type: "render", site, feedsDir, runMode });
  }

  /** The rendered comments of the post in `dir`, once (../build-comments.ts renders a page asked again in process). */
  async take(dir: string): Promise<PostPageParts> {
    await this.wait(() => this.rendered.has(dir));
    const parts = this.rendered.get(dir) as PostPageParts;
    this.rendered.delete(dir);
    return parts;
  }

  /** Waits until every feed is written, then stops the thread. */
  async finish(): Promise<void> {
    try {
      if (this.rendering) await this.wait(() => !this.rendering);
    } finally {
      this.stopping = true;
      await this.worker.terminate();
    }
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case "validated":
        if (message.contentDir === this.validating)
          this.validation = { posts: message.posts, problems: message.problems };
        break;
      case "rendered":
        this.rendered.set(message.dir, {
          section: message.section,
          mentions: message.mentions,
          jsonLd: message.jsonLd,
        });
        break;
      case "done":
        this.rendering = false;
        break;
      case "failed":
        this.fail(`the comment worker failed: ${message.message}`);
        return;
    }
    this.settle();
  }

  /** Resolves when `ready()`; rejects if the worker fails or falls silent first. */
  private wait(ready: () => boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ ready, resolve, reject });
      this.watch();
    });
  }

  private settle(): void {
    this.lastMessageAt = performance.now();
    const waiting = this.waiters;
    this.waiters = waiting.filter((waiter) => !waiter.ready());
    for (const waiter of waiting) if (!this.waiters.includes(waiter)) waiter.resolve();
    this.watch();
  }

  /**
   * While someone waits: the thread keeps the process alive, and a timer checks that it
   * does not fall silent. Otherwise neither (one timer, not one per message).
   */
  private watch(): void {
    if (this.waiters.length === 0) {
      clearTimeout(this.silence);
      this.silence = undefined;
      this.worker.unref();
      return;
    }
    if (this.silence) return;
    this.worker.ref();
    this.lastMessageAt = performance.now();
    const check = () => {
      const silent = performance.now() - this.lastMessageAt;
      if (silent < this.silenceLimitMs) {
        this.silence = setTimeout(check, this.silenceLimitMs - silent);
        return;
      }
      this.fail(`the comment worker sent nothing for ${this.silenceLimitMs / 1000} s: stopped`);
      void this.worker.terminate();
    };
    this.silence = setTimeout(check, this.silenceLimitMs);
  }

  private fail(message: string): void {
    this.failure ??= new CommentWorkerError(message);
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(this.failure);
    this.watch();
  }
}

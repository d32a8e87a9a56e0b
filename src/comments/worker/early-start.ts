// `npm run build` (scripts/eleventy.js) starts the comment worker before it loads the
// configuration, whose import takes a quarter of a second (Eleventy, markdown-it, luxon…):
// the worker spends it reading comments. The configuration's SiteComments then takes the
// started worker. The two are separate bundles in one process, so the worker is handed
// over through a global, under a registered symbol.
import { resolve } from "node:path";
import { listPostDirs } from "../../content/post-dirs.ts";
import { CommentWorker } from "./comment-worker-client.ts";
import { useCommentWorker } from "./use-comment-worker.ts";

/** The folder to read when Eleventy is given no --input: the configuration's. */
export { CONTENT_DIR } from "../../content/post-dirs.ts";
/** For `beforeStart` (this module is the launcher's first bundle). */
export { tuneV8ForLargeBuild } from "../../build/v8-tiering.ts";

const HANDOVER = Symbol.for("nous-les-geeks.early-comment-worker");

export interface EarlyCommentWorker {
  worker: CommentWorker;
  /** The absolute folder it is validating. */
  contentDir: string;
}

type Handover = { [HANDOVER]?: EarlyCommentWorker };

export interface EarlyStartOptions {
  /** Where the project's configuration files are (default: the current folder). */
  projectRoot?: string;
  /** What else a build this large wants first; runs only if the worker starts. */
  beforeStart?: () => void;
}

/** For a one-off build that will want the worker: starts it and its validation of `contentDir`. */
export function startCommentWorkerEarly(contentDir: string, { projectRoot = process.cwd(), beforeStart = () => {} }: EarlyStartOptions = {}): boolean {
  if (!useCommentWorker("build", () => listPostDirs(contentDir).length)) return false;
  beforeStart();
  const worker = new CommentWorker(projectRoot);
  const absolute = resolve(contentDir);
  worker.validate(absolute);
  (globalThis as Handover)[HANDOVER] = { worker, contentDir: absolute };
  return true;
}

/** The worker started early, once: whoever takes it owns it. */
export function takeEarlyCommentWorker(): EarlyCommentWorker | undefined {
  const handover = globalThis as Handover;
  const early = handover[HANDOVER];
  delete handover[HANDOVER];
  return early;
}

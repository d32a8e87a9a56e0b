// The comments of the whole site during one build, as the Eleventy configuration uses
// them: check everything before a page is written, give each post page its comments
// section and JSON-LD, write each post's comment feed, and prove afterwards that every
// comment was on its page exactly once.
//
// Two ways, one result (the same functions make the same bytes):
// - `npm run build` ("build" run mode) of a large site: a worker thread (./worker/)
//   validates and renders the comments on the second core while Eleventy builds pages on
//   the first;
// - small sites and the dev server: the comment reader (./read-comments.ts), in process,
//   with its cache by modification time, so a rebuild only reads what changed.
import { dirname, join, relative, resolve, sep } from "node:path";
import { isHiddenDraft } from "../authoring/drafts.ts";
import { checkContent } from "../content/check-content.ts";
import { PAGES_FOLDER } from "../content/page-dirs.ts";
import { loadPage } from "../content/pages.ts";
import { listPostDirs } from "../content/post-dirs.ts";
import { PostCache } from "../content/posts.ts";
import { type Problem } from "../content/problem.ts";
import { reportContentProblems } from "../content/report.ts";
import { visibleCount } from "./comment.ts";
import { CommentReader } from "./read-comments.ts";
import {
  pageFactsOf,
  postFactsOf,
  postPageParts,
  writeCommentFeed,
  type PostFacts,
  type PostPageParts,
  type SiteFacts,
} from "./render-outputs.ts";
import type { CommentsSection } from "./render-section.ts";
import { RenderLedger, type ExpectedPost } from "./render-ledger.ts";
import { CommentWorker } from "./worker/comment-worker-client.ts";
import { useCommentWorker } from "./worker/use-comment-worker.ts";
import { takeEarlyCommentWorker } from "./worker/early-start.js";

export interface BuildStart {
  contentDir: string;
  outputDir: string;
  runMode: string;
  /** Whether this build writes files (not a dry run, nor a build to JSON): the comment feeds too. */
  writesFiles: boolean;
  site: SiteFacts;
}

/** What a post (or page) page shows of its comments and mentions. */
export interface PostPageComments extends CommentsSection {
  /** The mentions' section, after the comments: "" when there are none. */
  mentions: string;
  jsonLd: string;
}

/**
 * A published post or page, as a build needs it: its file (the render ledger) and, in
 * process, its page's facts. (Pages have comments and mentions as posts have: here, and in
 * the worker, a "post" is either, known by its folder.)
 */
interface PublishedPost {
  file: string;
  facts?: PostFacts;
}

export class BuildComments {
  private readonly reader: CommentReader;
  private readonly posts: PostCache;
  private worker: CommentWorker | undefined;
  private readonly ledger = new RenderLedger();
  private build: BuildStart | undefined;
  private published = new Map<string, PublishedPost>();
  private expected: ExpectedPost[] = [];
  private counts = new Map<string, number>();
  /** The previous build's, in process: what the pages listing posts showed of each. */
  private previous: { counts: Map<string, number>; published: ReadonlySet<string> } = {
    counts: new Map(),
    published: new Set(),
  };
  /** The posts whose page has its comments: asked again, it gets them again, counted once. */
  private shown = new Set<string>();
  private followingChanges = false;
  /** The content folder the worker is validating. */
  private validating: string | undefined;

  constructor(private readonly projectRoot: string = process.cwd()) {
    this.reader = new CommentReader(projectRoot);
    this.posts = new PostCache(projectRoot);
  }

  /**
   * Starts the comment worker at once when this build will want it, and its validation of
   * the comments: it reads while Eleventy starts, not after.
   */
  prepare(runMode: string, contentDir: string): void {
    if (this.worker) return;
    // `npm run build` may have started it already, before the configuration loaded.
    const early = runMode === "build" ? takeEarlyCommentWorker() : undefined;
    if (!useCommentWorker(runMode, () => listPostDirs(contentDir).length)) {
      void early?.terminate();
      return;
    }
    this.worker = new CommentWorker(this.projectRoot, early ? { started: early } : {});
    this.validating = resolve(contentDir);
    this.worker.validate(this.validating);
  }

  /**
   * The dev server tells of every changed comment folder (src/dev/comment-change-relay.ts):
   * a rebuild then looks again only at those. Returns the function to tell it with.
   */
  followChanges(): (postDir: string) => void {
    this.followingChanges = true;
    return (postDir) => this.reader.forgetFolder(postDir);
  }

  /**
   * Before Eleventy reads anything: in process, checks the posts and the comments; with the
   * worker, asks it to render once it has checked (ensureValid waits for that check).
   */
  async beginBuild(start: BuildStart): Promise<void> {
    // Absolute folders: the pages name their posts by input path ("./content/…").
    const build = { ...start, contentDir: resolve(start.contentDir), outputDir: resolve(start.outputDir) };
    this.build = build;
    this.ledger.reset();
    this.shown = new Set();
    const stopOnError = build.runMode === "build";
    this.prepare(build.runMode, build.contentDir);
    if (this.worker) {
      // Started by prepare() for this folder, unless Eleventy was given another one.
      if (this.validating !== build.contentDir) {
        this.validating = build.contentDir;
        this.worker.validate(build.contentDir);
      }
      // Eleventy reads the templates meanwhile; the `posts` collection waits for the check
      // (ensureValid), and the worker renders as soon as it has checked.
      this.worker.render(build.site, this.feedsDir(), build.runMode);
      return;
    }
    this.previous = { counts: this.counts, published: new Set(this.published.keys()) };
    this.reader.startBuild({ keepFolders: this.followingChanges && build.runMode !== "build" });
    const report = checkContent(build.contentDir, this.reader, this.projectRoot, (dir) =>
      this.posts.load(dir),
    );
    reportContentProblems(report.problems, { stopOnError });
    const published = [
      ...this.publishedOf(report.pages).map((page) => ({ ...page, facts: pageFactsOf(page) })),
      ...this.publishedOf(report.posts).map((post) => ({ ...post, facts: postFactsOf(post) })),
    ];
    this.published = new Map(published.map((post) => [post.dir, { file: post.file, facts: post.facts }]));
    this.expected = published;
    this.counts = new Map(
      [...report.pages, ...report.posts].map((post) => [post.dir, visibleCount(post.comments)]),
    );
  }

  /** Where this build writes the comment feeds: its output folder, unless it writes no files. */
  private feedsDir(): string | undefined {
    return this.build?.writesFiles ? this.build.outputDir : undefined;
  }

  /** The posts this build shows (drafts are left out of `npm run build`). */
  private publishedOf<P extends { data: { draft?: boolean } }>(posts: readonly P[]): P[] {
    return posts.filter((post) => !isHiddenDraft(post.data, this.build?.runMode));
  }

  /**
   * After Eleventy has read the templates, before it writes a page: with the worker, the
   * comments' problems are known now, and a build stops on them.
   */
  async ensureValid(): Promise<void> {
    if (!this.worker || !this.build) return;
    const validation = await this.worker.validated();
    reportContentProblems(validation.problems, { stopOnError: this.build.runMode === "build" });
    this.expected = validation.posts.flatMap(({ dir, post, comments }) =>
      post && !isHiddenDraft(post, this.build?.runMode) ? [{ dir, file: post.file, comments }] : [],
    );
    this.published = new Map(this.expected.map(({ dir, file }) => [dir, { file }]));
    this.counts = new Map(validation.posts.map((post) => [post.dir, visibleCount(post.comments)]));
  }

  /**
   * Whether the content check refused the post in `postDir`: known before Eleventy reads
   * the posts in process; with the worker, not yet (false), and the build stops on it later.
   */
  refused(postDir: string): boolean {
    return this.worker === undefined && this.build !== undefined && !this.published.has(postDir);
  }

  /**
   * Whether the pages listing the post in `postDir` (its count of comments, or whether it is
   * shown at all) differ from the previous build's in process; true when not known. The dev
   * server renders a post touched for its comments alone when they do not.
   */
  listingsChanged(postDir: string): boolean {
    return (
      this.worker !== undefined ||
      !this.previous.counts.has(postDir) ||
      this.previous.counts.get(postDir) !== this.counts.get(postDir) ||
      this.previous.published.has(postDir) !== this.published.has(postDir)
    );
  }

  /** How many comments of the post in `postDir` readers see (the home page's counts). */
  count(postDir: string): number {
    return this.counts.get(postDir) ?? visibleCount(this.reader.load(postDir).comments);
  }

  /**
   * The comments section and JSON-LD of the post page in `postDir`; its feed is written.
   * Asked again in the same build, the same comments, rendered again in process (kept,
   * every page's comments would stay in memory), counted once by the render ledger.
   */
  async postPage(postDir: string): Promise<PostPageComments> {
    if (!this.published.has(postDir))
      throw new Error(`${postDir}: a page for a post that was not checked, or not shown by this build`);
    const first = !this.shown.has(postDir);
    this.shown.add(postDir);
    const parts =
      first && this.worker ? await this.worker.take(postDir) : this.renderInProcess(postDir, first);
    const page = { ...parts.section, mentions: parts.mentions, jsonLd: parts.jsonLd };
    if (first) this.ledger.record(postDir, page.renderedIds);
    return page;
  }

  private factsOfPost(postDir: string): PostFacts | undefined {
    const pagesDir = join(this.build?.contentDir ?? "", PAGES_FOLDER);
    if (postDir.startsWith(`${pagesDir}${sep}`)) {
      const path = relative(pagesDir, postDir).split(sep).join("/");
      const page = loadPage(
        { dir: postDir, path, holdsPages: false, holdsResponses: false },
        this.projectRoot,
      );
      return page.page && pageFactsOf(page.page);
    }
    const post = this.posts.load(postDir).post;
    return post && postFactsOf(post);
  }

  private renderInProcess(postDir: string, withFeed: boolean): PostPageParts {
    const build = this.build;
    if (!build) throw new Error("BuildComments.postPage() before beginBuild()");
    // With the worker, the post was checked there: its facts are read here.
    const facts = this.published.get(postDir)?.facts ?? this.factsOfPost(postDir);
    if (!facts) throw new Error(`${postDir}: a page for a post that was not checked`);
    const { comments, mentions } = this.reader.load(postDir);
    const feedsDir = this.feedsDir();
    if (withFeed && feedsDir !== undefined) writeCommentFeed(feedsDir, facts, comments, build.site);
    return postPageParts(facts, comments, build.site, mentions);
  }

  /** After the build: every comment of every published post was on its page exactly once. */
  async endBuild(): Promise<void> {
    if (this.build?.runMode === "build") {
      const problems: Problem[] = this.ledger.verify(this.expected);
      await this.worker?.finish();
      reportContentProblems(problems, { stopOnError: true });
    }
  }
}

/** The folder of the post (or page) whose page is `inputPath` (…/posts/<slug>/index.md, …/pages/<path>/index.md). */
export function postDirOf(inputPath: string): string {
  return resolve(dirname(inputPath));
}

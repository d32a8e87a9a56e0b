// Publishing an approved comment (issue "Readers leave comments", Publishing): the intake
// server calls `publish` when a moderator approves a queued comment. It writes the
// comment's file as `npm run new:comment` does (comment-file.ts), exactly once; with
// COMMENTS_PUBLISH=git it commits it, pulling first, and pushes it (git-checkout.ts); with
// COMMENTS_REBUILD=1 it rebuilds the site soon after (site-rebuild.ts). A failure throws a
// PublishError whose French reason the moderation page shows; the comment stays approved,
// and publishing it again finishes the job without a second file.
import { resolve } from "node:path";
import { withdrawComment } from "../../authoring/withdraw-comment.ts";
import { commentFilePath, findCommentFile, writeCommentFile } from "./comment-file.ts";
import { GitCheckout } from "./git-checkout.ts";
import { outputSummary } from "../log-text.ts";
import { PublishError } from "./publish-error.ts";
import { checkRemoteName, parseGitAuthor } from "./publisher-options.ts";
import { queueOfProject } from "./serial-queue.ts";
import { SiteRebuilder, type RebuildOptions } from "./site-rebuild.ts";

export { PublishError } from "./publish-error.ts";
export { publisherOptionsFromEnv } from "./publisher-options.ts";

/** What is published of a comment: no e-mail address, no client address, by construction. */
export interface ApprovedComment {
  post: string;
  parent?: string;
  author: string;
  url?: string;
  text: string;
  /** When the reader submitted it: the comment's date. */
  submittedAt: Date;
}

export interface PublishedComment {
  id: string;
  /** Relative to the project, e.g. content/posts/<post>/comments/12.md. */
  file: string;
  /** The file was there already (an earlier attempt, or another approval, wrote it). */
  alreadyPublished: boolean;
}

export interface PublisherOptions {
  projectRoot: string;
  /** Commit each comment (COMMENTS_PUBLISH=git), and push it to `push`. */
  git?: { author: string /* "Nom <email>" */; push?: string /* remote name */ };
  /** Rebuild the site after approvals (COMMENTS_REBUILD=1). */
  rebuild?: RebuildOptions;
  /** One line per event; never an e-mail or a client's address. Default: standard error. */
  log?: (line: string) => void;
}

export interface Publisher {
  publish(comment: ApprovedComment): Promise<PublishedComment>;
  /**
   * Withdraws a published comment (src/authoring/withdraw-comment.ts), committed, pushed
   * and rebuilt as a publication is; resolves to its file, relative to the project.
   */
  withdraw(post: string, commentId: string): Promise<string>;
  /** Where the comment `id` of the post or page `post` is, relative to the project. */
  fileOf(post: string, id: string): string;
  /** Resolves when the publications and the rebuilds asked for so far are done. */
  idle(): Promise<void>;
  /** Refuses new publications, and resolves when the pending ones and their rebuild are done. */
  close(): Promise<void>;
}

/** A copy of the fields a comment file holds, so nothing else the caller's object carries goes further. */
export function approvedFields(comment: ApprovedComment): ApprovedComment {
  const copy: ApprovedComment = {
    post: comment.post,
    author: comment.author,
    text: comment.text,
    submittedAt: comment.submittedAt,
  };
  if (comment.parent !== undefined) copy.parent = comment.parent;
  if (comment.url !== undefined) copy.url = comment.url;
  return copy;
}

/** "Commentaire de Greg sur le-smo-…", on one line whatever the name holds. */
function commitMessage(comment: ApprovedComment, file: string): string {
  const author = comment.author.replace(/\s+/g, " ").trim();
  const what = comment.parent === undefined ? "Commentaire" : "Réponse";
  return `${what} de ${author} sur ${comment.post}\n\n${file}`;
}

async function publishWithGit(
  projectRoot: string,
  comment: ApprovedComment,
  git: GitCheckout,
): Promise<PublishedComment> {
  // An earlier attempt may have written the file and failed to commit or push it: that
  // file is committed as it is, and pushed, before anything is pulled over it.
  let published = findCommentFile(projectRoot, comment);
  if (!published) {
    await git.pull();
    published = writeCommentFile(projectRoot, comment);
  }
  await git.commitFile(published.file, commitMessage(comment, published.file));
  await git.push();
  return published;
}

export function createPublisher(options: PublisherOptions): Publisher {
  const projectRoot = resolve(options.projectRoot);
  const log = options.log ?? ((line: string) => console.error(line));
  if (options.git) {
    parseGitAuthor(options.git.author);
    if (options.git.push !== undefined) checkRemoteName(options.git.push);
  }
  const git = options.git && new GitCheckout(projectRoot, options.git, log);
  const rebuilder = options.rebuild && new SiteRebuilder(projectRoot, options.rebuild, log);
  const queue = queueOfProject(projectRoot);
  let closed = false;

  async function publishNow(comment: ApprovedComment): Promise<PublishedComment> {
    try {
      const published = git
        ? await publishWithGit(projectRoot, comment, git)
        : writeCommentFile(projectRoot, comment);
      log(`comment published: ${published.file}${published.alreadyPublished ? " (already there)" : ""}`);
      // Asked before the queue moves on, so that `idle()` after it waits for the build.
      rebuilder?.request();
      return published;
    } catch (error) {
      if (error instanceof PublishError) throw error;
      // Not one of the failures foreseen: still a reason to show, without its stack.
      throw new PublishError(
        `La publication a échoué (${outputSummary(error instanceof Error ? error.message : String(error))}) : publiez à nouveau ; si l’échec se répète, consultez le journal du serveur.`,
      );
    }
  }

  async function withdrawNow(post: string, commentId: string): Promise<string> {
    await git?.pull();
    const file = withdrawComment(projectRoot, post, commentId);
    if (git) {
      await git.commitFile(file, `Commentaire ${commentId} retiré de ${post}\n\n${file}`);
      await git.push();
    }
    log(`comment withdrawn: ${file}`);
    rebuilder?.request();
    return file;
  }

  return {
    fileOf: (post, id) => commentFilePath(projectRoot, post, id),
    async withdraw(post, commentId) {
      if (closed)
        throw new PublishError("Le serveur s’arrête : retirez le commentaire quand il aura redémarré.");
      return queue.run(() => withdrawNow(post, commentId));
    },
    async publish(comment) {
      if (closed) throw new PublishError("Le serveur s’arrête : publiez à nouveau quand il aura redémarré.");
      const approved = approvedFields(comment);
      try {
        return await queue.run(() => publishNow(approved));
      } catch (error) {
        if (error instanceof PublishError)
          log(`comment not published on ${approved.post}: ${outputSummary(error.reason, 1)}`);
        throw error;
      }
    },
    async idle() {
      await queue.idle();
      await rebuilder?.idle();
    },
    async close() {
      closed = true;
      await queue.idle();
      await rebuilder?.close();
    },
  };
}

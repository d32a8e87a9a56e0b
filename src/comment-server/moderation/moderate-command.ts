// `npm run comments:moderate`: the moderation queue in the terminal, through the same
// decisions as the web page (./moderate.ts).
//
//   (nothing)            the comments waiting, one per line starting with its queue id,
//                        then those approved whose publication failed, with the reason
//   list --json          the same, as a JSON array, for scripts (no e-mail address)
//   show ID              one comment in full, its e-mail address included: whoever runs
//                        this can read the database file anyway
//   approve ID…          approve and publish (write the comment file)
//   reject ID… / spam ID…
//   retry                publish again every comment approved but not published
//   withdraw POST ID     withdraw a published comment or a mention (src/authoring/withdraw-comment.ts)
//   purge                delete the comments no one published after 30 days
//
// A queue id that is unknown, or already decided, is reported on standard error and the
// command exits with status 1 once it has done the rest.
import { AuthoringError } from "../../authoring/authoring-error.ts";
import { formatFrenchDateTime, machineDateTime, siteDateTime } from "../../format/dates.ts";
import { siteMetadata } from "../../site/metadata.ts";
import { homeUrl, pathPrefixFromEnv } from "../../site/path-prefix.ts";
import { mailSettingsFromEnv } from "../notifications/mail-settings.ts";
import { Notifier } from "../notifications/notifier.ts";
import { createPublisher, publisherOptionsFromEnv } from "../publishing/index.ts";
import { SitePosts } from "../site-posts.ts";
import { openQueueDatabase, type QueueDb } from "../store/database.ts";
import { queueDatabasePath } from "../store/database-path.ts";
import { CommentQueue, type QueuedComment } from "../store/queue.ts";
import { Moderation, refuseComments, succeeded, type ModerationOutcome } from "./moderate.ts";
import { countOf, firstLine, markLabel, statusLabel } from "./words.ts";

const NBSP = "\u00A0";

export type ModerateRequest =
  | { kind: "list"; json: boolean }
  | { kind: "show"; id: number }
  | { kind: "approve" | "reject" | "spam"; ids: number[] }
  | { kind: "retry" }
  | { kind: "withdraw"; post: string; commentId: string }
  | { kind: "purge" };

/** What to print: the output, and one line per problem (each makes the command exit 1). */
export interface CommandResult {
  output: string;
  problems: string[];
}

const USAGE = `utilisation${NBSP}: comments:moderate [list --json | show ID | approve ID… | reject ID… | spam ID… | retry | withdraw BILLET ID | purge]`;

function queueId(argument: string): number {
  const id = /^#?(\d{1,15})$/.exec(argument)?.[1];
  if (id === undefined || Number(id) === 0)
    throw new AuthoringError(argument, `ce n’est pas un numéro de la file (un entier, comme 12)`);
  return Number(id);
}

function noMore(command: string, rest: readonly string[]): void {
  if (rest.length > 0) throw new AuthoringError(command, `argument de trop${NBSP}: ${rest.join(" ")}`);
}

/** The request the arguments make; throws an AuthoringError naming the argument at fault. */
function parseModerateArgs(args: readonly string[]): ModerateRequest {
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
      return { kind: "list", json: false };
    case "list": {
      const json = rest[0] === "--json";
      noMore(command, json ? rest.slice(1) : rest);
      return { kind: "list", json };
    }
    case "show": {
      const [id, ...more] = rest;
      if (id === undefined) throw new AuthoringError(command, "donnez le numéro du commentaire dans la file");
      noMore(command, more);
      return { kind: "show", id: queueId(id) };
    }
    case "approve":
    case "reject":
    case "spam":
      if (rest.length === 0)
        throw new AuthoringError(command, "donnez le numéro d’au moins un commentaire de la file");
      return { kind: command, ids: rest.map(queueId) };
    case "retry":
    case "purge":
      noMore(command, rest);
      return { kind: command };
    case "withdraw": {
      const [post, commentId, ...more] = rest;
      if (post === undefined || commentId === undefined)
        throw new AuthoringError(command, "donnez le billet (son dossier) et l’id du commentaire publié");
      noMore(command, more);
      return { kind: "withdraw", post, commentId };
    }
    default:
      throw new AuthoringError(command, `commande inconnue (${USAGE})`);
  }
}

/** "2024-03-01 10:00", Paris time: short and sortable, for a terminal's columns. */
function terminalDate(date: Date): string {
  return machineDateTime(siteDateTime(date)).slice(0, 16).replace("T", " ");
}

function marksText(comment: QueuedComment): string {
  return comment.marks.length === 0 ? "" : `  [${comment.marks.map(markLabel).join(", ")}]`;
}

function listLine(comment: QueuedComment): string {
  const columns = [String(comment.id), comment.post, comment.author, terminalDate(comment.submittedAt)];
  return `${columns.join("  ")}  «${NBSP}${firstLine(comment.text, 60)}${NBSP}»${marksText(comment)}`;
}

function listText(pending: readonly QueuedComment[], approved: readonly QueuedComment[]): string {
  const lines = pending.length === 0 ? ["Aucun commentaire en attente."] : pending.map(listLine);
  if (approved.length > 0) {
    lines.push(
      "",
      `Approuvés mais pas encore publiés (${approved.length})${NBSP}${NBSP}; retry pour réessayer, reject ID pour y renoncer${NBSP}:`,
    );
    for (const comment of approved)
      lines.push(`${listLine(comment)}  — ${comment.publishError ?? "publication pas encore tentée"}`);
  }
  return lines.join("\n");
}

/** The JSON of `list --json`: what a script needs to decide, never the e-mail address. */
function listJson(comments: readonly QueuedComment[]): string {
  const entries = comments.map((comment) => ({
    id: comment.id,
    status: comment.status,
    post: comment.post,
    parent: comment.parent ?? null,
    author: comment.author,
    url: comment.url ?? null,
    date: comment.submittedAt.toISOString(),
    text: comment.text,
    marks: comment.marks,
    ...(comment.publishError === undefined ? {} : { publishError: comment.publishError }),
  }));
  return JSON.stringify(entries, null, 2);
}

function showText(comment: QueuedComment, posts: SitePosts): string {
  const post = posts.find(comment.post);
  const parent = comment.parent && post?.comments.find((candidate) => candidate.id === comment.parent);
  const field = (label: string, value: string) => `${label}${NBSP}: ${value}`;
  const lines = [
    field(`Commentaire n°${NBSP}${comment.id}`, statusLabel(comment.status)),
    field("Billet", post ? `${post.title} (${comment.post})` : comment.post),
  ];
  if (comment.parent !== undefined)
    lines.push(
      field(
        "En réponse à",
        parent
          ? `${parent.author || "commentaire retiré"} (commentaire ${comment.parent})`
          : `commentaire ${comment.parent}`,
      ),
    );
  lines.push(field("Nom", comment.author), field("Adresse de messagerie", comment.email));
  if (comment.url !== undefined) lines.push(field("Site web", comment.url));
  lines.push(field("Reçu le", formatFrenchDateTime(siteDateTime(comment.submittedAt))));
  if (comment.marks.length > 0) lines.push(field("Indices de spam", comment.marks.map(markLabel).join(", ")));
  if (comment.publishedId !== undefined) lines.push(field("Publié comme commentaire", comment.publishedId));
  if (comment.publishError !== undefined) lines.push(field("Échec de la publication", comment.publishError));
  return [...lines, "", comment.text].join("\n");
}

/** One line per outcome on standard output, one per problem on standard error. */
function outcomesResult(outcomes: readonly ModerationOutcome[]): CommandResult {
  const output: string[] = [];
  const problems: string[] = [];
  for (const outcome of outcomes) {
    const number = `n°${NBSP}${outcome.id}`;
    switch (outcome.result) {
      case "published":
        output.push(`${number}${NBSP}: publié, ${outcome.file}`);
        break;
      case "decided":
        output.push(`${number}${NBSP}: ${statusLabel(outcome.status)}`);
        break;
      case "publish-failed":
        problems.push(`${number}${NBSP}: approuvé mais pas publié${NBSP}: ${outcome.reason}`);
        break;
      case "already-decided":
        problems.push(`${number}${NBSP}: déjà décidé (${statusLabel(outcome.status)}), laissé tel quel`);
        break;
      case "unknown":
        problems.push(`${number}${NBSP}: aucun commentaire de ce numéro dans la file`);
        break;
    }
  }
  const done = outcomes.filter(succeeded).length;
  if (output.length === 0) output.push(`Rien n’a été fait (${countOf(done, "commentaire")}).`);
  return { output: output.join("\n"), problems };
}

async function withModeration<T>(
  db: QueueDb,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  use: (moderation: Moderation) => Promise<T>,
): Promise<T> {
  const publisher = createPublisher(publisherOptionsFromEnv(env, projectRoot));
  // With COMMENTS_SMTP_URL, an approved reply queues its e-mails in the outbox, as on the
  // web page; the server's sender sends them (within half a minute).
  const mail = mailSettingsFromEnv(env);
  const notifier = mail && new Notifier({ db, settings: mail, log: (line) => console.error(line) });
  try {
    const result = await use(
      new Moderation(
        new CommentQueue(db),
        publisher,
        notifier && ((comment, publishedId) => notifier.commentPublished(comment, publishedId)),
      ),
    );
    // A commit to push or a rebuild to run after the files are written: done before exiting.
    await publisher.idle();
    return result;
  } finally {
    await publisher.close();
  }
}

async function runRequest(
  db: QueueDb,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  request: Exclude<ModerateRequest, { kind: "withdraw" }>,
): Promise<CommandResult> {
  const queue = new CommentQueue(db);
  switch (request.kind) {
    case "list": {
      const pending = await queue.list(["pending"]);
      const approved = await queue.list(["approved"]);
      return {
        output: request.json ? listJson([...pending, ...approved]) : listText(pending, approved),
        problems: [],
      };
    }
    case "show": {
      const comment = await queue.get(request.id);
      if (!comment)
        throw new AuthoringError(String(request.id), "aucun commentaire de ce numéro dans la file");
      const posts = new SitePosts(projectRoot, homeUrl(siteMetadata(env).url, pathPrefixFromEnv(env)));
      return { output: showText(comment, posts), problems: [] };
    }
    case "approve":
      return outcomesResult(
        await withModeration(db, projectRoot, env, (moderation) => moderation.approve(request.ids)),
      );
    case "reject":
      return outcomesResult(await refuseComments(queue, request.ids, "rejected"));
    case "spam":
      return outcomesResult(await refuseComments(queue, request.ids, "spam"));
    case "retry": {
      const outcomes = await withModeration(db, projectRoot, env, (moderation) =>
        moderation.retryUnpublished(),
      );
      if (outcomes.length === 0)
        return { output: "Aucun commentaire approuvé en attente de publication.", problems: [] };
      return outcomesResult(outcomes);
    }
    case "purge": {
      const purged = await queue.purgeUnpublished();
      return {
        output: `${countOf(purged, "commentaire supprimé", "commentaires supprimés")} (en attente, refusés ou indésirables, reçus il y a plus de 30${NBSP}jours).`,
        problems: [],
      };
    }
  }
}

/** Runs `comments:moderate` with these arguments, on the database COMMENTS_DATABASE names. */
export async function moderateCommand(
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): Promise<CommandResult> {
  const request = parseModerateArgs(args);
  // Withdrawing edits a comment file (committed and pushed with COMMENTS_PUBLISH=git, as
  // a publication is): the queue is not needed, nor created.
  if (request.kind === "withdraw") {
    const publisher = createPublisher(publisherOptionsFromEnv(env, projectRoot));
    try {
      return { output: await publisher.withdraw(request.post, request.commentId), problems: [] };
    } finally {
      await publisher.close();
    }
  }
  const db = await openQueueDatabase(queueDatabasePath(env, projectRoot));
  try {
    return await runRequest(db, projectRoot, env, request);
  } finally {
    await db.destroy();
  }
}

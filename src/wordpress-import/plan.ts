// The first pass over an export: every item and comment read, kept in a compact form
// (ids, statuses, slugs, dates; no text), then the plan of the import: which folder each
// post and page gets, which of its comments become files, under which parent, and which
// files are already there. The whole export is read (and so checked well-formed) before
// anything is written, and the plan holds no body, so memory stays bounded by the number
// of items and comments, not by their text.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_DIR, POSTS_FOLDER } from "../content/post-dirs.ts";
import { aliasesOf } from "./aliases.ts";
import { wordPressDate } from "./dates.ts";
import { folderName } from "./folder-names.ts";
import {
  commentKind,
  commentStatus,
  itemDecision,
  type CommentKind,
  type CommentStatus,
} from "./item-kinds.ts";
import { plainText } from "./plain-text.ts";
import { countRead, newTally, type Tally } from "./report.ts";
import type { Attachment } from "./shortcodes.ts";
import { readWxr, WxrError, type WxrChannel, type WxrItem } from "./wxr-reader.ts";

const PAGES_FOLDER = "pages";

interface ScannedComment {
  id: string;
  parent: string;
  /** comment_type as written, for the report. */
  type: string;
  kind: CommentKind;
  status: CommentStatus;
  /** Its date in the content contract's form, or why there is none. */
  date: { ok: true; iso: string; note?: string } | { ok: false; reason: string };
}

interface ScannedItem {
  line: number;
  id: string;
  type: string;
  status: string;
  hasPassword: boolean;
  name: string;
  title: string;
  link: string;
  parent: string;
  oldSlugs: string[];
  comments: ScannedComment[];
}

export type CommentPlan =
  | { as: "comment" | "mention"; parent?: string; iso: string; file: string; exists: boolean; note?: string }
  | { as: "queue"; parent?: string; iso: string }
  | { as: "skip"; reason: string };

export interface ItemPlan {
  id: string;
  kind: "post" | "page";
  draft: boolean;
  /** Its folder from the project's root: "content/posts/<folder>" or "content/pages/<path>". */
  dir: string;
  /** Its address on the new site: "/<folder>/" or "/<path>/". */
  address: string;
  aliases: string[];
  /** Its index.md is already there (imported before, or written by hand): left alone. */
  exists: boolean;
  folderNote?: string;
  /** What becomes of each of its comments, in the export's order. */
  comments: CommentPlan[];
}

export interface ImportPlan {
  channel: WxrChannel;
  /** Every item read, by id: its type and status, and how it is handled. */
  items: Map<
    string,
    { type: string; status: string; title: string; plan?: ItemPlan; skipped?: string; named: boolean }
  >;
  /** The comments read, by kind and status: the report's tally, its outcomes still to count. */
  comments: Tally;
  attachments: Map<string, Attachment & { parent: string; order: number }>;
}

export class PlanError extends Error {}

/**
 * A copy of a short string, in one piece, that holds on to nothing else: the parser's
 * strings may be slices of the chunk they were read in, which a kept slice would keep
 * alive whole, and a string built from parts (a path by join(), a date) is kept as a tree
 * of its parts, several times the size of its text. The plan keeps a few of them for every
 * comment of the export.
 */
function own(text: string): string {
  return text.length === 0 ? "" : Buffer.from(text, "utf8").toString("utf8");
}

function scanItem(item: WxrItem, timeZone: string): ScannedItem {
  return {
    line: item.line,
    id: own(item.id.trim()),
    type: own(item.type.trim()),
    status: own(item.status.trim()),
    hasPassword: item.password.trim() !== "",
    name: own(item.name.trim()),
    title: own(plainText(item.title)),
    link: own(item.link.trim()),
    parent: own(item.parent.trim()),
    oldSlugs: item.meta.filter((meta) => meta.key === "_wp_old_slug").map((meta) => own(meta.value.trim())),
    comments: item.comments.map((comment) => ({
      id: own(comment.id.trim()),
      parent: own(comment.parent.trim()),
      type: own(comment.type.trim()),
      kind: commentKind(comment),
      status: commentStatus(comment),
      date: wordPressDate(comment.date, comment.dateGmt, timeZone),
    })),
  };
}

const STATUS_WORDS: Record<CommentStatus, string> = {
  approved: "approuvé",
  pending: "en attente",
  spam: "indésirable",
  trash: "corbeille",
};

/** The kind of a comment for the report: "commentaire", "pingback", "trackback", "type x". */
function commentTypeWord(kind: CommentKind, type: string): string {
  return kind === "comment" ? "commentaire" : kind === "other" ? `type ${type}` : kind;
}

/**
 * The nearest ancestor of `parent` that is imported as a comment, or undefined (the
 * comment then starts a thread); WordPress's parent may be pending, spam, a pingback or
 * missing from the export.
 */
function nearestImported(
  parent: string,
  byId: ReadonlyMap<string, ScannedComment>,
  imported: (id: string) => boolean,
): string | undefined {
  const seen = new Set<string>();
  for (let id = parent; id !== "" && id !== "0" && !seen.has(id);) {
    if (imported(id)) return id;
    seen.add(id);
    id = byId.get(id)?.parent ?? "";
  }
  return undefined;
}

function planComments(
  item: ScannedItem,
  dir: string,
  kind: "post" | "page",
  pendingToQueue: boolean,
): CommentPlan[] {
  const byId = new Map(item.comments.map((comment) => [comment.id, comment]));
  const isImportedComment = (id: string) => {
    const comment = byId.get(id);
    return (
      comment !== undefined && comment.kind === "comment" && comment.status === "approved" && comment.date.ok
    );
  };
  const plans: CommentPlan[] = [];
  const seen = new Set<string>();
  for (const comment of item.comments) plans.push(planComment(comment));
  return plans;

  function planComment(comment: ScannedComment): CommentPlan {
    if (!/^[A-Za-z0-9_-]+$/.test(comment.id))
      return { as: "skip", reason: "commentaire sans identifiant utilisable" };
    if (seen.has(comment.id)) return { as: "skip", reason: "identifiant de commentaire en double" };
    seen.add(comment.id);
    return decide(comment);
  }

  function decide(comment: ScannedComment): CommentPlan {
    if (comment.kind === "other")
      return { as: "skip", reason: `commentaire de type ${comment.type} non importé` };
    if (!comment.date.ok) return { as: "skip", reason: "commentaire sans date lisible" };
    if (comment.status === "spam") return { as: "skip", reason: "indésirable (spam)" };
    if (comment.status === "trash") return { as: "skip", reason: "à la corbeille" };
    const parent =
      comment.kind === "comment" ? nearestImported(comment.parent, byId, isImportedComment) : undefined;
    let note: string | undefined;
    if (
      comment.kind === "comment" &&
      comment.parent !== "" &&
      comment.parent !== "0" &&
      parent !== comment.parent
    ) {
      const old = byId.get(comment.parent);
      const why = old
        ? old.kind !== "comment"
          ? `est un ${old.kind}`
          : `n’est pas importé (${STATUS_WORDS[old.status]})`
        : "n’est pas dans l’export";
      note = `réponse au commentaire ${comment.parent}, qui ${why} : ${
        parent === undefined ? "mise en tête de fil" : `rattachée au commentaire ${parent}`
      }`;
    }
    const iso = own(comment.date.iso);
    if (comment.status === "pending") {
      if (comment.kind !== "comment") return { as: "skip", reason: `${comment.kind} en attente` };
      if (!pendingToQueue)
        return { as: "skip", reason: "en attente de modération (voir --pending-to-queue)" };
      return parent === undefined ? { as: "queue", iso } : { as: "queue", parent, iso };
    }
    const as = comment.kind === "comment" ? "comment" : "mention";
    const file = own(join(dir, as === "comment" ? "comments" : "mentions", `${comment.id}.md`));
    const dateNote = comment.date.note;
    const notes = [note, dateNote].filter((text): text is string => text !== undefined);
    const plan: CommentPlan = { as, iso, file, exists: false };
    if (parent !== undefined) plan.parent = parent;
    if (notes.length > 0) plan.note = notes.join(" ; ");
    return plan;
  }
}

/** Reads the whole export once and plans the import; throws WxrError or PlanError. */
export async function planImport(
  exportFile: string,
  projectRoot: string,
  options: { timeZone: string; pendingToQueue: boolean },
): Promise<ImportPlan> {
  const channel: WxrChannel = { authors: new Map() };
  const scanned: ScannedItem[] = [];
  const attachments: ImportPlan["attachments"] = new Map();
  const firstLine = new Map<string, number>();
  for await (const item of readWxr(exportFile, channel)) {
    const summary = scanItem(item, options.timeZone);
    const seen = firstLine.get(summary.id);
    if (summary.id === "" || !/^\d+$/.test(summary.id))
      throw new WxrError(exportFile, item.line, `item without a numeric wp:post_id ("${summary.id}")`);
    if (seen !== undefined)
      throw new WxrError(
        exportFile,
        item.line,
        `a second item with wp:post_id ${summary.id} (the first is on line ${seen})`,
      );
    firstLine.set(summary.id, item.line);
    if (summary.type === "attachment") {
      const alt = item.meta.find((meta) => meta.key === "_wp_attachment_image_alt")?.value.trim() ?? "";
      attachments.set(summary.id, {
        url: own(item.attachmentUrl.trim() || item.link.trim()),
        alt: own(plainText(alt)),
        title: summary.title,
        parent: summary.parent,
        order: Number(item.menuOrder) || 0,
      });
    }
    scanned.push(summary);
  }

  const plan: ImportPlan = { channel, items: new Map(), comments: newTally(), attachments };
  const byId = new Map(scanned.map((item) => [item.id, item]));
  const postFolders = new Map<string, ScannedItem>();
  const pagePaths = new Map<string, ScannedItem>();
  const conflicts: string[] = [];
  const describe = (item: ScannedItem) =>
    `item ${item.id} « ${item.title || item.name} » (line ${item.line})`;

  // A page's path: its ancestors' slugs, then its own, each made a folder name.
  const pageSegments = new Map<string, { segments: string[]; note?: string }>();
  const segmentsOf = (item: ScannedItem, depth = 0): { segments: string[]; note?: string } => {
    const known = pageSegments.get(item.id);
    if (known) return known;
    const own = folderName(item.name, item.title, item.id, "page");
    const parent = byId.get(item.parent);
    const above =
      parent && parent.type === "page" && depth < 50 ? segmentsOf(parent, depth + 1).segments : [];
    const result =
      own.note === undefined
        ? { segments: [...above, own.name] }
        : { segments: [...above, own.name], note: own.note };
    pageSegments.set(item.id, result);
    return result;
  };

  for (const item of scanned) {
    for (const comment of item.comments)
      countRead(plan.comments, commentTypeWord(comment.kind, comment.type), STATUS_WORDS[comment.status]);
    const decision = itemDecision({
      type: item.type,
      status: item.status,
      password: item.hasPassword ? "x" : "",
    });
    if (!decision.import) {
      plan.items.set(item.id, {
        type: item.type,
        status: item.status,
        title: item.title,
        skipped: decision.reason,
        named: decision.named,
      });
      continue;
    }
    let dir: string;
    let address: string;
    let folderNote: string | undefined;
    if (decision.kind === "post") {
      const folder = folderName(item.name, item.title, item.id, "post");
      const other = postFolders.get(folder.name);
      if (other)
        conflicts.push(`content/posts/${folder.name}: wanted by ${describe(other)} and ${describe(item)}`);
      postFolders.set(folder.name, item);
      dir = join(CONTENT_DIR, POSTS_FOLDER, folder.name);
      address = `/${folder.name}/`;
      folderNote = folder.note;
    } else {
      const { segments, note } = segmentsOf(item);
      const path = segments.join("/");
      const other = pagePaths.get(path);
      if (other) conflicts.push(`content/pages/${path}: wanted by ${describe(other)} and ${describe(item)}`);
      pagePaths.set(path, item);
      dir = join(CONTENT_DIR, PAGES_FOLDER, ...segments);
      address = `/${path}/`;
      folderNote = note;
    }
    const itemPlan: ItemPlan = {
      id: item.id,
      kind: decision.kind,
      draft: decision.draft,
      dir: own(dir),
      address: own(address),
      aliases: aliasesOf(
        { id: item.id, link: item.link, name: item.name, oldSlugs: item.oldSlugs },
        address,
      ).map(own),
      exists: existsSync(join(projectRoot, dir, "index.md")),
      comments: planComments(item, dir, decision.kind, options.pendingToQueue),
    };
    if (folderNote !== undefined) itemPlan.folderNote = folderNote;
    for (const comment of itemPlan.comments)
      if (comment.as === "comment" || comment.as === "mention")
        comment.exists = existsSync(join(projectRoot, comment.file));
    plan.items.set(item.id, {
      type: item.type,
      status: item.status,
      title: item.title,
      plan: itemPlan,
      named: false,
    });
  }

  // A page's address is shared with the posts' (/<folder>/) and the site's own pages.
  for (const [path, page] of pagePaths) {
    const first = path.split("/")[0] ?? "";
    const post = postFolders.get(first);
    if (post && path === first)
      conflicts.push(`/${first}/: wanted by the page ${describe(page)} and the post ${describe(post)}`);
    else if (
      !post &&
      path === first &&
      existsSync(join(projectRoot, CONTENT_DIR, POSTS_FOLDER, first, "index.md"))
    )
      conflicts.push(
        `/${first}/: wanted by the page ${describe(page)} and the post already in content/posts/${first}`,
      );
  }
  for (const folder of postFolders.keys())
    if (
      !pagePaths.has(folder) &&
      existsSync(join(projectRoot, CONTENT_DIR, PAGES_FOLDER, folder, "index.md"))
    )
      conflicts.push(
        `/${folder}/: wanted by the post ${describe(postFolders.get(folder) as ScannedItem)} and the page already in content/pages/${folder}`,
      );
  if (conflicts.length > 0) throw new PlanError(conflicts.join("\n"));
  return plan;
}

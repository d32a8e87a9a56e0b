// npm run import:wordpress: a WordPress export (WXR) into the content contract. The steps:
// 1. the whole export is read once and planned (./plan.ts): a malformed export, or two
//    items wanting one folder, stops it here, before anything is written;
// 2. it is read again, item by item: each post, page, comment and mention not already
//    there is converted, checked as the build checks it, and staged (./writer.ts);
// 3. the staged files are put in place, never over a file already there;
// 4. with --pending-to-queue, a third reading queues the comments awaiting moderation.
// The report (./report.ts) accounts for every item and comment read.
import { existsSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { AuthoringError } from "../authoring/authoring-error.ts";
import { commentFile, mentionFile } from "./comment-files.ts";
import { commentMarkdown } from "./comment-text.ts";
import { isKnownTimeZone } from "./dates.ts";
import { itemFile } from "./item-files.ts";
import { isFolder, PostMedia, uploadPrefixes, type MediaSite } from "./media.ts";
import { queuePending, type PendingComment } from "./pending-queue.ts";
import { planImport, type ImportPlan, type ItemPlan } from "./plan.ts";
import { plainText } from "./plain-text.ts";
import { add, countRead, newReport, type ImportReport } from "./report.ts";
import type { Attachment } from "./shortcodes.ts";
import { dryRunWriter, stagingWriter, type ImportWriter } from "./writer.ts";
import { readWxr, type WxrItem } from "./wxr-reader.ts";

export interface ImportOptions {
  exportFile: string;
  projectRoot: string;
  uploadsDir?: string;
  timeZone: string;
  dryRun: boolean;
  pendingToQueue: boolean;
  env?: NodeJS.ProcessEnv;
}

const KIND_WORDS = { post: "billet", page: "page", comment: "commentaire", mention: "mention" } as const;

function checkOptions(options: ImportOptions): void {
  if (!existsSync(options.exportFile) || !statSync(options.exportFile).isFile())
    throw new AuthoringError(options.exportFile, "no such file (the WordPress export, a .xml file)");
  if (options.uploadsDir !== undefined && !isFolder(options.uploadsDir))
    throw new AuthoringError("--uploads", `${options.uploadsDir} is not a folder (wp-content/uploads)`);
  if (!isKnownTimeZone(options.timeZone))
    throw new AuthoringError("--timezone", `unknown time zone "${options.timeZone}" (e.g. Europe/Paris)`);
}

/**
 * The attachments of each item, by the item's id, in WordPress's order (menu_order, then
 * id): grouped once, as an export may hold as many attachments as posts.
 */
function attachmentsByItem(plan: ImportPlan): Map<string, Attachment[]> {
  const byItem = new Map<string, [string, Attachment & { order: number }][]>();
  for (const [id, attachment] of plan.attachments) {
    const list = byItem.get(attachment.parent);
    if (list) list.push([id, attachment]);
    else byItem.set(attachment.parent, [[id, attachment]]);
  }
  const ordered = new Map<string, Attachment[]>();
  for (const [parent, list] of byItem)
    ordered.set(
      parent,
      list
        .sort(([a, x], [b, y]) => x.order - y.order || Number(a) - Number(b))
        .map(([, attachment]) => attachment),
    );
  return ordered;
}

/** Converts one planned item's files, staging them; counts them in the report. */
function importItem(
  item: WxrItem,
  plan: ItemPlan,
  state: {
    report: ImportReport;
    writer: ImportWriter;
    importPlan: ImportPlan;
    attachedByItem: ReadonlyMap<string, Attachment[]>;
    site: MediaSite;
    options: ImportOptions;
  },
): void {
  const { report, writer, importPlan, attachedByItem, site, options } = state;
  const change = (file: string, what: string) => report.changes.push({ file, what });
  item.comments.forEach((comment, index) => {
    const commentPlan = plan.comments[index];
    if (!commentPlan) return;
    if (commentPlan.as === "skip") return void add(report.comments.skipped, commentPlan.reason);
    if (commentPlan.as === "queue") return;
    if (commentPlan.exists) {
      add(report.comments.already, KIND_WORDS[commentPlan.as]);
      report.filesAlready += 1;
      return;
    }
    const converted =
      commentPlan.as === "comment"
        ? commentFile(comment, commentPlan)
        : mentionFile(comment, commentPlan, comment.type.trim() === "trackback" ? "trackback" : "pingback");
    if ("skip" in converted) return void add(report.comments.skipped, converted.skip);
    writer.write(commentPlan.file, converted.text);
    add(report.comments.written, KIND_WORDS[commentPlan.as]);
    add(report.files, KIND_WORDS[commentPlan.as]);
    if (commentPlan.note) change(commentPlan.file, commentPlan.note);
    for (const note of converted.notes) change(commentPlan.file, note);
  });
  if (plan.exists) {
    add(report.items.already, KIND_WORDS[plan.kind]);
    report.filesAlready += 1;
    return;
  }
  const media = new PostMedia(site);
  const file = itemFile(
    item,
    plan,
    importPlan.channel,
    {
      attachments: importPlan.attachments,
      attachedToPost: attachedByItem.get(plan.id) ?? [],
      localCopy: (url) => media.localCopy(url),
      isUpload: (url) => media.isUpload(url),
    },
    options.timeZone,
  );
  for (const [name, source] of media.files) {
    const path = join(plan.dir, name);
    if (existsSync(join(options.projectRoot, path))) report.filesAlready += 1;
    else {
      writer.copy(path, source);
      add(report.files, "média");
    }
  }
  const index = join(plan.dir, "index.md");
  writer.write(index, file.text);
  add(report.items.written, KIND_WORDS[plan.kind]);
  add(report.files, KIND_WORDS[plan.kind]);
  for (const note of file.notes) change(index, note);
}

async function* pendingComments(exportFile: string, plan: ImportPlan): AsyncGenerator<PendingComment> {
  for await (const item of readWxr(exportFile, { authors: new Map() })) {
    const itemPlan = plan.items.get(item.id.trim())?.plan;
    if (!itemPlan) continue;
    // The queue names a post by its folder, a page by its path: its address without slashes.
    const post = itemPlan.address.replace(/^\/|\/$/g, "");
    for (const [index, comment] of item.comments.entries()) {
      const commentPlan = itemPlan.comments[index];
      if (commentPlan?.as !== "queue") continue;
      const url = comment.authorUrl.trim();
      yield {
        id: comment.id.trim(),
        post,
        ...(commentPlan.parent === undefined ? {} : { parent: commentPlan.parent }),
        author: plainText(comment.author) || "Anonyme",
        email: comment.authorEmail.trim(),
        ...(/^https?:\/\//i.test(url) ? { url } : {}),
        text: commentMarkdown(comment.content, []) || comment.content.trim(),
        submittedAt: new Date(commentPlan.iso),
      };
    }
  }
}

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  checkOptions(options);
  const plan = await planImport(options.exportFile, options.projectRoot, options);
  const report = newReport(basename(options.exportFile), options.dryRun);
  if (plan.channel.version !== undefined) report.version = plan.channel.version;
  report.comments.read = plan.comments.read;
  let queued = 0;
  for (const [id, entry] of plan.items) {
    countRead(report.items, entry.type || "(aucun)", entry.status || "(aucun)");
    if (entry.skipped !== undefined) {
      add(report.items.skipped, entry.skipped);
      if (entry.named)
        report.named.push({ what: `${entry.type} ${id} « ${entry.title} »`, why: entry.skipped });
    }
    for (const comment of entry.plan?.comments ?? []) if (comment.as === "queue") queued += 1;
  }
  const site: MediaSite = {
    uploadPrefixes: uploadPrefixes(plan.channel.baseSiteUrl, plan.channel.baseBlogUrl),
    ...(options.uploadsDir === undefined ? {} : { uploadsDir: resolve(options.uploadsDir) }),
  };
  const writer = options.dryRun ? dryRunWriter() : stagingWriter(options.projectRoot);
  const attachedByItem = attachmentsByItem(plan);
  try {
    for await (const item of readWxr(options.exportFile, { authors: new Map() })) {
      const entry = plan.items.get(item.id.trim());
      if (entry?.plan)
        importItem(item, entry.plan, { report, writer, importPlan: plan, attachedByItem, site, options });
      else if (item.comments.length > 0)
        add(report.comments.skipped, "sur un élément non importé", item.comments.length);
    }
  } catch (error) {
    writer.discard();
    throw error;
  }
  const already = writer.commit();
  // Written meanwhile by someone else: left as they are.
  report.filesAlready += already.length;

  if (options.pendingToQueue && queued > 0) {
    if (options.dryRun) report.queued = queued;
    else {
      const blog = plan.channel.baseBlogUrl ?? plan.channel.baseSiteUrl ?? basename(options.exportFile);
      const result = await queuePending(
        pendingComments(options.exportFile, plan),
        blog,
        options.projectRoot,
        options.env ?? process.env,
      );
      report.queued = result.added;
      report.queuedAlready = result.already;
    }
    add(report.comments.written, "file de modération", queued);
  }
  return report;
}

// What becomes of each item and comment of an export, by the rule "nothing published that
// WordPress did not publish":
// - posts and pages: published ones are published; drafts, pending reviews and scheduled
//   ones become drafts (`draft: true`, preview only); private and password-protected ones
//   are not imported at all (the repository may be public) and the report names them;
//   trash and auto-drafts are counted and skipped;
// - every other post type (attachments, revisions, menu items, a plugin's own) is counted
//   and skipped (attachments still serve galleries and uploads);
// - comments: approved ones (status 1) are imported; pingbacks and trackbacks become
//   mentions; pending ones (0) can go to the moderation queue; spam and trash never.
import type { WxrComment } from "./wxr-reader.ts";

export type ItemDecision =
  { import: true; kind: "post" | "page"; draft: boolean } | { import: false; reason: string; named: boolean };

export function itemDecision(item: { type: string; status: string; password: string }): ItemDecision {
  const kind = item.type === "post" || item.type === "page" ? item.type : undefined;
  if (!kind) return { import: false, reason: `type ${item.type || "(aucun)"} non importé`, named: false };
  if (item.password.trim() !== "")
    return { import: false, reason: "protégé par un mot de passe : non importé", named: true };
  switch (item.status) {
    case "publish":
      return { import: true, kind, draft: false };
    case "draft":
    case "pending":
    case "future":
      return { import: true, kind, draft: true };
    case "private":
      return { import: false, reason: "privé : non importé", named: true };
    case "trash":
      return { import: false, reason: "à la corbeille", named: false };
    case "auto-draft":
      return { import: false, reason: "brouillon automatique", named: false };
    case "inherit":
      return { import: false, reason: "révision", named: false };
    default:
      return { import: false, reason: `statut ${item.status || "(aucun)"} inconnu`, named: true };
  }
}

export type CommentKind = "comment" | "pingback" | "trackback" | "other";

export function commentKind(comment: Pick<WxrComment, "type">): CommentKind {
  const type = comment.type.trim();
  if (type === "" || type === "comment") return "comment";
  if (type === "pingback" || type === "trackback") return type;
  return "other";
}

/** "approved", "pending", "spam", "trash": WordPress's comment_approved in words. */
export type CommentStatus = "approved" | "pending" | "spam" | "trash";

export function commentStatus(comment: Pick<WxrComment, "approved">): CommentStatus {
  switch (comment.approved.trim()) {
    case "1":
    case "approve":
      return "approved";
    case "0":
    case "hold":
      return "pending";
    case "spam":
      return "spam";
    default:
      return "trash";
  }
}

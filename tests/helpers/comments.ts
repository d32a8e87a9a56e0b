// Builds Comment values for unit tests.
import { DateTime } from "luxon";
import type { Comment } from "../../src/comments/comment.ts";

export function aComment(id: string, date: string, parent?: string, author = `Auteur ${id}`): Comment {
  const comment: Comment = {
    id,
    file: `content/posts/p/comments/${id}.md`,
    author,
    date: DateTime.fromISO(date, { setZone: true }),
    bodyHtml: `<p>Texte ${id}</p>\n`,
  };
  if (parent !== undefined) comment.parent = parent;
  return comment;
}

// A mention as the rest of the generator sees it: another site's page that links to a
// post or a page, told by a pingback or a trackback (WordPress's "Ping" and "Rétrolien"),
// validated, its excerpt rendered once. Mentions are not comments: they have their own
// list, heading and count on the page, and are not in the comment feed; but they share
// the post's sequence of ids with its comments (src/authoring/next-comment-id.ts).
import type { DateTime } from "luxon";

export type MentionType = "pingback" | "trackback";

export interface Mention {
  /** The file name without .md; unique within its post, among its comments too. */
  id: string;
  /** Path of the source file, relative to the project, for messages. */
  file: string;
  type: MentionType;
  /** The address of the page that links here, normalised (src/content/schemas.ts). */
  source: string;
  /** That page's title, as its site sent it: untrusted text. */
  title: string;
  date: DateTime;
  /** The excerpt, rendered by the comment markdown-it instance (raw HTML off); may be empty. */
  excerptHtml: string;
  /**
   * Withdrawn (`withdrawn: true` in its file): shown nowhere, its source, title and excerpt
   * left empty; it keeps its id, so that no comment is given it.
   */
  withdrawn?: true;
}

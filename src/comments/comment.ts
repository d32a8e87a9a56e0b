// A comment as the rest of the generator sees it: validated, its body rendered once.
import type { DateTime } from "luxon";

export interface Comment {
  /** The file name without .md; unique within its post. */
  id: string;
  /** Path of the source file, relative to the project, for messages. */
  file: string;
  author: string;
  date: DateTime;
  /** Id of the comment this one answers, if any. */
  parent?: string;
  url?: string;
  /** The body, rendered by the comment markdown-it instance (raw HTML off). */
  bodyHtml: string;
}

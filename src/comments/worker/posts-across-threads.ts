// A checked post crosses from the comment worker to the main thread as plain data: its
// front matter's date (a luxon DateTime) as ISO text, read back on arrival.
import { parseIsoWithOffset } from "../../format/dates.ts";
import type { Post } from "../../content/posts.ts";
import type { PostAcrossThreads } from "./protocol.ts";

export function postToThread(post: Post): PostAcrossThreads {
  const date = post.data.date.toISO();
  if (!date) throw new Error(`${post.file}: date was validated but has no ISO form`);
  return { ...post, data: { ...post.data, date } };
}

export function postFromThread(post: PostAcrossThreads): Post {
  const date = parseIsoWithOffset(post.data.date);
  if (!date) throw new Error(`${post.file}: date "${post.data.date}" was validated but does not parse`);
  return { ...post, data: { ...post.data, date } };
}

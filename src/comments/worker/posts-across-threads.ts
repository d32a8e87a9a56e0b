// A checked post crosses from the comment worker to the main thread as plain data: its
// front matter's date (a luxon DateTime) as ISO text. The main thread only chooses the
// published ones and hands them back to be rendered: the date stays text on the way.
import type { Post } from "../../content/posts.ts";
import { postFactsOf } from "../render-outputs.ts";
import type { PostAcrossThreads, PostToRender } from "./protocol.ts";

export function postToThread(post: Post): PostAcrossThreads {
  const date = post.data.date.toISO();
  if (!date) throw new Error(`${post.file}: date was validated but has no ISO form`);
  return { ...post, data: { ...post.data, date } };
}

/** What the worker renders a published post's comments with. */
export function postToRender(post: PostAcrossThreads): PostToRender {
  return { dir: post.dir, ...postFactsOf(post) };
}

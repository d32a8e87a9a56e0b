// Reads a WordPress export (WXR 1.0 to 1.2) as a stream: the file goes through saxes a
// chunk at a time and each <item> is handed out as soon as it is closed, so that a
// 600 MB export is never one string. The WordPress namespaces are recognised by their
// address, whatever their prefix and whether it says http or https (exports of the same
// version differ there). A file that is not well-formed XML, or is no WXR, is refused
// with a WxrError naming the file and the line.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { SaxesParser, type SaxesTagNS } from "saxes";

export class WxrError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }

  /** "export.xml:123: unexpected close tag" */
  get reportLine(): string {
    return `${this.file}:${this.line}: ${this.message}`;
  }
}

export interface WxrCategory {
  /** "category" or "post_tag" (other taxonomies are read and left out). */
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  /** Local time of the blog, "2010-07-21 10:00:00". */
  date: string;
  /** The same moment in UTC, or "0000-00-00 00:00:00". */
  dateGmt: string;
  content: string;
  /** "1" approved, "0" pending, "spam", "trash", "post-trashed". */
  approved: string;
  /** "" or "comment" for a comment, "pingback", "trackback", or a plugin's own type. */
  type: string;
  parent: string;
}

export interface WxrItem {
  /** The line of the file where the item starts. */
  line: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  postDate: string;
  postDateGmt: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: string;
  type: string;
  password: string;
  commentStatus: string;
  attachmentUrl: string;
  categories: WxrCategory[];
  meta: { key: string; value: string }[];
  comments: WxrComment[];
}

/** What the export says of the blog, before its items. */
export interface WxrChannel {
  version?: string;
  baseSiteUrl?: string;
  baseBlogUrl?: string;
  /** Login → display name. */
  authors: Map<string, string>;
}

type Namespace = "wp" | "excerpt" | "content" | "dc" | "" | "other";

function namespaceOf(uri: string): Namespace {
  if (uri === "") return "";
  if (/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/.test(uri)) return "wp";
  if (/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/.test(uri)) return "excerpt";
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/.test(uri)) return "content";
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/$/.test(uri)) return "dc";
  return "other";
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  ":title": "title",
  ":link": "link",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  "wp:post_name": "name",
  "wp:status": "status",
  "wp:post_parent": "parent",
  "wp:menu_order": "menuOrder",
  "wp:post_type": "type",
  "wp:post_password": "password",
  "wp:comment_status": "commentStatus",
  "wp:attachment_url": "attachmentUrl",
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_author": "author",
  "wp:comment_author_email": "authorEmail",
  "wp:comment_author_url": "authorUrl",
  "wp:comment_author_IP": "authorIp",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_parent": "parent",
};

function newItem(line: number): WxrItem {
  return {
    line,
    title: "",
    link: "",
    creator: "",
    content: "",
    excerpt: "",
    id: "",
    postDate: "",
    postDateGmt: "",
    name: "",
    status: "",
    parent: "",
    menuOrder: "",
    type: "",
    password: "",
    commentStatus: "",
    attachmentUrl: "",
    categories: [],
    meta: [],
    comments: [],
  };
}

function newComment(): WxrComment {
  return {
    id: "",
    author: "",
    authorEmail: "",
    authorUrl: "",
    authorIp: "",
    date: "",
    dateGmt: "",
    content: "",
    approved: "",
    type: "",
    parent: "",
  };
}

/**
 * The items of the export at `path`, one at a time; `channel` is filled as the header is
 * read (authors, site address), before the first item. Throws WxrError.
 */
export async function* readWxr(path: string, channel: WxrChannel): AsyncGenerator<WxrItem> {
  const file = basename(path);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: WxrItem[] = [];
  // The keys ("wp:comment") of the open elements, outermost first.
  const open: string[] = [];
  let text: string[] = [];
  let sawWordPress = false;
  let sawChannel = false;
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let meta: { key: string; value: string } | undefined;
  let category: WxrCategory | undefined;
  let author: { login: string; name: string } | undefined;

  const fail = (message: string): never => {
    throw new WxrError(file, parser.line, message);
  };
  parser.on("error", (error) => fail(error.message.replace(/^\d+:\d+: /, "")));
  parser.on("opentag", (tag: SaxesTagNS) => {
    const ns = namespaceOf(tag.uri);
    if (ns === "wp" || ns === "excerpt") sawWordPress = true;
    const key = `${ns}:${tag.local}`;
    const parentKey = open[open.length - 1];
    open.push(key);
    text = [];
    if (open.length === 1 && key !== ":rss")
      fail(`not a WordPress export: its root is <${tag.name}>, not <rss>`);
    if (open.length === 2 && key === ":channel") sawChannel = true;
    if (key === ":item" && parentKey === ":channel") item = newItem(parser.line);
    else if (item && key === "wp:comment") comment = newComment();
    else if (item && key === "wp:postmeta") meta = { key: "", value: "" };
    else if (item && key === ":category" && parentKey === ":item") {
      const attribute = (name: string) => {
        const value = tag.attributes[name];
        return typeof value === "string" ? value : (value?.value ?? "");
      };
      category = { domain: attribute("domain"), nicename: attribute("nicename"), name: "" };
    } else if (!item && key === "wp:author") author = { login: "", name: "" };
  });
  const collect = (chunk: string) => {
    if (open.length > 0) text.push(chunk);
  };
  parser.on("text", collect);
  parser.on("cdata", collect);
  parser.on("closetag", () => {
    const key = open.pop() ?? "";
    const value = text.join("");
    text = [];
    if (item) {
      if (key === ":item" && open.length === 2) {
        ready.push(item);
        item = undefined;
      } else if (comment) {
        if (key === "wp:comment") {
          item.comments.push(comment);
          comment = undefined;
        } else {
          const field = COMMENT_FIELDS[key];
          if (field && open[open.length - 1] === "wp:comment") comment[field] = value;
        }
      } else if (meta) {
        if (key === "wp:postmeta") {
          item.meta.push(meta);
          meta = undefined;
        } else if (key === "wp:meta_key") meta.key = value.trim();
        else if (key === "wp:meta_value") meta.value = value;
      } else if (category && key === ":category") {
        category.name = value;
        item.categories.push(category);
        category = undefined;
      } else if (open[open.length - 1] === ":item") {
        const field = ITEM_FIELDS[key];
        if (field) (item as unknown as Record<string, string>)[field] = value;
      }
    } else if (author) {
      if (key === "wp:author") {
        if (author.login !== "") channel.authors.set(author.login, author.name);
        author = undefined;
      } else if (key === "wp:author_login") author.login = value.trim();
      else if (key === "wp:author_display_name") author.name = value.trim();
    } else if (open[open.length - 1] === ":channel") {
      if (key === "wp:wxr_version") channel.version = value.trim();
      else if (key === "wp:base_site_url") channel.baseSiteUrl = value.trim();
      else if (key === "wp:base_blog_url") channel.baseBlogUrl = value.trim();
    }
  });

  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    for (const done of ready) yield done;
    ready.length = 0;
  }
  parser.close();
  if (!sawChannel) fail("not a WordPress export: no <channel> in its <rss>");
  if (!sawWordPress)
    fail("not a WordPress export: no element of the WXR namespace (http://wordpress.org/export/1.2/)");
  if (channel.version !== undefined && !/^1\.[0-2]$/.test(channel.version))
    fail(`WXR version ${channel.version} is not one this importer reads (1.0 to 1.2)`);
  for (const done of ready) yield done;
}

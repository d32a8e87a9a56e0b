// Images and media of an imported body. The site's pages may load images from their own
// address only (their Content-Security-Policy), so an image or a file of the old blog is
// either brought along or linked to:
// - with --uploads (the blog's wp-content/uploads folder), a file under the blog's upload
//   address is copied into the post's folder and linked relatively; the address may name
//   one of WordPress's resized copies ("photo-300x200.jpg") or carry "?w=300": the copy
//   itself when the folder has it, else the original;
// - otherwise, or when the folder has no such file, the caller shows a link to it and
//   the report lists it.
import { existsSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { slugifyTitle } from "../format/slug.ts";
import { decodePercent } from "./folder-names.ts";

/** The folder names a post's folder already uses for itself. */
const TAKEN_NAMES = new Set(["index.md", "comments", "mentions"]);

export interface MediaSite {
  /** Upload addresses of the old blog, without scheme: "example.org/wp-content/uploads/". */
  uploadPrefixes: string[];
  /** The --uploads folder, if given. */
  uploadsDir?: string;
}

/** The upload addresses of a blog from its site and blog addresses (http and https alike). */
export function uploadPrefixes(...siteUrls: (string | undefined)[]): string[] {
  const prefixes = new Set<string>();
  for (const url of siteUrls) {
    if (!url) continue;
    const bare = url
      .trim()
      .replace(/^https?:\/\//i, "")
      .replace(/^www\./i, "")
      .replace(/\/+$/, "");
    if (bare !== "") prefixes.add(`${bare.toLowerCase()}/wp-content/uploads/`);
  }
  return [...prefixes];
}

/** The path under the uploads folder that `url` names ("2010/07/photo.jpg"), if it is an upload. */
function uploadPath(url: string, site: MediaSite): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  const bare = `${parsed.host.replace(/^www\./i, "").toLowerCase()}${parsed.pathname}`;
  const prefix = site.uploadPrefixes.find((candidate) => bare.toLowerCase().startsWith(candidate));
  if (prefix === undefined) return undefined;
  const path = decodePercent(bare.slice(prefix.length));
  if (path === "" || path.split("/").some((segment) => segment === ".." || segment === "")) return undefined;
  return path;
}

/** The files `path` may be in the uploads folder, best first: itself, then its original. */
function candidates(path: string): string[] {
  const original = path.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1");
  return original === path ? [path] : [path, original];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A safe file name for a copied upload: its name's slug and its extension. */
function localName(path: string): string {
  const file = path.split("/").pop() ?? "";
  const extension = extname(file).toLowerCase();
  const stem = slugifyTitle(file.slice(0, file.length - extension.length)) || "fichier";
  const cleanExtension = /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : "";
  return `${stem}${cleanExtension}`;
}

/** The uploads one post brings along: its local names, and the file each is copied from. */
export class PostMedia {
  /** Local name → file in the uploads folder. */
  readonly files = new Map<string, string>();
  private readonly bySource = new Map<string, string>();

  constructor(private readonly site: MediaSite) {}

  /**
   * The relative address ("photo.jpg") of the copy of `url` in the post's folder, when
   * `url` is an upload of the old blog found in the uploads folder; otherwise undefined.
   */
  localCopy(url: string): string | undefined {
    const { uploadsDir } = this.site;
    if (uploadsDir === undefined) return undefined;
    const path = uploadPath(url, this.site);
    if (path === undefined) return undefined;
    const source = candidates(path)
      .map((candidate) => join(uploadsDir, ...candidate.split("/")))
      .find((file) => file.startsWith(uploadsDir + sep) && isFile(file));
    if (source === undefined) return undefined;
    const known = this.bySource.get(source);
    if (known !== undefined) return known;
    const base = localName(
      source
        .slice(uploadsDir.length + 1)
        .split(sep)
        .join("/"),
    );
    let name = base;
    for (let n = 2; this.files.has(name) || TAKEN_NAMES.has(name); n += 1) name = `${n}-${base}`;
    this.files.set(name, source);
    this.bySource.set(source, name);
    return name;
  }

  /** Whether `url` points at the old blog's uploads (to say so in the report). */
  isUpload(url: string): boolean {
    return uploadPath(url, this.site) !== undefined;
  }
}

/** Whether the --uploads folder exists. */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

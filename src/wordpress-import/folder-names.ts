// The folder of an imported post or page: its WordPress slug ("post_name", stored
// percent-encoded when it is not ASCII) decoded, then made a folder name by the rules of
// new:post (src/format/slug.ts: accents folded, French locale). A slug that comes out
// empty (Chinese, say) or that is no post folder (one of the site's own addresses, such
// as "page" or "tags") becomes "post-<ID>" ("page-<ID>" for a page), and the caller keeps
// the old address as an alias. An unpublished item may have no slug yet: its title's.
import { isPostFolderName } from "../content/post-dirs.ts";
import { slugifyTitle } from "../format/slug.ts";

/** `text` with its percent-escapes decoded, as far as they decode (a stray "%" stays). */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export interface FolderName {
  name: string;
  /** Why the slug was not used as it was (for the report), when it was not. */
  note?: string;
}

export function folderName(postName: string, title: string, id: string, kind: "post" | "page"): FolderName {
  const decoded = decodePercent(postName.trim());
  const source = decoded === "" ? title : decoded;
  const slug = slugifyTitle(source);
  if (slug !== "" && isPostFolderName(slug)) {
    if (slug === decoded || decoded === "") return { name: slug };
    return { name: slug, note: `dossier « ${slug} » pour le slug « ${decoded} »` };
  }
  const name = `${kind}-${id}`;
  const why =
    slug === ""
      ? `le slug « ${source} » ne donne aucun nom de dossier`
      : `« ${slug} » est une adresse du site`;
  return { name, note: `dossier « ${name} » : ${why}` };
}

// `npm run bench:import`: the WordPress importer on generated exports of about 10 MB
// (1,000 posts, 10,000 comments) and about 100 MB (10,000 posts, 100,000 comments), with
// an attachment item for each post's image as real exports have, each imported into an
// empty project by its own child process, which reports its time and its peak memory
// (maxRSS). Checks that the peak stays within 300 MB and that time grows linearly with
// the export's size (the large one within 1.5 times ten times the small one's). Exit
// status 1 when either fails. `npm run bench` runs the same after the builds
// (bench/run.ts). See docs/performance.md.
//   --sizes=a,b   posts per export (default 1000,10000; ten comments per post)
//   --on-disk     exports and imports in the system's temporary folder, not in /dev/shm
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statfsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "node:events";

const MAX_RSS_BYTES = 300 * 1024 * 1024;
// The node options of package.json's import:wordpress script, so the child runs as the command does.
const IMPORT_NODE_FLAGS = ["--max-old-space-size=192"];
const LINEARITY_SLACK = 1.5;
const here = dirname(fileURLToPath(import.meta.url));

const PARAGRAPH =
  "Le référencement social, ou SMO, consiste à faire connaître un site par les réseaux sociaux &amp; les blogs ; " +
  "il complète le référencement naturel sans le remplacer, et demande du temps, de l’écoute et des échanges sincères.";

function body(n: number): string {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `${PARAGRAPH} (${n}.${i})`);
  return `${paragraphs.join("\n\n")}\n\n<img src="http://bench.example.org/wp-content/uploads/2010/07/image-${n}-300x200.jpg" alt="Image ${n}" />\n\n[caption id="attachment_${n}" width="300"]<img src="http://bench.example.org/wp-content/uploads/2010/07/schema-${n}.jpg" alt="Schéma" /> Le schéma n° ${n}[/caption]`;
}

function comment(id: number, parent: number, day: string): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Lecteur ${id} &amp; co]]></wp:comment_author><wp:comment_author_email>lecteur${id}@example.com</wp:comment_author_email><wp:comment_author_url>http://lecteur${id}.example.org/</wp:comment_author_url><wp:comment_author_IP>192.0.2.1</wp:comment_author_IP><wp:comment_date>2010-07-${day} 10:00:00</wp:comment_date><wp:comment_date_gmt>2010-07-${day} 08:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Merci pour cet article, <b>très clair</b>.\n${PARAGRAPH}\n\nUne seconde idée : ${PARAGRAPH}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>\n`;
}

/** The attachment item of post `n`'s captioned image (real exports hold one for every upload). */
function attachment(id: number, n: number, day: string): string {
  return `<item><title>schema-${n}</title><link>http://bench.example.org/2010/07/${day}/billet-${n}/schema-${n}/</link><dc:creator>david</dc:creator><content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>2010-07-${day} 10:00:00</wp:post_date><wp:post_date_gmt>2010-07-${day} 08:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>schema-${n}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>${n}</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>attachment</wp:post_type><wp:post_password></wp:post_password><wp:attachment_url>http://bench.example.org/wp-content/uploads/2010/07/schema-${n}.jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Schéma n° ${n}]]></wp:meta_value></wp:postmeta></item>\n`;
}

/**
 * Writes an export of `posts` posts with ten comments each (threads three deep) and the
 * attachment of each post's image; returns its size.
 */
async function writeExport(path: string, posts: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench.example.org</wp:base_site_url><wp:base_blog_url>http://bench.example.org</wp:base_blog_url>
<wp:author><wp:author_login>david</wp:author_login><wp:author_display_name><![CDATA[David Schuster]]></wp:author_display_name></wp:author>
`);
  let commentId = 1;
  for (let n = 1; n <= posts; n++) {
    const day = String(10 + (n % 18)).padStart(2, "0");
    let comments = "";
    for (let c = 0; c < 10; c++) {
      const parent = c % 3 === 0 ? 0 : commentId - 1;
      comments += comment(commentId, parent, day);
      commentId += 1;
    }
    await write(`<item><title>Billet numéro ${n} : le SMO</title><link>http://bench.example.org/2010/07/${day}/billet-${n}/</link><dc:creator>david</dc:creator><content:encoded><![CDATA[${body(n)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${n}</wp:post_id><wp:post_date>2010-07-${day} 10:00:00</wp:post_date><wp:post_date_gmt>2010-07-${day} 08:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>billet-${n}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><category domain="post_tag" nicename="smo"><![CDATA[SMO]]></category>
${comments}</item>
${attachment(posts + n, n, day)}`);
  }
  await write("</channel></rss>\n");
  out.end();
  await once(out, "finish");
  return statSync(path).size;
}

interface Measure {
  ms: number;
  maxRssBytes: number;
  files: number;
}

/** In the child: imports the export into the project, prints the measure as JSON. */
async function child(exportFile: string, projectRoot: string): Promise<void> {
  const { importWordPress } = await import("../src/wordpress-import/import.ts");
  const { total } = await import("../src/wordpress-import/report.ts");
  const start = performance.now();
  const report = await importWordPress({
    exportFile,
    projectRoot,
    timeZone: "Europe/Paris",
    dryRun: false,
    pendingToQueue: false,
  });
  const ms = performance.now() - start;
  const measure: Measure = {
    ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    files: total(report.files),
  };
  console.log(JSON.stringify(measure));
}

function importInChild(exportFile: string, projectRoot: string): Measure {
  const output = execFileSync(
    process.execPath,
    // Bundled, as `npm run import:wordpress` runs the importer (scripts/run-bundled.js):
    // no tsx in the process, whose compiler alone would take some 50 MB.
    [
      ...IMPORT_NODE_FLAGS,
      "scripts/run-bundled.js",
      join(here, "wordpress-import.ts"),
      "--child",
      exportFile,
      projectRoot,
    ],
    { encoding: "utf8", maxBuffer: 1024 * 1024, cwd: join(here, "..") },
  );
  return JSON.parse(output.trim().split("\n").pop() ?? "{}") as Measure;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const TMPFS = "/dev/shm";

/**
 * Room the benchmark takes at its largest size: the export (about 15 KB a post) and the
 * imported files (eleven a post, each taking a page of its own on tmpfs) came to about
 * 60 KB a post at 10,000 posts; twice that, to be safe. The staged files are links, not copies.
 */
function roomNeeded(sizes: readonly number[]): number {
  return Math.max(...sizes) * 128 * 1024;
}

/**
 * Where the imports run, one place for every size so that they compare: /dev/shm (tmpfs)
 * when it has room for the largest, as for the build benchmark (creating files on this
 * machine's disk costs kernel CPU that varies from one minute to the next), else the
 * system's temporary folder, or there with `onDisk`.
 */
export function importRoom(sizes: readonly number[], onDisk: boolean): { dir: string; tmpfs: boolean } {
  if (!onDisk) {
    try {
      const { bavail, bsize } = statfsSync(TMPFS);
      if (bavail * bsize >= roomNeeded(sizes)) return { dir: TMPFS, tmpfs: true };
      process.stderr.write(
        `${TMPFS} has ${Math.round((bavail * bsize) / 2 ** 20)} MB free, ${Math.round(roomNeeded(sizes) / 2 ** 20)} MB wanted: the imports run on the disk\n`,
      );
    } catch {
      // no tmpfs here
    }
  }
  return { dir: tmpdir(), tmpfs: false };
}

export interface ImportResult {
  posts: number;
  bytes: number;
  measure: Measure;
}

/** Imports an export of each size (posts, ten comments each) in turn, in a folder made in `room`. */
export async function measureImports(room: string, sizes: readonly number[]): Promise<ImportResult[]> {
  const dir = mkdtempSync(join(room, "wordpress-import-"));
  const results: ImportResult[] = [];
  try {
    for (const posts of sizes) {
      const exportFile = join(dir, `export-${posts}.xml`);
      const bytes = await writeExport(exportFile, posts);
      const projectRoot = join(dir, `project-${posts}`);
      mkdirSync(join(projectRoot, "content"), { recursive: true });
      const measure = importInChild(exportFile, projectRoot);
      results.push({ posts, bytes, measure });
      process.stderr.write(
        `import:wordpress ${posts} posts, ${posts * 10} comments, ${megabytes(bytes)} MB: ${(measure.ms / 1000).toFixed(1)} s, ` +
          `${measure.files} files, peak RSS ${megabytes(measure.maxRssBytes)} MB\n`,
      );
      rmSync(projectRoot, { recursive: true, force: true });
      rmSync(exportFile, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * Prints the imports' table and the issue's two limits (peak within 300 MB, time within
 * 1.5 times proportional to the size from the smallest to the largest); true when both hold.
 */
export function printImports(results: readonly ImportResult[], place: string): boolean {
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  console.log(
    `\nWordPress import (npm run import:wordpress, bundled, ${IMPORT_NODE_FLAGS.join(" ")}; one child process each; files in ${place}):\n`,
  );
  console.log("| posts | comments | export | files written | time | per post | peak RSS |");
  console.log("|---|---|---|---|---|---|---|");
  for (const { posts, bytes, measure } of results)
    console.log(
      `| ${posts.toLocaleString("en")} | ${(posts * 10).toLocaleString("en")} | ${megabytes(bytes)} MB | ${measure.files.toLocaleString("en")} | ${(measure.ms / 1000).toFixed(1)} s | ${(measure.ms / posts).toFixed(2)} ms | ${megabytes(measure.maxRssBytes)} MB |`,
    );
  let ok = true;
  for (const { posts, measure } of results) {
    const within = measure.maxRssBytes <= MAX_RSS_BYTES;
    console.log(
      `${mark(within)} import, ${posts.toLocaleString("en")} posts: peak RSS ${megabytes(measure.maxRssBytes)} MB (limit 300 MB)`,
    );
    ok &&= within;
  }
  const small = results[0];
  const large = results[results.length - 1];
  if (small && large && large !== small) {
    const sizeRatio = large.bytes / small.bytes;
    const timeRatio = large.measure.ms / small.measure.ms;
    const linear = timeRatio <= sizeRatio * LINEARITY_SLACK;
    console.log(
      `${mark(linear)} import time ratio ${timeRatio.toFixed(1)} for a size ratio ${sizeRatio.toFixed(1)} (${small.posts.toLocaleString("en")} to ${large.posts.toLocaleString("en")} posts; linear: at most ${LINEARITY_SLACK} times proportional)`,
    );
    ok &&= linear;
  }
  return ok;
}

const [flag, exportFile, projectRoot] = process.argv.slice(2);
if (flag === "--child" && exportFile && projectRoot) await child(resolve(exportFile), resolve(projectRoot));
else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizesArg = process.argv.find((arg) => arg.startsWith("--sizes="));
  const sizes = sizesArg ? sizesArg.slice("--sizes=".length).split(",").map(Number) : [1000, 10000];
  const room = importRoom(sizes, process.argv.includes("--on-disk"));
  const results = await measureImports(room.dir, sizes);
  if (!printImports(results, `${room.dir} (${room.tmpfs ? "tmpfs" : "disk"})`)) process.exitCode = 1;
}

// npm run import:wordpress on the fixture export (tests/fixtures/wordpress/blog.xml: a
// thread ten deep, pingbacks and trackbacks, pending and spam comments, password-protected,
// private and scheduled posts, child pages, Chinese and accented slugs, entities in names,
// captions, galleries, blocks, classic bodies, offsets per item and per comment), into a
// temporary project: the files, what is never written, a second run, a dry run, the
// report's counts, a malformed export; then the imported blog built and checked.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { splitFrontMatter } from "../../src/content/front-matter.ts";
import { openQueueDatabase } from "../../src/comment-server/store/database.ts";
import { CommentQueue } from "../../src/comment-server/store/queue.ts";
import { importWordPress, type ImportOptions } from "../../src/wordpress-import/import.ts";
import { formatReport, total, totalRead, type ImportReport } from "../../src/wordpress-import/report.ts";
import { findBrokenLinks } from "../helpers/link-check.ts";
import { runScript } from "../helpers/run-script.ts";
import {
  buildSite,
  builtFiles,
  removeDir,
  repositoryRoot,
  temporaryDir,
  temporaryProject,
} from "../helpers/site.ts";

const fixtures = join(repositoryRoot, "tests/fixtures/wordpress");
const blog = join(fixtures, "blog.xml");

function options(projectRoot: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  return {
    exportFile: blog,
    projectRoot,
    timeZone: "Europe/Paris",
    dryRun: false,
    pendingToQueue: false,
    ...extra,
  };
}

/** Every file under content/, with a hash of its bytes. */
function snapshot(projectRoot: string): Map<string, string> {
  const dir = join(projectRoot, "content");
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(projectRoot, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  return files;
}

function read(projectRoot: string, path: string): { data: Record<string, unknown>; body: string } {
  return splitFrontMatter(readFileSync(join(projectRoot, path), "utf8"));
}

function assertCountsAddUp(report: ImportReport): void {
  for (const tally of [report.items, report.comments])
    assert.equal(
      total(tally.written) + total(tally.already) + total(tally.skipped),
      totalRead(tally),
      formatReport(report),
    );
}

describe("npm run import:wordpress on the fixture export", () => {
  let project: string;
  let empty: Map<string, string>;
  let report: ImportReport;
  before(async () => {
    project = temporaryProject({});
    empty = snapshot(project);
    report = await importWordPress(options(project));
  });
  after(() => removeDir(project));

  it("imports published posts and pages, drafts as drafts, and never private or password-protected ones", () => {
    assert.deepEqual(read(project, "content/posts/le-smo/index.md").data.draft, undefined);
    assert.equal(read(project, "content/posts/billet-programme/index.md").data.draft, true);
    assert.equal(read(project, "content/posts/brouillon-sans-slug/index.md").data.draft, true);
    const files = [...snapshot(project).keys()].join("\n");
    assert.doesNotMatch(files, /protege|prive|corbeille|brouillon-auto/);
    assert.doesNotMatch(JSON.stringify([...snapshot(project).keys()]), /Secret|Privé/);
    assert.deepEqual(
      report.named.map((entry) => entry.what),
      ["post 13 « Billet protégé »", "post 14 « Billet privé »"],
    );
  });

  it("writes the front matter of the content contract, dates with each item's own offset", () => {
    const smo = read(project, "content/posts/le-smo/index.md").data;
    assert.equal(smo.title, "Le SMO, le nouveau Community Management ?");
    assert.equal(smo.date, "2010-07-21T10:00:00+02:00");
    assert.equal(smo.author, "David Schuster");
    assert.deepEqual(smo.tags, ["Réseaux sociaux", "SMO"]);
    assert.equal(smo.description, "Le SMO & le référencement. Une ligne. Un second paragraphe.");
    assert.deepEqual(smo.aliases, [
      "/2010/07/21/le-smo-le-nouveau-community-management/",
      "/2010/07/21/le-smo/",
      "/?p=10",
    ]);
    const chinese = read(project, "content/posts/post-11/index.md").data;
    assert.equal(chinese.date, "2011-01-15T18:30:00+01:00");
    assert.equal(chinese.description, "Un résumé écrit à la main & court.");
    assert.ok((chinese.aliases as string[]).includes("/2011/01/15/中文/"));
    assert.ok((chinese.aliases as string[]).includes("/2011/01/15/%E4%B8%AD%E6%96%87/"));
    const summer = read(project, "content/posts/ete-a-noel/index.md").data;
    assert.equal(summer.comments, "closed");
    assert.ok((summer.aliases as string[]).includes("/été-a-noel/"));
    // No UTC date: the local date read in the --timezone.
    assert.equal(read(project, "content/posts/brouillon-sans-slug/index.md").data.author, "Hélène & Cie");
    assert.equal(
      read(project, "content/posts/brouillon-sans-slug/index.md").data.date,
      "2010-08-03T10:00:00+02:00",
    );
    assert.equal(read(project, "content/posts/19-2/index.md").data.title, "(sans titre)");
  });

  it("puts child pages under their parent's path, with nav only where menu_order is set", () => {
    const about = read(project, "content/pages/a-propos/index.md").data;
    assert.equal(about.nav, 2);
    assert.equal(about.comments, "closed");
    const team = read(project, "content/pages/a-propos/l-equipe/index.md").data;
    assert.equal(team.title, "L’équipe");
    assert.equal(team.nav, undefined);
    assert.ok(snapshot(project).has("content/pages/a-propos/comments/80.md"));
  });

  it("writes each approved comment exactly once, under its parent, re-hanging orphans", () => {
    const comments = readdirSync(join(project, "content/posts/le-smo/comments")).sort();
    assert.deepEqual(
      comments,
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "14", "17", "18", "20", "21"]
        .map((id) => `${id}.md`)
        .sort(),
    );
    for (let level = 2; level <= 10; level++)
      assert.equal(read(project, `content/posts/le-smo/comments/${level}.md`).data.parent, String(level - 1));
    assert.equal(read(project, "content/posts/le-smo/comments/12.md").data.parent, "3");
    assert.equal(read(project, "content/posts/le-smo/comments/14.md").data.parent, undefined);
    assert.equal(read(project, "content/posts/le-smo/comments/18.md").data.parent, undefined);
    assert.ok(
      report.changes.some(
        (change) => change.file.endsWith("12.md") && change.what.includes("rattachée au commentaire 3"),
      ),
    );
    assert.equal(read(project, "content/posts/le-smo/comments/1.md").data.url, "http://lecteur.example.org/");
    const entities = read(project, "content/posts/le-smo/comments/17.md");
    assert.equal(entities.data.author, "Jean & Marie");
    assert.equal(entities.data.date, "2010-11-02T10:00:00+01:00");
    assert.equal(entities.data.url, undefined);
    assert.match(entities.body, /<script>alert\("x"\)<\/script>/);
    assert.equal(read(project, "content/posts/le-smo/comments/21.md").data.date, "2010-07-27T06:00:00-05:00");
    assert.equal(read(project, "content/posts/le-smo/comments/20.md").data.author, "Anonyme");
  });

  it("writes pingbacks and trackbacks as mentions, apart from the comments", () => {
    const pingback = read(project, "content/posts/le-smo/mentions/15.md");
    assert.deepEqual(pingback.data, {
      type: "pingback",
      source: "http://ami.example.org/le-smo-explique/",
      title: "Un blog ami – Le SMO expliqué",
      date: "2010-07-26T09:00:00+02:00",
    });
    assert.equal(read(project, "content/posts/le-smo/mentions/16.md").data.type, "trackback");
  });

  it("writes no e-mail address, no IP and no pending, spam or trashed comment under content/", () => {
    for (const path of snapshot(project).keys()) {
      const text = readFileSync(join(project, path), "utf8");
      assert.doesNotMatch(text, /@example\.com|192\.0\.2\./, path);
      assert.doesNotMatch(text, /Pas encore modéré|Achetez|À la poubelle|Pas encore\./, path);
    }
  });

  it("reports every item and comment read, its counts adding up", () => {
    assertCountsAddUp(report);
    assert.equal(totalRead(report.items), 16);
    assert.equal(totalRead(report.comments), 26);
    const text = formatReport(report);
    assert.match(text, /shortcode \[contact-form-7\] inconnu/);
    assert.match(text, /tableau gardé en HTML/);
    assert.match(text, /image https:\/\/images\.example\.com\/plage\.jpg d’un autre site/);
  });

  it("changes nothing when run a second time, counting everything as déjà importé", async () => {
    const before = snapshot(project);
    const again = await importWordPress(options(project));
    assert.deepEqual(snapshot(project), before);
    assert.equal(total(again.files), 0);
    assert.equal(total(again.items.written), 0);
    assert.equal(total(again.comments.written), 0);
    assert.equal(again.filesAlready, total(report.files));
    assertCountsAddUp(again);
    assert.match(formatReport(again), /déjà importés : 8/);
  });

  it("writes nothing in a dry run, and reports the same", async () => {
    const fresh = temporaryProject({});
    try {
      const dry = await importWordPress(options(fresh, { dryRun: true }));
      assert.deepEqual(snapshot(fresh), empty);
      assert.deepEqual(
        readdirSync(fresh).filter((name) => name.startsWith(".wordpress-import")),
        [],
      );
      assert.deepEqual(dry.files, report.files);
      assert.deepEqual(dry.changes, report.changes);
    } finally {
      removeDir(fresh);
    }
  });
});

describe("npm run import:wordpress, refusals and options", () => {
  it("refuses a malformed export in one line naming the file and the line, and writes nothing", () => {
    const project = temporaryProject({});
    try {
      const before = snapshot(project);
      const result = runScript(project, "import:wordpress", [join(fixtures, "malformed.xml")]);
      assert.equal(result.status, 1);
      assert.equal(result.stdout, "");
      assert.match(result.stderr.trim(), /^import:wordpress: \S*malformed\.xml:50: .+$/);
      assert.deepEqual(snapshot(project), before);
    } finally {
      removeDir(project);
    }
  });

  it("reads an export whose namespaces say https", async () => {
    const project = temporaryProject({});
    try {
      const result = await importWordPress(
        options(project, { exportFile: join(fixtures, "https-namespace.xml") }),
      );
      assert.equal(result.version, "1.1");
      assert.equal(
        read(project, "content/posts/un-export-en-https/index.md").data.date,
        "2015-03-29T12:00:00+02:00",
      );
      assert.ok(snapshot(project).has("content/posts/un-export-en-https/comments/1.md"));
    } finally {
      removeDir(project);
    }
  });

  it("refuses two items wanting one folder, naming both", async () => {
    const project = temporaryProject({});
    const dir = temporaryDir("wxr");
    try {
      const twice = readFileSync(join(fixtures, "https-namespace.xml"), "utf8").replace(
        /<item>[\s\S]*<\/item>/,
        (item) => `${item}\n${item.replace("<wp:post_id>100</wp:post_id>", "<wp:post_id>101</wp:post_id>")}`,
      );
      writeFileSync(join(dir, "twice.xml"), twice);
      await assert.rejects(
        importWordPress(options(project, { exportFile: join(dir, "twice.xml") })),
        (error: Error) => {
          assert.match(
            error.message,
            /content\/posts\/un-export-en-https: wanted by item 100 .* and item 101/,
          );
          return true;
        },
      );
      assert.ok(!snapshot(project).has("content/posts/un-export-en-https/index.md"));
    } finally {
      removeDir(project);
      removeDir(dir);
    }
  });

  it("brings uploads along with --uploads, resized copies and ?w= included, linked relatively", async () => {
    const project = temporaryProject({});
    const uploads = temporaryDir("uploads");
    try {
      mkdirSync(join(uploads, "2010/07"), { recursive: true });
      mkdirSync(join(uploads, "2011/01"), { recursive: true });
      mkdirSync(join(uploads, "2010/12"), { recursive: true });
      writeFileSync(join(uploads, "2010/07/smo.jpg"), "jpeg");
      writeFileSync(join(uploads, "2011/01/photo.jpg"), "jpeg");
      writeFileSync(join(uploads, "2010/12/podcast.mp3"), "mp3");
      const result = await importWordPress(options(project, { uploadsDir: uploads }));
      const smo = read(project, "content/posts/le-smo/index.md").body;
      assert.match(smo, /!\[Schéma du SMO\]\(smo\.jpg\)/);
      assert.match(
        smo,
        /<figure><a href="smo\.jpg"><img src="smo\.jpg" alt="Le schéma"><\/a><figcaption>Le schéma du SMO<\/figcaption><\/figure>/,
      );
      assert.match(
        read(project, "content/posts/post-11/index.md").body,
        /<img src="photo\.jpg" alt="Une photo">/,
      );
      assert.match(
        read(project, "content/posts/ete-a-noel/index.md").body,
        /<audio controls src="podcast\.mp3"><\/audio>/,
      );
      for (const file of [
        "content/posts/le-smo/smo.jpg",
        "content/posts/le-smo/photo.jpg",
        "content/posts/post-11/photo.jpg",
      ])
        assert.ok(snapshot(project).has(file), file);
      assert.equal(result.files.get("média"), 4);
      // Published with their pages.
      const build = buildSite({ projectDir: project });
      try {
        assert.equal(build.status, 0, build.stderr);
        for (const file of ["le-smo/smo.jpg", "le-smo/photo.jpg", "post-11/photo.jpg"])
          assert.ok(existsSync(join(build.outputDir, file)), file);
      } finally {
        removeDir(build.outputDir);
      }
    } finally {
      removeDir(project);
      removeDir(uploads);
    }
  });

  it("puts pending comments in the moderation queue with --pending-to-queue, once", async () => {
    const project = temporaryProject({});
    const database = join(temporaryDir("queue"), "comments.db");
    try {
      const run = () =>
        importWordPress(options(project, { pendingToQueue: true, env: { COMMENTS_DATABASE: database } }));
      const first = await run();
      // One on a post, one on a page.
      assert.equal(first.queued, 2);
      const second = await run();
      assert.equal(second.queued, 0);
      assert.equal(second.queuedAlready, 2);
      const db = await openQueueDatabase(database);
      try {
        const waiting = await new CommentQueue(db).list(["pending"]);
        const onPost = waiting.filter((comment) => comment.post === "le-smo");
        assert.equal(onPost.length, 1);
        assert.equal(onPost[0]?.parent, "3");
        assert.equal(onPost[0]?.email, "attente@example.com");
        // The one on a page, under the page's path, as the comment server names it.
        assert.deepEqual(
          waiting.filter((comment) => comment.post !== "le-smo").map((comment) => comment.post),
          ["a-propos"],
        );
      } finally {
        await db.destroy();
      }
      assertCountsAddUp(first);
    } finally {
      removeDir(project);
    }
  });
});

describe("the imported blog, built", () => {
  let project: string;
  let outputDir: string;
  let status: number | null;
  let stderr: string;
  before(async () => {
    project = temporaryProject({});
    await importWordPress(options(project));
    const check = runScript(project, "check:content", []);
    assert.equal(check.status, 0, check.stderr + check.stdout);
    const build = buildSite({ projectDir: project });
    ({ outputDir, status, stderr } = build);
  });
  after(() => {
    removeDir(project);
    removeDir(outputDir);
  });

  it("passes check:content and builds", () => {
    assert.equal(status, 0, stderr);
  });

  it("shows each comment at its old #comment-ID and the mentions apart", () => {
    const html = readFileSync(join(outputDir, "le-smo/index.html"), "utf8");
    for (const id of [1, 2, 3, 10, 12, 14, 17, 18, 20, 21])
      assert.equal(html.split(`id="comment-${id}"`).length, 2, `comment ${id}`);
    for (const id of [15, 16]) assert.match(html, new RegExp(`id="mention-${id}"`));
    assert.doesNotMatch(html, /id="comment-1[56]"/);
  });

  it("redirects every alias to the new address", () => {
    const redirects = readFileSync(join(outputDir, "_redirects"), "utf8");
    assert.match(redirects, /^\/2010\/07\/21\/le-smo-le-nouveau-community-management\/ \/le-smo\/ 301/m);
    const page = readFileSync(join(outputDir, "2010/07/21/le-smo/index.html"), "utf8");
    assert.match(page, /<link rel="canonical" href="[^"]*\/le-smo\/">/);
    assert.match(readFileSync(join(outputDir, "redirects.nginx.conf"), "utf8"), /"\/\?p=10" "\/le-smo\/";/);
  });

  it("has no e-mail address anywhere in the site", () => {
    for (const file of builtFiles(outputDir))
      assert.doesNotMatch(readFileSync(join(outputDir, file), "utf8"), /@example\.com|192\.0\.2\./, file);
  });

  it("is valid HTML with no broken link", async () => {
    const config = JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const file of builtFiles(outputDir).filter((name) => name.endsWith(".html"))) {
      const result = await validator.validateString(readFileSync(join(outputDir, file), "utf8"), file);
      for (const item of result.results)
        for (const message of item.messages)
          errors.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(findBrokenLinks(outputDir), []);
  });
});

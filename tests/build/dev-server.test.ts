// `npm start` in a temporary copy of the project: the dev server shows drafts (marked as
// such), shows an edited or new comment, a new mention and a page's new comment without a
// restart (an edit renders its post's page alone; a new comment, the pages counting it too),
// and reports a broken comment file in the terminal while it keeps serving.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { postFile, removeDir, temporaryProject, writeFiles } from "../helpers/site.ts";
import { fetchText as fetchPage, freePort } from "../helpers/http.ts";

const SEED = "le-smo-le-nouveau-community-management";
const COMMENTS = `content/posts/${SEED}/comments`;

/** Polls until `check` is true, for at most `timeoutMs`. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

describe("the dev server (npm start)", { timeout: 180_000 }, () => {
  let project: string;
  let server: ChildProcess;
  let base: string;
  let terminal = "";

  const pageShows = async (path: string, text: string) =>
    (await fetchPage(`${base}${path}`))?.includes(text) ?? false;

  before(async () => {
    project = temporaryProject("seed");
    writeFiles(project, {
      "content/posts/un-brouillon/index.md": postFile("Un brouillon", "draft: true\n"),
      "content/pages/a-propos/equipe/index.md": '---\ntitle: "L’équipe"\nnav: 1\n---\nNous.\n',
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // What `npm start` runs besides the intake server (package.json's "dev"), on a free port.
    const start = JSON.parse(readFileSync(join(project, "package.json"), "utf8")).scripts.dev as string;
    assert.match(start, /--serve --incremental$/);
    server = spawn(
      process.execPath,
      ["scripts/eleventy.js", "--config=.eleventy.ts", "--serve", "--incremental", `--port=${port}`],
      {
        cwd: project,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true, // its own process group: after() ends it and anything it started
      },
    );
    server.stdout?.on("data", (chunk: Buffer) => (terminal += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (terminal += chunk.toString()));
    assert.ok(
      await eventually(async () => (await fetchPage(`${base}/${SEED}/`)) !== undefined, 60_000),
      `the dev server never served the post:\n${terminal}`,
    );
    // An edit made before the watcher is ready would go unnoticed: wait for it, then a little.
    assert.ok(await eventually(() => terminal.includes("Watching…"), 30_000), terminal);
    await sleep(500);
  });

  after(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      const closed = new Promise((resolve) => server.on("close", resolve));
      process.kill(-server.pid, "SIGTERM");
      await Promise.race([closed, sleep(5_000)]);
    }
    if (project) removeDir(project);
  });

  it("shows drafts, marked as drafts", async () => {
    const draft = await fetchPage(`${base}/un-brouillon/`);
    assert.ok(draft, "the draft is served");
    assert.match(draft, /class="draft-notice"/);
    assert.match((await fetchPage(`${base}/`)) ?? "", /class="draft-marker">Brouillon</);
  });

  it("shows an edited comment without a restart, rendering its post's page alone", async () => {
    assert.ok(await pageShows("/", "11 réflexions"), "the home page counts the seed's comments");
    const before = terminal.length;
    appendFileSync(join(project, COMMENTS, "3.md"), "\nAjout fait pendant que le serveur tourne.\n");
    assert.ok(
      await eventually(() => pageShows(`/${SEED}/`, "Ajout fait pendant que le serveur tourne."), 30_000),
      terminal,
    );
    // The count did not change: the pages listing the post (home, tags, feed) are not rendered again.
    assert.ok(await eventually(() => /Wrote \d+ files? /.test(terminal.slice(before)), 30_000), terminal);
    assert.match(terminal.slice(before), /Wrote 1 file \(skipped \d+\)/);
  });

  it("shows a new mention, and a new comment on a page, without a restart", async () => {
    writeFiles(project, {
      [`content/posts/${SEED}/mentions/20.md`]:
        "---\ntype: trackback\nsource: https://ailleurs.fr/\ntitle: Un rétrolien arrivé pendant l’aperçu\ndate: 2024-05-02T21:00:00+02:00\n---\nUn extrait.\n",
    });
    assert.ok(
      await eventually(() => pageShows(`/${SEED}/`, "Un rétrolien arrivé pendant l’aperçu"), 30_000),
      terminal,
    );
    writeFiles(project, {
      "content/pages/a-propos/equipe/comments/1.md":
        "---\nauthor: Zoé\ndate: 2024-05-02T21:00:00+02:00\n---\nUn commentaire sur une page.\n",
    });
    assert.ok(
      await eventually(() => pageShows("/a-propos/equipe/", "Un commentaire sur une page."), 30_000),
      terminal,
    );
  });

  it("reports a broken comment in the terminal and keeps serving, then shows it once fixed", async () => {
    writeFiles(project, {
      [`${COMMENTS}/12.md`]:
        "---\nauthor: Zoé\ndate: hier soir\n---\nUn commentaire arrivé pendant l’aperçu.\n",
    });
    assert.ok(await eventually(() => terminal.includes(`${COMMENTS}/12.md:3: date: `), 30_000), terminal);
    await sleep(300);
    assert.equal(server.exitCode, null, `the server stopped:\n${terminal}`);
    assert.ok(
      await pageShows(`/${SEED}/`, "Ajout fait pendant que le serveur tourne."),
      "the page is still served",
    );
    assert.doesNotMatch(terminal, /^\s+at /m, "no stack trace");

    writeFiles(project, {
      [`${COMMENTS}/12.md`]:
        "---\nauthor: Zoé\ndate: 2024-05-02T21:00:00+02:00\nparent: 3\n---\nUn commentaire arrivé pendant l’aperçu.\n",
    });
    assert.ok(
      await eventually(() => pageShows(`/${SEED}/`, "Un commentaire arrivé pendant l’aperçu."), 30_000),
      terminal,
    );
    // One comment more: the pages listing the post show the new count.
    assert.ok(await eventually(() => pageShows("/", "12 réflexions"), 30_000), terminal);
    assert.ok(await pageShows("/tags/smo/", "12 réflexions"), "the tag page shows it too");
  });

  it("leaves out a post its check refuses, keeps serving, and shows it once fixed", async () => {
    const broken = postFile("Un billet cassé").replace("date: 2024-03-01T10:00:00+01:00", "date: demain");
    writeFiles(project, { "content/posts/un-billet-casse/index.md": broken });
    assert.ok(
      await eventually(() => terminal.includes("content/posts/un-billet-casse/index.md:3: date: "), 30_000),
      terminal,
    );
    await sleep(300);
    assert.equal(server.exitCode, null, `the server stopped:\n${terminal}`);
    assert.equal(await pageShows("/un-billet-casse/", "Un billet cassé"), false, "no page for it");
    assert.ok(
      await pageShows(`/${SEED}/`, "Ajout fait pendant que le serveur tourne."),
      "the others are served",
    );
    assert.doesNotMatch(terminal, /a page for a post that was not checked/);

    writeFiles(project, { "content/posts/un-billet-casse/index.md": postFile("Un billet cassé") });
    assert.ok(await eventually(() => pageShows("/un-billet-casse/", "Un billet cassé"), 30_000), terminal);
    // Its text changed: the pages listing posts are rendered again, and list it.
    assert.ok(await eventually(() => pageShows("/", "Un billet cassé"), 30_000), terminal);
  });

  it("drops a deleted comment from its page", async () => {
    rmSync(join(project, COMMENTS, "12.md"));
    assert.ok(
      await eventually(
        async () => !(await pageShows(`/${SEED}/`, "Un commentaire arrivé pendant l’aperçu.")),
        30_000,
      ),
      terminal,
    );
    assert.ok(
      await pageShows(`/${SEED}/`, "Ajout fait pendant que le serveur tourne."),
      "the other comments stay",
    );
  });
});

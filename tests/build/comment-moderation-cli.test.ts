// `npm run comments:moderate` and `npm run comments:forget` in a temporary project, on a
// real SQLite file (comments.db in the project, the default): the queue listed one line
// per comment, approvals writing the comment file without the e-mail, refusals, unknown
// and already decided ids reported with exit status 1, a withdrawal, a person forgotten,
// the 30-day purge. The last test builds the project: the approved reply is nested.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openQueueDatabase, type QueueDb } from "../../src/comment-server/store/database.ts";
import { CommentQueue, type NewQueuedComment } from "../../src/comment-server/store/queue.ts";
import { runScript, type ScriptResult } from "../helpers/run-script.ts";
import { buildSite, commentFile, postFile, readPage, removeDir, temporaryProject } from "../helpers/site.ts";

const POST = "un-billet";
const COMMENTS = join("content/posts", POST, "comments");
const EMAIL = "helene@exemple.fr";

let project: string;
let db: QueueDb;
let queue: CommentQueue;
let tokens = 0;

function aComment(fields: Partial<NewQueuedComment> = {}): NewQueuedComment {
  return {
    post: POST,
    author: "Hélène",
    email: EMAIL,
    text: "Merci pour ce billet.\nDeuxième ligne.",
    submittedAt: new Date("2024-03-02T09:30:00Z"),
    marks: [],
    token: `jeton-${++tokens}`,
    ...fields,
  };
}

async function queued(fields: Partial<NewQueuedComment> = {}): Promise<number> {
  return (await queue.add(aComment(fields))).id;
}

/** The command's output with its no-break spaces (French typography, checked once below) as plain spaces. */
function plain(result: ScriptResult): ScriptResult {
  const spaces = (text: string) => text.replaceAll("\u00A0", " ");
  return { status: result.status, stdout: spaces(result.stdout), stderr: spaces(result.stderr) };
}

function moderate(...args: string[]): ScriptResult {
  return plain(runScript(project, "comments:moderate", args));
}

describe("npm run comments:moderate and comments:forget", () => {
  before(async () => {
    project = temporaryProject({
      [`content/posts/${POST}/index.md`]: postFile("Un billet"),
      [`${COMMENTS}/1.md`]: commentFile({ author: "Greg", date: "2024-03-01T12:00:00+01:00" }, "Le premier."),
    });
    db = await openQueueDatabase(join(project, "comments.db"));
    queue = new CommentQueue(db);
  });
  after(async () => {
    await db.destroy();
    removeDir(project);
  });

  it("lists the waiting comments one per line, starting with the queue id; the approved ones not published after, with their reason", async () => {
    const first = await queued({ marks: ["links", "duplicate"] });
    const second = await queued({ author: "Zoé", text: `${"Très long ".repeat(20)}\nsuite`, parent: "1" });
    const stuck = await queued({ author: "Yves" });
    await queue.decide([stuck], "approved");
    await queue.markPublishFailed(stuck, "le dépôt refuse le commit");

    const listed = moderate();
    assert.equal(listed.status, 0, listed.stderr);
    const lines = listed.stdout.trimEnd().split("\n");
    assert.match(
      lines[0] ?? "",
      new RegExp(
        `^${first}  ${POST}  Hélène  2024-03-02 10:30  « Merci pour ce billet\\. »  \\[plus de 3 liens, texte en double\\]$`,
      ),
    );
    assert.match(
      lines[1] ?? "",
      new RegExp(`^${second}  ${POST}  Zoé  2024-03-02 10:30  « (Très long ){5}.*… »$`),
    );
    assert.ok([...(lines[1] ?? "")].length < 120, "the first line is cut");
    assert.match(lines[3] ?? "", /^Approuvés mais pas encore publiés \(1\)/);
    assert.match(lines[4] ?? "", new RegExp(`^${stuck}  ${POST}  Yves  .* — le dépôt refuse le commit$`));
    assert.doesNotMatch(listed.stdout, /@/);

    const json = moderate("list", "--json");
    assert.equal(json.status, 0, json.stderr);
    const entries = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      entries.map((entry) => [entry.id, entry.status]),
      [
        [first, "pending"],
        [second, "pending"],
        [stuck, "approved"],
      ],
    );
    assert.deepEqual(entries[1], {
      id: second,
      status: "pending",
      post: POST,
      parent: "1",
      author: "Zoé",
      url: null,
      date: "2024-03-02T09:30:00.000Z",
      text: `${"Très long ".repeat(20)}\nsuite`,
      marks: [],
    });
    assert.equal(entries[2]?.publishError, "le dépôt refuse le commit");
    assert.doesNotMatch(json.stdout, /@/);

    const typeset = runScript(project, "comments:moderate", ["show", String(second)]);
    assert.match(typeset.stdout, /^Nom\u00A0: Zoé$/m, "a no-break space before the colon");
    const shown = plain(typeset);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^Commentaire n° \d+ : en attente$/m);
    assert.match(shown.stdout, /^Billet : Un billet \(un-billet\)$/m);
    assert.match(shown.stdout, /^En réponse à : Greg \(commentaire 1\)$/m);
    assert.match(shown.stdout, new RegExp(`^Adresse de messagerie : ${EMAIL}$`, "m"));
    assert.match(shown.stdout, /^Reçu le : 2 mars 2024 à 10 h 30$/m);
    assert.match(shown.stdout, /\n\n(Très long ){20}\nsuite\n$/);
    await db.deleteFrom("comments").execute();
  });

  it("approves: writes the comment file (never the e-mail) and prints it; approving again is reported, exit 1", async () => {
    const id = await queued({ parent: "1", url: "https://helene.exemple.fr/" });
    const approved = moderate("approve", String(id));
    assert.equal(approved.status, 0, approved.stderr);
    assert.equal(approved.stdout, `n° ${id} : publié, ${COMMENTS}/2.md\n`);
    const file = readFileSync(join(project, COMMENTS, "2.md"), "utf8");
    assert.match(file, /^author: "?Hélène"?$/m);
    assert.match(file, /^parent: "1"$/m);
    assert.match(file, /Merci pour ce billet\./);
    assert.doesNotMatch(file, /@/);
    assert.equal((await queue.get(id))?.status, "published");

    const again = moderate("approve", String(id));
    assert.equal(again.status, 1);
    assert.equal(again.stderr, `comments:moderate: n° ${id} : déjà décidé (publié), laissé tel quel\n`);
    assert.equal(existsSync(join(project, COMMENTS, "3.md")), false);
  });

  it("refuses and marks as spam several at once; an unknown id is reported after the rest is done, exit 1", async () => {
    const a = await queued({ text: "A" });
    const b = await queued({ text: "B" });
    const rejected = moderate("reject", String(a), "9999");
    assert.equal(rejected.status, 1);
    assert.equal(rejected.stdout, `n° ${a} : refusé\n`);
    assert.equal(
      rejected.stderr,
      "comments:moderate: n° 9999 : aucun commentaire de ce numéro dans la file\n",
    );
    const spam = moderate("spam", String(b));
    assert.equal(spam.status, 0, spam.stderr);
    assert.equal(spam.stdout, `n° ${b} : indésirable\n`);
    assert.equal((await queue.get(a))?.status, "rejected");
    assert.equal((await queue.get(b))?.status, "spam");
  });

  it("refuses bad arguments in one line, exit 1", () => {
    for (const [args, pattern] of [
      [["approve"], /^comments:moderate: approve: donnez le numéro/],
      [["approve", "douze"], /^comments:moderate: douze: ce n’est pas un numéro de la file/],
      [["show", "1", "2"], /^comments:moderate: show: argument de trop/],
      [["publier"], /^comments:moderate: publier: commande inconnue/],
      [["withdraw", POST], /^comments:moderate: withdraw: donnez le billet/],
    ] as const) {
      const result = moderate(...args);
      assert.equal(result.status, 1, args.join(" "));
      assert.equal(result.stdout, "");
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    }
  });

  it("forgets a person: nothing left in the database under that address; their published comments listed with the withdraw command", async () => {
    const published = await queue.list(["published"]);
    assert.equal(published.length, 1);
    await queued({ email: "HELENE@exemple.fr" });
    await queued({ email: "autre@exemple.fr", author: "Autre" });

    const forgotten = plain(runScript(project, "comments:forget", [EMAIL]));
    assert.equal(forgotten.status, 0, forgotten.stderr);
    assert.doesNotMatch(forgotten.stdout, /@/);
    assert.match(
      forgotten.stdout,
      new RegExp(`^${POST}  2  npm run comments:moderate -- withdraw ${POST} 2$`, "m"),
    );
    const left = await queue.list(["pending", "approved", "published", "rejected", "spam"]);
    assert.deepEqual(
      left.map((comment) => comment.email),
      ["autre@exemple.fr"],
    );

    const nobody = runScript(project, "comments:forget", ["personne@exemple.fr"]);
    assert.match(nobody.stdout, /Aucun commentaire publié de cette adresse\./);
    const missing = runScript(project, "comments:forget", []);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^comments:forget: EMAIL: donnez l’adresse de messagerie à oublier\n$/);
  });

  it("withdraws a published comment by post and id: its name and text leave the file", () => {
    const withdrawn = moderate("withdraw", POST, "2");
    assert.equal(withdrawn.status, 0, withdrawn.stderr);
    assert.equal(withdrawn.stdout, `${COMMENTS}/2.md\n`);
    const file = readFileSync(join(project, COMMENTS, "2.md"), "utf8");
    assert.match(file, /^withdrawn: true$/m);
    assert.doesNotMatch(file, /Hélène|Merci/);
    const unknown = moderate("withdraw", POST, "99");
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^comments:moderate: comment: no comment "99"/);
  });

  it("purges the comments no one published after 30 days, and only those", async () => {
    await db.deleteFrom("comments").execute();
    const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await queued({ submittedAt: old });
    const oldRejected = await queued({ submittedAt: old });
    await queue.decide([oldRejected], "rejected");
    const recent = await queued({ submittedAt: new Date() });
    const purged = moderate("purge");
    assert.equal(purged.status, 0, purged.stderr);
    assert.match(
      purged.stdout,
      /^2 commentaires supprimés \(en attente, refusés ou indésirables, reçus il y a plus de 30 jours\)\.\n$/,
    );
    assert.deepEqual(
      (await queue.list(["pending", "rejected"])).map((comment) => comment.id),
      [recent],
    );
  });

  it("an approved reply is nested under its parent by the next build", async () => {
    const id = await queued({ author: "Zoé", text: "Je réponds à Greg.", parent: "1" });
    assert.equal(moderate("approve", String(id)).status, 0);
    const build = buildSite({ projectDir: project });
    try {
      assert.equal(build.status, 0, build.stderr);
      const page = readPage(build.outputDir, `/${POST}/`);
      const reply = page.querySelector("#comment-1 #comment-3");
      assert.ok(reply, "comment 3 is nested in comment 1");
      assert.match(reply.textContent ?? "", /Je réponds à Greg\./);
      assert.doesNotMatch(page.documentElement.outerHTML, /@exemple\.fr/);
    } finally {
      removeDir(build.outputDir);
    }
  });
});

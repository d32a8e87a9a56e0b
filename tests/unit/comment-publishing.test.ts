// Publishing an approved comment (src/comment-server/publishing/): the file new:comment
// would write, dated when the reader submitted it, without e-mail or client address;
// exactly once, in parallel, across processes and on a retry; a French reason for each
// failure; the settings from the environment.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  createPublisher,
  PublishError,
  publisherOptionsFromEnv,
  type ApprovedComment,
  type Publisher,
} from "../../src/comment-server/publishing/index.ts";
import { outputSummary, redacted } from "../../src/comment-server/log-text.ts";
import { COMMENTED_PAGE, pagesContent } from "../fixtures/pages-project.ts";
import {
  commentFile,
  postFile,
  removeDir,
  repositoryRoot,
  temporaryDir,
  temporaryProject,
  writeFiles,
} from "../helpers/site.ts";

const POST = "un-article";
const COMMENTS = `content/posts/${POST}/comments`;

function project(): string {
  const root = temporaryDir("publishing");
  writeFiles(root, {
    [`content/posts/${POST}/index.md`]: postFile("Un article"),
    [`${COMMENTS}/1.md`]: commentFile({ author: "Hélène", date: "2024-03-02T09:00:00+01:00" }),
  });
  return root;
}

function approved(extra: Partial<ApprovedComment> = {}): ApprovedComment {
  return {
    post: POST,
    author: "Greg",
    text: "Tout à fait d’accord.\n",
    submittedAt: new Date("2024-07-14T08:05:30Z"),
    ...extra,
  };
}

function commentFiles(root: string): string[] {
  return readdirSync(join(root, COMMENTS)).sort();
}

async function refusal(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PublishError, String(error));
    assert.doesNotMatch(error.reason, /\n/);
    return error;
  }
  assert.fail("expected a PublishError");
}

describe("publishing a comment's file", () => {
  let root: string;
  let publisher: Publisher;
  const logs: string[] = [];
  before(() => {
    root = project();
    publisher = createPublisher({ projectRoot: root, log: (line) => logs.push(line) });
  });
  after(async () => {
    await publisher.close();
    removeDir(root);
  });

  it("writes the next id with author, the submission's date in Paris with its offset, parent and url, and no e-mail or client address even if the object carries them", async () => {
    const comment = {
      ...approved({ parent: "1", url: "https://example.org/greg", author: `Greg "G" : #1` }),
      email: "greg@example.org",
      clientAddress: "203.0.113.7",
    };
    const published = await publisher.publish(comment);
    assert.deepEqual(published, { id: "2", file: `${COMMENTS}/2.md`, alreadyPublished: false });
    assert.equal(
      readFileSync(join(root, published.file), "utf8"),
      `---\nauthor: "Greg \\"G\\" : #1"\ndate: "2024-07-14T10:05+02:00"\nparent: "1"\nurl: "https://example.org/greg"\n---\nTout à fait d’accord.\n`,
    );
    assert.deepEqual(commentFiles(root), ["1.md", "2.md"]);
  });

  it("a retry of a comment already written (a crash before the queue recorded it) returns its file and writes nothing", async () => {
    const again = createPublisher({ projectRoot: root, log: (line) => logs.push(line) });
    const comment = approved({ parent: "1", url: "https://example.org/greg", author: `Greg "G" : #1` });
    assert.deepEqual(await again.publish(comment), {
      id: "2",
      file: `${COMMENTS}/2.md`,
      alreadyPublished: true,
    });
    await again.close();
    assert.deepEqual(commentFiles(root), ["1.md", "2.md"]);
  });

  it("the same words by the same reader at another time, or as a reply elsewhere, are another comment", async () => {
    const later = await publisher.publish(approved({ submittedAt: new Date("2024-07-14T09:00:00Z") }));
    const reply = await publisher.publish(
      approved({ submittedAt: new Date("2024-07-14T09:00:00Z"), parent: "1" }),
    );
    assert.deepEqual(
      [later.id, reply.id, later.alreadyPublished, reply.alreadyPublished],
      ["3", "4", false, false],
    );
  });

  it("two approvals of one comment at the same moment in one process give one file", async () => {
    const comment = approved({
      text: "Deux modérateurs, un clic chacun.",
      submittedAt: new Date("2024-07-15T12:00:00Z"),
    });
    const other = createPublisher({ projectRoot: root, log: (line) => logs.push(line) });
    const results = await Promise.all([
      publisher.publish(comment),
      other.publish(comment),
      publisher.publish(comment),
    ]);
    await other.close();
    assert.deepEqual(
      results.map((result) => [result.id, result.alreadyPublished]),
      [
        ["5", false],
        ["5", true],
        ["5", true],
      ],
    );
    assert.deepEqual(commentFiles(root), ["1.md", "2.md", "3.md", "4.md", "5.md"]);
  });

  it("refuses, with a French reason and writing nothing: a post gone, a parent gone, a comments path that is a file, a text the build refuses", async () => {
    const before = commentFiles(root);
    assert.match(
      (await refusal(publisher.publish(approved({ post: "plus-la" })))).reason,
      /^L’article ou la page « plus-la » n’existe plus .* : rétablissez-le puis publiez à nouveau, ou refusez ce commentaire\.$/,
    );
    assert.match(
      (await refusal(publisher.publish(approved({ post: "../.." })))).reason,
      /^L’article ou la page « \.\.\/\.\. » n’existe plus/,
    );
    assert.match(
      (await refusal(publisher.publish(approved({ parent: "99" })))).reason,
      /^Le commentaire auquel celui-ci répond \(n° 99\) n’existe plus sous « un-article »/,
    );
    assert.match(
      (await refusal(publisher.publish(approved({ text: "  \n" })))).reason,
      /^Le commentaire ne passe pas les vérifications du site \(.*the comment has no text\)/,
    );
    assert.deepEqual(commentFiles(root), before);

    const other = project();
    try {
      rmSync(join(other, COMMENTS), { recursive: true });
      writeFileSync(join(other, COMMENTS), "not a folder");
      const publisherOfOther = createPublisher({ projectRoot: other, log: () => {} });
      assert.match(
        (await refusal(publisherOfOther.publish(approved()))).reason,
        /^content\/posts\/un-article\/comments n’est pas un dossier : remplacez-le/,
      );
      // Fixed, the same call publishes.
      rmSync(join(other, COMMENTS));
      mkdirSync(join(other, COMMENTS));
      assert.equal((await publisherOfOther.publish(approved())).id, "1");
      await publisherOfOther.close();
    } finally {
      removeDir(other);
    }
  });

  it("logs name the file, never an e-mail or a client address", () => {
    assert.ok(logs.some((line) => line === `comment published: ${COMMENTS}/2.md`));
    assert.ok(logs.some((line) => line === `comment published: ${COMMENTS}/2.md (already there)`));
    for (const line of logs) assert.doesNotMatch(line, /@|203\.0\.113/);
  });

  it("after close, refuses to publish", async () => {
    const closing = createPublisher({ projectRoot: root, log: () => {} });
    await closing.close();
    assert.match((await refusal(closing.publish(approved()))).reason, /^Le serveur s’arrête/);
  });
});

describe("two processes approving the same comments at once", () => {
  it("write one file per comment", async () => {
    const root = project();
    try {
      const script = `
        import { createPublisher } from ${JSON.stringify(join(repositoryRoot, "src/comment-server/publishing/index.ts"))};
        const publisher = createPublisher({ projectRoot: process.env.ROOT, log: () => {} });
        while (Date.now() < Number(process.env.START_AT));
        const results = [];
        for (let n = 0; n < 8; n++)
          results.push(await publisher.publish({ post: ${JSON.stringify(POST)}, author: "Lecteur " + n, text: "Avis n° " + n, submittedAt: new Date(Date.UTC(2024, 6, 1, n)) }));
        console.log(JSON.stringify(results));`;
      const startAt = String(Date.now() + 1500);
      const run = () =>
        new Promise<{ id: string; alreadyPublished: boolean }[]>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
            cwd: repositoryRoot,
            env: { ...process.env, ROOT: root, START_AT: startAt },
            stdio: ["ignore", "pipe", "inherit"],
          });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("error", reject);
          child.on("close", (code) =>
            code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`exit ${code}`)),
          );
        });
      const [first, second] = await Promise.all([run(), run()]);
      assert.deepEqual(
        commentFiles(root),
        ["1.md", ...Array.from({ length: 8 }, (_, n) => `${n + 2}.md`)].sort(),
      );
      for (let n = 0; n < 8; n++) {
        assert.equal(first?.[n]?.id, second?.[n]?.id, `comment ${n}: the same file for both`);
        assert.notEqual(
          first?.[n]?.alreadyPublished,
          second?.[n]?.alreadyPublished,
          `comment ${n}: written once`,
        );
      }
    } finally {
      removeDir(root);
    }
  });
});

describe("publisherOptionsFromEnv", () => {
  const root = "/srv/blog";
  it("writes files only by default", () =>
    assert.deepEqual(publisherOptionsFromEnv({}, root), { projectRoot: root }));
  it("COMMENTS_PUBLISH=git commits with a default author, COMMENTS_GIT_PUSH pushes, COMMENTS_REBUILD=1 rebuilds", () => {
    assert.deepEqual(publisherOptionsFromEnv({ COMMENTS_PUBLISH: "git" }, root), {
      projectRoot: root,
      git: { author: "Commentaires <commentaires@localhost>" },
    });
    assert.deepEqual(
      publisherOptionsFromEnv(
        {
          COMMENTS_PUBLISH: "git",
          COMMENTS_GIT_AUTHOR: "Blog <blog@example.org>",
          COMMENTS_GIT_PUSH: "origin",
          COMMENTS_REBUILD: "1",
        },
        root,
      ),
      { projectRoot: root, git: { author: "Blog <blog@example.org>", push: "origin" }, rebuild: {} },
    );
    assert.deepEqual(publisherOptionsFromEnv({ COMMENTS_REBUILD: "0" }, root), { projectRoot: root });
  });
  it("refuses a bad value in one line naming the variable, never echoing the value", () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ COMMENTS_PUBLISH: "svn" }, /^COMMENTS_PUBLISH: expected git/],
      [
        { COMMENTS_PUBLISH: "git", COMMENTS_GIT_AUTHOR: "secret@example.org" },
        /^COMMENTS_GIT_AUTHOR: expected "Name <address>"/,
      ],
      [
        { COMMENTS_PUBLISH: "git", COMMENTS_GIT_PUSH: "--upload-pack=evil" },
        /^COMMENTS_GIT_PUSH: expected the name of one/,
      ],
      [{ COMMENTS_PUBLISH: "git", COMMENTS_GIT_PUSH: "git@host:repo" }, /^COMMENTS_GIT_PUSH: /],
      [{ COMMENTS_GIT_PUSH: "origin" }, /^COMMENTS_GIT_PUSH: has no effect without COMMENTS_PUBLISH=git$/],
      [
        { COMMENTS_GIT_AUTHOR: "A <a@b>" },
        /^COMMENTS_GIT_AUTHOR: has no effect without COMMENTS_PUBLISH=git$/,
      ],
      [{ COMMENTS_REBUILD: "yes" }, /^COMMENTS_REBUILD: expected 1 \(on\) or 0 \(off\)$/],
    ];
    for (const [env, pattern] of cases)
      assert.throws(
        () => publisherOptionsFromEnv(env, root),
        (error: Error) => pattern.test(error.message) && !/\n|secret|evil/.test(error.message),
        JSON.stringify(env),
      );
  });
});

describe("what git and builds print, before it reaches a log or a reason", () => {
  it("loses e-mail and IPv4 addresses, and keeps dates and paths", () => {
    assert.equal(
      redacted(
        "To git@github.com:owner/blog.git, by Commentaires <commentaires@localhost> (x.y+z@exämple.fr), from 192.0.2.10",
      ),
      "To [adresse]:owner/blog.git, by Commentaires <[adresse]> ([adresse]), from [adresse]",
    );
    assert.equal(
      redacted("content/posts/a/comments/2.md:3: date 2024-07-14T10:05+02:00"),
      "content/posts/a/comments/2.md:3: date 2024-07-14T10:05+02:00",
    );
  });
  it("keeps the first meaningful lines, on one line, bounded", () => {
    assert.equal(outputSummary("\nhint: try this\nerror: one\n  two  \nthree\n"), "error: one / two");
    assert.equal(outputSummary("x".repeat(1000)).length, 300);
  });
});

describe("publishing on a page", () => {
  it("writes the comment in the page's comments/ folder, after its comments' and mentions' ids", async () => {
    const project = temporaryProject(pagesContent());
    try {
      const publisher = createPublisher({ projectRoot: project, log: () => undefined });
      const published = await publisher.publish({
        post: COMMENTED_PAGE,
        parent: "1",
        author: "Zoé",
        text: "Sur la page de l’équipe.",
        submittedAt: new Date("2024-04-01T10:00:00Z"),
      });
      await publisher.close();
      const folder = `content/pages/${COMMENTED_PAGE}`;
      const taken = [
        ...readdirSync(join(project, folder, "comments")),
        ...readdirSync(join(project, folder, "mentions")),
      ]
        .map((name) => Number(name.replace(/\.md$/, "")))
        .filter((id) => id !== Number(published.id));
      assert.equal(published.file, `${folder}/comments/${published.id}.md`);
      assert.equal(Number(published.id), Math.max(...taken) + 1);
      assert.equal(publisher.fileOf(COMMENTED_PAGE, published.id), published.file);
      assert.match(readFileSync(join(project, published.file), "utf8"), /Sur la page de l’équipe\./);
    } finally {
      removeDir(project);
    }
  });
});

// COMMENTS_PUBLISH=git (src/comment-server/publishing/git-checkout.ts), against real
// repositories in a temporary folder: a bare "origin", the server's checkout (a clone of
// it), and another clone pushing at the worst moment. The comment is committed alone, by
// the commenters' identity, pushed after a pull when the remote moved, and a refused
// commit or push leaves one file that the next attempt commits and pushes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  createPublisher,
  PublishError,
  type ApprovedComment,
  type PublisherOptions,
} from "../../src/comment-server/publishing/index.ts";
import { commentFile, postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

const POST = "un-article";
const COMMENTS = `content/posts/${POST}/comments`;
// The test's own commits, by someone else than the publisher.
const TEST_IDENTITY = {
  GIT_AUTHOR_NAME: "Auteur",
  GIT_AUTHOR_EMAIL: "auteur@example.org",
  GIT_COMMITTER_NAME: "Auteur",
  GIT_COMMITTER_EMAIL: "auteur@example.org",
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...TEST_IDENTITY },
  }).trim();
}

interface Repositories {
  root: string;
  origin: string;
  server: string;
  other: string;
}

/** origin.git with one post and one comment, and two clones of it: the server's and another. */
function repositories(): Repositories {
  const root = temporaryDir("publishing-git");
  const origin = join(root, "origin.git");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  const seed = join(root, "seed");
  git(root, "clone", "--quiet", origin, seed);
  git(seed, "switch", "--quiet", "-c", "main");
  writeFiles(seed, {
    "README.md": "Le blog.\n",
    [`content/posts/${POST}/index.md`]: postFile("Un article"),
    [`${COMMENTS}/1.md`]: commentFile({ author: "Hélène", date: "2024-03-02T09:00:00+01:00" }),
  });
  git(seed, "add", ".");
  git(seed, "commit", "--quiet", "-m", "Un article");
  git(seed, "push", "--quiet", "origin", "main");
  const server = join(root, "server");
  const other = join(root, "other");
  git(root, "clone", "--quiet", origin, server);
  git(root, "clone", "--quiet", origin, other);
  return { root, origin, server, other };
}

function hook(repository: string, name: string, script: string): void {
  const path = join(repository, name.includes("/") ? name : `.git/hooks/${name}`);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
}

/** A commit by the other clone, pushed to origin; shell, for hooks (which run it). */
function otherPushes(other: string, file: string): string {
  // A hook runs with git's variables for the repository it runs in: not the other clone's.
  return `(unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_PREFIX; cd '${other}' && git pull -q --ff-only && date +%s%N > '${file}' && git add '${file}' && git commit -qm 'Autre commit' && git push -q origin main) >/dev/null 2>&1`;
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

function publisherOf(
  repos: Repositories,
  logs: string[],
  git: PublisherOptions["git"] = {
    author: "Commentaires <commentaires@localhost>",
    push: "origin",
  },
) {
  return createPublisher({ projectRoot: repos.server, git, log: (line) => logs.push(line) });
}

/** "author <email>|subject|files" of each commit of origin's main, newest first. */
function originLog(repos: Repositories): string[] {
  return git(repos.origin, "log", "--format=%an <%ae>|%s|", "--name-only", "main")
    .split(/\n(?=[^\n]*\|[^\n]*\|)/)
    .map((entry) => entry.replace(/\n+/g, " ").trim());
}

async function refusal(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PublishError, String(error));
    return error;
  }
  assert.fail("expected a PublishError");
}

function withRepositories(test: (repos: Repositories) => Promise<void>): () => Promise<void> {
  return async () => {
    const repos = repositories();
    try {
      await test(repos);
    } finally {
      removeDir(repos.root);
    }
  };
}

describe("COMMENTS_PUBLISH=git", () => {
  it(
    "pulls, commits the new file alone, by COMMENTS_GIT_AUTHOR, named after the commenter and the post, and pushes it; other changes of the checkout stay as they were",
    withRepositories(async (repos) => {
      // The remote moved since the checkout was cloned: the pull fast-forwards it.
      execFileSync("sh", ["-c", otherPushes(repos.other, "autre.txt")], {
        env: { ...process.env, ...TEST_IDENTITY },
      });
      // The checkout's own business: a modified tracked file, a staged new file, an untracked one.
      writeFileSync(join(repos.server, "README.md"), "Le blog, modifié à la main.\n");
      writeFileSync(join(repos.server, "notes.md"), "Des notes.\n");
      git(repos.server, "add", "notes.md");
      writeFileSync(join(repos.server, "brouillon.txt"), "Pas à commiter.\n");
      const logs: string[] = [];
      const publisher = publisherOf(repos, logs);
      const author = `Greg $(touch pwned) "; rm -rf / #`;
      const published = await publisher.publish(approved({ author }));
      await publisher.close();

      assert.deepEqual(published, { id: "2", file: `${COMMENTS}/2.md`, alreadyPublished: false });
      assert.deepEqual(originLog(repos).slice(0, 2), [
        `Commentaires <commentaires@localhost>|Commentaire de ${author} sur ${POST}| ${COMMENTS}/2.md`,
        "Auteur <auteur@example.org>|Autre commit| autre.txt",
      ]);
      assert.equal(git(repos.server, "rev-parse", "HEAD"), git(repos.origin, "rev-parse", "main"));
      assert.equal(
        git(repos.server, "status", "--porcelain", "--untracked-files=all"),
        ["M README.md", "A  notes.md", "?? brouillon.txt"].join("\n"),
      );
      assert.equal(readFileSync(join(repos.server, "README.md"), "utf8"), "Le blog, modifié à la main.\n");
      assert.ok(existsSync(join(repos.server, "autre.txt")), "the other clone's commit was pulled");
      assert.equal(existsSync(join(repos.server, "pwned")), false, "no shell ran the name");
      for (const line of logs) assert.doesNotMatch(line, /@/);
    }),
  );

  it(
    "a push refused because another clone pushed meanwhile is tried again after a pull, on top of the other commit",
    withRepositories(async (repos) => {
      // Between the commit and its push, the other clone pushes: the push is refused as behind.
      const mark = join(repos.root, "pushed-once");
      hook(
        repos.server,
        "post-commit",
        `[ -e '${mark}' ] || { touch '${mark}'; ${otherPushes(repos.other, "autre.txt")}; }`,
      );
      const logs: string[] = [];
      const publisher = publisherOf(repos, logs);
      const published = await publisher.publish(approved());
      await publisher.close();
      assert.equal(published.alreadyPublished, false);
      assert.deepEqual(
        originLog(repos).map((entry) => entry.split("|")[1]),
        [`Commentaire de Greg sur ${POST}`, "Autre commit", "Un article"],
      );
      assert.equal(git(repos.server, "rev-parse", "HEAD"), git(repos.origin, "rev-parse", "main"));
      assert.ok(
        logs.includes("push to origin refused, the remote moved meanwhile: pulling and pushing again"),
      );
      for (const line of logs) assert.doesNotMatch(line, /@/);
    }),
  );

  it(
    "commits of the checkout to move over the remote's, with a modified tracked file: PublishError saying so, nothing touched",
    withRepositories(async (repos) => {
      const local = publisherOf(repos, [], { author: "Blog <blog@example.org>" });
      await local.publish(approved());
      execFileSync("sh", ["-c", otherPushes(repos.other, "autre.txt")], {
        env: { ...process.env, ...TEST_IDENTITY },
      });
      writeFileSync(join(repos.server, "README.md"), "Modifié à la main.\n");
      const head = git(repos.server, "rev-parse", "HEAD");
      const error = await refusal(local.publish(approved({ author: "Yannig" })));
      await local.close();
      assert.match(
        error.reason,
        /^Le dépôt distant « origin » a avancé .* des modifications non commitées empêchent/,
      );
      assert.equal(git(repos.server, "rev-parse", "HEAD"), head);
      assert.equal(readFileSync(join(repos.server, "README.md"), "utf8"), "Modifié à la main.\n");
      assert.deepEqual(readdirSync(join(repos.server, COMMENTS)).sort(), ["1.md", "2.md"]);
    }),
  );

  it(
    "a remote that keeps moving: PublishError after a few attempts, and the commit waits for the next one",
    withRepositories(async (repos) => {
      // The other clone pushes while each of the server's pushes is under way: the remote
      // refuses it, as another push moved the branch meanwhile.
      hook(repos.server, "pre-push", otherPushes(repos.other, "autre.txt"));
      const publisher = publisherOf(repos, []);
      const error = await refusal(publisher.publish(approved()));
      assert.match(
        error.reason,
        /^Le push vers « origin » a été refusé \d fois, le dépôt distant changeant à chaque fois/,
      );
      rmSync(join(repos.server, ".git/hooks/pre-push"));
      assert.deepEqual(await publisher.publish(approved()), {
        id: "2",
        file: `${COMMENTS}/2.md`,
        alreadyPublished: true,
      });
      await publisher.close();
      assert.equal(originLog(repos)[0]?.split("|")[1], `Commentaire de Greg sur ${POST}`);
      assert.equal(
        git(repos.origin, "log", "--format=%s", "main")
          .split("\n")
          .filter((s) => s.startsWith("Commentaire")).length,
        1,
      );
    }),
  );

  it(
    "a failing pre-commit hook: PublishError; once it is fixed, the retry commits the file written before, and only it",
    withRepositories(async (repos) => {
      hook(repos.server, "pre-commit", "echo 'refusé par le crochet de test' >&2; exit 1");
      const logs: string[] = [];
      const publisher = publisherOf(repos, logs);
      const error = await refusal(publisher.publish(approved()));
      assert.match(
        error.reason,
        new RegExp(
          `^Le commit de ${COMMENTS}/2\\.md a échoué \\(refusé par le crochet de test\\) : corrigez la cause`,
        ),
      );
      assert.deepEqual(readdirSync(join(repos.server, COMMENTS)).sort(), ["1.md", "2.md"]);

      rmSync(join(repos.server, ".git/hooks/pre-commit"));
      assert.deepEqual(await publisher.publish(approved()), {
        id: "2",
        file: `${COMMENTS}/2.md`,
        alreadyPublished: true,
      });
      await publisher.close();
      assert.deepEqual(readdirSync(join(repos.server, COMMENTS)).sort(), ["1.md", "2.md"]);
      assert.deepEqual(originLog(repos).slice(0, 2), [
        `Commentaires <commentaires@localhost>|Commentaire de Greg sur ${POST}| ${COMMENTS}/2.md`,
        `Auteur <auteur@example.org>|Un article| README.md ${COMMENTS}/1.md content/posts/${POST}/index.md`,
      ]);
      assert.equal(git(repos.server, "status", "--porcelain"), "");
      for (const line of logs) assert.doesNotMatch(line, /@/);
    }),
  );

  it(
    "a remote that refuses the commit (a pre-receive hook): PublishError with what the remote said; once it accepts, the retry pushes the same commit",
    withRepositories(async (repos) => {
      hook(repos.origin, "hooks/pre-receive", "echo 'dépôt gelé pour maintenance' >&2; exit 1");
      const publisher = publisherOf(repos, []);
      const error = await refusal(publisher.publish(approved()));
      assert.match(
        error.reason,
        /^Le dépôt distant « origin » a refusé le commit \(dépôt gelé pour maintenance/,
      );
      const waiting = git(repos.server, "rev-parse", "HEAD");

      rmSync(join(repos.origin, "hooks/pre-receive"));
      assert.equal((await publisher.publish(approved())).alreadyPublished, true);
      await publisher.close();
      assert.equal(
        git(repos.origin, "rev-parse", "main"),
        waiting,
        "the commit made before is the one pushed",
      );
    }),
  );

  it(
    "withdrawing a comment commits its rewritten file alone and pushes it",
    withRepositories(async (repos) => {
      const logs: string[] = [];
      const publisher = publisherOf(repos, logs);
      const file = await publisher.withdraw(POST, "1");
      await publisher.close();
      assert.equal(file, `${COMMENTS}/1.md`);
      assert.deepEqual(
        originLog(repos)[0],
        `Commentaires <commentaires@localhost>|Commentaire 1 retiré de ${POST}| ${COMMENTS}/1.md`,
      );
      const text = git(repos.origin, "show", `main:${COMMENTS}/1.md`);
      assert.match(text, /^withdrawn: true$/m);
      assert.doesNotMatch(text, /Hélène/);
    }),
  );

  it("a project folder that is no git checkout: PublishError saying so", async () => {
    const root = temporaryDir("publishing-no-git");
    try {
      writeFiles(root, { [`content/posts/${POST}/index.md`]: postFile("Un article") });
      const publisher = createPublisher({
        projectRoot: root,
        git: { author: "Blog <blog@example.org>" },
        log: () => {},
      });
      const error = await refusal(publisher.publish(approved()));
      await publisher.close();
      assert.match(
        error.reason,
        /^Le dossier du site n’est pas une copie d’un dépôt git .* retirez COMMENTS_PUBLISH=git/,
      );
    } finally {
      removeDir(root);
    }
  });

  it(
    "without COMMENTS_GIT_PUSH, commits on top of the upstream branch and pushes nothing",
    withRepositories(async (repos) => {
      execFileSync("sh", ["-c", otherPushes(repos.other, "autre.txt")], {
        env: { ...process.env, ...TEST_IDENTITY },
      });
      const before = git(repos.origin, "rev-parse", "main");
      const publisher = publisherOf(repos, [], { author: "Blog <blog@example.org>" });
      await publisher.publish(approved());
      await publisher.close();
      assert.equal(git(repos.origin, "rev-parse", "main"), before);
      assert.equal(git(repos.server, "rev-parse", "HEAD~1"), before, "pulled first");
      assert.equal(
        git(repos.server, "log", "-1", "--format=%an <%ae>|%s"),
        `Blog <blog@example.org>|Commentaire de Greg sur ${POST}`,
      );
    }),
  );
});

// COMMENTS_PUBLISH=git: the server's checkout of the site's repository. A comment's file
// is committed alone (other changes of the checkout, staged or not, stay as they are), by
// the commenters' identity (COMMENTS_GIT_AUTHOR), and with COMMENTS_GIT_PUSH pushed, so
// that the repository's deploy workflow publishes the page.
//
// Pulling is a fetch, then a fast-forward when the checkout holds nothing the remote
// lacks (what it holds after every push), or else a rebase of its own unpushed commits
// onto the remote (a commit whose push was refused, or commits made without
// COMMENTS_GIT_PUSH). Not `git pull`: its behaviour depends on the checkout's settings
// (pull.rebase, pull.ff), and `git pull --rebase` refuses to run at all while a tracked
// file has uncommitted changes, where a fast-forward goes ahead and leaves them alone
// (and refuses, touching nothing, when the remote changed that file). A rebase, rarely
// needed, does need a clean checkout; it is refused, saying so, rather than stashing.
//
// git runs through execFile with arguments as an array: no shell, so no commenter's name
// can become a command. Its output goes into reasons and logs only redacted (log-text.ts).
import { execFile } from "node:child_process";
import { outputSummary } from "../log-text.ts";
import { PublishError } from "./publish-error.ts";
import { parseGitAuthor } from "./publisher-options.ts";

// A refused push is retried after a pull this many times: more means the remote is being
// pushed to continuously, and the moderator is better told.
const PUSH_ATTEMPTS = 4;
// What `git push --porcelain` says of a branch refused because the remote moved: seen
// before pushing ("[rejected] (fetch first)", "(non-fast-forward)"), or by the remote,
// when another push updated the branch while this one was under way.
const BEHIND =
  /\[rejected\]|\[remote rejected\] \((cannot lock ref|failed to update ref|incorrect old value)/;

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

interface PullSource {
  remote: string;
  ref: string;
}

export class GitCheckout {
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly projectRoot: string,
    private readonly options: { author: string; push?: string },
    private readonly log: (line: string) => void,
  ) {
    const { name, email } = parseGitAuthor(options.author);
    this.env = {
      ...process.env,
      // Author and committer: the commit is the comment server's, whoever runs it, and a
      // checkout without user.name/user.email can still commit.
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
      // A remote asking for a password fails instead of waiting for a terminal.
      GIT_TERMINAL_PROMPT: "0",
      // English messages, which this code reads.
      LC_ALL: "C",
    };
  }

  private git(args: string[]): Promise<GitResult> {
    return new Promise((resolve) => {
      execFile(
        "git",
        args,
        { cwd: this.projectRoot, env: this.env, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({ ok: !error, stdout, stderr: error && !stderr ? error.message : stderr }),
      );
    });
  }

  private async gitOrFail(args: string[], reason: (detail: string) => string): Promise<string> {
    const result = await this.git(args);
    if (!result.ok) throw new PublishError(reason(outputSummary(result.stderr || result.stdout)));
    return result.stdout.trim();
  }

  private async branch(): Promise<string> {
    const inside = await this.git(["rev-parse", "--is-inside-work-tree"]);
    if (!inside.ok || inside.stdout.trim() !== "true")
      throw new PublishError(
        `Le dossier du site n’est pas une copie d’un dépôt git (${outputSummary(inside.stderr) || "pas de dépôt"}) : clonez-y le dépôt du site, ou retirez COMMENTS_PUBLISH=git, puis publiez à nouveau.`,
      );
    return this.gitOrFail(
      ["symbolic-ref", "--quiet", "--short", "HEAD"],
      (detail) =>
        `La copie du dépôt du serveur n’est sur aucune branche (${detail || "HEAD détachée"}) : faites-y « git switch » vers la branche du site, puis publiez à nouveau.`,
    );
  }

  /** Where to pull from: the push remote's branch of the same name, else the branch's upstream. */
  private async pullSource(branch: string): Promise<PullSource | undefined> {
    if (this.options.push) return { remote: this.options.push, ref: `refs/heads/${branch}` };
    const remote = await this.git(["config", "--get", `branch.${branch}.remote`]);
    const ref = await this.git(["config", "--get", `branch.${branch}.merge`]);
    if (!remote.ok || !ref.ok) return undefined;
    return { remote: remote.stdout.trim(), ref: ref.stdout.trim() };
  }

  private async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.git(["merge-base", "--is-ancestor", ancestor, descendant])).ok;
  }

  /** Brings the checkout up to date with its remote (see the top of this file). */
  async pull(): Promise<void> {
    const branch = await this.branch();
    const source = await this.pullSource(branch);
    if (!source) return;
    const fetched = await this.git(["fetch", "--quiet", "--no-tags", "--", source.remote, source.ref]);
    if (!fetched.ok) {
      // A remote without the branch yet: the first push creates it.
      if (/couldn't find remote ref/i.test(fetched.stderr)) return;
      throw new PublishError(
        `Impossible de récupérer le dépôt distant « ${source.remote} » (${outputSummary(fetched.stderr)}) : vérifiez la connexion et les droits d’accès du serveur, puis publiez à nouveau.`,
      );
    }
    const remote = await this.gitOrFail(
      ["rev-parse", "--verify", "FETCH_HEAD^{commit}"],
      (detail) => `Le dépôt distant « ${source.remote} » n’a pas pu être lu (${detail}) : publiez à nouveau.`,
    );
    if (await this.isAncestor(remote, "HEAD")) return;
    if (await this.isAncestor("HEAD", remote)) {
      await this.gitOrFail(
        ["merge", "--ff-only", "--quiet", remote],
        (detail) =>
          `La copie du dépôt du serveur n’a pas pu suivre « ${source.remote} » (${detail}) : des modifications non commitées y touchent les mêmes fichiers ; commitez-les ou annulez-les, puis publiez à nouveau.`,
      );
      return;
    }
    const rebased = await this.git(["rebase", "--quiet", remote]);
    if (rebased.ok) return;
    const detail = outputSummary(rebased.stderr || rebased.stdout);
    if (/cannot rebase|uncommitted changes|unstaged changes/i.test(rebased.stderr))
      throw new PublishError(
        `Le dépôt distant « ${source.remote} » a avancé et la copie du serveur a des commits qu’il n’a pas, mais des modifications non commitées empêchent de les replacer par-dessus (${detail}) : commitez-les ou annulez-les, puis publiez à nouveau.`,
      );
    await this.git(["rebase", "--abort"]);
    throw new PublishError(
      `Les commits de la copie du serveur n’ont pas pu être replacés sur « ${source.remote} » (${detail}) : réglez le conflit dans la copie du serveur (git status), puis publiez à nouveau.`,
    );
  }

  /** Commits the file alone, unless it is committed already; true when it committed. */
  async commitFile(file: string, message: string): Promise<boolean> {
    const status = await this.gitOrFail(
      ["status", "--porcelain", "--untracked-files=all", "--", file],
      (detail) => `L’état de la copie du dépôt n’a pas pu être lu (${detail}) : publiez à nouveau.`,
    );
    if (status === "") return false;
    const failed = (detail: string) =>
      `Le commit de ${file} a échoué (${detail}) : corrigez la cause dans la copie du dépôt du serveur (crochet pre-commit, droits), puis publiez à nouveau ; le fichier est déjà écrit, il sera commité tel quel.`;
    await this.gitOrFail(["add", "--", file], failed);
    // With a path, `git commit` commits that path only: whatever else is staged stays staged.
    await this.gitOrFail(["commit", "--quiet", "-m", message, "--", file], failed);
    return true;
  }

  /** Pushes the branch, pulling and trying again while the remote refuses it as behind. */
  async push(): Promise<void> {
    const remote = this.options.push;
    if (!remote) return;
    const branch = await this.branch();
    for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
      const pushed = await this.git(["push", "--porcelain", "--", remote, `HEAD:refs/heads/${branch}`]);
      if (pushed.ok) return;
      const refused = pushed.stdout.split("\n").find((line) => line.startsWith("!"));
      if (refused !== undefined && !BEHIND.test(refused) && refused.includes("[remote rejected]")) {
        const remoteSays = pushed.stderr
          .split("\n")
          .filter((line) => line.startsWith("remote:"))
          .map((line) => line.replace(/^remote:\s*/, ""))
          .join("\n");
        throw new PublishError(
          `Le dépôt distant « ${remote} » a refusé le commit (${outputSummary(remoteSays || refused)}) : réglez la cause sur le dépôt distant, puis publiez à nouveau ; le commit attend dans la copie du serveur.`,
        );
      }
      if (refused === undefined || !BEHIND.test(refused))
        throw new PublishError(
          `Le push vers « ${remote} » a échoué (${outputSummary(pushed.stderr || pushed.stdout)}) : vérifiez la connexion et les droits d’accès du serveur, puis publiez à nouveau ; le commit attend dans la copie du serveur.`,
        );
      // Refused as behind: someone pushed meanwhile; take their commits and try again.
      this.log(`push to ${remote} refused, the remote moved meanwhile: pulling and pushing again`);
      await this.pull();
    }
    throw new PublishError(
      `Le push vers « ${remote} » a été refusé ${PUSH_ATTEMPTS} fois, le dépôt distant changeant à chaque fois : publiez à nouveau dans un moment ; le commit attend dans la copie du serveur.`,
    );
  }
}

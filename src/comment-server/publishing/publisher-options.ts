// The publisher's settings from the environment (README, comments): COMMENTS_PUBLISH=git
// commits each comment, COMMENTS_GIT_AUTHOR is the commits' author, COMMENTS_GIT_PUSH the
// remote they are pushed to, COMMENTS_REBUILD=1 rebuilds the site after approvals. A bad
// value stops the server at start, in one line naming the variable (never its value, which
// may hold an e-mail address).
import type { PublisherOptions } from "./index.ts";

const DEFAULT_GIT_AUTHOR = "Commentaires <commentaires@localhost>";
const GIT_AUTHOR = /^([^<>\n]*[^<>\s])\s*<([^<>\s]+)>$/;
// A remote's name, never an option ("-…") nor a path or URL.
const REMOTE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** "Nom <adresse>" split; throws a one-line Error otherwise. */
export function parseGitAuthor(author: string, variable = "git.author"): { name: string; email: string } {
  const match = GIT_AUTHOR.exec(author.trim());
  if (!match?.[1] || !match[2])
    throw new Error(`${variable}: expected "Name <address>", as git writes a commit's author`);
  return { name: match[1], email: match[2] };
}

export function checkRemoteName(remote: string, variable = "git.push"): string {
  if (!REMOTE_NAME.test(remote))
    throw new Error(`${variable}: expected the name of one of the checkout's git remotes, such as origin`);
  return remote;
}

function flag(env: NodeJS.ProcessEnv, variable: string): boolean {
  const value = env[variable] ?? "";
  if (value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new Error(`${variable}: expected 1 (on) or 0 (off)`);
}

export function publisherOptionsFromEnv(env: NodeJS.ProcessEnv, projectRoot: string): PublisherOptions {
  const options: PublisherOptions = { projectRoot };
  const mode = env.COMMENTS_PUBLISH ?? "";
  if (mode !== "" && mode !== "git")
    throw new Error(`COMMENTS_PUBLISH: expected git (commit each comment) or nothing (write the files only)`);
  const author = env.COMMENTS_GIT_AUTHOR ?? "";
  const push = env.COMMENTS_GIT_PUSH ?? "";
  if (mode === "git") {
    options.git = { author: author || DEFAULT_GIT_AUTHOR };
    parseGitAuthor(options.git.author, "COMMENTS_GIT_AUTHOR");
    if (push !== "") options.git.push = checkRemoteName(push, "COMMENTS_GIT_PUSH");
  } else {
    const unused = author !== "" ? "COMMENTS_GIT_AUTHOR" : push !== "" ? "COMMENTS_GIT_PUSH" : undefined;
    if (unused) throw new Error(`${unused}: has no effect without COMMENTS_PUBLISH=git`);
  }
  if (flag(env, "COMMENTS_REBUILD")) options.rebuild = {};
  return options;
}

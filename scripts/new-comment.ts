// npm run new:comment -- <post-slug> --author "Nom" [--reply-to <id>] [--url https://…]
// reads the comment from standard input, writes content/posts/<slug>/comments/<id>.md and
// prints its path. Logic: src/authoring/new-comment.ts.
import { parseNewCommentArgs } from "../src/authoring/new-comment-args.ts";
import { createComment } from "../src/authoring/new-comment.ts";
import { readStandardInput, runCommand } from "../src/authoring/run-command.ts";

await runCommand("new:comment", async () => {
  const request = parseNewCommentArgs(process.argv.slice(2));
  if (process.stdin.isTTY) console.error("Type the comment (Markdown), then Ctrl-D on a new line:");
  return createComment(process.cwd(), request, await readStandardInput());
});

// npm run comments:forget -- EMAIL deletes what the comment database holds of that
// address and lists the published comments to withdraw. Logic:
// src/comment-server/moderation/forget-command.ts.
import { runCommand } from "../src/authoring/run-command.ts";
import { forgetCommand } from "../src/comment-server/moderation/forget-command.ts";

await runCommand("comments:forget", () => forgetCommand(process.cwd(), process.env, process.argv.slice(2)));

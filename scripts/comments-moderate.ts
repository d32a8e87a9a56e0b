// npm run comments:moderate [-- list --json | show ID | approve ID… | reject ID… |
// spam ID… | retry | withdraw POST ID | purge]: the moderation queue in the terminal.
// Logic: src/comment-server/moderation/moderate-command.ts.
import { runCommand } from "../src/authoring/run-command.ts";
import { moderateCommand } from "../src/comment-server/moderation/moderate-command.ts";

await runCommand("comments:moderate", async () => {
  const result = await moderateCommand(process.cwd(), process.env, process.argv.slice(2));
  // What could not be done, one line each, after the rest was done: exit status 1.
  for (const problem of result.problems) console.error(`comments:moderate: ${problem}`);
  if (result.problems.length > 0) process.exitCode = 1;
  return result.output;
});

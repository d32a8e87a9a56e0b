// npm run comments:password: reads a password on standard input and prints the
// COMMENTS_ADMIN_PASSWORD_HASH line to put in the intake server's environment
// (src/comment-server/admin-password.ts). The password itself is never printed.
import { hashAdminPassword } from "../src/comment-server/admin-password.ts";
import { readStandardInput, runCommand } from "../src/authoring/run-command.ts";

await runCommand("comments:password", async () => {
  if (process.stdin.isTTY) console.error("Mot de passe de modération, puis Entrée et Ctrl-D :");
  const password = (await readStandardInput()).replace(/\r?\n$/, "");
  if (password.length < 12) throw new Error("the password must have at least 12 characters");
  return `COMMENTS_ADMIN_PASSWORD_HASH=${await hashAdminPassword(password)}`;
});

// `npm run comments:forget -- EMAIL`: a person asks to be forgotten. Everything the queue
// holds under that address is deleted (waiting, refused, approved and published rows
// alike, its subscriptions to replies and the e-mails waiting for them); the comment
// files already published hold no e-mail address, so they cannot be found by it: the
// command lists them, by post and comment id, with the command that withdraws each one.
import { AuthoringError } from "../../authoring/authoring-error.ts";
import { openQueueDatabase } from "../store/database.ts";
import { queueDatabasePath } from "../store/database-path.ts";
import { CommentQueue } from "../store/queue.ts";
import { Subscriptions } from "../notifications/subscriptions.ts";

const NBSP = "\u00A0";

function emailArgument(args: readonly string[]): string {
  const [email, ...rest] = args;
  if (email === undefined || email.trim() === "")
    throw new AuthoringError("EMAIL", "donnez l’adresse de messagerie à oublier");
  if (rest.length > 0) throw new AuthoringError(rest.join(" "), "une seule adresse à la fois");
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
    throw new AuthoringError("EMAIL", "ce n’est pas une adresse de messagerie");
  return email;
}

/** Forgets the address; the text to print (which never repeats the address). */
export async function forgetCommand(
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): Promise<string> {
  const email = emailArgument(args);
  const db = await openQueueDatabase(queueDatabasePath(env, projectRoot));
  try {
    // Its subscriptions to replies (and the e-mails waiting for them) first; those of its
    // comments would go with the comments anyway, this is for the rule to be read here.
    await new Subscriptions(db).forget(email);
    const published = await new CommentQueue(db).forget(email);
    const lines = ["La base ne garde plus rien de cette adresse."];
    if (published.length === 0) lines.push("Aucun commentaire publié de cette adresse.");
    else {
      lines.push(
        `Publiés avant${NBSP}: ${published.length === 1 ? "1 commentaire, à retirer" : `${published.length} commentaires, à retirer`} (leurs fichiers ne contiennent pas l’adresse)${NBSP}:`,
      );
      for (const comment of published) {
        const id = comment.publishedId ?? "?";
        lines.push(`${comment.post}  ${id}  npm run comments:moderate -- withdraw ${comment.post} ${id}`);
      }
    }
    return lines.join("\n");
  } finally {
    await db.destroy();
  }
}

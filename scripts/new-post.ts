// npm run new:post -- "Titre de l'article": creates content/posts/<slug>/index.md as a
// draft and prints its path. Logic: src/authoring/new-post.ts.
import { createPost, titleFromArgs } from "../src/authoring/new-post.ts";
import { runCommand } from "../src/authoring/run-command.ts";

await runCommand("new:post", () => createPost(process.cwd(), titleFromArgs(process.argv.slice(2))));

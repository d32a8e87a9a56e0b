// npm run comments:migrate -- --from <sqlite file> --to postgres://…: copies the comment
// queue of a SQLite file into an empty PostgreSQL database (README, "Several instances on
// PostgreSQL"). Logic: src/comment-server/store/migrate-command.ts.
import { runCommand } from "../src/authoring/run-command.ts";
import { migrateCommand } from "../src/comment-server/store/migrate-command.ts";

await runCommand("comments:migrate", () => migrateCommand(process.cwd(), process.argv.slice(2)));

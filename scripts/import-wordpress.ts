// npm run import:wordpress -- <export.xml> [--uploads <folder>] [--timezone Europe/Paris]
// [--dry-run] [--pending-to-queue] imports a WordPress export into content/ and prints
// its report. Logic: src/wordpress-import/.
import { runCommand } from "../src/authoring/run-command.ts";
import { runImport } from "../src/wordpress-import/command.ts";

await runCommand("import:wordpress", () => runImport(process.cwd(), process.argv.slice(2), process.env));

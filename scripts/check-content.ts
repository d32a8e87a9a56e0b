// `npm run check:content`: validates every post and comment without building, for
// editors and pre-commit hooks. One line per problem; exit status 1 on any error.
//   npm run check:content [-- content-folder]
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { COMMENTS_FOLDER, CommentStore } from "../src/comments/comment-store.ts";
import { checkContent } from "../src/content/check-content.ts";
import { listPostDirs } from "../src/content/post-dirs.ts";
import { errorsIn, formatProblem } from "../src/content/problem.ts";

/** Files the check looked at in a post's comments/ folder, valid or not (it skips only hidden ones). */
function commentFilesIn(postDir: string): number {
  try {
    return readdirSync(join(postDir, COMMENTS_FOLDER)).filter((name) => !name.startsWith(".")).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const contentDir = process.argv[2] ?? "content";
const report = checkContent(contentDir, new CommentStore());
for (const problem of report.problems) console.error(formatProblem(problem));
const errors = errorsIn(report.problems).length;
const warnings = report.problems.length - errors;
// What was checked, whatever was found in it: every post folder and every comment file
// (the report keeps only the posts and comments that passed).
const postDirs = listPostDirs(contentDir);
const commentFiles = postDirs.reduce((sum, dir) => sum + commentFilesIn(dir), 0);
const summary = `${count(postDirs.length, "post")}, ${count(commentFiles, "comment")} checked: ${count(errors, "error")}, ${count(warnings, "warning")}`;
if (errors > 0) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);

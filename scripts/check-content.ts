// `npm run check:content`: validates every post and comment without building, for
// editors and pre-commit hooks. One line per problem; exit status 1 on any error.
//   npm run check:content [-- content-folder]
import { commentFolderEntries, CommentReader } from "../src/comments/read-comments.ts";
import { checkContent } from "../src/content/check-content.ts";
import { listPostDirs } from "../src/content/post-dirs.ts";
import { errorsIn, formatProblem } from "../src/content/problem.ts";

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const contentDir = process.argv[2] ?? "content";
const report = checkContent(contentDir, new CommentReader());
for (const problem of report.problems) console.error(formatProblem(problem));
const errors = errorsIn(report.problems).length;
const warnings = report.problems.length - errors;
// What was checked, whatever was found in it: every post folder and every comment file
// (the report keeps only the posts and comments that passed).
const postDirs = listPostDirs(contentDir);
const commentFiles = postDirs.reduce((sum, dir) => sum + (commentFolderEntries(dir)?.length ?? 0), 0);
const summary = `${count(postDirs.length, "post")}, ${count(commentFiles, "comment")} checked: ${count(errors, "error")}, ${count(warnings, "warning")}`;
if (errors > 0) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);

// `npm run check:content`: validates every post and comment without building, for
// editors and pre-commit hooks. One line per problem; exit status 1 on any error.
//   npm run check:content [-- content-folder]
import { CommentStore } from "../src/comments/comment-store.ts";
import { checkContent } from "../src/content/check-content.ts";
import { errorsIn, formatProblem } from "../src/content/problem.ts";

const contentDir = process.argv[2] ?? "content";
const report = checkContent(contentDir, new CommentStore());
for (const problem of report.problems) console.error(formatProblem(problem));
const errors = errorsIn(report.problems).length;
const warnings = report.problems.length - errors;
const summary = `${report.posts.length} posts, ${report.commentCount} comments checked: ${errors} errors, ${warnings} warnings`;
if (errors > 0) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);

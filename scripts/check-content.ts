// `npm run check:content`: validates every post, page, comment and mention, and the
// aliases across the site, without building, for editors and pre-commit hooks. One line
// per problem; exit status 1 on any error.
//   npm run check:content [-- content-folder]
import { commentFolderEntries, CommentReader, mentionFolderEntries } from "../src/comments/read-comments.ts";
import { checkSite } from "../src/content/check-content.ts";
import { listPageDirs } from "../src/content/page-dirs.ts";
import { listPostDirs } from "../src/content/post-dirs.ts";
import { errorsIn, formatProblem } from "../src/content/problem.ts";

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const contentDir = process.argv[2] ?? "content";
const report = checkSite(contentDir, new CommentReader());
for (const problem of report.problems) console.error(formatProblem(problem));
const errors = errorsIn(report.problems).length;
const warnings = report.problems.length - errors;
// What was checked, whatever was found in it: every post and page folder (a folder that is
// only a step of its child pages' addresses aside) and every comment and mention file (the
// report keeps only those that passed). Pages and mentions are named when there are some.
const postDirs = listPostDirs(contentDir);
const pageDirs = listPageDirs(contentDir)
  .filter((page) => report.pages.some((checked) => checked.dir === page.dir) || !page.holdsPages)
  .map((page) => page.dir);
const folders = [...postDirs, ...pageDirs];
const commentFiles = folders.reduce((sum, dir) => sum + (commentFolderEntries(dir)?.length ?? 0), 0);
const mentionFiles = folders.reduce((sum, dir) => sum + (mentionFolderEntries(dir)?.length ?? 0), 0);
const checked = [
  count(postDirs.length, "post"),
  ...(pageDirs.length > 0 ? [count(pageDirs.length, "page")] : []),
  count(commentFiles, "comment"),
  ...(mentionFiles > 0 ? [count(mentionFiles, "mention")] : []),
];
const summary = `${checked.join(", ")} checked: ${count(errors, "error")}, ${count(warnings, "warning")}`;
if (errors > 0) {
  console.error(summary);
  process.exitCode = 1;
} else console.log(summary);

// The seed site against bare Eleventy on the same content: the seed article and its
// comments, the comments gathered in a second Markdown page for the bare build ("the
// same two files' worth of content"), so start-up dominates both builds.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeBareSite } from "./bare-site.ts";
import { writeProjectSite } from "./project-site.ts";

const SEED_POST = "content/posts/le-smo-le-nouveau-community-management";

function commentBodies(commentsDir: string): string {
  return readdirSync(commentsDir)
    .filter((name) => name.endsWith(".md"))
    .sort((a, b) => a.localeCompare(b, "fr", { numeric: true }))
    .map((name) => readFileSync(join(commentsDir, name), "utf8").replace(/^---[\s\S]*?\n---\n/, ""))
    .join("\n\n");
}

export function writeSeedSites(repositoryRoot: string, projectDir: string, bareDir: string): void {
  writeProjectSite(projectDir, repositoryRoot, { withSeed: true });
  writeBareSite(bareDir);
  const post = join(bareDir, SEED_POST);
  mkdirSync(post, { recursive: true });
  writeFileSync(join(post, "index.md"), readFileSync(join(repositoryRoot, SEED_POST, "index.md")));
  writeFileSync(
    join(post, "reflexions.md"),
    `---\ntitle: "Réflexions"\n---\n${commentBodies(join(repositoryRoot, SEED_POST, "comments"))}`,
  );
}

// The baseline: bare Eleventy 3 building the same posts with a minimal configuration
// (a trivial layout, Eleventy's default markdown-it, no comments, no filters, no
// plugins). Run with plain node, no tsx: this is what Eleventy costs by itself. It builds
// the same tag pages as the project (/tags/<slug>/, ten posts a page, and /tags/): a plain
// pagination template over a collection of the tags' pages, as Eleventy's documentation
// does it, so that the ratios compare like with like.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "./measure.ts";

const CONFIG = `// Bare Eleventy: the benchmark's baseline (bench/bare-site.ts).
export default function (eleventyConfig) {
  const slugify = eleventyConfig.getFilter("slugify");
  // Every tag's posts, newest first, by slug; then one entry per page of ten.
  const tags = (api) => {
    const bySlug = new Map();
    for (const item of [...api.getAll()].sort((a, b) => b.date - a.date)) {
      for (const name of item.data.tags ?? []) {
        const slug = slugify(name);
        if (!bySlug.has(slug)) bySlug.set(slug, { name, slug, posts: [] });
        bySlug.get(slug).posts.push(item);
      }
    }
    return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  };
  eleventyConfig.addCollection("tagList", tags);
  eleventyConfig.addCollection("tagPages", (api) =>
    tags(api).flatMap((tag) =>
      Array.from({ length: Math.ceil(tag.posts.length / 10) }, (_, n) => ({
        tag,
        n,
        posts: tag.posts.slice(n * 10, n * 10 + 10),
      })),
    ),
  );
  return {
    dir: { input: "content", includes: "../_includes", output: "_site" },
    markdownTemplateEngine: false,
    templateFormats: ["md", "11ty.js"],
  };
}
`;

const TAG_PAGES = `export const data = {
  pagination: { data: "collections.tagPages", size: 1, alias: "tagPage" },
  permalink: ({ tagPage }) => \`/tags/\${tagPage.tag.slug}/\${tagPage.n > 0 ? \`page/\${tagPage.n + 1}/\` : ""}\`,
  layout: false,
  eleventyExcludeFromCollections: true,
};
export function render({ tagPage: page }) {
  const items = page.posts.map((post) => \`<li><a href="\${post.url}">\${post.data.title}</a></li>\`).join("\\n");
  return \`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>\${page.tag.name}</title></head>
<body><main><h1>\${page.tag.name}</h1><ol>\${items}</ol></main></body></html>
\`;
}
`;

const TAG_LIST = `export const data = { permalink: "/tags/", layout: false, eleventyExcludeFromCollections: true };
export function render({ collections }) {
  const items = collections.tagList.map((tag) => \`<li><a href="/tags/\${tag.slug}/">\${tag.name}</a> (\${tag.posts.length})</li>\`).join("\\n");
  return \`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Étiquettes</title></head>
<body><main><h1>Étiquettes</h1><ul>\${items}</ul></main></body></html>
\`;
}
`;

const LAYOUT = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

/** Writes the configuration and layout; the posts are written by the caller. */
export function writeBareSite(siteDir: string): void {
  mkdirSync(join(siteDir, "_includes"), { recursive: true });
  mkdirSync(join(siteDir, "content"), { recursive: true });
  writeFileSync(join(siteDir, "eleventy.config.mjs"), CONFIG);
  writeFileSync(join(siteDir, "_includes/post.njk"), LAYOUT);
  writeFileSync(join(siteDir, "content/content.11tydata.json"), JSON.stringify({ layout: "post.njk" }));
  mkdirSync(join(siteDir, "content/tags"), { recursive: true });
  writeFileSync(join(siteDir, "content/tags/tag-pages.11ty.js"), TAG_PAGES);
  writeFileSync(join(siteDir, "content/tags/index.11ty.js"), TAG_LIST);
  writeFileSync(join(siteDir, "package.json"), JSON.stringify({ type: "module", private: true }));
}

export function bareBuild(siteDir: string, repositoryRoot: string, outputDir: string): Command {
  return {
    program: process.execPath,
    args: [
      join(repositoryRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=eleventy.config.mjs",
      "--quiet",
      `--output=${outputDir}`,
    ],
    cwd: siteDir,
  };
}

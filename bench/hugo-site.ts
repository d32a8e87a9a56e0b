// The speed anchor: Hugo building the same corpus, each post a page bundle and its
// comments page resources (content/posts/<slug>/comments/*.md). The layout renders each
// comment's Markdown and nests replies under their parent (a recursive partial), lists
// the posts ten per page with their comment counts, and Hugo adds its RSS and sitemap.
// Hugo builds taxonomies by default: its tag pages (ten posts a page) and its list of
// tags, the same pages as the project's /tags/ (layouts term.html and taxonomy.html).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CorpusFile } from "./corpus.ts";
import type { Command } from "./measure.ts";

const CONFIG = `baseURL = "https://www.example.org/"
languageCode = "fr"
title = "Benchmark"
paginate = 10
`;

const SINGLE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>
<article><h1>{{ .Title }}</h1><p>Par {{ .Params.author }}, le <time datetime="{{ .Date.Format "2006-01-02T15:04-07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}</article>
{{- $comments := .Resources.Match "comments/*.md" }}
<section id="comments"><h2>{{ len $comments }} réflexions au sujet de « {{ .Title }} »</h2>
{{ partial "thread.html" (dict "all" $comments "parent" "" "depth" 1) }}
</section>
</main></body>
</html>
`;

const THREAD = `{{- $parent := .parent }}{{ $all := .all }}{{ $depth := .depth }}
{{- $children := slice }}
{{- range $all }}{{ if eq (string (.Params.parent | default "")) $parent }}{{ $children = $children | append . }}{{ end }}{{ end }}
{{- with $children }}<ol>{{ range sort . "Date" }}{{ $c := . }}{{ $id := path.BaseName .Name }}
<li id="comment-{{ $id }}" data-depth="{{ $depth }}"><article><header>{{ with .Params.website }}<a href="{{ . }}" rel="nofollow ugc">{{ $c.Params.author }}</a>{{ else }}{{ .Params.author }}{{ end }} <a href="#comment-{{ $id }}"><time datetime="{{ .Date.Format "2006-01-02T15:04-07:00" }}">{{ .Date.Format "2 January 2006 à 15 h 04" }}</time></a></header>
<div>{{ .Content }}</div></article>{{ partial "thread.html" (dict "all" $all "parent" $id "depth" (add $depth 1)) }}</li>{{ end }}</ol>{{ end }}`;

const HOME = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><main><ol>
{{- range (.Paginate (where .Site.RegularPages "Section" "posts")).Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }} · {{ len (.Resources.Match "comments/*.md") }} réflexions</li>
{{- end }}
</ol></main></body>
</html>
`;

const TERM = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>Étiquette « {{ .Title }} »</h1><ol>
{{- range (.Paginate .Pages).Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }} · {{ len (.Resources.Match "comments/*.md") }} réflexions</li>
{{- end }}
</ol></main></body>
</html>
`;

const TAXONOMY = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>Étiquettes</h1><ul>
{{- range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{- end }}
</ul></main></body>
</html>
`;

const FILES: Record<string, string> = {
  "hugo.toml": CONFIG,
  "layouts/_default/single.html": SINGLE,
  "layouts/_default/list.html": HOME,
  "layouts/index.html": HOME,
  "layouts/_default/term.html": TERM,
  "layouts/_default/taxonomy.html": TAXONOMY,
  "layouts/partials/thread.html": THREAD,
};

/** Writes the configuration and layouts; the corpus is written by the caller. */
export function writeHugoSite(siteDir: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(siteDir, path)), { recursive: true });
    writeFileSync(join(siteDir, path), text);
  }
}

/** Hugo reads a \`url\` front matter field as the page's own address: the commenter's web
 * site is renamed \`website\` for Hugo (same bytes otherwise). */
export function forHugo(file: CorpusFile): CorpusFile {
  return { path: file.path, text: file.text.replace(/^url: /m, "website: ") };
}

export function hugoBuild(siteDir: string, outputDir: string): Command {
  return {
    program: "hugo",
    args: ["--quiet", "--source", siteDir, "--destination", outputDir],
    cwd: siteDir,
  };
}

export function hugoVersion(): string | undefined {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

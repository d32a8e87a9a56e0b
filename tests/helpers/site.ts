// Builds the site the way `npm run build` does, into a temporary folder, and reads the
// resulting pages as DOM documents. Projects can be the repository itself or a
// temporary copy with other content (for fixtures and authoring commands).
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildResult {
  outputDir: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

export function temporaryDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** `timeoutMs`: a build still running then is killed (its status is null). */
export function buildSite(
  options: {
    projectDir?: string;
    outputDir?: string;
    args?: string[];
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  } = {},
): BuildResult {
  const projectDir = options.projectDir ?? repositoryRoot;
  const outputDir = options.outputDir ?? temporaryDir("site");
  const result = spawnSync(
    process.execPath,
    [
      join(projectDir, "scripts/eleventy.js"),
      "--config=.eleventy.ts",
      `--output=${outputDir}`,
      "--quiet",
      ...(options.args ?? []),
    ],
    {
      cwd: projectDir,
      encoding: "utf8",
      env: { ...process.env, ...options.env },
      timeout: options.timeoutMs,
    },
  );
  return { outputDir, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the project (code, layouts, and the given content instead of ours). Its
 * node_modules is ours; with `ownCache`, all of it but node_modules/.cache, which the
 * copy then has to itself (its own bundles, its own site-zone offsets).
 */
export function temporaryProject(
  content: Record<string, string> | "seed" = "seed",
  { ownCache = false } = {},
): string {
  const dir = temporaryDir("project");
  for (const entry of [
    ".eleventy.ts",
    "package.json",
    "tsconfig.json",
    "src",
    "layouts",
    "scripts",
    "types",
  ]) {
    cpSync(join(repositoryRoot, entry), join(dir, entry), { recursive: true });
  }
  const modules = join(repositoryRoot, "node_modules");
  if (!ownCache) symlinkSync(modules, join(dir, "node_modules"), "dir");
  else {
    mkdirSync(join(dir, "node_modules"));
    for (const entry of readdirSync(modules))
      if (entry !== ".cache") symlinkSync(join(modules, entry), join(dir, "node_modules", entry));
  }
  if (content === "seed") cpSync(join(repositoryRoot, "content"), join(dir, "content"), { recursive: true });
  else {
    // The site's own templates and data files, without its posts.
    const siteContent = join(repositoryRoot, "content");
    const postsDir = join(siteContent, "posts");
    cpSync(siteContent, join(dir, "content"), {
      recursive: true,
      filter: (path) => !(dirname(path) === postsDir && statSync(path).isDirectory()),
    });
    writeFiles(dir, content);
  }
  return dir;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file of a built site, as paths relative to its folder, sorted. */
export function builtFiles(outputDir: string): string[] {
  return readdirSync(outputDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outputDir, join(entry.parentPath, entry.name)))
    .sort();
}

export function readPage(outputDir: string, urlPath: string): Document {
  const file = urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath;
  return parseHTML(readFileSync(join(outputDir, file), "utf8")).document as unknown as Document;
}

/** A minimal valid post, for fixtures. */
export function postFile(title: string, extra = ""): string {
  return `---\ntitle: "${title}"\ndate: 2024-03-01T10:00:00+01:00\nauthor: Camille\ndescription: "Un article de test."\n${extra}---\nTexte de l’article.\n`;
}

export function commentFile(fields: Record<string, string>, body = "Un commentaire."): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

export interface BuiltFixture {
  project: string;
  build: BuildResult;
  /** Removes the project copy and its output. */
  remove(): void;
}

/** A temporary project with this content, built; the build must succeed. */
export function buildFixture(content: Record<string, string>): BuiltFixture {
  const project = temporaryProject(content);
  const build = buildSite({ projectDir: project });
  const remove = () => {
    removeDir(project);
    removeDir(build.outputDir);
  };
  if (build.status !== 0) {
    remove();
    throw new Error(`the fixture did not build:\n${build.stderr}`);
  }
  return { project, build, remove };
}

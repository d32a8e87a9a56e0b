// Bundles a TypeScript entry point with esbuild, kept in node_modules/.cache/ beside a
// manifest of every file it was made from (./bundle-hash.js), and reused while each still
// has its hash. The Eleventy launcher (./eleventy.js) and the command runner
// (./run-bundled.js) use it: our TypeScript then loads as one JavaScript module, without
// tsx's compiler and module hooks at run time, in time and in memory (docs/performance.md).
// Plain JavaScript: it runs before TypeScript is available.
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { CACHE_DIR, contentHash, fileHash, reusableBundle, saveBundle } from "./bundle-hash.js";

// What makes a bundle besides the files esbuild loads: package.json (which packages stay
// imports), tsconfig.json (esbuild reads it), the installed packages (npm's record of the
// tree, esbuild's own version) and this module. Paths from the project's folder; each
// launcher adds itself.
const BUNDLING_FILES = [
  "package.json",
  "tsconfig.json",
  "node_modules/.package-lock.json",
  "node_modules/esbuild/package.json",
  "scripts/bundle.js",
  "scripts/bundle-hash.js",
];

/**
 * Every package of package.json but `bundled`: esbuild leaves them as imports.
 * @param {string[]} bundled
 */
export function externalPackages(bundled = []) {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync("package.json", "utf8"));
  return [...Object.keys(dependencies), ...Object.keys(devDependencies)].filter(
    (name) => !bundled.includes(name),
  );
}

/**
 * One TypeScript entry point bundled; `external` packages stay imports. The hash of each
 * file esbuild loads goes in `inputs` as esbuild reads it: the hash of the very text
 * bundled, even if the file is edited meanwhile.
 * @param {string} entryPoint
 * @param {string[]} external
 * @param {Record<string, string>} inputs
 */
async function bundle(entryPoint, external, inputs) {
  const { build } = await import("esbuild");
  /** @type {import("esbuild").Plugin} */
  const recordInputs = {
    name: "record-inputs",
    setup: (build) =>
      build.onLoad({ filter: /./, namespace: "file" }, ({ path }) => {
        const contents = readFileSync(path);
        const file = relative(".", path);
        // An installed package's files change with its version: its package.json stands for them.
        const installed = /^(node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
        if (installed) inputs[`${installed}/package.json`] ??= fileHash(`${installed}/package.json`);
        else inputs[file] = contentHash(contents);
        return { contents, loader: "default" };
      }),
  };
  const result = await build({
    entryPoints: [resolve(entryPoint)],
    external,
    plugins: [recordInputs],
    write: false,
    logLevel: "error",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${entryPoint}`);
  return output.text;
}

/** The files this process has hashed, by path (./bundle-hash.js). */
const hashedFiles = new Map();

/**
 * The bundle of `entryPoint`, kept under `name`, made unless one was made from the same
 * files; `launcher` is the script asking, whose changes make it again.
 * @param {string} name
 * @param {string} entryPoint
 * @param {string[]} external
 * @param {string} launcher
 */
export async function bundleOf(name, entryPoint, external, launcher) {
  const dir = resolve(CACHE_DIR);
  const entry = relative(".", resolve(entryPoint));
  const reused = reusableBundle(dir, name, entry, hashedFiles);
  if (reused) return reused;
  // Hashed before esbuild starts: a change made after is one for the next build to see.
  const inputs = Object.fromEntries([...BUNDLING_FILES, launcher].map((file) => [file, fileHash(file)]));
  return saveBundle(dir, name, entry, await bundle(entryPoint, external, inputs), inputs);
}

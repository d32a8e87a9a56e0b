// Puts a finished build in place of the served site in one step. A directory cannot be
// replaced atomically (rename(2) will not replace a non-empty one), but a symbolic link
// can: `_site` is a link to `_site.builds/<build>/`, and a new link renamed over it
// replaces it at once, so a web server serving `_site/` sees the old site or the new
// one, never half of one. Only the first swap, when `_site` is still a plain folder
// (`npm run build`'s), moves that folder aside first: the one moment `_site` is missing.
import { lstatSync, readlinkSync, renameSync, rmSync, symlinkSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Makes `output` a link to `build` (a folder beside it, in `<output>.builds/`); returns the
 * folder `output` showed before, if any, now in `<output>.builds/` too.
 */
export function swapInBuild(output: string, build: string): string | undefined {
  const parent = dirname(output);
  const next = join(parent, `.${basename(output)}.next-${process.pid}`);
  rmSync(next, { force: true });
  // Relative, so the project folder can be moved or mounted elsewhere.
  symlinkSync(relative(parent, build), next, "dir");
  const current = lstatOrUndefined(output);
  let previous: string | undefined;
  if (current?.isSymbolicLink()) previous = resolve(parent, readlinkSync(output));
  else if (current?.isDirectory()) {
    previous = join(dirname(build), `${basename(build)}.before`);
    renameSync(output, previous);
  } else if (current) {
    rmSync(next, { force: true });
    throw new Error(`${output} is neither a folder nor a symbolic link: the build was not put in its place`);
  }
  renameSync(next, output);
  return previous;
}

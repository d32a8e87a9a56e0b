// Writes the import's files all or nothing, and never over a file already there. Every
// file is first written into a staging folder in the project (same disk, so the final
// step is a link, not a copy); only when the whole export has been converted and checked
// are they linked to their names, each with link(), which fails rather than replace a
// file (one written meanwhile, by hand or by the comment server, is then left as it is
// and counted as already imported). A failure before that leaves nothing but the staging
// folder, which is removed. A dry run stages nothing.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface ImportWriter {
  /** Stages a file to write at `path` (relative to the project). */
  write(path: string, text: string): void;
  /** Stages a copy of `source` to write at `path`. */
  copy(path: string, source: string): void;
  /** Puts the staged files in place; returns the paths of those already there, left alone. */
  commit(): string[];
  /** Drops what was staged. */
  discard(): void;
}

export function stagingWriter(projectRoot: string): ImportWriter {
  const staging = mkdtempSync(join(projectRoot, ".wordpress-import-"));
  const staged: string[] = [];
  const stage = (path: string) => {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    staged.push(path);
    return target;
  };
  return {
    write(path, text) {
      writeFileSync(stage(path), text, { flag: "wx" });
    },
    copy(path, source) {
      copyFileSync(source, stage(path));
    },
    commit() {
      const already: string[] = [];
      try {
        for (const path of staged) {
          const target = join(projectRoot, path);
          mkdirSync(dirname(target), { recursive: true });
          try {
            linkSync(join(staging, path), target);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
            already.push(path);
          }
        }
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
      return already;
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** A dry run's writer: nothing is staged, nothing is written. */
export function dryRunWriter(): ImportWriter {
  return {
    write() {},
    copy() {},
    commit: () => [],
    discard() {},
  };
}

// Writes a file that must not exist yet, all at once: the text goes to a temporary file
// beside it, which is then hard-linked to its final name. link() fails if the name is
// taken, so an existing file is never overwritten (even by a command running at the same
// moment) and a reader never sees half a file.
import { linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class FileExistsError extends Error {}

export function writeNewFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { flag: "wx" });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new FileExistsError(`${path} already exists`);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

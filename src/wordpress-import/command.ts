// The import command as the terminal sees it: the arguments read, the export imported into
// the project, the report as text. A malformed export is one line naming its file and
// line; two items wanting one folder, one line for each.
import { resolve } from "node:path";
import { AuthoringError } from "../authoring/authoring-error.ts";
import { importWordPress } from "./import.ts";
import { parseImportArgs } from "./import-args.ts";
import { PlanError } from "./plan.ts";
import { formatReport } from "./report.ts";
import { WxrError } from "./wxr-reader.ts";

export async function runImport(
  projectRoot: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const request = parseImportArgs(argv);
  try {
    const report = await importWordPress({
      ...request,
      exportFile: resolve(projectRoot, request.exportFile),
      ...(request.uploadsDir === undefined ? {} : { uploadsDir: resolve(projectRoot, request.uploadsDir) }),
      projectRoot,
      env,
    });
    return formatReport(report);
  } catch (error) {
    if (error instanceof WxrError)
      throw new AuthoringError(`${request.exportFile}:${error.line}`, error.message);
    if (error instanceof PlanError) throw new AuthoringError(request.exportFile, error.message);
    throw error;
  }
}

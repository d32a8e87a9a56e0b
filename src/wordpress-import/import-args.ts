// The command line of `npm run import:wordpress -- <export.xml> [--uploads <folder>]
// [--timezone Europe/Paris] [--dry-run] [--pending-to-queue]`, read with Node's own parser
// and refused with one line naming the argument at fault.
import { parseArgs } from "node:util";
import { AuthoringError } from "../authoring/authoring-error.ts";

export interface ImportRequest {
  exportFile: string;
  uploadsDir?: string;
  timeZone: string;
  dryRun: boolean;
  pendingToQueue: boolean;
}

/** The site's own zone: the zone of a date WordPress stored without its UTC twin. */
const DEFAULT_TIME_ZONE = "Europe/Paris";

const USAGE =
  "usage: npm run import:wordpress -- <export.xml> [--uploads <wp-content/uploads folder>] [--timezone Europe/Paris] [--dry-run] [--pending-to-queue]";

const OPTIONS = {
  uploads: { type: "string" },
  timezone: { type: "string" },
  "dry-run": { type: "boolean" },
  "pending-to-queue": { type: "boolean" },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[^' ]+)/.exec(message)?.[1] ?? "arguments";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new AuthoringError(option, `unknown option (${USAGE})`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new AuthoringError(option, `needs a value (${USAGE})`);
    throw new AuthoringError(option, `${message} (${USAGE})`);
  }
}

export function parseImportArgs(argv: string[]): ImportRequest {
  const { values, positionals } = parse(argv);
  const [exportFile, ...extra] = positionals;
  if (exportFile === undefined)
    throw new AuthoringError("export.xml", `missing: the WordPress export to import (${USAGE})`);
  if (extra.length > 0) throw new AuthoringError(extra[0] ?? "", `unexpected argument (${USAGE})`);
  const request: ImportRequest = {
    exportFile,
    timeZone: values.timezone?.trim() || DEFAULT_TIME_ZONE,
    dryRun: values["dry-run"] === true,
    pendingToQueue: values["pending-to-queue"] === true,
  };
  if (values.uploads !== undefined) request.uploadsDir = values.uploads;
  return request;
}

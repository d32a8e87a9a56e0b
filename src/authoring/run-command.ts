// Runs an authoring command as authors expect: the result on standard output, a refusal
// as one line on standard error with exit status 1, and no stack trace (set DEBUG to
// see one).
import { AuthoringError } from "./authoring-error.ts";

export async function runCommand(name: string, command: () => string | Promise<string>): Promise<void> {
  try {
    console.log(await command());
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    const line =
      error instanceof AuthoringError ? error.line : error instanceof Error ? error.message : String(error);
    console.error(`${name}: ${line}`);
    process.exitCode = 1;
  }
}

/** All of standard input, as text (the comment body). */
export async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

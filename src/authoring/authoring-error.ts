// A refusal of an authoring command: which file or argument, and what is wrong. Commands
// print it on one line and exit non-zero, without a stack trace.

export class AuthoringError extends Error {
  constructor(
    /** The file or command-line argument at fault, e.g. "--reply-to" or "content/posts/x/index.md". */
    readonly where: string,
    message: string,
  ) {
    super(message);
  }

  /** "--reply-to: no comment "99" in this post" */
  get line(): string {
    return `${this.where}: ${this.message}`;
  }
}

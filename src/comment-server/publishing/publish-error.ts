// A comment the publisher could not publish. Its reason, in French, is what the moderation
// page shows: what failed and what to do. The comment stays approved, and publishing it
// again is safe (src/comment-server/publishing/comment-file.ts finds a copy written before).
export class PublishError extends Error {
  constructor(
    /** French, for the moderation page: what failed and what to do. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = "PublishError";
  }
}

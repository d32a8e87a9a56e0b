// Proof that nothing is lost: records which comments each post page rendered, then
// checks, once the build is over, that every comment file of every published post ended
// up on its post's page exactly once. This guards the threading code, the depth cap and
// any future change to them, across the whole build rather than one page at a time.
import { resolve } from "node:path";
import { problem, type Problem } from "../content/problem.ts";
import type { Comment } from "./comment.ts";

export interface ExpectedPost {
  dir: string;
  file: string;
  comments: readonly Pick<Comment, "id" | "file">[];
}

export class RenderLedger {
  private readonly rendered = new Map<string, string[]>();

  reset(): void {
    this.rendered.clear();
  }

  record(postDir: string, ids: readonly string[]): void {
    const key = resolve(postDir);
    this.rendered.set(key, [...(this.rendered.get(key) ?? []), ...ids]);
  }

  /** One problem per post whose page did not show each of its comments exactly once. */
  verify(expected: readonly ExpectedPost[]): Problem[] {
    const problems: Problem[] = [];
    for (const post of expected) {
      const rendered = this.rendered.get(resolve(post.dir)) ?? [];
      const times = new Map<string, number>();
      for (const id of rendered) times.set(id, (times.get(id) ?? 0) + 1);
      const wrong = post.comments.filter((comment) => times.get(comment.id) !== 1);
      const unknown = rendered.filter((id) => !post.comments.some((comment) => comment.id === id));
      if (wrong.length === 0 && unknown.length === 0) continue;
      const details = wrong.map((comment) => `${comment.file} rendered ${times.get(comment.id) ?? 0} times`);
      if (unknown.length > 0) details.push(`unexpected ids ${unknown.join(", ")}`);
      problems.push(
        problem(
          post.file,
          "comments",
          `not every comment is on the page exactly once: ${details.join("; ")}`,
        ),
      );
    }
    return problems;
  }
}

// One publication at a time per project, in this process: two approvals of the same
// comment at the same moment must not both find it unpublished and both write it, and two
// git commands on one checkout would fight over its index. Across processes, the check for
// an existing copy and link() (src/authoring/write-new-file.ts) do the same job.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    let tail;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }
}

const queues = new Map<string, SerialQueue>();

/** The queue of the project at `projectRoot`, shared by every publisher of this process. */
export function queueOfProject(projectRoot: string): SerialQueue {
  let key = resolve(projectRoot);
  try {
    key = realpathSync(key);
  } catch {
    // Not there (yet): publishing will say so; the resolved path is key enough.
  }
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = new SerialQueue()));
  return queue;
}

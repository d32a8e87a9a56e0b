// `npm run bench:dev`: only the dev-server measurement (1,000 posts, five comment edits),
// for iterating on the dev server without the whole build benchmark.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpus } from "./corpus.ts";
import { measureDevServer, editTargets } from "./dev-server.ts";
import { median } from "./measure.ts";
import { writeProjectSite } from "./project-site.ts";
import { repositoryRoot } from "../tests/helpers/site.ts";

const posts = 1000;
const siteDir = mkdtempSync(join(tmpdir(), "bench-dev-"));
try {
  writeProjectSite(siteDir, repositoryRoot);
  writeCorpus(siteDir, { posts });
  const { latencies, without } = await measureDevServer(siteDir, editTargets(posts));
  const list = (values: number[]) => values.map((ms) => `${ms.toFixed(0)} ms`).join(", ");
  console.log(
    `dev server, ${posts} posts: edits ${list(latencies)}; median ${median(latencies).toFixed(0)} ms (target < 300 ms)`,
  );
  for (const mechanism of without)
    console.log(
      `  without the ${mechanism.name} (${Object.entries(mechanism.env).map(([name, value]) => `${name}=${value}`)}): median ${median(mechanism.latencies).toFixed(0)} ms, edits ${list(mechanism.latencies)}; with it, ${(median(latencies) / median(mechanism.latencies)).toFixed(2)}×`,
    );
} finally {
  rmSync(siteDir, { recursive: true, force: true });
}

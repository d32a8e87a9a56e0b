// Paris's offsets kept between builds (src/build/site-zone-cache.ts): the seed site built
// twice in a copy with a cache folder of its own, comments in process (a small site's
// way), then twice more with the comment worker (a large site's). Each time the first
// build finds a malformed cache file, ignores it, asks Intl and keeps what it learned;
// the second writes the same pages and makes no Intl object in any thread (their first
// one starts ICU: 10–15 ms of start-up).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseZoneOffsets, siteZoneCacheFile } from "../../src/build/site-zone-cache.ts";
import { builtFiles, buildSite, removeDir, temporaryDir, temporaryProject, type BuildResult } from "../helpers/site.ts";

const PROBE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "../fixtures/intl-probe.mjs")).href;

interface ProbedBuild {
  build: BuildResult;
  /** "thread: Intl kind" for each kind of Intl object a thread made. */
  intl: string[];
}

for (const comments of ["in process", "in the worker"] as const) {
  describe(`the site zone's offsets kept between builds, comments ${comments}`, () => {
    let project: string;
    let cacheFile: string;
    let probeDir: string;
    let first: ProbedBuild;
    let second: ProbedBuild;

    function probedBuild(name: string): ProbedBuild {
      const out = join(probeDir, `${name}.jsonl`);
      const env = { NODE_OPTIONS: `--import=${PROBE}`, INTL_PROBE_OUT: out, COMMENTS_WORKER: comments === "in process" ? "never" : "always" };
      const build = buildSite({ projectDir: project, env });
      assert.equal(build.status, 0, build.stderr);
      const lines = existsSync(out) ? readFileSync(out, "utf8").trim().split("\n") : [];
      const intl = lines.map((line) => JSON.parse(line) as { thread: string; name: string }).map(({ thread, name }) => `${thread}: ${name}`);
      return { build, intl };
    }

    before(() => {
      project = temporaryProject("seed", { ownCache: true });
      probeDir = temporaryDir("intl-probe");
      const file = siteZoneCacheFile(project);
      assert.ok(file, "this Node carries time zone data");
      cacheFile = file;
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, '{"weeks":[[2115,');
      first = probedBuild("first");
      second = probedBuild("second");
    });
    after(() => [project, probeDir, first?.build.outputDir, second?.build.outputDir].forEach((dir) => dir && removeDir(dir)));

    it("a malformed file is ignored: the build asks Intl and keeps what it learned", () => {
      assert.ok(first.intl.includes("main: DateTimeFormat"), `the probe sees the main thread's Intl: ${first.intl.join(", ")}`);
      if (comments === "in the worker") assert.ok(first.intl.includes("worker: DateTimeFormat"), `and the worker's: ${first.intl.join(", ")}`);
      const kept = parseZoneOffsets(readFileSync(cacheFile, "utf8"));
      assert.ok(kept && kept.weeks.length > 0, "the file now holds the seed's weeks");
    });

    it("the next build writes the same pages, byte for byte", () => {
      const files = builtFiles(first.build.outputDir);
      assert.deepEqual(builtFiles(second.build.outputDir), files);
      for (const file of files) assert.ok(readFileSync(join(second.build.outputDir, file)).equals(readFileSync(join(first.build.outputDir, file))), file);
    });

    it("and makes no Intl object in any thread: no time zone, no system locale, no collator", () => {
      assert.deepEqual(second.intl, []);
    });
  });
}

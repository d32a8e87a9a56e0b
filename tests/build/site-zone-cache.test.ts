// Paris's offsets kept between builds (src/build/site-zone-cache.ts): the seed site built
// twice in a copy with a cache folder of its own. The first build finds a malformed cache
// file, ignores it and replaces it; the second finds the offsets, writes the same pages,
// and makes no Intl object at all (their first one starts ICU: 10–15 ms of start-up).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseZoneOffsets, siteZoneCacheFile } from "../../src/build/site-zone-cache.ts";
import { builtFiles, buildSite, removeDir, temporaryDir, temporaryProject, type BuildResult } from "../helpers/site.ts";

const PROBE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "../fixtures/intl-probe.mjs")).href;

describe("the site zone's offsets kept between builds", () => {
  let project: string;
  let cacheFile: string;
  let probeDir: string;
  let first: BuildResult;
  let second: BuildResult;
  const intlMade = (build: "first" | "second") => JSON.parse(readFileSync(join(probeDir, `${build}.json`), "utf8")) as string[];

  before(() => {
    project = temporaryProject("seed", { ownCache: true });
    probeDir = temporaryDir("intl-probe");
    const file = siteZoneCacheFile(project);
    assert.ok(file, "this Node carries time zone data");
    cacheFile = file;
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, '{"weeks":[[2115,');
    const probed = (name: string) => ({ NODE_OPTIONS: `--import=${PROBE}`, INTL_PROBE_OUT: join(probeDir, `${name}.json`) });
    first = buildSite({ projectDir: project, env: probed("first") });
    assert.equal(first.status, 0, first.stderr);
    second = buildSite({ projectDir: project, env: probed("second") });
    assert.equal(second.status, 0, second.stderr);
  });
  after(() => [project, probeDir, first?.outputDir, second?.outputDir].forEach((dir) => dir && removeDir(dir)));

  it("a malformed file is ignored: the build asks Intl and keeps what it learned", () => {
    assert.ok(intlMade("first").includes("DateTimeFormat"), "the probe sees Intl when it is used");
    const kept = parseZoneOffsets(readFileSync(cacheFile, "utf8"));
    assert.ok(kept && kept.weeks.length > 0, "the file now holds the seed's weeks");
  });

  it("the next build writes the same pages, byte for byte", () => {
    const files = builtFiles(first.outputDir);
    assert.deepEqual(builtFiles(second.outputDir), files);
    for (const file of files) assert.ok(readFileSync(join(second.outputDir, file)).equals(readFileSync(join(first.outputDir, file))), file);
  });

  it("and makes no Intl object: no time zone, no system locale, no collator", () => {
    assert.deepEqual(intlMade("second"), []);
  });
});

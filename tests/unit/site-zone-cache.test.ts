// The site zone's offsets kept between builds (src/build/site-zone-cache.ts): a clock
// given another clock's offsets tells the same time without asking its zone (so without
// starting Intl), and a cache file is used only when it holds what a build writes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime, IANAZone } from "luxon";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseZoneOffsets, saveSiteZoneOffsets, siteZoneCacheFile } from "../../src/build/site-zone-cache.ts";
import { formatFrenchDate, SITE_ZONE } from "../../src/format/dates.ts";
import { SiteClock } from "../../src/format/site-clock.ts";
import { removeDir, temporaryDir } from "../helpers/site.ts";

/** Instants every 13 hours and 7 minutes from 1990 to 2040 (both DST changes of every year). */
function instants(): DateTime[] {
  const dates: DateTime[] = [];
  for (let ms = Date.UTC(1990, 0, 1, 0, 0, 7); ms < Date.UTC(2040, 0, 1); ms += 13 * 3_600_000 + 7 * 60_000) dates.push(DateTime.fromMillis(ms, { zone: "UTC" }));
  return dates;
}

describe("a site clock given another's offsets", () => {
  it("tells the same wall clock for every instant, without making its zone", () => {
    const learning = new SiteClock(SITE_ZONE);
    const expected = instants().map((date) => learning.wallClock(date));
    const offsets = learning.offsetsIfLearned();
    assert.ok(offsets && offsets.weeks.length > 2000 && offsets.days.length > 0, "it learned weeks and transition days");
    const reloaded = parseZoneOffsets(JSON.stringify(offsets));
    assert.ok(reloaded, "what it learned survives JSON");
    let zonesMade = 0;
    const remembering = new SiteClock(SITE_ZONE, (name) => {
      zonesMade++;
      return IANAZone.create(name);
    });
    remembering.remember(reloaded);
    // Fresh DateTime objects: the clocks also remember wall clocks per DateTime.
    assert.deepEqual(
      instants().map((date) => remembering.wallClock(date)),
      expected,
    );
    assert.equal(zonesMade, 0, "its zone was never needed");
    assert.equal(remembering.offsetsIfLearned(), undefined, "nothing new to keep");
  });

  it("knows the millisecond each change of offset happens, as its zone does", () => {
    const zone = IANAZone.create(SITE_ZONE);
    const clock = new SiteClock(SITE_ZONE);
    const offsetAt = (ms: number) => clock.wallClock(DateTime.fromMillis(ms, { zone: "UTC" }))?.offset;
    let changes = 0;
    for (let hour = Date.UTC(1990, 0, 1) / 3_600_000; hour < Date.UTC(2040, 0, 1) / 3_600_000; hour++) {
      const ms = hour * 3_600_000;
      if (zone.offset(ms - 1) === zone.offset(ms)) continue;
      changes++;
      assert.deepEqual([offsetAt(ms - 1), offsetAt(ms)], [zone.offset(ms - 1), zone.offset(ms)], new Date(ms).toISOString());
    }
    assert.equal(changes, 100, "two a year");
    const days = clock.offsetsIfLearned()?.days ?? [];
    assert.equal(days.filter(([, offset]) => Array.isArray(offset)).length, 100, "each change kept with its instant");
  });

  it("leaves an invalid date to luxon, keeping nothing for it", () => {
    const clock = new SiteClock(SITE_ZONE);
    assert.equal(clock.wallClock(DateTime.fromMillis(Number.NaN)), undefined);
    assert.equal(clock.offsetsIfLearned(), undefined);
  });

  it("asks its zone for what it was not given, and then has something to keep", () => {
    const clock = new SiteClock(SITE_ZONE);
    clock.remember({ weeks: [], days: [] });
    assert.equal(clock.offsetsIfLearned(), undefined);
    assert.equal(clock.wallClock(DateTime.fromISO("2010-07-23T12:32:00Z", { setZone: true }))?.hour, 14);
    assert.equal(clock.offsetsIfLearned()?.weeks.length, 1);
    assert.equal(clock.offsetsIfLearned(), undefined, "said once");
  });
});

describe("the cache file", () => {
  it("is named by the zone and the time zone database", () => {
    assert.match(siteZoneCacheFile("/projet", "2025c") ?? "", /^\/projet\/node_modules\/\.cache\/nous-les-geeks\/site-zone\.v1\.Europe-Paris\.tz-2025c\.json$/);
    assert.notEqual(siteZoneCacheFile("/projet", "2025c"), siteZoneCacheFile("/projet", "2024a"));
    assert.equal(siteZoneCacheFile("/projet", ""), undefined, "no file without time zone data");
  });

  it("is used only when it holds weeks and days of whole numbers and offsets", () => {
    assert.deepEqual(parseZoneOffsets('{"weeks":[[2115,120],[2116,null]],"days":[[14800,60],[14801,[1278810000000,60,120]]]}'), { weeks: [[2115, 120], [2116, null]], days: [[14800, 60], [14801, [1278810000000, 60, 120]]] });
    assert.deepEqual(parseZoneOffsets('{"weeks":[[-3000,9.35]],"days":[]}'), { weeks: [[-3000, 9.35]], days: [] }, "Paris mean time, before 1911");
    for (const text of ["", "{", "null", "[]", '{"weeks":[]}', '{"weeks":[[1.5,60]],"days":[]}', '{"weeks":[[1,"60"]],"days":[]}', '{"weeks":[[1,60,0]],"days":[]}', '{"weeks":[[1]],"days":[]}', '{"weeks":[],"days":{"1":60}}', '{"weeks":[],"days":[[1,null]]}', '{"weeks":[],"days":[[1,[5,60]]]}', '{"weeks":[],"days":[[1,[5.5,60,120]]]}']) {
      assert.equal(parseZoneOffsets(text), undefined, text);
    }
  });

  it("is saved with what it held and what the build learned, only when the build learned something", () => {
    const root = temporaryDir("zone-cache");
    try {
      const file = siteZoneCacheFile(root) as string;
      mkdirSync(dirname(file), { recursive: true });
      // A week another thread kept meanwhile (an offset Paris never had, to recognise it).
      writeFileSync(file, '{"weeks":[[-99999,7]],"days":[]}');
      saveSiteZoneOffsets(root);
      assert.equal(readFileSync(file, "utf8"), '{"weeks":[[-99999,7]],"days":[]}', "nothing learned: not rewritten");
      assert.equal(formatFrenchDate(DateTime.fromISO("2031-05-05T10:00:00Z", { setZone: true })), "5 mai 2031");
      saveSiteZoneOffsets(root);
      const saved = parseZoneOffsets(readFileSync(file, "utf8"));
      assert.deepEqual(saved?.weeks.find(([week]) => week === -99999), [-99999, 7], "kept what the file held");
      assert.equal(saved?.weeks.length, 2, "and the week of 5 May 2031");
    } finally {
      removeDir(root);
    }
  });
});

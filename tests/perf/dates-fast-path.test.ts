// The dates' fast path (src/format/site-clock.ts) must write exactly what luxon writes:
// checked against luxon itself around DST transitions, on the 1st of a month, with
// seconds and milliseconds, and on old dates where the fast path hands back to luxon.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime, IANAZone } from "luxon";
import {
  formatFrenchDate,
  formatFrenchDateTime,
  machineDateTime,
  rfc3339DateTime,
  SITE_ZONE,
} from "../../src/format/dates.ts";
import { europeanParisOffset } from "../../src/format/site-clock.ts";

function reference(date: DateTime) {
  const local = date.setZone(SITE_ZONE).setLocale("fr");
  const day = `${local.day === 1 ? "1er" : local.day} ${local.toFormat("LLLL yyyy")}`;
  return {
    date: day,
    dateTime: `${day} à ${local.toFormat("H 'h' mm")}`,
    machine: local.toISO({ suppressMilliseconds: true, suppressSeconds: true }),
    rfc3339: date.setZone(SITE_ZONE).toISO({ suppressMilliseconds: true }),
  };
}

function fast(date: DateTime) {
  return {
    date: formatFrenchDate(date),
    dateTime: formatFrenchDateTime(date),
    machine: machineDateTime(date),
    rfc3339: rfc3339DateTime(date),
  };
}

const SAMPLES = [
  "2010-03-28T00:59:59+00:00", // around the spring transition (01:00 UTC)
  "2010-03-28T01:00:00Z",
  "2010-03-28T02:30:00+01:00",
  "2010-10-31T00:59:59.999Z", // around the autumn transition
  "2010-10-31T01:00:00Z",
  "2010-10-31T02:30:00+02:00",
  "2010-07-01T00:00:00+02:00",
  "2010-07-23T14:32:05.250+02:00",
  "2010-07-23T14:32:00.001+02:00",
  "1905-06-01T12:00:00+00:00", // Paris mean time, +00:09:21
  "1925-01-01T00:00:00Z",
  "0999-12-31T23:00:00Z",
  "2037-12-31T23:59:59-05:00",
];

describe("dates: the fast path writes what luxon writes", () => {
  it("on chosen edge cases", () => {
    for (const iso of SAMPLES) {
      const date = DateTime.fromISO(iso, { setZone: true });
      assert.deepEqual(fast(date), reference(date), iso);
    }
  });

  it("every 97 minutes over three years, at odd seconds", () => {
    let date = DateTime.fromISO("2009-01-01T00:00:07+01:00", { setZone: true });
    for (let i = 0; i < 17_000; i++, date = date.plus({ minutes: 97 }))
      assert.deepEqual(fast(date), reference(date), date.toISO() ?? "");
  });
});

describe("dates: Paris's offset from the European rule", () => {
  // Days on which the site's zone changes its offset, from standard time in 1911 to 2040,
  // as Node's time zone data has them.
  const zone = IANAZone.create(SITE_ZONE);
  const DAY = 86_400_000;
  const transitions: number[] = [];
  for (let day = Date.UTC(1911, 2, 12) / DAY; day < Date.UTC(2040, 0, 1) / DAY; day++) {
    if (zone.offset(day * DAY) !== zone.offset((day + 1) * DAY)) transitions.push(day * DAY);
  }

  it("is the zone's own offset at every minute around every change from 1996 to 2040", () => {
    const ruled = transitions.filter((day) => new Date(day).getUTCFullYear() >= 1996);
    assert.equal(ruled.length, 2 * (2040 - 1996));
    for (const day of ruled) {
      for (let ms = day - DAY; ms < day + 2 * DAY; ms += 60_000)
        assert.equal(europeanParisOffset(ms), zone.offset(ms), new Date(ms).toISOString());
    }
    assert.equal(
      europeanParisOffset(Date.UTC(1995, 11, 31, 23, 59)),
      undefined,
      "before the rule: the zone decides",
    );
  });

  it("writes what luxon writes in the days around every transition since 1911", () => {
    assert.ok(transitions.length > 150, `${transitions.length} transitions found`);
    for (const day of transitions) {
      for (let ms = day - 4 * DAY + 7_000; ms < day + 5 * DAY; ms += 4 * 3_600_000 + 61_000) {
        const date = DateTime.fromMillis(ms, { zone: "UTC" });
        assert.deepEqual(fast(date), reference(date), date.toISO() ?? "");
      }
    }
  });
});

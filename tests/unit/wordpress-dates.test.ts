// Dates of imported items and comments: each with its own offset (local minus GMT), the
// --timezone for an unpublished item without a GMT date.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wordPressDate } from "../../src/wordpress-import/dates.ts";

describe("wordPressDate", () => {
  it("gives each date the offset of its local and GMT dates", () => {
    assert.deepEqual(wordPressDate("2010-07-21 10:00:00", "2010-07-21 08:00:00", "Europe/Paris"), {
      ok: true,
      iso: "2010-07-21T10:00:00+02:00",
    });
    assert.deepEqual(wordPressDate("2010-11-02 10:00:00", "2010-11-02 09:00:00", "Europe/Paris"), {
      ok: true,
      iso: "2010-11-02T10:00:00+01:00",
    });
    assert.equal(wordPressDate("2010-07-27 06:00:00", "2010-07-27 11:00:00", "Europe/Paris").ok, true);
    assert.equal(
      (wordPressDate("2010-07-27 06:00:00", "2010-07-27 11:00:00", "Europe/Paris") as { iso: string }).iso,
      "2010-07-27T06:00:00-05:00",
    );
    assert.equal(
      (wordPressDate("2012-03-01 05:30:00", "2012-03-01 00:00:00", "UTC") as { iso: string }).iso,
      "2012-03-01T05:30:00+05:30",
    );
  });

  it("reads a date without GMT twin in the --timezone, winter and summer", () => {
    assert.deepEqual(wordPressDate("2010-08-03 10:00:00", "0000-00-00 00:00:00", "Europe/Paris"), {
      ok: true,
      iso: "2010-08-03T10:00:00+02:00",
    });
    assert.deepEqual(wordPressDate("2010-01-03 10:00:00", "0000-00-00 00:00:00", "Europe/Paris"), {
      ok: true,
      iso: "2010-01-03T10:00:00+01:00",
    });
    assert.deepEqual(wordPressDate("2010-01-03 10:00:00", "", "America/New_York"), {
      ok: true,
      iso: "2010-01-03T10:00:00-05:00",
    });
  });

  it("falls back to the time zone, saying so, when the offset is not one of this Earth", () => {
    const date = wordPressDate("2010-07-21 10:00:00", "2010-07-19 08:00:00", "Europe/Paris");
    assert.equal(date.ok && date.iso, "2010-07-21T10:00:00+02:00");
    assert.match((date as { note: string }).note, /plus de 14 h/);
  });

  it("refuses dates that do not exist", () => {
    assert.equal(wordPressDate("2011-02-31 10:00:00", "0000-00-00 00:00:00", "Europe/Paris").ok, false);
    assert.equal(wordPressDate("hier", "", "Europe/Paris").ok, false);
  });
});

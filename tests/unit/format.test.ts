import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime, Info } from "luxon";
import {
  formatFrenchDate,
  formatFrenchDateTime,
  isoWithOffsetToJsDate,
  machineDateTime,
  parseIsoWithOffset,
} from "../../src/format/dates.ts";
import { commentsHeading, countReflections } from "../../src/format/plural.ts";
import { slugifyTitle } from "../../src/format/slug.ts";
import { FRENCH_MONTHS } from "../../src/format/site-clock.ts";

describe("slugifyTitle", () => {
  it("gives the seed article its URL", () =>
    assert.equal(
      slugifyTitle("Le SMO, le nouveau Community Management ?"),
      "le-smo-le-nouveau-community-management",
    ));
  it("separates words at French apostrophes and drops accents", () =>
    assert.equal(slugifyTitle("L'été à Noël : où aller ?"), "l-ete-a-noel-ou-aller"));
  it("handles typographic apostrophes, ligatures and ampersands", () =>
    assert.equal(slugifyTitle("L’œuvre & l’outil"), "l-oeuvre-et-l-outil"));
});

describe("French dates", () => {
  const date = DateTime.fromISO("2010-07-23T14:32:00+02:00", { setZone: true });
  it("writes date and time as French readers do", () =>
    assert.equal(formatFrenchDateTime(date), "23 juillet 2010 à 14 h 32"));
  it("uses Europe/Paris whatever the offset written", () => {
    assert.equal(
      formatFrenchDateTime(DateTime.fromISO("2010-07-23T12:32:00Z", { setZone: true })),
      "23 juillet 2010 à 14 h 32",
    );
    assert.equal(
      formatFrenchDateTime(DateTime.fromISO("2010-12-31T23:30:00Z", { setZone: true })),
      "1er janvier 2011 à 0 h 30",
    );
  });
  it("writes the first of the month as 1er", () =>
    assert.equal(formatFrenchDate(DateTime.fromISO("2010-08-01T09:00:00+02:00")), "1er août 2010"));
  it("gives machines ISO 8601 to the minute", () =>
    assert.equal(machineDateTime(date), "2010-07-23T14:32+02:00"));
  it("accepts only ISO dates with an offset that exist", () => {
    assert.ok(parseIsoWithOffset("2010-07-23T14:32:00+02:00"));
    assert.ok(parseIsoWithOffset("2010-07-23T12:32Z"));
    assert.equal(parseIsoWithOffset("2011-02-31T10:00:00+01:00"), null);
    assert.equal(parseIsoWithOffset("2010-07-23T14:32:00"), null);
    assert.equal(parseIsoWithOffset("2010-07-23"), null);
    assert.equal(parseIsoWithOffset("23/07/2010 14:32"), null);
  });
});

describe("French plurals", () => {
  it("counts reflections", () => {
    assert.equal(countReflections(0), "Aucune réflexion");
    assert.equal(countReflections(1), "Une réflexion");
    assert.equal(countReflections(11), "11 réflexions");
    assert.equal(countReflections(1234), "1\u202F234 réflexions");
  });
  it("writes every count as French does, with or without ICU's number formatting", () => {
    const french = new Intl.NumberFormat("fr-FR");
    for (const count of [
      ...Array.from({ length: 2_100 }, (_, n) => n + 2),
      9_999,
      10_000,
      123_456,
      1_000_000,
    ]) {
      assert.equal(countReflections(count), `${french.format(count)} réflexions`, String(count));
    }
  });
  it("heads the comments section", () => {
    assert.equal(commentsHeading(1, "Titre"), "Une réflexion au sujet de «\u00A0Titre\u00A0»");
    assert.equal(commentsHeading(11, "Le SMO ?"), "11 réflexions au sujet de «\u00A0Le SMO\u202F?\u00A0»");
    assert.equal(commentsHeading(0, "Titre"), "Pas encore de réflexion au sujet de «\u00A0Titre\u00A0»");
  });
});

describe("isoWithOffsetToJsDate (the pages' dates for Eleventy)", () => {
  it("gives the same instant as luxon", () => {
    for (const value of [
      "2010-07-23T14:32+02:00",
      "2010-07-23T14:32:05.25Z",
      "2010-12-31T23:59:59-0500",
      "2024-02-29T00:00:00+01:00",
    ]) {
      assert.equal(
        isoWithOffsetToJsDate(value)?.getTime(),
        DateTime.fromISO(value, { zone: "utc" }).toMillis(),
        value,
      );
    }
  });
  it("leaves to Eleventy what is not a strict date-time with offset, or does not exist", () => {
    for (const value of [
      "2011-02-31T10:00+01:00",
      "2023-02-29T10:00+01:00",
      "2010-07-23T24:00+02:00",
      "2010-07-23T14:32",
      "hier",
      " 2010-07-23T14:32+02:00",
      20100723,
      undefined,
    ]) {
      assert.equal(isoWithOffsetToJsDate(value), undefined, String(value));
    }
  });
});

describe("parseIsoWithOffset", () => {
  it("gives the DateTime luxon's fromISO gives, without luxon's parser in the common case", () => {
    for (const value of [
      "2010-07-23T14:32+02:00",
      "2010-07-23T14:32:05Z",
      "2010-07-23T14:32:05.25-0330",
      "2024-02-29T23:59:59.999+01:00",
      "1911-03-11T00:00+00:09",
      "2010-12-31T23:59+14:00",
    ]) {
      const ours = parseIsoWithOffset(value);
      const luxon = DateTime.fromISO(value, { setZone: true });
      assert.equal(ours?.toMillis(), luxon.toMillis(), value);
      assert.equal(ours?.toISO(), luxon.toISO(), value);
      assert.equal(ours?.zoneName, luxon.zoneName, value);
    }
  });
  it("refuses what does not exist or has no offset", () => {
    for (const value of [
      "2011-02-31T10:00+01:00",
      "2023-02-29T10:00+01:00",
      "2010-04-31T10:00Z",
      "2010-13-01T10:00Z",
      "2010-07-23T25:00Z",
      "2010-07-23T14:60Z",
      "2010-07-23T14:32",
      "hier",
    ]) {
      assert.equal(parseIsoWithOffset(value), null, value);
    }
  });
});

describe("FRENCH_MONTHS", () => {
  it("are luxon's French month names", () => {
    assert.deepEqual(FRENCH_MONTHS, Info.months("long", { locale: "fr" }));
  });
});

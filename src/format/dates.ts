// Dates as French readers write them, in the blog's time zone (Europe/Paris):
// "23 juillet 2010 à 14 h 32", "1er août 2010".
import { DateTime, FixedOffsetZone } from "luxon";
import { FRENCH_MONTHS, isoOffset, pad, SiteClock, type WallClock } from "./site-clock.ts";

export const SITE_ZONE = "Europe/Paris";
// Given to every DateTime the build makes: French, whatever the system's locale.
const SITE_LOCALE = "fr";

// Date, "T", time (seconds and fraction optional), then "Z" or ±hh:mm.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date-time that carries its offset; null when it is not one or does not exist. */
export function parseIsoWithOffset(value: string): DateTime | null {
  if (!ISO_WITH_OFFSET.test(value)) return null;
  const fast = commonIsoWithOffset(value);
  if (fast) return fast;
  const parsed = DateTime.fromISO(value, { setZone: true, locale: SITE_LOCALE });
  return parsed.isValid ? parsed : null;
}

const ISO_PARTS =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The common case without luxon's ISO parser, the largest cost of reading a comment
 * (every comment has a date): a year from 1000, a day the month has, hours to 23,
 * offsets under a day. Undefined otherwise, and luxon decides as before; the result is
 * the DateTime luxon's fromISO(value, { setZone: true }) gives, instant, offset and zone
 * (tests/unit/format.test.ts), with the site's locale.
 */
function commonIsoWithOffset(value: string): DateTime | undefined {
  const instant = commonIsoInstant(value);
  return (
    instant &&
    DateTime.fromMillis(instant.ms, { zone: FixedOffsetZone.instance(instant.offset), locale: SITE_LOCALE })
  );
}

/** Such a date-time's instant (milliseconds since 1970) and offset (minutes east of UTC). */
function commonIsoInstant(value: string): { ms: number; offset: number } | undefined {
  const match = ISO_PARTS.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));
  const offset =
    match[8] === undefined ? 0 : (match[8] === "-" ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10]));
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Math.abs(offset) >= 24 * 60 ||
    Number(match[10] ?? 0) > 59
  )
    return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 31 April and the like
  return { ms: wall - offset * 60_000, offset };
}

/**
 * The instant of such a date-time as a JS Date, without luxon (Eleventy's date of each
 * page, through `addDateParsing`: luxon's parse was a few percent of a large build).
 * Undefined for anything else, and for a day the month does not have, which Date would
 * roll over ("2011-02-31" → 3 March): Eleventy then parses it itself, as before.
 */
export function isoWithOffsetToJsDate(value: unknown): Date | undefined {
  const instant = typeof value === "string" ? commonIsoInstant(value) : undefined;
  return instant && new Date(instant.ms);
}

/**
 * A page's date for Eleventy (`addDateParsing`). A post's date is the content check's to
 * judge: one it refuses gives the epoch here, and the check stops the build before any
 * page is written, in one line, instead of Eleventy's stack trace as it reads the post.
 * Other pages' dates are left to Eleventy.
 */
export function eleventyPageDate(value: unknown, isPost: boolean): Date | undefined {
  const common = isoWithOffsetToJsDate(value);
  if (common || !isPost) return common;
  return (typeof value === "string" ? parseIsoWithOffset(value)?.toJSDate() : undefined) ?? new Date(0);
}

/** A JS Date (Eleventy's page dates) as the DateTime the functions below take. */
export function siteDateTime(date: Date): DateTime {
  return DateTime.fromMillis(date.getTime(), { locale: SITE_LOCALE });
}

function inSiteZone(date: DateTime): DateTime {
  return date.setZone(SITE_ZONE).setLocale(SITE_LOCALE);
}

/** "1er" for the first of the month, as French writes it. */
function frenchDay(day: number): string {
  return day === 1 ? "1er" : String(day);
}

// Each function has a fast path (src/format/site-clock.ts, same output, no luxon zone
// conversion) and luxon as the reference for dates the fast path does not cover.
const siteClock = new SiteClock(SITE_ZONE);

function frenchDayMonthYear(day: number, month: number, year: number): string {
  return `${frenchDay(day)} ${FRENCH_MONTHS[month - 1] ?? ""} ${pad(year, 4)}`;
}

/** "2010-07-23T14:32", then ":05" and ".250" when not zero (as luxon's suppress options do). */
function isoLocal(clock: WallClock, suppressSeconds: boolean): string {
  const minutes = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
  if (suppressSeconds && clock.second === 0 && clock.millisecond === 0) return minutes;
  return `${minutes}:${pad(clock.second)}${clock.millisecond === 0 ? "" : `.${pad(clock.millisecond, 3)}`}`;
}

/** "23 juillet 2010" */
export function formatFrenchDate(date: DateTime): string {
  const clock = siteClock.wallClock(date);
  if (clock) return frenchDayMonthYear(clock.day, clock.month, clock.year);
  const local = inSiteZone(date);
  return `${frenchDay(local.day)} ${local.toFormat("LLLL yyyy")}`;
}

/** "23 juillet 2010 à 14 h 32" */
export function formatFrenchDateTime(date: DateTime): string {
  const clock = siteClock.wallClock(date);
  if (clock)
    return `${frenchDayMonthYear(clock.day, clock.month, clock.year)} à ${clock.hour} h ${pad(clock.minute)}`;
  return `${formatFrenchDate(date)} à ${inSiteZone(date).toFormat("H 'h' mm")}`;
}

/** The value of a `<time datetime>` attribute: ISO 8601 in the site's zone, to the minute (seconds and milliseconds only when not zero). */
export function machineDateTime(date: DateTime): string {
  const clock = siteClock.wallClock(date);
  if (clock) return `${isoLocal(clock, true)}${isoOffset(clock.offset)}`;
  return inSiteZone(date).toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? "";
}

/** A full RFC 3339 date-time in the site's zone, seconds included, as Atom and JSON-LD want. */
export function rfc3339DateTime(date: DateTime): string {
  const clock = siteClock.wallClock(date);
  if (clock) return `${isoLocal(clock, false)}${isoOffset(clock.offset)}`;
  return date.setZone(SITE_ZONE).toISO({ suppressMilliseconds: true }) ?? "";
}

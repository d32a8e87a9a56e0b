// The wall clock of the site's time zone, Europe/Paris, computed without Intl. Since 1996
// Paris keeps the European Union's summer time: UTC+2 from the last Sunday of March to the
// last Sunday of October, both at 01:00 UTC, UTC+1 otherwise (Directive 2000/84/EC). A
// blog's dates fall in those years: their offset comes from that rule. An older date asks
// the zone itself, through luxon and Intl, whose first use loads ICU's data, a large part
// of a small site's build beyond bare Eleventy's (docs/performance.md).
// tests/perf/dates-fast-path.test.ts checks the rule against Node's own time zone data at
// every transition up to 2040: a change of the law shows there first.
// Dates this fast path does not cover (fractional-minute offsets such as Paris's mean
// time before 1911, years outside 1000–9999) return undefined: callers use luxon then.
import { IANAZone, type DateTime } from "luxon";

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, e.g. 120 for +02:00. */
  offset: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The first year of the European rule in Paris. */
const EUROPEAN_RULE_SINCE = 1996;

/** 01:00 UTC on the last Sunday of `month` (0–11) of `year`: when European summer time starts or ends. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/** Paris's offset at `ms` under the European rule, in minutes; undefined before the rule. */
export function europeanParisOffset(ms: number): number | undefined {
  const year = new Date(ms).getUTCFullYear();
  if (year < EUROPEAN_RULE_SINCE) return undefined;
  return ms >= lastSundayOneAm(year, 2) && ms < lastSundayOneAm(year, 9) ? 120 : 60;
}

export class SiteClock {
  private zone: IANAZone | undefined;

  constructor(private readonly zoneName: string) {}

  private offsetAt(ms: number): number {
    const ruled = this.zoneName === "Europe/Paris" ? europeanParisOffset(ms) : undefined;
    if (ruled !== undefined) return ruled;
    this.zone ??= IANAZone.create(this.zoneName);
    return this.zone.offset(ms);
  }

  wallClock(date: DateTime): WallClock | undefined {
    const ms = date.toMillis();
    if (!Number.isFinite(ms)) return undefined;
    const offset = this.offsetAt(ms);
    if (!Number.isInteger(offset)) return undefined;
    const local = new Date(ms + offset * 60_000);
    const year = local.getUTCFullYear();
    if (year < 1000 || year > 9999) return undefined;
    return {
      year,
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
      offset,
    };
  }
}

/**
 * French month names as luxon's "LLLL" writes them (tests/unit/format.test.ts checks):
 * written out, so that a build does not load a locale from Intl for them.
 */
export const FRENCH_MONTHS: readonly string[] = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** "+02:00", as luxon's toISO writes the offset of a zone. */
export function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.trunc(absolute / 60))}:${pad(absolute % 60)}`;
}

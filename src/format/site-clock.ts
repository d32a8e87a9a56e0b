// The wall clock of the site's time zone, computed cheaply. Luxon asks Intl for the
// zone's offset on every conversion, and a large build shows every comment's date two or
// three times; an offset only changes at a DST transition, so it is kept per week when the
// week has a single offset (its first and last millisecond agree), and in the two weeks a
// year that hold a change, per UTC day; on the day of a change itself the zone is asked
// at each instant. (The site's zone never changes its offset and back within a week:
// tests/perf/dates-fast-path.test.ts checks every transition since 1911.) Weeks first:
// comments spread over years have thousands of distinct days, but a few hundred weeks.
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

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export class SiteClock {
  private readonly zone: IANAZone;
  /** The zone's offset by week (since 1970) and by UTC day; null for one in which it changes. */
  private readonly offsetByWeek = new Map<number, number | null>();
  private readonly offsetByDay = new Map<number, number | null>();

  constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  /** The offset of the period of `length` milliseconds holding `ms`, or null if it changes within it. */
  private offsetOf(periods: Map<number, number | null>, length: number, ms: number): number | null {
    const period = Math.floor(ms / length);
    let offset = periods.get(period);
    if (offset === undefined) {
      const start = this.zone.offset(period * length);
      offset = start === this.zone.offset(period * length + length - 1) ? start : null;
      periods.set(period, offset);
    }
    return offset;
  }

  private offsetAt(ms: number): number {
    return this.offsetOf(this.offsetByWeek, WEEK_MS, ms) ?? this.offsetOf(this.offsetByDay, DAY_MS, ms) ?? this.zone.offset(ms);
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
export const FRENCH_MONTHS: readonly string[] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** "+02:00", as luxon's toISO writes the offset of a zone. */
export function isoOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.trunc(absolute / 60))}:${pad(absolute % 60)}`;
}

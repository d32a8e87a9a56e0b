// The wall clock of the site's time zone, computed cheaply. Luxon asks Intl for the
// zone's offset on every conversion, and a large build shows every comment's date two or
// three times; an offset only changes at a DST transition, so it is kept per UTC day: the
// day's offset when its first and last millisecond agree, otherwise (the day of a change)
// the zone is asked at each instant. (The site's zone never changes its offset and back
// within a day: tests/perf/dates-fast-path.test.ts checks every transition since 1911.)
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

export class SiteClock {
  private readonly zone: IANAZone;
  /** The zone's offset by UTC day; null on a day when it changes. */
  private readonly offsetByDay = new Map<number, number | null>();

  constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  private offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.offsetByDay.get(day);
    if (offset === undefined) {
      const start = this.zone.offset(day * DAY_MS);
      offset = start === this.zone.offset(day * DAY_MS + DAY_MS - 1) ? start : null;
      this.offsetByDay.set(day, offset);
    }
    return offset ?? this.zone.offset(ms);
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

// The wall clock of the site's time zone, computed cheaply. Luxon asks Intl for the
// zone's offset on every conversion (about 30 µs, the largest cost of a big build when
// every comment shows two or three dates); an offset only changes at a DST transition,
// so it is cached per week when the week has a single offset (its start, middle and end
// agree; the site's zone never changes its offset and back within half a week: checked
// on every transition since 1911 by tests/perf/dates-fast-path.test.ts), and per UTC
// day in the weeks of a transition: the day's offset, or for the day of the change its
// instant (found by bisection) and the offsets before and after. Comments spread over
// years have a few thousand distinct days but only a few hundred weeks.
// Dates this fast path does not cover (fractional-minute offsets such as Paris's mean
// time before 1911, years outside 1000–9999) return undefined: callers use luxon then.
//
// The zone itself is made only when an offset is not known yet: its first use starts
// Intl (ICU's data: 10–15 ms, a tenth of the seed site's start-up), which a build whose
// offsets were kept from the build before (src/build/site-zone-cache.ts) does not need.
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

/** A day on which the offset changes: the instant of the change, the offsets before and after. */
export type OffsetChange = [at: number, before: number, after: number];

/** The offsets a clock asked its zone for: by week (null: the week has a change), by day. */
export interface ZoneOffsets {
  weeks: [number, number | null][];
  days: [number, number | OffsetChange][];
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export class SiteClock {
  private zoneMade: IANAZone | undefined;
  /** Whether the zone answered something the clock did not know when it last said so. */
  private learned = false;
  private readonly offsetByWeek = new Map<number, number | null>();
  private readonly offsetByDay = new Map<number, number | OffsetChange>();
  /** A comment's date is shown four or five times (thread, feed, JSON-LD): computed once. */
  private readonly clocks = new WeakMap<DateTime, WallClock | null>();

  constructor(
    private readonly zoneName: string,
    private readonly makeZone: (name: string) => IANAZone = (name) => IANAZone.create(name),
  ) {}

  /** The zone's offset at `ms`, asked of the zone (made on first use): something new to keep. */
  private askZone(ms: number): number {
    this.learned = true;
    this.zoneMade ??= this.makeZone(this.zoneName);
    return this.zoneMade.offset(ms);
  }

  /** Offsets known from elsewhere (another clock of the same zone and time zone data). */
  remember(offsets: ZoneOffsets): void {
    for (const [week, offset] of offsets.weeks) this.offsetByWeek.set(week, offset);
    for (const [day, offset] of offsets.days) this.offsetByDay.set(day, offset);
  }

  /** Every offset known, if the zone was asked anything since the last call; else undefined. */
  offsetsIfLearned(): ZoneOffsets | undefined {
    if (!this.learned) return undefined;
    this.learned = false;
    return { weeks: [...this.offsetByWeek], days: [...this.offsetByDay] };
  }

  private offsetAt(ms: number): number {
    const week = Math.floor(ms / WEEK_MS);
    let offset = this.offsetByWeek.get(week);
    if (offset === undefined) {
      const start = this.askZone(week * WEEK_MS);
      const single = start === this.askZone(week * WEEK_MS + WEEK_MS / 2) && start === this.askZone(week * WEEK_MS + WEEK_MS - 1);
      offset = single ? start : null;
      this.offsetByWeek.set(week, offset);
    }
    return offset ?? this.offsetInTransitionWeek(ms);
  }

  private offsetInTransitionWeek(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.offsetByDay.get(day);
    if (offset === undefined) {
      offset = this.offsetOfDay(day);
      this.offsetByDay.set(day, offset);
    }
    if (typeof offset === "number") return offset;
    const [at, before, after] = offset;
    return ms < at ? before : after;
  }

  /** The day's offset, or its change: at most one a day (see above). */
  private offsetOfDay(day: number): number | OffsetChange {
    let start = day * DAY_MS;
    let end = start + DAY_MS - 1;
    const before = this.askZone(start);
    const after = this.askZone(end);
    if (before === after) return before;
    // The first millisecond with the new offset: `start` has the old one, `end` the new.
    while (end - start > 1) {
      const middle = Math.floor((start + end) / 2);
      if (this.askZone(middle) === before) start = middle;
      else end = middle;
    }
    return [end, before, after];
  }

  wallClock(date: DateTime): WallClock | undefined {
    let clock = this.clocks.get(date);
    if (clock === undefined) {
      clock = this.computeWallClock(date) ?? null;
      this.clocks.set(date, clock);
    }
    return clock ?? undefined;
  }

  private computeWallClock(date: DateTime): WallClock | undefined {
    const ms = date.toMillis();
    // An invalid DateTime (NaN) goes to luxon, and no NaN week into the kept offsets.
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
 * written out, as asking Intl for them costs a build 13 ms of locale loading.
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

// Dates of WordPress items and comments, as the content contract writes them: ISO 8601
// with the offset of that very item. WordPress stores each date twice, in the blog's local
// time then ("post_date") and in UTC ("post_date_gmt"); their difference is the offset the
// blog had when it was written, which changes with summer time and with the blog's
// settings over the years, so there is no single offset for a whole export.
// An unpublished item has no UTC date ("0000-00-00 00:00:00"): its local date is read in
// the --timezone given to the command.
import { DateTime } from "luxon";

const WORDPRESS_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
/** Offsets that exist on Earth: from −12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

export type WordPressDate = { ok: true; iso: string; note?: string } | { ok: false; reason: string };

function utcMillis(text: string): number | undefined {
  const match = WORDPRESS_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year === 0) return undefined;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(millis);
  // 2011-02-31 is no date: Date.UTC would make it 3 March.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return undefined;
  return millis;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2010-07-21T10:00:00+02:00": the local wall time `local` at `offsetMinutes` from UTC. */
function isoWithOffset(localMillis: number, offsetMinutes: number): string {
  const d = new Date(localMillis);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}` +
    `T${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}:${twoDigits(d.getUTCSeconds())}` +
    `${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`
  );
}

/** Whether `zone` is a time zone luxon knows ("Europe/Paris"). */
export function isKnownTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * The date of an item or comment from its local and UTC dates; when the UTC date is
 * missing or gives an offset no place has, the local date read in `timeZone` (said in
 * `note`, for the report).
 */
export function wordPressDate(local: string, gmt: string, timeZone: string): WordPressDate {
  const localMillis = utcMillis(local);
  const gmtMillis = utcMillis(gmt);
  if (localMillis !== undefined && gmtMillis !== undefined) {
    const offset = Math.round((localMillis - gmtMillis) / 60_000);
    if (Math.abs(offset) <= MAX_OFFSET_MINUTES) return { ok: true, iso: isoWithOffset(localMillis, offset) };
  }
  if (localMillis !== undefined) {
    const zoned = DateTime.fromMillis(localMillis, { zone: "utc" }).setZone(timeZone, {
      keepLocalTime: true,
    });
    if (!zoned.isValid) return { ok: false, reason: `unknown time zone ${timeZone}` };
    const iso = isoWithOffset(localMillis, zoned.offset);
    if (gmtMillis === undefined) return { ok: true, iso };
    return {
      ok: true,
      iso,
      note: `date GMT ${gmt} à plus de 14 h de la date locale ${local} : date locale lue dans ${timeZone}`,
    };
  }
  if (gmtMillis !== undefined)
    return {
      ok: true,
      iso: isoWithOffset(gmtMillis, 0),
      note: `date locale illisible (${local}) : date GMT gardée, en UTC`,
    };
  return { ok: false, reason: `no readable date (local "${local}", GMT "${gmt}")` };
}

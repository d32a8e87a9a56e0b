// The date written into a new post or comment: now, in the blog's time zone, with its
// offset and to the minute, as authors write dates by hand ("2010-07-23T14:32+02:00").
import { DateTime } from "luxon";
import { SITE_ZONE } from "../format/dates.ts";

// Paris's wall clock, its seconds left out (not machineDateTime of an instant rounded to the
// minute: at a change of offset, the minute's start can fall under the previous offset).
export function authoringDate(now: Date): string {
  return DateTime.fromJSDate(now).setZone(SITE_ZONE).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

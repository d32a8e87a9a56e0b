// The date written into a new post or comment: now, in the blog's time zone, with its
// offset and to the minute, as authors write dates by hand ("2010-07-23T14:32+02:00"):
// the form the pages' <time datetime> attributes use, the seconds dropped.
import { DateTime } from "luxon";
import { machineDateTime } from "../format/dates.ts";

export function authoringDate(now: Date): string {
  return machineDateTime(DateTime.fromJSDate(now).startOf("minute"));
}

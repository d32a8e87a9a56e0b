// The date a feed says it was last updated: that of its newest entry, never the clock's,
// so that building the same commit twice gives the same bytes. A feed with no entry yet
// (only drafts, or a new blog) says the Unix epoch.

const NO_DATE = new Date(0);

export function newestDate(items: readonly { date: Date }[] | undefined): Date {
  if (!items || items.length === 0) return NO_DATE;
  return new Date(Math.max(...items.map((item) => item.date.getTime())));
}

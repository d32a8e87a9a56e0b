// The site zone's UTC offsets, kept from one build to the next. A build turns every date
// into Paris time; the offsets come from Intl, whose first use loads ICU's data (10–15
// ms, a tenth of the seed site's start-up beyond bare Eleventy's). They depend only on
// the zone and the time zone database Node carries, so they are kept in a file named by
// both (`process.versions.tz`): a Node with other time zone data uses another file.
// Beside the launcher's bundles (scripts/eleventy.js); like them, only a cache: a
// missing, unreadable or malformed file is ignored and the offsets asked for again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CACHE_DIR, writeCacheFile } from "./build-cache.js";
import { rememberSiteZoneOffsets, SITE_ZONE, siteZoneOffsetsIfLearned } from "../format/dates.ts";
import type { OffsetChange, ZoneOffsets } from "../format/site-clock.ts";

// In the file's name: bumped when what the entries mean changes (how weeks are counted,
// what a day's change holds), so that no build reads a file of another meaning.
const FORMAT = "v1";

/** The file for this zone and time zone database; undefined without one (Node without ICU). */
export function siteZoneCacheFile(projectRoot: string, tzVersion = process.versions.tz): string | undefined {
  if (!tzVersion) return undefined;
  return join(projectRoot, CACHE_DIR, `site-zone.${FORMAT}.${SITE_ZONE.replace(/\W/g, "-")}.tz-${tzVersion}.json`);
}

function isWeek(entry: unknown): entry is ZoneOffsets["weeks"][number] {
  return Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && (entry[1] === null || Number.isFinite(entry[1]));
}

function isOffsetChange(value: unknown): value is OffsetChange {
  return Array.isArray(value) && value.length === 3 && Number.isInteger(value[0]) && Number.isFinite(value[1]) && Number.isFinite(value[2]);
}

function isDay(entry: unknown): entry is ZoneOffsets["days"][number] {
  return Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && (Number.isFinite(entry[1]) || isOffsetChange(entry[1]));
}

/** The offsets in `text`, if it holds what saveSiteZoneOffsets writes. */
export function parseZoneOffsets(text: string): ZoneOffsets | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { weeks, days } = (data ?? {}) as Partial<Record<keyof ZoneOffsets, unknown>>;
  if (!Array.isArray(weeks) || !Array.isArray(days) || !weeks.every(isWeek) || !days.every(isDay)) return undefined;
  return { weeks, days };
}

/** The offsets `file` holds, if it can be read and holds what saveSiteZoneOffsets writes. */
function offsetsIn(file: string): ZoneOffsets | undefined {
  try {
    return parseZoneOffsets(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Gives the site's clock the offsets kept by an earlier build, if any. */
export function loadSiteZoneOffsets(projectRoot: string = process.cwd()): void {
  const file = siteZoneCacheFile(projectRoot);
  const offsets = file && offsetsIn(file);
  if (offsets) rememberSiteZoneOffsets(offsets);
}

/**
 * Keeps the offsets this process asked Intl for, if it asked any, with those it was
 * given and those the file holds now (the comment worker's thread saves too).
 */
export function saveSiteZoneOffsets(projectRoot: string = process.cwd()): void {
  const file = siteZoneCacheFile(projectRoot);
  const learned = file && siteZoneOffsetsIfLearned();
  if (!file || !learned) return;
  const kept = offsetsIn(file);
  const offsets: ZoneOffsets = kept ? { weeks: [...new Map([...kept.weeks, ...learned.weeks])], days: [...new Map([...kept.days, ...learned.days])] } : learned;
  try {
    // Whole or not at all: the main thread and the comment worker may save at once.
    writeCacheFile(file, JSON.stringify(offsets));
  } catch {
    // A read-only node_modules, a full disk: the next build asks Intl again.
  }
}

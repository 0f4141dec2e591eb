// Copenhagen wall-clock time, the one home of the centres' time zone. Every centre is in
// Denmark, so every local date, weekday and wall-clock minute in the product is Copenhagen
// time. Date-only arithmetic happens on UTC midnights, where no daylight-saving change can
// move a date.
import { DateTime, IANAZone } from "luxon";

export const CENTRE_TIME_ZONE = "Europe/Copenhagen";

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type DisplayLocale = "da" | "en";

const centreZone = IANAZone.create(CENTRE_TIME_ZONE);
const zoneOffsetCache = new Map<number, number>();
const wallClockCache = new Map<string, number>();
const ZONE_OFFSET_CACHE_LIMIT = 100_000;
const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const WEEKDAY_NAMES: Record<DisplayLocale, readonly string[]> = {
  // Danish weekday names are lower-case in running text; the UI capitalises labels if it wants.
  da: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

/** The Copenhagen calendar date of an instant, as `yyyy-mm-dd`. */
export function localDateOf(instant: Date): string {
  return localClockOf(instant).toISOString().slice(0, 10);
}

/** Whole minutes since Copenhagen midnight of an instant (seconds are dropped). */
export function localMinuteOf(instant: Date): number {
  const local = localClockOf(instant);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Local wall-clock time as 24-hour "21:00". */
export function formatClock(date: Date, _locale: DisplayLocale): string {
  // Both languages show 24-hour "21:00" (Intl's da-DK would print "21.00", which the design
  // avoids); arithmetic on the cached offset, as a search formats it for every row.
  const local = localClockOf(date);
  return `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
}

export function formatWeekdayName(weekday: IsoWeekday, locale: DisplayLocale): string {
  const name = WEEKDAY_NAMES[locale][weekday - 1];
  if (name === undefined) throw new RangeError(`Weekday must be 1..7, got ${weekday}`);
  return name;
}

/**
 * The instant a Copenhagen wall-clock time on a local date happens; minuteOfDay may pass 1440.
 *
 * Wall-clock times that do not map to exactly one instant follow RFC 5545 §3.3.5 (Temporal's
 * "compatible" disambiguation), so an instant computed here and a DTSTART written with
 * TZID=Europe/Copenhagen agree:
 * - a time inside the spring-forward gap (02:00–02:59 on the last Sunday of March) is read
 *   with the offset before the gap, i.e. it shifts forward by an hour: 02:30 becomes 03:30 CEST;
 * - a time that occurs twice (02:00–02:59 on the last Sunday of October) is the first
 *   occurrence, still in summer time (CEST).
 */
export function instantAtWallClock(date: string, minuteOfDay: number): Date {
  // Every centre of a search asks for the same few dates and minutes.
  const key = `${date} ${minuteOfDay}`;
  let instant = wallClockCache.get(key);
  if (instant === undefined) {
    instant = computeInstantAtWallClock(date, minuteOfDay);
    if (wallClockCache.size >= ZONE_OFFSET_CACHE_LIMIT) wallClockCache.clear();
    wallClockCache.set(key, instant);
  }
  return new Date(instant);
}

/**
 * The instant at which Copenhagen clocks show `minute` (0–1440) on `date`, checking both:
 * a malformed date or minute is a RangeError. See {@link instantAtWallClock} for times that
 * fall in a daylight-saving gap or occur twice.
 */
export function zonedDateTime(date: string, minute: number): Date {
  parseLocalDate(date);
  if (!Number.isInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
    throw new RangeError(`minute must be a whole number from 0 to ${MINUTES_PER_DAY}, got ${minute}`);
  }
  return instantAtWallClock(date, minute);
}

/** A `yyyy-mm-dd` date as a UTC midnight, for date-only arithmetic; anything else is a RangeError. */
export function parseLocalDate(date: string): DateTime {
  const parsed = DateTime.fromISO(date, { zone: "utc" });
  if (!LOCAL_DATE_PATTERN.test(date) || !parsed.isValid) {
    throw new RangeError(`expected a date as yyyy-mm-dd, got "${date}"`);
  }
  return parsed;
}

// Calendar arithmetic on UTC midnights has no DST to trip over.
export function addDays(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * MILLISECONDS_PER_DAY);
  return shifted.toISOString().slice(0, 10);
}

export function isoWeekdayOf(date: string): IsoWeekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (sundayFirst === 0 ? 7 : sundayFirst) as IsoWeekday;
}

/** The instant shifted by the Copenhagen offset: its UTC fields read as the local wall clock. */
function localClockOf(instant: Date): Date {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("invalid Date");
  return new Date(time + zoneOffsetMinutes(time) * MILLISECONDS_PER_MINUTE);
}

function computeInstantAtWallClock(date: string, minuteOfDay: number): number {
  const wallClockAsUtc = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MILLISECONDS_PER_MINUTE;
  const offsetBefore = zoneOffsetMinutes(wallClockAsUtc - MILLISECONDS_PER_DAY);
  const offsetAfter = zoneOffsetMinutes(wallClockAsUtc + MILLISECONDS_PER_DAY);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => wallClockAsUtc - offset * MILLISECONDS_PER_MINUTE)
    .filter((instant) => instant + zoneOffsetMinutes(instant) * MILLISECONDS_PER_MINUTE === wallClockAsUtc);
  if (matching.length === 0) {
    // Spring forward (last Sunday of March): 02:00–02:59 does not exist. Reading it with the
    // winter offset moves it forward by the gap, so 02:30 becomes 03:30 summer time.
    return wallClockAsUtc - offsetBefore * MILLISECONDS_PER_MINUTE;
  }
  // Autumn back (last Sunday of October): 02:00–02:59 happens twice; take the first occurrence,
  // the earlier instant, still on summer time.
  return Math.min(...matching);
}

// A search asks for the same instants for every centre (they share the window's days), and
// luxon formats a date for every offset lookup, so remember offsets per exact instant.
function zoneOffsetMinutes(instant: number): number {
  let offset = zoneOffsetCache.get(instant);
  if (offset === undefined) {
    offset = centreZone.offset(instant);
    if (zoneOffsetCache.size >= ZONE_OFFSET_CACHE_LIMIT) zoneOffsetCache.clear();
    zoneOffsetCache.set(instant, offset);
  }
  return offset;
}

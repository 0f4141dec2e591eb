// Slots, visiting windows and weekly series of the visits module, all in Copenhagen wall-clock time.
import { isoWeekdayOf, localDateOf, parseLocalDate, zonedDateTime } from "../../shared/copenhagen-time.ts";

/** Two years of weekly visits; a longer series is almost certainly a typo in the end date. */
export const MAX_SERIES_OCCURRENCES = 104;

export type TimeRange = { startsAt: Date; endsAt: Date };

export type Occurrence = { date: string; startsAt: Date; endsAt: Date };

export type WeeklySeriesInput = {
  firstDate: string;
  startMinute: number;
  endMinute: number;
  weeks?: number;
  untilDate?: string;
};

/** `weekday` is ISO: 1 = Monday … 7 = Sunday. Minutes count from local midnight; 1440 means 24:00. */
export type VisitingWindow = { weekday: number; startMinute: number; endMinute: number };

/**
 * Half-open ranges [startsAt, endsAt): a visit ending at 12:00 and one starting at 12:00 do not
 * overlap. An empty range overlaps nothing, matching PostgreSQL's `tstzrange &&`, so this agrees
 * with the database's exclusion constraint.
 */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  const isEmpty = (range: TimeRange) => !(range.startsAt.getTime() < range.endsAt.getTime());
  if (isEmpty(a) || isEmpty(b)) return false;
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * A weekly series on the weekday of `firstDate`, always at the same Copenhagen wall-clock time
 * ("Tuesdays 10–12" is 10:00–12:00 in winter and summer alike, so its UTC instants move by an
 * hour across daylight-saving changes). Give exactly one of `weeks` (number of occurrences) or
 * `untilDate` (inclusive last date). A series longer than {@link MAX_SERIES_OCCURRENCES} is
 * refused rather than silently cut short, so nobody believes they booked a date they did not.
 * See `instantAtWallClock` (shared/copenhagen-time.ts) for times that fall in a daylight-saving gap.
 */
export function weeklyOccurrences(input: WeeklySeriesInput): Occurrence[] {
  const { firstDate, startMinute, endMinute, weeks, untilDate } = input;
  const first = parseLocalDate(firstDate);
  if (!(startMinute < endMinute)) {
    throw new RangeError(`startMinute (${startMinute}) must be before endMinute (${endMinute})`);
  }
  if (weeks !== undefined && untilDate !== undefined) {
    throw new RangeError("give exactly one of weeks or untilDate, not both");
  }

  let count: number;
  if (weeks !== undefined) {
    if (!Number.isInteger(weeks) || weeks < 1) {
      throw new RangeError(`weeks must be a whole number of at least 1, got ${weeks}`);
    }
    count = weeks;
  } else if (untilDate !== undefined) {
    const daysSpanned = Math.round(parseLocalDate(untilDate).diff(first, "days").days);
    if (daysSpanned < 0) throw new RangeError(`untilDate ${untilDate} is before firstDate ${firstDate}`);
    count = Math.floor(daysSpanned / 7) + 1;
  } else {
    throw new RangeError("give exactly one of weeks or untilDate");
  }
  if (count > MAX_SERIES_OCCURRENCES) {
    throw new RangeError(`a series has at most ${MAX_SERIES_OCCURRENCES} occurrences, this one has ${count}`);
  }

  return Array.from({ length: count }, (_, index) => {
    const date = first.plus({ weeks: index }).toISODate() as string;
    const startsAt = zonedDateTime(date, startMinute);
    const endsAt = zonedDateTime(date, endMinute);
    // Only on the spring-forward night, when the start falls in the gap and the end just after
    // it: 02:30–03:00 would become 03:30–03:00.
    if (!(startsAt.getTime() < endsAt.getTime())) {
      throw new RangeError(`the occurrence on ${date} does not exist on Copenhagen clocks`);
    }
    return { date, startsAt, endsAt };
  });
}

/**
 * True when the slot lies wholly inside one visiting window on its own Copenhagen date and that
 * date is not closed. Compared as instants, so seconds, 24:00 and daylight-saving days need no
 * special cases; a slot crossing local midnight never fits.
 */
export function fitsInWindow(slot: TimeRange, windows: VisitingWindow[], closedDates: string[]): boolean {
  if (!(slot.startsAt.getTime() < slot.endsAt.getTime())) return false;
  const date = localDateOf(slot.startsAt);
  if (closedDates.includes(date)) return false;
  const weekday = isoWeekdayOf(date);
  return windows.some(
    (window) =>
      window.weekday === weekday &&
      zonedDateTime(date, window.startMinute).getTime() <= slot.startsAt.getTime() &&
      slot.endsAt.getTime() <= zonedDateTime(date, window.endMinute).getTime(),
  );
}

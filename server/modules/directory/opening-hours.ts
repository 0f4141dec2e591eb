// Opening hours of a centre as concrete instants. Schedules are wall-clock times in
// Europe/Copenhagen; every function takes the instant it reasons about from the caller's clock.
import { addDays, instantAtWallClock, isoWeekdayOf, localDateOf, type IsoWeekday } from "../../shared/copenhagen-time.ts";
import { commonlyClosedDayOn, publicHolidayOn } from "./holidays.ts";

export type Staffing = "STAFFED" | "VOLUNTEERS";
export type HolidayPolicy = "CLOSED" | "NORMAL_HOURS" | "SPECIAL_HOURS";

export interface OpeningPeriod {
  weekday: IsoWeekday;
  /** Minutes after local midnight, 0..1439. */
  startMinute: number;
  /** Minutes after local midnight, 1..1440; on the next day when isOvernight. */
  endMinute: number;
  isOvernight: boolean;
  staffing: Staffing;
}

export interface OpeningException {
  /** Local calendar date, yyyy-mm-dd. */
  date: string;
  kind: "CLOSED" | "SPECIAL_HOURS";
  startMinute: number | null;
  endMinute: number | null;
}

export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

export interface OpeningSchedule {
  periods: readonly OpeningPeriod[];
  exceptions: readonly OpeningException[];
  publicHolidayPolicy: HolidayPolicy;
  publicHolidaySpecialHours: MinuteRange | null;
  commonClosedDaysPolicy: HolidayPolicy;
  commonClosedDaysSpecialHours: MinuteRange | null;
}

export interface OpenInterval {
  start: Date;
  end: Date;
  staffing: Staffing;
}

export interface OpeningStatus {
  isOpen: boolean;
  closesAt: Date | null;
  opensNextAt: Date | null;
  staffing: Staffing | null;
}

/** Rows are ISO weekdays (index 0 = Monday), columns local hours 0..23. */
export type CoverageMatrix = number[][];

export interface CoverageGap {
  weekday: IsoWeekday;
  startHour: number;
  /** Exclusive; 24 means until midnight. */
  endHour: number;
}

export type OpeningPeriodIssueCode = "OVERLAP" | "END_BEFORE_START" | "TOO_LONG" | "TOO_SHORT";

export interface OpeningPeriodIssue {
  index: number;
  field: keyof OpeningPeriod;
  code: OpeningPeriodIssueCode;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const HOURS_PER_DAY = 24;
const STATUS_LOOKAHEAD_DAYS = 14;
const STATUS_FIRST_LOOK_DAYS = 2;
const SHORTEST_PERIOD_MINUTES = 15;
const LONGEST_PERIOD_MINUTES = 16 * 60;

/** An opening of one local date, in minutes after that date's midnight (may pass 1440). */
interface DailyOpening {
  startMinute: number;
  endMinute: number;
  staffing: Staffing;
}

/** Every opening interval overlapping [from, to), sorted by start; nothing is merged. */
export function openIntervalsBetween(
  schedule: OpeningSchedule,
  from: Date,
  to: Date,
): OpenInterval[] {
  assertWindow(from, to);
  if (from.getTime() === to.getTime()) return [];
  // Start a day early: an overnight opening of the previous date spills into the window.
  const firstDate = addDays(localDateOf(from), -1);
  const lastDate = localDateOf(to);
  const intervals: OpenInterval[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const interval of intervalsOnDate(schedule, date)) {
      if (interval.start < to && interval.end > from) {
        intervals.push(interval);
      }
    }
  }
  return intervals.sort(
    (left, right) =>
      left.start.getTime() - right.start.getTime() || left.end.getTime() - right.end.getTime(),
  );
}

/** Whether the centre is open at an instant, until when, and when it opens next. */
export function openingStatusAt(schedule: OpeningSchedule, at: Date): OpeningStatus {
  // Most answers lie within a day or two; look two weeks ahead only when the short look finds no
  // end or no next opening. Same answer: the short window's intervals are exactly the long
  // window's intervals that start before its end.
  const soon = statusWithin(schedule, at, STATUS_FIRST_LOOK_DAYS);
  if (soon.isOpen ? soon.closesAt !== null && soon.opensNextAt !== null : soon.opensNextAt !== null) return soon;
  return statusWithin(schedule, at, STATUS_LOOKAHEAD_DAYS);
}

function statusWithin(schedule: OpeningSchedule, at: Date, days: number): OpeningStatus {
  const horizon = new Date(at.getTime() + days * MILLISECONDS_PER_DAY);
  const intervals = openIntervalsBetween(schedule, at, horizon);
  const current = intervals.filter((interval) => interval.start <= at && at < interval.end);
  if (current.length === 0) {
    const opensNextAt = firstStartAfter(intervals, at);
    return { isOpen: false, closesAt: null, opensNextAt, staffing: null };
  }
  const stretchEnd = endOfOpenStretch(intervals, at);
  // Still open at the horizon: a later touching interval may extend it, so we don't guess.
  const closesAt = stretchEnd < horizon ? stretchEnd : null;
  return {
    isOpen: true,
    closesAt,
    opensNextAt: closesAt ? firstStartAfter(intervals, closesAt) : null,
    staffing: current.some(isStaffed) ? "STAFFED" : "VOLUNTEERS",
  };
}

/** True if any opening interval overlaps [from, to). */
export function isOpenDuring(schedule: OpeningSchedule, from: Date, to: Date): boolean {
  return openIntervalsBetween(schedule, from, to).length > 0;
}

/** How many schedules are open at some moment of each local hour of the week containing weekStart. */
export function weekHourCoverage(
  schedules: readonly OpeningSchedule[],
  weekStart: Date,
): CoverageMatrix {
  const monday = mondayOfLocalWeek(weekStart);
  const weekFrom = instantAtWallClock(monday, 0);
  const weekTo = instantAtWallClock(addDays(monday, 7), 0);
  const intervalsPerSchedule = schedules.map((schedule) =>
    openIntervalsBetween(schedule, weekFrom, weekTo),
  );
  return Array.from({ length: 7 }, (_, dayIndex) => {
    const date = addDays(monday, dayIndex);
    return Array.from({ length: HOURS_PER_DAY }, (_, hour) => {
      const slotStart = instantAtWallClock(date, hour * 60);
      const slotEnd = instantAtWallClock(date, (hour + 1) * 60);
      return intervalsPerSchedule.filter((intervals) =>
        intervals.some((interval) => touchesSlot(interval, slotStart, slotEnd)),
      ).length;
    });
  });
}

/** Runs of local hours, within each weekday, where no schedule is open. */
export function coverageGaps(matrix: CoverageMatrix): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  matrix.forEach((hours, dayIndex) => {
    const weekday = (dayIndex + 1) as IsoWeekday;
    let gapStart: number | null = null;
    hours.forEach((count, hour) => {
      if (count === 0 && gapStart === null) gapStart = hour;
      if (count > 0 && gapStart !== null) {
        gaps.push({ weekday, startHour: gapStart, endHour: hour });
        gapStart = null;
      }
    });
    if (gapStart !== null) gaps.push({ weekday, startHour: gapStart, endHour: hours.length });
  });
  return gaps;
}

/** Checks weekly periods: lengths, end after start, and no overlap (overnight spill included). */
export function validateOpeningPeriods(periods: readonly OpeningPeriod[]): OpeningPeriodIssue[] {
  const issues: OpeningPeriodIssue[] = [];
  // A malformed period has no meaningful span, so it is not compared for overlaps.
  const wellFormed: OpeningPeriod[] = [];
  periods.forEach((period, index) => {
    const lengthIssue = lengthIssueOf(period);
    if (lengthIssue) {
      issues.push({ index, field: "endMinute", code: lengthIssue });
      return;
    }
    if (wellFormed.some((earlier) => periodsOverlap(earlier, period))) {
      issues.push({ index, field: "startMinute", code: "OVERLAP" });
    }
    wellFormed.push(period);
  });
  return issues;
}

function intervalsOnDate(schedule: OpeningSchedule, date: string): OpenInterval[] {
  return openingsOnDate(schedule, date).flatMap((opening) => {
    const start = instantAtWallClock(date, opening.startMinute);
    const end = instantAtWallClock(date, opening.endMinute);
    // A period lying wholly or partly in the spring-forward gap can collapse; drop what is empty.
    return end > start ? [{ start, end, staffing: opening.staffing }] : [];
  });
}

// Precedence: the date's exception > public holiday policy > commonly closed day policy > weekly periods.
function openingsOnDate(schedule: OpeningSchedule, date: string): DailyOpening[] {
  const exceptions = schedule.exceptions.filter((exception) => exception.date === date);
  if (exceptions.length > 0) return openingsFromExceptions(schedule, exceptions);
  const weekly = weeklyOpeningsOn(schedule.periods, isoWeekdayOf(date));
  if (publicHolidayOn(date)) {
    const { publicHolidayPolicy, publicHolidaySpecialHours } = schedule;
    return openingsUnderPolicy(schedule, publicHolidayPolicy, publicHolidaySpecialHours, weekly);
  }
  if (commonlyClosedDayOn(date)) {
    const { commonClosedDaysPolicy, commonClosedDaysSpecialHours } = schedule;
    return openingsUnderPolicy(schedule, commonClosedDaysPolicy, commonClosedDaysSpecialHours, weekly);
  }
  return weekly;
}

function openingsFromExceptions(
  schedule: OpeningSchedule,
  exceptions: readonly OpeningException[],
): DailyOpening[] {
  // A closure wins over special hours registered for the same date.
  if (exceptions.some((exception) => exception.kind === "CLOSED")) return [];
  return exceptions.flatMap(({ startMinute, endMinute }) =>
    // Special hours without times cannot be shown as open, so they add nothing.
    startMinute === null || endMinute === null
      ? []
      : [specialOpening(schedule, { startMinute, endMinute })],
  );
}

function openingsUnderPolicy(
  schedule: OpeningSchedule,
  policy: HolidayPolicy,
  specialHours: MinuteRange | null,
  weekly: DailyOpening[],
): DailyOpening[] {
  switch (policy) {
    case "CLOSED":
      return [];
    case "NORMAL_HOURS":
      return weekly;
    case "SPECIAL_HOURS":
      // Special hours without times cannot be shown as open, so the day reads as closed.
      return specialHours ? [specialOpening(schedule, specialHours)] : [];
  }
}

function weeklyOpeningsOn(periods: readonly OpeningPeriod[], weekday: IsoWeekday): DailyOpening[] {
  return periods
    .filter((period) => period.weekday === weekday)
    .map((period) => ({
      startMinute: period.startMinute,
      endMinute: period.isOvernight ? period.endMinute + MINUTES_PER_DAY : period.endMinute,
      staffing: period.staffing,
    }));
}

function specialOpening(schedule: OpeningSchedule, hours: MinuteRange): DailyOpening {
  // Special hours carry no end-of-day flag: an end before the start means it runs past midnight.
  const endMinute =
    hours.endMinute < hours.startMinute ? hours.endMinute + MINUTES_PER_DAY : hours.endMinute;
  return { startMinute: hours.startMinute, endMinute, staffing: specialHoursStaffing(schedule) };
}

// Special hours record no staffing. Promising staff who may not be there misleads a referral,
// so they count as staffed only when every weekly period of the centre is staffed.
function specialHoursStaffing(schedule: OpeningSchedule): Staffing {
  const isAlwaysStaffed = schedule.periods.length > 0 && schedule.periods.every(isStaffed);
  return isAlwaysStaffed ? "STAFFED" : "VOLUNTEERS";
}

function mondayOfLocalWeek(instant: Date): string {
  const date = localDateOf(instant);
  return addDays(date, 1 - isoWeekdayOf(date));
}

function isStaffed(opening: { staffing: Staffing }): boolean {
  return opening.staffing === "STAFFED";
}

function endOfOpenStretch(sortedIntervals: readonly OpenInterval[], at: Date): Date {
  let end = at;
  for (const interval of sortedIntervals) {
    if (interval.start > end) break;
    if (interval.end > end) end = interval.end;
  }
  return end;
}

function firstStartAfter(sortedIntervals: readonly OpenInterval[], instant: Date): Date | null {
  return sortedIntervals.find((interval) => interval.start > instant)?.start ?? null;
}

// A nonexistent hour (spring forward) has no moments; it shows what is open at the transition.
function touchesSlot(interval: OpenInterval, slotStart: Date, slotEnd: Date): boolean {
  if (slotEnd <= slotStart) return interval.start <= slotStart && slotStart < interval.end;
  return interval.start < slotEnd && interval.end > slotStart;
}

function lengthIssueOf(period: OpeningPeriod): OpeningPeriodIssueCode | null {
  if (!period.isOvernight && period.endMinute <= period.startMinute) return "END_BEFORE_START";
  const length = periodLength(period);
  if (length < SHORTEST_PERIOD_MINUTES) return "TOO_SHORT";
  if (length > LONGEST_PERIOD_MINUTES) return "TOO_LONG";
  return null;
}

function periodLength(period: OpeningPeriod): number {
  return period.isOvernight
    ? MINUTES_PER_DAY - period.startMinute + period.endMinute
    : period.endMinute - period.startMinute;
}

// Periods are placed on a week of minutes from Monday 00:00; Sunday's overnight spill wraps to Monday.
function periodsOverlap(first: OpeningPeriod, second: OpeningPeriod): boolean {
  const firstStart = (first.weekday - 1) * MINUTES_PER_DAY + first.startMinute;
  const secondStart = (second.weekday - 1) * MINUTES_PER_DAY + second.startMinute;
  const firstEnd = firstStart + periodLength(first);
  const secondEnd = secondStart + periodLength(second);
  return [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some(
    (shift) => firstStart < secondEnd + shift && secondStart + shift < firstEnd,
  );
}

function assertWindow(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new RangeError("Opening hours need valid instants");
  }
  if (to < from) throw new RangeError("The end of the window is before its start");
}

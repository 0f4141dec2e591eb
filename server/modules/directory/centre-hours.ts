// Opening hours as people read them: a weekly summary, the coming special days (exceptions and
// computed public holidays), a one-line status, and the coordinator's week × hour coverage.
import type { OpeningPeriod } from "../../generated/prisma/client.ts";
import type { TermCode as TargetGroup } from "./directory-search.ts";
import type { Prisma } from "../../db/database.ts";
import type { LocalizedText } from "../../shared/errors.ts";
import {
  dateColumnOf,
  isoDateOf,
  localDateTime,
  localIsoDate,
  scheduleOf,
  SCHEDULE_INCLUDE,
  startOfLocalDay,
  type CentreWithSchedule,
} from "./centre-schedule.ts";
import { formatMinuteOfDay } from "./directory-labels.ts";
import { commonlyClosedDayOn, publicHolidayOn } from "./holidays.ts";
import { coverageCentreIds } from "./directory-query.ts";
import { coverageGaps, openIntervalsBetween, weekHourCoverage, type HolidayPolicy, type OpeningStatus } from "./opening-hours.ts";
import { addDays, formatClock, formatWeekdayName, instantAtWallClock, type IsoWeekday } from "../../shared/copenhagen-time.ts";

export interface WeekdayHours {
  weekday: IsoWeekday;
  labelDa: string;
  labelEn: string;
  periods: OpeningPeriod[];
  textDa: string;
  textEn: string;
}

export type UpcomingDayKind = "EXCEPTION" | "PUBLIC_HOLIDAY" | "COMMONLY_CLOSED_DAY";

export interface UpcomingDay {
  date: string;
  kind: UpcomingDayKind;
  nameDa: string;
  nameEn: string;
  /** The centre's policy for a holiday or commonly closed day; null for an exception. */
  policy: HolidayPolicy | null;
  isClosed: boolean;
  hoursDa: string;
  hoursEn: string;
  reason: string | null;
}

export interface CoverageHour {
  hour: number;
  openCount: number;
  centreIds: string[];
}

export interface CoverageDay {
  weekday: IsoWeekday;
  date: string;
  labelDa: string;
  labelEn: string;
  hours: CoverageHour[];
}

export interface CoverageGapText {
  weekday: IsoWeekday;
  startHour: number;
  endHour: number;
  da: string;
  en: string;
}

export interface Coverage {
  targetGroup: TargetGroup;
  weekStart: string;
  days: CoverageDay[];
  gaps: CoverageGapText[];
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** One entry per weekday, Monday first, with the periods and a "09:00–15:00" summary. */
export function weeklyHours(periods: readonly OpeningPeriod[]): WeekdayHours[] {
  return WEEKDAYS.map((weekday) => {
    const ofDay = periods
      .filter((period) => period.weekday === weekday)
      .sort((left, right) => left.startMinute - right.startMinute);
    const spans = ofDay.map((period) => ({
      clock: `${formatMinuteOfDay(period.startMinute)}–${formatMinuteOfDay(period.endMinute)}`,
      isVolunteers: period.staffing === "VOLUNTEERS",
    }));
    const text = (closed: string, volunteers: string) =>
      spans.length === 0 ? closed : spans.map((span) => (span.isVolunteers ? `${span.clock} (${volunteers})` : span.clock)).join(", ");
    return {
      weekday,
      labelDa: formatWeekdayName(weekday, "da"),
      labelEn: formatWeekdayName(weekday, "en"),
      periods: ofDay,
      textDa: text("lukket", "frivillige"),
      textEn: text("closed", "volunteers"),
    };
  });
}

/** Exceptions, public holidays and commonly closed days from the local date of `from`, with what the centre does. */
export function upcomingDays(centre: CentreWithSchedule, from: Date, days: number): UpcomingDay[] {
  const schedule = scheduleOf(centre);
  const firstDate = localDateTime(from).startOf("day");
  const result: UpcomingDay[] = [];
  for (let offset = 0; offset < days; offset++) {
    const day = firstDate.plus({ days: offset });
    const date = day.toFormat("yyyy-MM-dd");
    const exception = centre.openingExceptions.find((candidate) => isoDateOf(candidate.date) === date);
    const holiday = publicHolidayOn(date);
    const closedDay = holiday ? null : commonlyClosedDayOn(date);
    if (!exception && !holiday && !closedDay) continue;
    const dayStart = day.toJSDate();
    const dayEnd = day.plus({ days: 1 }).toJSDate();
    // What the computed schedule says for the day: openings that start on it (spill-over from the night before excluded).
    const intervals = openIntervalsBetween(schedule, dayStart, dayEnd).filter((interval) => interval.start >= dayStart);
    const hours = intervals.map((interval) => `${formatClock(interval.start, "da")}–${formatClock(interval.end, "da")}`).join(", ");
    const base = {
      date,
      isClosed: intervals.length === 0,
      hoursDa: intervals.length === 0 ? "lukket" : hours,
      hoursEn: intervals.length === 0 ? "closed" : hours,
    };
    if (exception) {
      const isClosure = exception.kind === "CLOSED";
      result.push({
        ...base,
        kind: "EXCEPTION",
        nameDa: holiday?.nameDa ?? closedDay?.nameDa ?? (isClosure ? "Lukkedag" : "Særlige åbningstider"),
        nameEn: holiday?.nameEn ?? closedDay?.nameEn ?? (isClosure ? "Closed day" : "Special opening hours"),
        policy: null,
        reason: exception.reason,
      });
    } else if (holiday) {
      result.push({ ...base, kind: "PUBLIC_HOLIDAY", nameDa: holiday.nameDa, nameEn: holiday.nameEn, policy: centre.publicHolidayPolicy, reason: null });
    } else if (closedDay) {
      result.push({ ...base, kind: "COMMONLY_CLOSED_DAY", nameDa: closedDay.nameDa, nameEn: closedDay.nameEn, policy: centre.commonClosedDaysPolicy, reason: null });
    }
  }
  return result;
}

/** "Åben nu til 21:00" / "Lukket – åbner torsdag 09:00". */
export function statusText(status: OpeningStatus): LocalizedText {
  if (status.isOpen) {
    if (!status.closesAt) return { da: "Åben nu", en: "Open now" };
    return { da: `Åben nu til ${formatClock(status.closesAt, "da")}`, en: `Open now until ${formatClock(status.closesAt, "en")}` };
  }
  if (!status.opensNextAt) return { da: "Lukket", en: "Closed" };
  const weekday = localDateTime(status.opensNextAt).weekday as IsoWeekday;
  return {
    da: `Lukket – åbner ${formatWeekdayName(weekday, "da")} ${formatClock(status.opensNextAt, "da")}`,
    en: `Closed – opens ${formatWeekdayName(weekday, "en")} ${formatClock(status.opensNextAt, "en")}`,
  };
}

/**
 * How many centres for a target group are open in each local hour of the week containing
 * weekOf. The database finds, per hour, the centres open at some moment of it; nothing but
 * the ids per hour reaches Node.
 */
export async function coverageFor(
  prisma: Prisma,
  targetGroup: TargetGroup,
  weekOf: string,
  { withCentreIds = true }: { withCentreIds?: boolean } = {},
): Promise<Coverage> {
  const monday = localDateTime(new Date(`${weekOf}T12:00:00.000Z`)).startOf("week").toFormat("yyyy-MM-dd");
  const slots = WEEKDAYS.flatMap((_, dayIndex) => {
    const date = addDays(monday, dayIndex);
    return Array.from({ length: 24 }, (_unused, hour) => ({
      index: dayIndex * 24 + hour,
      start: instantAtWallClock(date, hour * 60),
      end: instantAtWallClock(date, (hour + 1) * 60),
    }));
  });
  const weekFrom = instantAtWallClock(monday, 0);
  const weekTo = instantAtWallClock(addDays(monday, 7), 0);
  const bySlot = await coverageCentreIds(prisma, targetGroup, weekFrom, weekTo, slots, withCentreIds);
  const matrix = WEEKDAYS.map((_, dayIndex) =>
    Array.from({ length: 24 }, (_unused, hour) => bySlot.get(dayIndex * 24 + hour) ?? { count: 0, ids: [] }),
  );
  return coverageFromMatrix(targetGroup, monday, matrix);
}

/** Reference: the same coverage computed in TypeScript over every centre (the test oracle). */
export async function coverageForReference(prisma: Prisma, targetGroup: TargetGroup, weekOf: string): Promise<Coverage> {
  const centres = await prisma.centre.findMany({
    where: { targetGroups: { has: targetGroup } },
    include: SCHEDULE_INCLUDE,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  // Noon of the given day is inside that local day whatever the offset.
  const reference = new Date(`${weekOf}T12:00:00.000Z`);
  const perCentre = centres.map((centre) => weekHourCoverage([scheduleOf(centre)], reference));
  const monday = localDateTime(reference).startOf("week").toFormat("yyyy-MM-dd");
  const matrix = WEEKDAYS.map((_, dayIndex) =>
    Array.from({ length: 24 }, (_unused, hour) => {
      const ids = centres.filter((_centre, index) => (perCentre[index]?.[dayIndex]?.[hour] ?? 0) > 0).map((centre) => centre.id);
      return { count: ids.length, ids };
    }),
  );
  return coverageFromMatrix(targetGroup, monday, matrix);
}

/** Per day and hour: how many centres are open, and which (empty when they were not asked for). */
function coverageFromMatrix(targetGroup: TargetGroup, monday: string, cells: { count: number; ids: string[] }[][]): Coverage {
  const days = WEEKDAYS.map((weekday, dayIndex) => ({
    weekday,
    date: addDays(monday, dayIndex),
    labelDa: formatWeekdayName(weekday, "da"),
    labelEn: formatWeekdayName(weekday, "en"),
    hours: (cells[dayIndex] ?? []).map((cell, hour) => ({ hour, openCount: cell.count, centreIds: cell.ids })),
  }));
  const totals = cells.map((hours) => hours.map((cell) => cell.count));
  const gaps = coverageGaps(totals).map((gap) => {
    const span = `${String(gap.startHour).padStart(2, "0")}–${String(gap.endHour).padStart(2, "0")}`;
    return {
      ...gap,
      da: `${formatWeekdayName(gap.weekday, "da")} ${span}: intet åbent`,
      en: `${formatWeekdayName(gap.weekday, "en")} ${span}: nothing open`,
    };
  });
  return { targetGroup, weekStart: monday, days, gaps };
}

// Turns a centre's stored opening rows into the OpeningSchedule that opening-hours.ts reasons
// about, and reads local calendar days of Europe/Copenhagen.
import { DateTime } from "luxon";
import type { Transaction } from "../../db/database.ts";
import type { Centre, OpeningException, OpeningPeriod } from "../../generated/prisma/client.ts";
import type { MinuteRange, OpeningSchedule } from "./opening-hours.ts";
import { CENTRE_TIME_ZONE, type IsoWeekday } from "../../shared/copenhagen-time.ts";

export type CentreWithSchedule = Centre & {
  openingPeriods: OpeningPeriod[];
  openingExceptions: OpeningException[];
};

/** What to include when loading a centre whose opening status will be computed. */
export const SCHEDULE_INCLUDE = { openingPeriods: true, openingExceptions: true } as const;

export function scheduleOf(centre: CentreWithSchedule): OpeningSchedule {
  return {
    periods: centre.openingPeriods.map((period) => ({
      weekday: period.weekday as IsoWeekday,
      startMinute: period.startMinute,
      endMinute: period.endMinute,
      isOvernight: period.isOvernight,
      staffing: period.staffing,
    })),
    exceptions: centre.openingExceptions.map((exception) => ({
      date: isoDateOf(exception.date),
      kind: exception.kind,
      startMinute: exception.startMinute,
      endMinute: exception.endMinute,
    })),
    publicHolidayPolicy: centre.publicHolidayPolicy,
    publicHolidaySpecialHours: rangeOf(centre.publicHolidayStartMinute, centre.publicHolidayEndMinute),
    commonClosedDaysPolicy: centre.commonClosedDaysPolicy,
    commonClosedDaysSpecialHours: rangeOf(centre.commonClosedDaysStartMinute, centre.commonClosedDaysEndMinute),
  };
}

/** A centre's opening schedule read inside the caller's transaction, or null when there is no such centre. */
export async function findCentreSchedule(tx: Transaction, centreId: string): Promise<OpeningSchedule | null> {
  const centre = await tx.centre.findUnique({ where: { id: centreId }, include: SCHEDULE_INCLUDE });
  return centre ? scheduleOf(centre) : null;
}

/** A @db.Date column arrives as UTC midnight of the calendar date. */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Date a @db.Date column stores for a yyyy-mm-dd calendar date. */
export function dateColumnOf(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function localDateTime(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: CENTRE_TIME_ZONE });
}

/** The instant a local calendar day starts, given as yyyy-mm-dd. */
export function startOfLocalDay(isoDate: string): Date {
  return DateTime.fromISO(isoDate, { zone: CENTRE_TIME_ZONE }).startOf("day").toJSDate();
}

export function localIsoDate(instant: Date): string {
  return localDateTime(instant).toFormat("yyyy-MM-dd");
}

function rangeOf(startMinute: number | null, endMinute: number | null): MinuteRange | null {
  return startMinute === null || endMinute === null ? null : { startMinute, endMinute };
}

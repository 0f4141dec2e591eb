// The calendar of materialised open intervals (issue #13). "CentreOpenInterval" holds every
// centre's openings as instants for the local dates in "DirectoryCalendarDay"; triggers keep a
// centre's rows in step with its periods, exceptions and holiday policies in the same
// transaction, and this moves the calendar along with the days (at start and by a daily job).
// Searches whose dates the calendar does not hold fall back to the computed test, so moving it
// is a matter of speed, never of correctness.
import type { Prisma } from "../../db/database.ts";
import { dateFacts } from "./directory-query.ts";
import { addDays, localDateOf } from "../../shared/copenhagen-time.ts";
import type { Job } from "../../shared/job.ts";

/**
 * From eight days back to four weeks ahead: the current week's coverage needs its Monday and the
 * Sunday before (an overnight opening spills into Monday); a search needs yesterday at most.
 */
export const CALENDAR_DAYS_BACK = 8;
export const CALENDAR_DAYS_AHEAD = 28;

/** The local dates the calendar holds when it is `now`. */
export function calendarDates(now: Date): string[] {
  const today = localDateOf(now);
  const dates: string[] = [];
  for (let offset = -CALENDAR_DAYS_BACK; offset <= CALENDAR_DAYS_AHEAD; offset++) dates.push(addDays(today, offset));
  return dates;
}

/**
 * Moves the calendar to the given dates (default: around `now`), materialising new days for every
 * centre in one statement. Returns how many days were added (0 when it was already in place).
 */
export async function moveOpenIntervalCalendar(prisma: Prisma, now: Date, dates: readonly string[] = calendarDates(now)): Promise<number> {
  const days = dates.map((date) => {
    const facts = dateFacts(date);
    return {
      date,
      weekday: facts.wd,
      kind: facts.kind,
      baseMs: facts.base,
      offsetBefore: facts.o1,
      switchMinute: facts.sw,
      offsetAfter: facts.o2,
    };
  });
  const [row] = await prisma.$queryRawUnsafe<{ added: number }[]>(
    `SELECT directory_extend_calendar($1::jsonb) AS "added"`,
    JSON.stringify(days),
  );
  return Number(row?.added ?? 0);
}

export const openIntervalJobs: Job[] = [
  { name: "directory-open-intervals", run: ({ prisma, clock }) => moveOpenIntervalCalendar(prisma, clock.now()) },
];

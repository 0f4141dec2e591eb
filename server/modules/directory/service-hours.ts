// A service's own weekly hours (issue 19, "services have hours too"): readable text for the
// directory, and the reasons a service search gives for the hour and visiting criteria.
import type { Prisma } from "../../db/database.ts";
import type { ServiceOpeningPeriod } from "../../generated/prisma/client.ts";
import { localDateTime } from "./centre-schedule.ts";
import { formatMinuteOfDay } from "./directory-labels.ts";
import type { Reason, ServiceSearchFilter } from "./directory-search.ts";
import { publicHolidayOn } from "./holidays.ts";
import { formatWeekdayName, type IsoWeekday, localDateOf } from "../../shared/copenhagen-time.ts";

export interface ServiceWeekdayHours {
  weekday: IsoWeekday;
  labelDa: string;
  labelEn: string;
  textDa: string;
  textEn: string;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** One entry per weekday, Monday first: "09:00–12:00 (telefontid), 13:00–15:00" or "lukket". */
export function serviceWeeklyHours(periods: readonly Pick<ServiceOpeningPeriod, "weekday" | "startMinute" | "endMinute" | "note">[]): ServiceWeekdayHours[] {
  return WEEKDAYS.map((weekday) => {
    const spans = periods
      .filter((period) => period.weekday === weekday)
      .sort((left, right) => left.startMinute - right.startMinute)
      .map((period) => `${formatMinuteOfDay(period.startMinute)}–${formatMinuteOfDay(period.endMinute)}${period.note ? ` (${period.note})` : ""}`);
    return {
      weekday,
      labelDa: formatWeekdayName(weekday, "da"),
      labelEn: formatWeekdayName(weekday, "en"),
      textDa: spans.length ? spans.join(", ") : "lukket",
      textEn: spans.length ? spans.join(", ") : "closed",
    };
  });
}

/**
 * The reasons for the criteria the reference ranking does not know (openAt, visitsCentreId,
 * comesToCentres), for the services of one page: one statement per criterion asked for.
 */
export async function serviceHourReasons(prisma: Prisma, serviceIds: readonly string[], filter: ServiceSearchFilter): Promise<Map<string, Reason[]>> {
  const reasons = new Map<string, Reason[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return reasons;
  if (filter.openAt) {
    const local = localDateTime(filter.openAt);
    const minute = local.hour * 60 + local.minute;
    const clock = formatMinuteOfDay(minute);
    const periods = publicHolidayOn(localDateOf(filter.openAt))
      ? []
      : await prisma.serviceOpeningPeriod.findMany({
          where: { serviceId: { in: [...serviceIds] }, weekday: local.weekday, startMinute: { lte: minute }, endMinute: { gt: minute } },
          select: { serviceId: true },
        });
    const openByHours = new Set(periods.map((period) => period.serviceId));
    for (const id of serviceIds) {
      reasons.get(id)!.push(
        openByHours.has(id)
          ? { kind: "OPEN_AT", da: `åben kl. ${clock}`, en: `open at ${clock}` }
          : { kind: "VISITS_CENTRE", da: `på et værested kl. ${clock}`, en: `at a centre at ${clock}` },
      );
    }
  }
  if (filter.visitsCentreId) {
    const centre = await prisma.centre.findUnique({ where: { id: filter.visitsCentreId }, select: { name: true } });
    for (const id of serviceIds) {
      reasons.get(id)!.push({ kind: "VISITS_CENTRE", da: `kommer på ${centre?.name ?? "værestedet"}`, en: `comes to ${centre?.name ?? "the centre"}` });
    }
  } else if (filter.comesToCentres) {
    for (const id of serviceIds) reasons.get(id)!.push({ kind: "VISITS_CENTRE", da: "kommer ud på væresteder", en: "comes out to centres" });
  }
  return reasons;
}

const SHORT_WEEKDAYS: Record<"da" | "en", readonly string[]> = {
  da: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/**
 * A week of hours in a few words: runs of days with the same hours joined, "man–fre 09:00–15:00,
 * lør 10:00–12:00"; null when the service has no hours of its own.
 */
export function compactWeekText(
  periods: readonly Pick<ServiceOpeningPeriod, "weekday" | "startMinute" | "endMinute">[],
  locale: "da" | "en",
): string | null {
  if (periods.length === 0) return null;
  const byDay = WEEKDAYS.map((weekday) =>
    periods
      .filter((period) => period.weekday === weekday)
      .sort((left, right) => left.startMinute - right.startMinute)
      .map((period) => `${formatMinuteOfDay(period.startMinute)}–${formatMinuteOfDay(period.endMinute)}`)
      .join(", "),
  );
  const runs: string[] = [];
  for (let day = 0; day < 7; day++) {
    if (!byDay[day]) continue;
    let last = day;
    while (last + 1 < 7 && byDay[last + 1] === byDay[day]) last++;
    const names = SHORT_WEEKDAYS[locale];
    runs.push(`${last > day ? `${names[day]}–${names[last]}` : names[day]} ${byDay[day]}`);
    day = last;
  }
  return runs.join("; ");
}

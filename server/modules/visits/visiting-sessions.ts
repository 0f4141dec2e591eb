// A service's visiting sessions at centres (issue 19, "services have hours too"): its confirmed
// visits in the coming weeks, grouped by centre and weekly time, so a card can say
// "Jobafklaring er på Værestedet Lyset tirsdag 10:00–12:00". Only confirmed visits count: they
// are the public ones ("this week at the centre" shows the same).
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import { formatMinuteOfDay } from "../directory/index.ts";
import { DateTime } from "luxon";
import { CENTRE_TIME_ZONE, formatWeekdayName, type IsoWeekday, localDateOf, localMinuteOf } from "../../shared/copenhagen-time.ts";

/** How far ahead a session counts as the service's current pattern. */
export const SESSION_HORIZON_DAYS = 28;

export interface VisitingSession {
  centreId: string;
  centreName: string;
  serviceUnitId: string;
  serviceName: string;
  /** ISO weekday and Copenhagen wall-clock minutes of the visits. */
  weekday: IsoWeekday;
  startMinute: number;
  endMinute: number;
  /** The public title of the next visit of the group. */
  title: string;
  nextStartsAt: Date;
  nextEndsAt: Date;
  /** How many visits of the group lie in the horizon: 1 is a one-off, more a weekly habit. */
  count: number;
}

type DisplayLocale = "da" | "en";

/** "tirsdag 10:00–12:00", or null when the wish or period has no time. */
export function weeklyTimeText(
  time: { weekday: number | null; startMinute: number | null; endMinute: number | null },
  locale: DisplayLocale,
): string | null {
  if (time.weekday === null || time.startMinute === null || time.endMinute === null) return null;
  return `${formatWeekdayName(time.weekday as IsoWeekday, locale)} ${formatMinuteOfDay(time.startMinute)}–${formatMinuteOfDay(time.endMinute)}`;
}

/** "Jobafklaring er på Værestedet Lyset tirsdag 10:00–12:00" (weekly) or "… tirsdag 1. december 10:00–12:00" (once). */
export function sessionText(session: VisitingSession, locale: DisplayLocale, perspective: "service" | "centre"): string {
  const clock = `${formatMinuteOfDay(session.startMinute)}–${formatMinuteOfDay(session.endMinute)}`;
  const day = formatWeekdayName(session.weekday, locale);
  const local = DateTime.fromJSDate(session.nextStartsAt, { zone: CENTRE_TIME_ZONE }).setLocale(locale === "da" ? "da" : "en-GB");
  const when = session.count > 1
    ? (locale === "da" ? `${day}e ${clock}` : `${day}s ${clock}`)
    : `${day} ${local.toFormat(locale === "da" ? "d. MMMM" : "d MMMM")} ${clock}`;
  if (perspective === "centre") return `${session.serviceName}: ${when}`;
  return locale === "da" ? `Er på ${session.centreName} ${when}` : `At ${session.centreName} on ${when}`;
}

/** Confirmed visits from `now` to the horizon, grouped into sessions, soonest first. */
export async function visitingSessions(prisma: Prisma, where: PrismaTypes.VisitWhereInput, now: Date): Promise<VisitingSession[]> {
  const visits = await prisma.visit.findMany({
    where: { ...where, status: "CONFIRMED", endsAt: { gt: now }, startsAt: { lt: new Date(now.getTime() + SESSION_HORIZON_DAYS * 86_400_000) } },
    select: {
      centreId: true,
      serviceUnitId: true,
      title: true,
      startsAt: true,
      endsAt: true,
      centre: { select: { name: true } },
      serviceUnit: { select: { name: true } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return groupSessions(visits.map((visit) => ({ ...visit, centreName: visit.centre.name, serviceName: visit.serviceUnit.name })));
}

interface SessionVisit {
  centreId: string;
  centreName: string;
  serviceUnitId: string;
  serviceName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** Groups visits (sorted by start) by centre, service, weekday and wall-clock time. */
export function groupSessions(visits: readonly SessionVisit[]): VisitingSession[] {
  const groups = new Map<string, VisitingSession>();
  for (const visit of visits) {
    const weekday = (new Date(`${localDateOf(visit.startsAt)}T12:00:00Z`).getUTCDay() || 7) as IsoWeekday;
    const startMinute = localMinuteOf(visit.startsAt);
    const endMinute = localDateOf(visit.endsAt) === localDateOf(visit.startsAt) ? localMinuteOf(visit.endsAt) : 1440;
    const key = [visit.centreId, visit.serviceUnitId, weekday, startMinute, endMinute].join("|");
    const group = groups.get(key);
    if (group) group.count += 1;
    else {
      groups.set(key, {
        centreId: visit.centreId,
        centreName: visit.centreName,
        serviceUnitId: visit.serviceUnitId,
        serviceName: visit.serviceName,
        weekday,
        startMinute,
        endMinute,
        title: visit.title,
        nextStartsAt: visit.startsAt,
        nextEndsAt: visit.endsAt,
        count: 1,
      });
    }
  }
  return [...groups.values()].sort((left, right) => left.nextStartsAt.getTime() - right.nextStartsAt.getTime());
}

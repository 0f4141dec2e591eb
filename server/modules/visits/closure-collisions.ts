// Closures meet bookings (issue 19): a closed day, special hours or a day closed to visits that
// covers live visits (requested or confirmed) is never a silent orphan. Adding one shows the
// visits it covers first (ClosureHasVisitsError) and the centre decides to cancel them, with a
// reason the service sees, or to keep them; and the days the calendar rules close (public
// holidays, commonly closed days) are checked in advance: a list of upcoming collisions.
//
// A visit collides with a date when the centre is closed that date (a CLOSED exception, a day
// closed to visits, a holiday under a CLOSED policy) and the visit touches the date; or when
// the date has special hours (an exception, or a holiday under a SPECIAL_HOURS policy) and the
// visit is not wholly inside them. Visits are otherwise not tied to opening hours.
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes, VisitStatus } from "../../generated/prisma/client.ts";
import { DomainError } from "../../shared/errors.ts";
import { commonlyClosedDayOn, publicHolidayOn } from "../directory/index.ts";
import { LIVE_VISIT_STATUSES } from "./visit.policy.ts";
import { addDays, localDateOf, zonedDateTime } from "../../shared/copenhagen-time.ts";

type Db = Prisma | PrismaTypes.TransactionClient;

export type CollisionCause = "OPENING_EXCEPTION" | "VISIT_CLOSURE" | "PUBLIC_HOLIDAY" | "COMMONLY_CLOSED_DAY";

/** What a date is, for visits: closed, or open only in [startMinute, endMinute) (end may pass midnight). */
export type DateRule = { closed: true } | { closed: false; startMinute: number; endMinute: number };

export interface CollidingVisit {
  id: string;
  title: string;
  status: VisitStatus;
  startsAt: Date;
  endsAt: Date;
  serviceUnitId: string;
  serviceUnitName: string;
}

export interface VisitCollision {
  visit: CollidingVisit;
  /** The Copenhagen date that collides, yyyy-mm-dd. */
  date: string;
  cause: CollisionCause;
  /** The holiday's name, or the exception's or closure's reason; null when none was given. */
  nameDa: string | null;
  nameEn: string | null;
}

export class ClosureHasVisitsError extends DomainError {
  readonly collisions: VisitCollision[];
  constructor(collisions: VisitCollision[]) {
    super("CLOSURE_HAS_VISITS", {
      da: `${collisions.length === 1 ? "Et besøg ligger" : `${collisions.length} besøg ligger`} i det tidsrum, der lukkes. Vælg, om de skal aflyses (med en begrundelse til tilbuddet) eller blive stående. Intet er gemt endnu.`,
      en: `${collisions.length === 1 ? "A visit falls" : `${collisions.length} visits fall`} in the time being closed. Choose whether to cancel them (with a reason for the service) or keep them. Nothing was saved yet.`,
    });
    this.collisions = collisions;
  }
}

const collidingVisitSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  serviceUnitId: true,
  serviceUnit: { select: { name: true } },
} satisfies PrismaTypes.VisitSelect;

type LoadedVisit = PrismaTypes.VisitGetPayload<{ select: typeof collidingVisitSelect }>;

function toColliding(visit: LoadedVisit): CollidingVisit {
  const { serviceUnit, ...rest } = visit;
  return { ...rest, serviceUnitName: serviceUnit.name };
}

/** The local dates a visit touches (usually one). */
function datesOf(visit: { startsAt: Date; endsAt: Date }): string[] {
  const last = localDateOf(new Date(visit.endsAt.getTime() - 1));
  const dates: string[] = [];
  for (let date = localDateOf(visit.startsAt); date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** True when the visit collides with the rule of `date`. */
export function collidesWith(visit: { startsAt: Date; endsAt: Date }, date: string, rule: DateRule): boolean {
  const dayStart = zonedDateTime(date, 0);
  const dayEnd = zonedDateTime(addDays(date, 1), 0);
  if (!(visit.startsAt < dayEnd && visit.endsAt > dayStart)) return false;
  if (rule.closed) return true;
  const open = zonedDateTime(date, rule.startMinute);
  const close = rule.endMinute > rule.startMinute ? zonedDateTime(date, rule.endMinute) : zonedDateTime(addDays(date, 1), rule.endMinute);
  return !(open <= visit.startsAt && visit.endsAt <= close);
}

function liveVisitsBetween(db: Db, centreId: string, from: Date, to: Date) {
  return db.visit.findMany({
    where: { centreId, status: { in: LIVE_VISIT_STATUSES }, startsAt: { lt: to }, endsAt: { gt: from } },
    select: collidingVisitSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
}

/** The live visits a new closure of `date` would cover, before it is written. */
export async function visitsCoveredBy(
  db: Db,
  centreId: string,
  date: string,
  rule: DateRule,
  cause: CollisionCause,
  name: string | null,
): Promise<VisitCollision[]> {
  const visits = await liveVisitsBetween(db, centreId, zonedDateTime(date, 0), zonedDateTime(addDays(date, 2), 0));
  return visits
    .filter((visit) => collidesWith(visit, date, rule))
    .map((visit) => ({ visit: toColliding(visit), date, cause, nameDa: name, nameEn: name }));
}

/**
 * Live visits at the centre from today for `days` days that collide with a closed day, special
 * hours or a holiday under the centre's policy — whatever wrote the closure (a form, an import,
 * a changed holiday policy) and whatever was decided when it was written.
 */
export async function upcomingVisitCollisions(prisma: Prisma, centreId: string, now: Date, days: number): Promise<VisitCollision[]> {
  const today = localDateOf(now);
  const from = zonedDateTime(today, 0);
  const to = zonedDateTime(addDays(today, days), 0);
  const [centre, visits] = await Promise.all([
    prisma.centre.findUnique({
      where: { id: centreId },
      include: {
        openingExceptions: { where: { date: { gte: new Date(`${today}T00:00:00Z`) } } },
        visitWindowClosures: { where: { date: { gte: new Date(`${today}T00:00:00Z`) } } },
      },
    }),
    liveVisitsBetween(prisma, centreId, from, to),
  ]);
  if (!centre) return [];
  const exceptions = new Map(centre.openingExceptions.map((exception) => [exception.date.toISOString().slice(0, 10), exception]));
  const closures = new Map(centre.visitWindowClosures.map((closure) => [closure.date.toISOString().slice(0, 10), closure]));
  const policyRule = (policy: string, start: number | null, end: number | null): DateRule | null =>
    policy === "CLOSED" ? { closed: true } : policy === "SPECIAL_HOURS" && start !== null && end !== null ? { closed: false, startMinute: start, endMinute: end } : null;

  /** The rules that apply on a date, most specific first. */
  const rulesOn = (date: string): { rule: DateRule; cause: CollisionCause; nameDa: string | null; nameEn: string | null }[] => {
    const rules: { rule: DateRule; cause: CollisionCause; nameDa: string | null; nameEn: string | null }[] = [];
    const closure = closures.get(date);
    if (closure) rules.push({ rule: { closed: true }, cause: "VISIT_CLOSURE", nameDa: closure.reason, nameEn: closure.reason });
    const exception = exceptions.get(date);
    if (exception) {
      const rule: DateRule | null = exception.kind === "CLOSED"
        ? { closed: true }
        : exception.startMinute !== null && exception.endMinute !== null ? { closed: false, startMinute: exception.startMinute, endMinute: exception.endMinute } : null;
      if (rule) rules.push({ rule, cause: "OPENING_EXCEPTION", nameDa: exception.reason, nameEn: exception.reason });
      return rules;
    }
    const holiday = publicHolidayOn(date);
    if (holiday) {
      const rule = policyRule(centre.publicHolidayPolicy, centre.publicHolidayStartMinute, centre.publicHolidayEndMinute);
      if (rule) rules.push({ rule, cause: "PUBLIC_HOLIDAY", nameDa: holiday.nameDa, nameEn: holiday.nameEn });
      return rules;
    }
    const closedDay = commonlyClosedDayOn(date);
    if (closedDay) {
      const rule = policyRule(centre.commonClosedDaysPolicy, centre.commonClosedDaysStartMinute, centre.commonClosedDaysEndMinute);
      if (rule) rules.push({ rule, cause: "COMMONLY_CLOSED_DAY", nameDa: closedDay.nameDa, nameEn: closedDay.nameEn });
    }
    return rules;
  };

  return visits.flatMap((visit): VisitCollision[] => {
    for (const date of datesOf(visit)) {
      const hit = rulesOn(date).find(({ rule }) => collidesWith(visit, date, rule));
      if (hit) return [{ visit: toColliding(visit), date, cause: hit.cause, nameDa: hit.nameDa, nameEn: hit.nameEn }];
    }
    return [];
  });
}

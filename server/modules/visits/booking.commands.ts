// Booking, answering, moving and cancelling visits. Every command takes (deps, viewer, input),
// checks the move against the transition table (visit-status.ts) and writes its VisitEvent in
// the same transaction as the change. The database's exclusion constraint
// "Visit_no_overlap_in_space" is the guard against double booking; this code only turns its
// verdict into a typed error that names the booking in the way.
import type { Clock } from "../../clock.ts";
import type { Prisma, Transaction } from "../../db/database.ts";
import type { Visit, VisitSeries, VisitStatus } from "../../generated/prisma/client.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import { isMemberOf, type Viewer } from "../../graphql/context.ts";
import { withConflictRetry } from "../../shared/database-errors.ts";
import { ConflictError, ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { createOnce, idempotencyScope, recordIdempotentResult } from "../../shared/idempotency.ts";
import { enqueueVisitNotification } from "../notifications/index.ts";
import { LIVE_VISIT_STATUSES } from "./visit.policy.ts";
import {
  type ConflictingVisit,
  isVisitOverlapViolation,
  type SeriesOccurrenceConflict,
  SeriesConflictError,
  VisitConflictError,
} from "./visit-errors.ts";
import { fitsInWindow, type Occurrence, rangesOverlap, type TimeRange, weeklyOccurrences } from "./slot-overlap.ts";
import { nextVisitStatus, requestedVisitStatus, type VisitAction, type VisitSide, visitTransitionFor } from "./visit-status.ts";
import { zonedDateTime } from "../../shared/copenhagen-time.ts";

export interface VisitDependencies {
  prisma: Prisma;
  clock: Clock;
}

export interface BookingDetails {
  centreId: string;
  spaceId: string;
  serviceUnitId: string;
  title: string;
  publicDescription?: string | null;
  internalNote?: string | null;
  /** The centre's wish this booking answers (answerVisitWish), if any. */
  wishId?: string | null;
}

export interface BookVisitInput extends BookingDetails {
  startsAt: Date;
  endsAt: Date;
  idempotencyKey?: string | null;
}

export interface BookVisitSeriesInput extends BookingDetails {
  firstDate: string;
  startMinute: number;
  endMinute: number;
  /** Give this or untilDate. */
  weeks?: number | null;
  untilDate?: string | null;
  /** When some occurrences are taken or closed: true books the rest; false (the default) books none. */
  bookFreeOccurrencesOnly?: boolean | null;
  idempotencyKey?: string | null;
}

/** The row of a new visit, single or one occurrence of a series. */
function newVisitRow(details: BookingDetails, slot: TimeRange, viewer: Viewer, status: VisitStatus, now: Date) {
  return {
    centreId: details.centreId,
    spaceId: details.spaceId,
    serviceUnitId: details.serviceUnitId,
    bookedById: viewer.userId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status,
    createdAt: now,
    updatedAt: now,
    requestedAt: status === "REQUESTED" ? now : null,
    title: details.title,
    publicDescription: details.publicDescription ?? null,
    internalNote: details.internalNote ?? null,
    wishId: details.wishId ?? null,
  };
}

const SPACE_NOT_FOUND = { da: "Lokalet", en: "The space" };
const VISIT_NOT_FOUND = { da: "Besøget", en: "The visit" };
const SERIES_NOT_FOUND = { da: "Serien", en: "The series" };
const BOOKING_IN_THE_PAST = (field: string) =>
  ValidationError.single(field, { da: "Et besøg kan ikke bookes bagud i tid.", en: "A visit cannot be booked in the past." });
const OUTSIDE_WINDOW = ValidationError.single("startsAt", {
  da: "Tidspunktet ligger uden for værestedets åbne tider for besøg, eller værestedet er lukket for besøg den dag.",
  en: "The time is outside the centre's visiting windows, or the centre is closed to visits that day.",
});

/** One VisitEvent row: who (user and unit, or nobody for the system), what, why and when. */
export interface VisitEventValues {
  visitId: string;
  action: VisitAction;
  fromStatus: VisitStatus | null;
  toStatus: VisitStatus;
  actorUserId: string | null;
  actorUnitId: string | null;
  reason?: string | null;
  previousStartsAt?: Date | null;
  previousEndsAt?: Date | null;
  at: Date;
}

function eventRow(values: VisitEventValues): PrismaTypes.VisitEventCreateManyInput {
  return {
    visitId: values.visitId,
    type: visitTransitionFor(values.action).event,
    fromStatus: values.fromStatus,
    toStatus: values.toStatus,
    actorUserId: values.actorUserId,
    actorUnitId: values.actorUnitId,
    reason: values.reason ?? null,
    previousStartsAt: values.previousStartsAt ?? null,
    previousEndsAt: values.previousEndsAt ?? null,
    at: values.at,
  };
}

/** Writes visit events inside the caller's transaction. */
export async function recordVisitEvents(tx: Transaction, events: VisitEventValues[]): Promise<void> {
  if (events.length > 0) await tx.visitEvent.createMany({ data: events.map(eventRow) });
}

function requireServiceSide(viewer: Viewer, serviceUnitId: string): void {
  if (!isMemberOf(viewer, serviceUnitId)) {
    throw new ForbiddenError({ da: "Kun tilbuddets egne medarbejdere kan booke for det.", en: "Only the service's own staff can book for it." });
  }
}

/**
 * Books one visit: REQUESTED, or CONFIRMED at once when the centre trusts the service. With an
 * idempotency key, a repeat of the same request returns the visit the first one booked.
 */
export async function bookVisit(deps: VisitDependencies, viewer: Viewer, input: BookVisitInput): Promise<Visit> {
  const { prisma } = deps;
  const now = deps.clock.now();
  requireServiceSide(viewer, input.serviceUnitId);
  const idempotency = idempotencyScope(viewer.userId, "bookVisit", input.idempotencyKey);
  return createOnce(prisma, idempotency, (id) => prisma.visit.findUniqueOrThrow({ where: { id } }), async () => {
    if (input.startsAt.getTime() < now.getTime()) throw BOOKING_IN_THE_PAST("startsAt");
    const schedule = await loadBookingSchedule(prisma, input);
    if (!fitsInWindow(input, schedule.windows, schedule.closedDates)) throw OUTSIDE_WINDOW;
    const status = requestedVisitStatus(schedule.isTrusted);
    // A cheap read first: in a burst, every request after the winner's commit answers here
    // without taking a write transaction. The exclusion constraint below stays the guard.
    const [alreadyBooked] = await findLiveOverlaps(prisma, input.spaceId, [input]);
    if (alreadyBooked) throw new VisitConflictError(alreadyBooked);
    // A conflicting booking may be cancelled between our failed insert and the look-up that names
    // it; then the slot is free and one more attempt is right.
    for (let attempt = 0; ; attempt += 1) {
      try {
        // Concurrent inserts into the exclusion constraint can deadlock each other (40P01):
        // run again, and the loser then meets the winner's committed row as a 23P01 conflict.
        return await withConflictRetry(() =>
          prisma.$transaction(async (tx) => {
            const visit = await tx.visit.create({
              data: newVisitRow(input, input, viewer, status, now),
            });
            await recordVisitEvents(tx, [
              { visitId: visit.id, action: "request", fromStatus: null, toStatus: status, actorUserId: viewer.userId, actorUnitId: input.serviceUnitId, at: now },
            ]);
            await recordIdempotentResult(tx, idempotency, visit.id, now);
            if (status === "REQUESTED") await enqueueVisitNotification(tx, { kind: "VISIT_REQUESTED", visitId: visit.id, actorUnitId: input.serviceUnitId, at: now });
            return visit;
          }),
        );
      } catch (error) {
        if (!isVisitOverlapViolation(error)) throw error;
        const [conflicting] = await findLiveOverlaps(prisma, input.spaceId, [input]);
        if (conflicting) throw new VisitConflictError(conflicting);
        if (attempt >= 2) throw error;
      }
    }
  });
}

export interface BookedSeries {
  series: VisitSeries | null;
  visits: Visit[];
  conflicts: SeriesOccurrenceConflict[];
}

/**
 * Books a weekly series at one Copenhagen wall-clock time. Occurrences on closed dates or in
 * taken slots are conflicts: with `bookFreeOccurrencesOnly` the rest is booked, otherwise
 * nothing is and SeriesConflictError lists them.
 */
export async function bookVisitSeries(deps: VisitDependencies, viewer: Viewer, input: BookVisitSeriesInput): Promise<BookedSeries> {
  const { prisma } = deps;
  requireServiceSide(viewer, input.serviceUnitId);
  const idempotency = idempotencyScope(viewer.userId, "bookVisitSeries", input.idempotencyKey);
  const loadBooked = async (seriesId: string): Promise<BookedSeries> => ({
    series: await prisma.visitSeries.findUniqueOrThrow({ where: { id: seriesId } }),
    visits: await prisma.visit.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } }),
    conflicts: [],
  });
  return createOnce(prisma, idempotency, loadBooked, () => bookNewVisitSeries(deps, viewer, input, idempotency));
}

async function bookNewVisitSeries(
  deps: VisitDependencies,
  viewer: Viewer,
  input: BookVisitSeriesInput,
  idempotency: ReturnType<typeof idempotencyScope>,
): Promise<BookedSeries> {
  const { prisma } = deps;
  const now = deps.clock.now();
  let occurrences: Occurrence[];
  try {
    occurrences = weeklyOccurrences({ ...input, weeks: input.weeks ?? undefined, untilDate: input.untilDate ?? undefined });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw ValidationError.single("firstDate", {
      da: "Serien er ikke gyldig: tjek første dato, tidsrum og antal uger (højst 104) eller slutdato.",
      en: `The series is not valid: ${error.message}.`,
    });
  }
  if (occurrences[0]!.startsAt.getTime() < now.getTime()) throw BOOKING_IN_THE_PAST("firstDate");
  const schedule = await loadBookingSchedule(prisma, input);
  const outsideWindow = occurrences.filter(
    (occurrence) => !schedule.closedDates.includes(occurrence.date) && !fitsInWindow(occurrence, schedule.windows, []),
  );
  if (outsideWindow.length > 0) {
    throw ValidationError.single("startMinute", {
      da: "Tidsrummet ligger uden for værestedets åbne tider for besøg på den ugedag.",
      en: "The time range is outside the centre's visiting windows on that weekday.",
    });
  }
  const status = requestedVisitStatus(schedule.isTrusted);

  for (let attempt = 0; ; attempt += 1) {
    const conflicts = await findSeriesConflicts(prisma, input.spaceId, occurrences, schedule.closedDates);
    if (conflicts.length > 0 && !input.bookFreeOccurrencesOnly) throw new SeriesConflictError(conflicts);
    const conflictDates = new Set(conflicts.map((conflict) => conflict.date));
    const free = occurrences.filter((occurrence) => !conflictDates.has(occurrence.date));
    if (free.length === 0) return { series: null, visits: [], conflicts };
    try {
      const booked = await withConflictRetry(() => prisma.$transaction(async (tx) => {
        const series = await tx.visitSeries.create({
          data: {
            centreId: input.centreId,
            spaceId: input.spaceId,
            serviceUnitId: input.serviceUnitId,
            bookedById: viewer.userId,
            weekday: new Date(`${input.firstDate}T12:00:00Z`).getUTCDay() || 7,
            startMinute: input.startMinute,
            endMinute: input.endMinute,
            firstDate: new Date(`${occurrences[0]!.date}T00:00:00Z`),
            lastDate: new Date(`${occurrences[occurrences.length - 1]!.date}T00:00:00Z`),
            title: input.title,
            publicDescription: input.publicDescription ?? null,
            internalNote: input.internalNote ?? null,
            createdAt: now,
            wishId: input.wishId ?? null,
          },
        });
        await tx.visit.createMany({
          data: free.map((occurrence) => ({ seriesId: series.id, ...newVisitRow(input, occurrence, viewer, status, now) })),
        });
        const visits = await tx.visit.findMany({ where: { seriesId: series.id }, orderBy: { startsAt: "asc" } });
        await recordVisitEvents(tx, visits.map((visit) => ({
          visitId: visit.id, action: "request" as const, fromStatus: null, toStatus: status, actorUserId: viewer.userId, actorUnitId: input.serviceUnitId, at: now,
        })));
        await recordIdempotentResult(tx, idempotency, series.id, now);
        // One message for the whole series, pointing at its first visit.
        if (status === "REQUESTED") await enqueueVisitNotification(tx, { kind: "VISIT_REQUESTED", visitId: visits[0]!.id, actorUnitId: input.serviceUnitId, at: now });
        return { series, visits };
      }));
      return { ...booked, conflicts };
    } catch (error) {
      // Someone booked one of the free slots since we looked: look again.
      if (!isVisitOverlapViolation(error) || attempt >= 2) throw error;
    }
  }
}

interface VisitWithCentre extends Visit {
  centre: { unitId: string };
}

/** The side the viewer acts for under `action`, the first the table lists that the viewer belongs to. */
function actingSide(viewer: Viewer, visit: VisitWithCentre, action: VisitAction): { side: VisitSide; unitId: string } {
  for (const side of visitTransitionFor(action).sides) {
    const unitId = side === "CENTRE" ? visit.centre.unitId : side === "SERVICE" ? visit.serviceUnitId : null;
    if (unitId && isMemberOf(viewer, unitId)) return { side, unitId };
  }
  throw new ForbiddenError(
    visitTransitionFor(action).sides.includes("SERVICE")
      ? { da: "Kun værestedet og tilbuddet bag besøget kan gøre dette.", en: "Only the centre and the service of the visit can do this." }
      : { da: "Kun værestedet kan gøre dette.", en: "Only the centre can do this." },
  );
}

async function findVisitOrThrow(prisma: Prisma | Transaction, visitId: string): Promise<VisitWithCentre> {
  const visit = await prisma.visit.findUnique({ where: { id: visitId }, include: { centre: { select: { unitId: true } } } });
  if (!visit) throw new NotFoundError(VISIT_NOT_FOUND);
  return visit;
}

function concurrentChange(): ConflictError {
  return new ConflictError({
    da: "Besøget blev ændret af en anden imens. Hent det igen og prøv på ny.",
    en: "The visit was changed by someone else meanwhile. Reload it and try again.",
  });
}

const VISIT_NOTIFICATION = {
  confirm: "VISIT_CONFIRMED",
  decline: "VISIT_DECLINED",
  cancel: "VISIT_CANCELLED",
  reschedule: "VISIT_CHANGED",
} as const;

/** Moves one visit along the table for the viewer's side, with its event and its message. */
async function transitionVisit(
  deps: VisitDependencies,
  viewer: Viewer,
  visitId: string,
  action: "confirm" | "decline" | "cancel",
  reason: string | null,
): Promise<Visit> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const visit = await findVisitOrThrow(tx, visitId);
    const actor = actingSide(viewer, visit, action);
    const next = nextVisitStatus(visit.status, action);
    if (!next) throw new IllegalTransitionError(visit.status, action);
    const data: PrismaTypes.VisitUpdateManyMutationInput & { cancelledByUnitId?: string } = { status: next, updatedAt: now, sequence: { increment: 1 } };
    if (action === "decline") data.declineReason = reason;
    if (action === "cancel") Object.assign(data, { cancelReason: reason, cancelledByUnitId: actor.unitId });
    // The status condition makes a concurrent change lose cleanly instead of overwriting.
    const { count } = await tx.visit.updateMany({ where: { id: visitId, status: visit.status }, data });
    if (count === 0) throw new IllegalTransitionError(visit.status, action);
    await recordVisitEvents(tx, [{ visitId, action, fromStatus: visit.status, toStatus: next, actorUserId: viewer.userId, actorUnitId: actor.unitId, reason, at: now }]);
    await enqueueVisitNotification(tx, { kind: VISIT_NOTIFICATION[action], visitId, actorUnitId: actor.unitId, at: now });
    return tx.visit.findUniqueOrThrow({ where: { id: visitId } });
  });
}

/** The centre confirms a requested visit. */
export function confirmVisit(deps: VisitDependencies, viewer: Viewer, input: { visitId: string }): Promise<Visit> {
  return transitionVisit(deps, viewer, input.visitId, "confirm", null);
}

/** The centre declines a requested visit; the reason is shown to the service. */
export function declineVisit(deps: VisitDependencies, viewer: Viewer, input: { visitId: string; reason: string }): Promise<Visit> {
  return transitionVisit(deps, viewer, input.visitId, "decline", input.reason);
}

/** Either side cancels a requested or confirmed visit, with a reason. */
export function cancelVisit(deps: VisitDependencies, viewer: Viewer, input: { visitId: string; reason: string }): Promise<Visit> {
  return transitionVisit(deps, viewer, input.visitId, "cancel", input.reason);
}

export interface RescheduleVisitInput {
  visitId: string;
  startsAt: Date;
  endsAt: Date;
  /** Why the time moves; empty means none. */
  reason?: string | null;
}

/**
 * Moves a visit (alone or one occurrence of a series) to a new time in the same space. It keeps
 * its id, so its iCalendar UID, and its SEQUENCE goes up. A service's move needs the centre's
 * confirmation again unless the centre trusts the service; a move by the centre stays confirmed.
 * A collision is refused with VisitConflictError naming the other visit; the exclusion
 * constraint decides.
 */
export async function rescheduleVisit(deps: VisitDependencies, viewer: Viewer, input: RescheduleVisitInput): Promise<Visit> {
  const { prisma } = deps;
  const now = deps.clock.now();
  const visit = await findVisitOrThrow(prisma, input.visitId);
  const actor = actingSide(viewer, visit, "reschedule");
  if (nextVisitStatus(visit.status, "reschedule") === null) throw new IllegalTransitionError(visit.status, "reschedule");
  if (input.startsAt.getTime() < now.getTime()) throw BOOKING_IN_THE_PAST("startsAt");
  if (input.startsAt.getTime() === visit.startsAt.getTime() && input.endsAt.getTime() === visit.endsAt.getTime()) {
    throw ValidationError.single("startsAt", { da: "Vælg et andet tidspunkt end det nuværende.", en: "Choose a time other than the current one." });
  }
  const schedule = await loadBookingSchedule(prisma, visit);
  if (!fitsInWindow(input, schedule.windows, schedule.closedDates)) throw OUTSIDE_WINDOW;
  const next = nextVisitStatus(visit.status, "reschedule", actor.side === "CENTRE" || schedule.isTrusted)!;
  const [alreadyBooked] = await findLiveOverlaps(prisma, visit.spaceId, [input], visit.id);
  if (alreadyBooked) throw new VisitConflictError(alreadyBooked);
  try {
    return await withConflictRetry(() =>
      prisma.$transaction(async (tx) => {
        // The sequence condition makes a concurrent change of the same visit lose cleanly.
        const { count } = await tx.visit.updateMany({
          where: { id: visit.id, status: visit.status, sequence: visit.sequence },
          data: {
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            status: next,
            updatedAt: now,
            sequence: { increment: 1 },
            ...(next === "REQUESTED" ? { requestedAt: now } : {}),
          },
        });
        if (count === 0) throw concurrentChange();
        await recordVisitEvents(tx, [{
          visitId: visit.id,
          action: "reschedule",
          fromStatus: visit.status,
          toStatus: next,
          actorUserId: viewer.userId,
          actorUnitId: actor.unitId,
          reason: input.reason || null,
          previousStartsAt: visit.startsAt,
          previousEndsAt: visit.endsAt,
          at: now,
        }]);
        await enqueueVisitNotification(tx, { kind: "VISIT_CHANGED", visitId: visit.id, actorUnitId: actor.unitId, at: now });
        return tx.visit.findUniqueOrThrow({ where: { id: visit.id } });
      }),
    );
  } catch (error) {
    if (!isVisitOverlapViolation(error)) throw error;
    const [conflicting] = await findLiveOverlaps(prisma, visit.spaceId, [input], visit.id);
    if (conflicting) throw new VisitConflictError(conflicting);
    throw concurrentChange();
  }
}

/** Either side cancels every live occurrence of a series on or after `fromDate` (Copenhagen). */
export async function cancelVisitSeries(
  deps: VisitDependencies,
  viewer: Viewer,
  input: { seriesId: string; fromDate: string; reason: string },
): Promise<Visit[]> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const series = await tx.visitSeries.findUnique({ where: { id: input.seriesId }, select: { id: true, serviceUnitId: true, centre: { select: { unitId: true } } } });
    if (!series) throw new NotFoundError(SERIES_NOT_FOUND);
    const actorUnitId = isMemberOf(viewer, series.centre.unitId) ? series.centre.unitId : series.serviceUnitId;
    if (!isMemberOf(viewer, actorUnitId)) throw new ForbiddenError();
    const from = zonedDateTime(input.fromDate, 0);
    const live = await tx.visit.findMany({
      where: { seriesId: input.seriesId, status: { in: visitTransitionFor("cancel").from as VisitStatus[] }, startsAt: { gte: from } },
      select: { id: true, status: true },
      orderBy: { startsAt: "asc" },
    });
    // One message for the whole series, pointing at its first cancelled occurrence.
    return cancelLiveVisits(tx, live, { actorUserId: viewer.userId, actorUnitId, reason: input.reason, at: now, notify: "first" });
  });
}

/**
 * Cancels visits inside the caller's transaction, with the reason, an event each and a message to
 * the other side (for each visit, or only for the first when they belong together, a series).
 * Each row keeps its status in the WHERE, so a concurrent change to one of them is not overwritten.
 */
export async function cancelLiveVisits(
  tx: Transaction,
  visits: readonly { id: string; status: VisitStatus }[],
  values: { actorUserId: string; actorUnitId: string; reason: string; at: Date; notify: "each" | "first" },
): Promise<Visit[]> {
  const changed: { id: string; status: VisitStatus }[] = [];
  for (const visit of visits) {
    const next = nextVisitStatus(visit.status, "cancel");
    if (!next) continue;
    const { count } = await tx.visit.updateMany({
      where: { id: visit.id, status: visit.status },
      data: { status: next, cancelReason: values.reason, cancelledByUnitId: values.actorUnitId, updatedAt: values.at, sequence: { increment: 1 } },
    });
    if (count === 1) changed.push(visit);
  }
  await recordVisitEvents(tx, changed.map((visit) => ({
    visitId: visit.id, action: "cancel" as const, fromStatus: visit.status, toStatus: "CANCELLED" as const,
    actorUserId: values.actorUserId, actorUnitId: values.actorUnitId, reason: values.reason, at: values.at,
  })));
  const told = values.notify === "each" ? changed : changed.slice(0, 1);
  for (const visit of told) await enqueueVisitNotification(tx, { kind: "VISIT_CANCELLED", visitId: visit.id, actorUnitId: values.actorUnitId, at: values.at });
  return tx.visit.findMany({ where: { id: { in: changed.map((visit) => visit.id) } }, orderBy: { startsAt: "asc" } });
}

interface BookingSchedule {
  windows: { weekday: number; startMinute: number; endMinute: number }[];
  closedDates: string[];
  isTrusted: boolean;
}

async function loadBookingSchedule(prisma: Prisma, input: Pick<BookingDetails, "centreId" | "spaceId" | "serviceUnitId">): Promise<BookingSchedule> {
  const space = await prisma.space.findUnique({ where: { id: input.spaceId }, select: { centreId: true, isActive: true } });
  if (!space || space.centreId !== input.centreId) throw new NotFoundError(SPACE_NOT_FOUND);
  if (!space.isActive) {
    throw ValidationError.single("spaceId", {
      da: "Lokalet kan ikke bookes for tiden.",
      en: "The space cannot be booked at the moment.",
    });
  }
  const serviceUnit = await prisma.unit.findUnique({ where: { id: input.serviceUnitId }, select: { kind: true } });
  if (serviceUnit?.kind !== "SERVICE") {
    throw ValidationError.single("serviceUnitId", {
      da: "Kun et tilbud kan booke besøg på et værested.",
      en: "Only a service can book visits at a centre.",
    });
  }
  const [windows, closures, trusted] = await Promise.all([
    prisma.visitWindow.findMany({ where: { centreId: input.centreId } }),
    prisma.visitWindowClosure.findMany({ where: { centreId: input.centreId }, select: { date: true } }),
    prisma.trustedService.findUnique({
      where: { centreId_serviceUnitId: { centreId: input.centreId, serviceUnitId: input.serviceUnitId } },
    }),
  ]);
  return {
    windows,
    closedDates: closures.map((closure) => closure.date.toISOString().slice(0, 10)),
    isTrusted: trusted !== null,
  };
}

async function findSeriesConflicts(
  prisma: Prisma,
  spaceId: string,
  occurrences: Occurrence[],
  closedDates: string[],
): Promise<SeriesOccurrenceConflict[]> {
  const taken = await findLiveOverlaps(prisma, spaceId, occurrences);
  return occurrences.flatMap((occurrence) => {
    const isClosed = closedDates.includes(occurrence.date);
    const conflictingVisit = taken.find((visit) => rangesOverlap(visit, occurrence)) ?? null;
    return isClosed || conflictingVisit ? [{ date: occurrence.date, isClosed, conflictingVisit }] : [];
  });
}

/** Live bookings in the space overlapping any of the ranges, as the public facts a booker may see. */
async function findLiveOverlaps(
  prisma: Prisma,
  spaceId: string,
  ranges: { startsAt: Date; endsAt: Date }[],
  excludeVisitId: string | null = null,
): Promise<ConflictingVisit[]> {
  if (ranges.length === 0) return [];
  const visits = await prisma.visit.findMany({
    where: {
      spaceId,
      ...(excludeVisitId ? { id: { not: excludeVisitId } } : {}),
      status: { in: LIVE_VISIT_STATUSES },
      OR: ranges.map((range) => ({ startsAt: { lt: range.endsAt }, endsAt: { gt: range.startsAt } })),
    },
    select: { id: true, title: true, startsAt: true, endsAt: true, serviceUnit: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
  });
  return visits.map((visit) => ({
    id: visit.id,
    title: visit.title,
    serviceUnitName: visit.serviceUnit.name,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
  }));
}

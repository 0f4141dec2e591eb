// Booking, approving and cancelling visits. The database's exclusion constraint
// "Visit_no_overlap_in_space" is the guard against double booking; this code only turns its
// verdict into a typed error that names the booking in the way.
import type { Prisma } from "../../db/database.ts";
import type { Visit, VisitSeries, VisitStatus } from "../../generated/prisma/client.ts";
import { IllegalTransitionError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { LIVE_VISIT_STATUSES } from "./visit.policy.ts";
import {
  type ConflictingVisit,
  isVisitOverlapViolation,
  type SeriesOccurrenceConflict,
  SeriesConflictError,
  VisitConflictError,
} from "./visit-errors.ts";
import { fitsInWindow, type Occurrence, rangesOverlap, weeklyOccurrences, zonedDateTime } from "./slot-overlap.ts";

type Transaction = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export interface BookingDetails {
  centreId: string;
  spaceId: string;
  serviceUnitId: string;
  title: string;
  publicDescription: string | null;
  internalNote: string | null;
}

export interface BookVisitInput extends BookingDetails {
  startsAt: Date;
  endsAt: Date;
}

export interface BookVisitSeriesInput extends BookingDetails {
  firstDate: string;
  startMinute: number;
  endMinute: number;
  weeks?: number;
  untilDate?: string;
  bookFreeOccurrencesOnly: boolean;
}

const SPACE_NOT_FOUND = { da: "Lokalet", en: "The space" };
const VISIT_NOT_FOUND = { da: "Besøget", en: "The visit" };
const SERIES_NOT_FOUND = { da: "Serien", en: "The series" };
const BOOKING_IN_THE_PAST = (field: string) =>
  ValidationError.single(field, { da: "Et besøg kan ikke bookes bagud i tid.", en: "A visit cannot be booked in the past." });

/** Books one visit: REQUESTED, or CONFIRMED at once when the centre trusts the service. */
export async function bookVisit(prisma: Prisma, bookedById: string, input: BookVisitInput, now: Date): Promise<Visit> {
  if (input.startsAt.getTime() < now.getTime()) throw BOOKING_IN_THE_PAST("startsAt");
  const schedule = await loadBookingSchedule(prisma, input);
  if (!fitsInWindow(input, schedule.windows, schedule.closedDates)) {
    throw ValidationError.single("startsAt", {
      da: "Tidspunktet ligger uden for værestedets åbne tider for besøg, eller værestedet er lukket for besøg den dag.",
      en: "The time is outside the centre's visiting windows, or the centre is closed to visits that day.",
    });
  }
  const status: VisitStatus = schedule.isTrusted ? "CONFIRMED" : "REQUESTED";
  // A conflicting booking may be cancelled between our failed insert and the look-up that names
  // it; then the slot is free and one more attempt is right.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await prisma.$transaction((tx) =>
        tx.visit.create({
          data: {
            centreId: input.centreId,
            spaceId: input.spaceId,
            serviceUnitId: input.serviceUnitId,
            bookedById,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            status,
            createdAt: now,
            updatedAt: now,
            title: input.title,
            publicDescription: input.publicDescription,
            internalNote: input.internalNote,
          },
        }),
      );
    } catch (error) {
      if (!isVisitOverlapViolation(error)) throw error;
      const [conflicting] = await findLiveOverlaps(prisma, input.spaceId, [input]);
      if (conflicting) throw new VisitConflictError(conflicting);
      if (attempt >= 2) throw error;
    }
  }
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
export async function bookVisitSeries(
  prisma: Prisma,
  bookedById: string,
  input: BookVisitSeriesInput,
  now: Date,
): Promise<BookedSeries> {
  let occurrences: Occurrence[];
  try {
    occurrences = weeklyOccurrences(input);
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
  const status: VisitStatus = schedule.isTrusted ? "CONFIRMED" : "REQUESTED";

  for (let attempt = 0; ; attempt += 1) {
    const conflicts = await findSeriesConflicts(prisma, input.spaceId, occurrences, schedule.closedDates);
    if (conflicts.length > 0 && !input.bookFreeOccurrencesOnly) throw new SeriesConflictError(conflicts);
    const conflictDates = new Set(conflicts.map((conflict) => conflict.date));
    const free = occurrences.filter((occurrence) => !conflictDates.has(occurrence.date));
    if (free.length === 0) return { series: null, visits: [], conflicts };
    try {
      const booked = await prisma.$transaction(async (tx) => {
        const series = await tx.visitSeries.create({
          data: {
            centreId: input.centreId,
            spaceId: input.spaceId,
            serviceUnitId: input.serviceUnitId,
            bookedById,
            weekday: new Date(`${input.firstDate}T12:00:00Z`).getUTCDay() || 7,
            startMinute: input.startMinute,
            endMinute: input.endMinute,
            firstDate: new Date(`${occurrences[0]!.date}T00:00:00Z`),
            lastDate: new Date(`${occurrences[occurrences.length - 1]!.date}T00:00:00Z`),
            title: input.title,
            publicDescription: input.publicDescription,
            internalNote: input.internalNote,
            createdAt: now,
          },
        });
        await tx.visit.createMany({
          data: free.map((occurrence) => ({
            seriesId: series.id,
            centreId: input.centreId,
            spaceId: input.spaceId,
            serviceUnitId: input.serviceUnitId,
            bookedById,
            startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt,
            status,
            createdAt: now,
            updatedAt: now,
            title: input.title,
            publicDescription: input.publicDescription,
            internalNote: input.internalNote,
          })),
        });
        const visits = await tx.visit.findMany({ where: { seriesId: series.id }, orderBy: { startsAt: "asc" } });
        return { series, visits };
      });
      return { ...booked, conflicts };
    } catch (error) {
      // Someone booked one of the free slots since we looked: look again.
      if (!isVisitOverlapViolation(error) || attempt >= 2) throw error;
    }
  }
}

/** The centre confirms a requested visit. */
export async function confirmVisit(prisma: Prisma, visitId: string, now: Date): Promise<Visit> {
  return transition(prisma, visitId, "confirm", ["REQUESTED"], { status: "CONFIRMED", updatedAt: now });
}

/** The centre declines a requested visit; the reason is shown to the service. */
export async function declineVisit(prisma: Prisma, visitId: string, reason: string, now: Date): Promise<Visit> {
  return transition(prisma, visitId, "decline", ["REQUESTED"], { status: "DECLINED", declineReason: reason, updatedAt: now });
}

/** Either side cancels a requested or confirmed visit, with a reason. */
export async function cancelVisit(
  prisma: Prisma,
  visitId: string,
  cancelledByUnitId: string,
  reason: string,
  now: Date,
): Promise<Visit> {
  return transition(prisma, visitId, "cancel", LIVE_VISIT_STATUSES, {
    status: "CANCELLED",
    updatedAt: now,
    cancelReason: reason,
    cancelledByUnitId,
  });
}

/** Either side cancels every live occurrence of a series on or after `fromDate` (Copenhagen). */
export async function cancelVisitSeries(
  prisma: Prisma,
  seriesId: string,
  fromDate: string,
  cancelledByUnitId: string,
  reason: string,
  now: Date,
): Promise<Visit[]> {
  return prisma.$transaction(async (tx) => {
    const series = await tx.visitSeries.findUnique({ where: { id: seriesId }, select: { id: true } });
    if (!series) throw new NotFoundError(SERIES_NOT_FOUND);
    const from = zonedDateTime(fromDate, 0);
    const cancelled = await tx.visit.findMany({
      where: { seriesId, status: { in: LIVE_VISIT_STATUSES }, startsAt: { gte: from } },
      select: { id: true },
    });
    await tx.visit.updateMany({
      where: { id: { in: cancelled.map((visit) => visit.id) } },
      data: { status: "CANCELLED", cancelReason: reason, cancelledByUnitId, updatedAt: now, sequence: { increment: 1 } },
    });
    return tx.visit.findMany({ where: { id: { in: cancelled.map((visit) => visit.id) } }, orderBy: { startsAt: "asc" } });
  });
}

/** Which unit acts: the side of the visit the viewer belongs to, the centre first. */
export async function actingUnitOf(prisma: Prisma, memberUnitIds: string[], visitOrSeries: { centreId: string; serviceUnitId: string }) {
  const centre = await prisma.centre.findUniqueOrThrow({ where: { id: visitOrSeries.centreId }, select: { unitId: true } });
  return memberUnitIds.includes(centre.unitId) ? centre.unitId : visitOrSeries.serviceUnitId;
}

async function transition(
  prisma: Prisma,
  visitId: string,
  action: string,
  from: VisitStatus[],
  data: { status: VisitStatus; updatedAt: Date; declineReason?: string; cancelReason?: string; cancelledByUnitId?: string },
): Promise<Visit> {
  return prisma.$transaction(async (tx: Transaction) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId }, select: { status: true } });
    if (!visit) throw new NotFoundError(VISIT_NOT_FOUND);
    if (!from.includes(visit.status)) throw new IllegalTransitionError(visit.status, action);
    // The status condition makes a concurrent change lose cleanly instead of overwriting.
    const { count } = await tx.visit.updateMany({
      where: { id: visitId, status: visit.status },
      data: { ...data, sequence: { increment: 1 } },
    });
    if (count === 0) throw new IllegalTransitionError(visit.status, action);
    return tx.visit.findUniqueOrThrow({ where: { id: visitId } });
  });
}

interface BookingSchedule {
  windows: { weekday: number; startMinute: number; endMinute: number }[];
  closedDates: string[];
  isTrusted: boolean;
}

async function loadBookingSchedule(prisma: Prisma, input: BookingDetails): Promise<BookingSchedule> {
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
): Promise<ConflictingVisit[]> {
  if (ranges.length === 0) return [];
  const visits = await prisma.visit.findMany({
    where: {
      spaceId,
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

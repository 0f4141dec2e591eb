// Writes to the rota. Each command is one transaction; sign-ups rely on the unique place
// (shiftId, role, place) so that two people taking the last place end with exactly one winner.
import type { Prisma, Transaction } from "../../db/database.ts";
import type { Shift, ShiftAssignment, ShiftSwap } from "../../generated/prisma/client.ts";
import type { ShiftRole, Staffing } from "../../generated/prisma/enums.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { dateColumnOf, findCentreSchedule, isoDateOf, localIsoDate } from "../directory/index.ts";
import { addDays, defaultPlaces, isKeyHolderGap, type Places, plannedOpenings, reconcileRota } from "./shift-gaps.ts";
import { isKeyHolderOf, isStaffOf, isVolunteerOf } from "./volunteer.policy.ts";
import { NotKeyHolderError, ShiftFullError } from "./volunteer.errors.ts";

const SHIFT = { da: "Vagten", en: "The shift" };
const CENTRE = { da: "Værestedet", en: "The centre" };
const SWAP = { da: "Byttet", en: "The swap" };
const ASSIGNMENT = { da: "Pladsen på vagten", en: "The place on the shift" };

/** How far ahead the job keeps a centre's rota in step with its opening hours. */
export const ROTA_HORIZON_DAYS = 42;
/** One generateRota call covers at most this many days. */
export const MAX_GENERATE_DAYS = 92;

export interface RotaSummary {
  created: number;
  updated: number;
  cancelled: number;
}

/**
 * Brings a centre's generated shifts for local dates [fromDate, toDate] in line with its opening
 * hours, exceptions and holidays: creates missing shifts, moves changed ones, cancels those a
 * closure touches (sign-ups stay, so a reopened day keeps its people).
 */
export async function generateRota(prisma: Prisma, centreId: string, fromDate: string, toDate: string): Promise<RotaSummary> {
  return prisma.$transaction(async (tx) => {
    const schedule = await findCentreSchedule(tx, centreId);
    if (!schedule) throw new NotFoundError(CENTRE);
    const openings = plannedOpenings(schedule, fromDate, toDate);
    const stored = await tx.shift.findMany({
      where: { centreId, date: { gte: dateColumnOf(fromDate), lte: dateColumnOf(toDate) }, occurrence: { not: null } },
    });
    const changes = reconcileRota(
      openings,
      stored.map((shift) => ({ ...shift, date: isoDateOf(shift.date) })),
    );
    const summary: RotaSummary = { created: 0, updated: 0, cancelled: 0 };
    for (const change of changes) {
      if (change.kind === "create") {
        const { opening } = change;
        await tx.shift.create({
          data: {
            centreId,
            date: dateColumnOf(opening.date),
            occurrence: opening.occurrence,
            startsAt: opening.startsAt,
            endsAt: opening.endsAt,
            staffing: opening.staffing,
            ...defaultPlaces(opening.staffing),
          },
        });
        summary.created += 1;
      } else if (change.kind === "update") {
        await tx.shift.update({
          where: { id: change.shiftId },
          data: {
            startsAt: change.startsAt,
            endsAt: change.endsAt,
            staffing: change.staffing,
            ...(change.reopen ? { status: "PLANNED", cancelReason: null } : {}),
            sequence: { increment: 1 },
          },
        });
        summary.updated += 1;
      } else {
        await tx.shift.update({
          where: { id: change.shiftId },
          data: { status: "CANCELLED", cancelReason: "CENTRE_CLOSED", mayBeCancelled: false, sequence: { increment: 1 } },
        });
        summary.cancelled += 1;
      }
    }
    return summary;
  });
}

/** For the job: keeps every centre that has a rota in step with its opening hours for the coming weeks. */
export async function reconcileUpcomingRotas(prisma: Prisma, now: Date): Promise<number> {
  const today = localIsoDate(now);
  const centres = await prisma.shift.findMany({ distinct: ["centreId"], select: { centreId: true } });
  let changed = 0;
  for (const { centreId } of centres) {
    const summary = await generateRota(prisma, centreId, today, addDays(today, ROTA_HORIZON_DAYS - 1));
    changed += summary.created + summary.updated + summary.cancelled;
  }
  return changed;
}

/** Adds a shift by hand, outside the generated ones (e.g. setting up before an event). */
export async function addExtraShift(
  prisma: Prisma,
  centreId: string,
  input: { startsAt: Date; endsAt: Date; staffing: Staffing; note: string | null } & Places,
): Promise<Shift> {
  if (!(await prisma.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) throw new NotFoundError(CENTRE);
  return prisma.shift.create({
    data: { centreId, date: dateColumnOf(localIsoDate(input.startsAt)), occurrence: null, ...input },
  });
}

/** Splits a shift in two at an instant inside it; the people signed up stay on the first part. */
export async function splitShift(prisma: Prisma, shiftId: string, at: Date): Promise<Shift[]> {
  return prisma.$transaction(async (tx) => {
    const shift = await getShiftOrThrow(tx, shiftId);
    if (shift.status === "CANCELLED") throw cancelledError();
    if (!(at > shift.startsAt && at < shift.endsAt)) {
      throw ValidationError.single("at", { da: "Delingstidspunktet skal ligge inde i vagten.", en: "The split time must lie inside the shift." });
    }
    const first = await tx.shift.update({ where: { id: shift.id }, data: { endsAt: at, sequence: { increment: 1 } } });
    const second = await tx.shift.create({
      data: {
        centreId: shift.centreId,
        date: shift.date,
        occurrence: shift.occurrence,
        startsAt: at,
        endsAt: shift.endsAt,
        staffing: shift.staffing,
        keyHolderPlaces: shift.keyHolderPlaces,
        volunteerPlaces: shift.volunteerPlaces,
        staffPlaces: shift.staffPlaces,
        note: shift.note,
      },
    });
    return [first, second];
  });
}

/** Changes the places a shift needs and its note; never below the places already taken. */
export async function updateShift(prisma: Prisma, shiftId: string, input: Places & { note: string | null }): Promise<Shift> {
  return prisma.$transaction(async (tx) => {
    const shift = await getShiftOrThrow(tx, shiftId);
    const assignments = await tx.shiftAssignment.findMany({ where: { shiftId }, select: { role: true, place: true } });
    const limits: Record<ShiftRole, number> = { KEY_HOLDER: input.keyHolderPlaces, VOLUNTEER: input.volunteerPlaces, STAFF: input.staffPlaces };
    if (assignments.some((assignment) => assignment.place >= limits[assignment.role])) {
      throw new ConflictError({
        da: "Der er allerede nogen på de pladser, du vil fjerne. Flyt eller fjern dem først.",
        en: "Someone already holds the places you want to remove. Move or remove them first.",
      });
    }
    return tx.shift.update({ where: { id: shift.id }, data: { ...input, sequence: { increment: 1 } } });
  });
}

/** Cancels a shift by hand; generating the rota again will not bring it back. */
export async function cancelShift(prisma: Prisma, shiftId: string): Promise<Shift> {
  return prisma.$transaction(async (tx) => {
    const shift = await getShiftOrThrow(tx, shiftId);
    if (shift.status === "CANCELLED" && shift.cancelReason === "CANCELLED_BY_CENTRE") return shift;
    return tx.shift.update({
      where: { id: shiftId },
      data: { status: "CANCELLED", cancelReason: "CANCELLED_BY_CENTRE", mayBeCancelled: false, sequence: { increment: 1 } },
    });
  });
}

/** Marks a key-holder gap "kan blive aflyst" (or clears the mark). Only a gap can be marked. */
export async function setShiftMayBeCancelled(prisma: Prisma, shiftId: string, mayBeCancelled: boolean): Promise<Shift> {
  return prisma.$transaction(async (tx) => {
    const shift = await tx.shift.findUnique({ where: { id: shiftId }, include: { assignments: { select: { role: true } } } });
    if (!shift) throw new NotFoundError(SHIFT);
    if (mayBeCancelled && !isKeyHolderGap(shift)) {
      throw new ConflictError({
        da: "Kun en vagt uden nøglebærer kan markeres som \"kan blive aflyst\".",
        en: "Only a shift without a key holder can be marked \"may be cancelled\".",
      });
    }
    return tx.shift.update({ where: { id: shiftId }, data: { mayBeCancelled } });
  });
}

/**
 * Puts a person in the lowest free place of a role on a shift: the volunteer themself, or a
 * staff member assigning them. Two concurrent sign-ups for the same place collide on the unique
 * place; the loser tries once more and then gets ShiftFullError if nothing is left.
 */
export async function takeShiftPlace(
  prisma: Prisma,
  input: { shiftId: string; userId: string; role: ShiftRole; assignedById: string; now: Date },
): Promise<ShiftAssignment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction((tx) => insertIntoFreePlace(tx, input));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= 2) throw new ShiftFullError();
    }
  }
}

async function insertIntoFreePlace(
  tx: Transaction,
  input: { shiftId: string; userId: string; role: ShiftRole; assignedById: string; now: Date },
): Promise<ShiftAssignment> {
  const shift = await tx.shift.findUnique({ where: { id: input.shiftId }, include: { centre: { select: { unitId: true } }, assignments: true } });
  if (!shift) throw new NotFoundError(SHIFT);
  if (shift.status === "CANCELLED") throw cancelledError();
  if (shift.endsAt <= input.now) throw pastError();
  if (shift.assignments.some((assignment) => assignment.userId === input.userId)) {
    throw new ConflictError({ da: "Personen står allerede på vagten.", en: "The person is already on this shift." });
  }
  await assertEligible(tx, shift.centre.unitId, input.userId, input.role);
  const places = placesFor(shift, input.role);
  const taken = new Set(shift.assignments.filter((assignment) => assignment.role === input.role).map((assignment) => assignment.place));
  const place = Array.from({ length: places }, (_, index) => index).find((index) => !taken.has(index));
  if (place === undefined) throw new ShiftFullError();
  const assignment = await tx.shiftAssignment.create({
    data: { shiftId: shift.id, userId: input.userId, role: input.role, place, assignedById: input.assignedById, createdAt: input.now },
  });
  // A key holder has come: the "kan blive aflyst" warning no longer holds.
  if (input.role !== "VOLUNTEER" && shift.mayBeCancelled) await tx.shift.update({ where: { id: shift.id }, data: { mayBeCancelled: false } });
  return assignment;
}

/** Removes a person from a shift (themself, or by staff). Open swaps of the place go with it. */
export async function leaveShift(prisma: Prisma, input: { shiftId: string; userId: string; now: Date }): Promise<Shift> {
  return prisma.$transaction(async (tx) => {
    const shift = await getShiftOrThrow(tx, input.shiftId);
    if (shift.endsAt <= input.now) throw pastError();
    const assignment = await tx.shiftAssignment.findUnique({ where: { shiftId_userId: { shiftId: input.shiftId, userId: input.userId } } });
    if (!assignment) throw new NotFoundError(ASSIGNMENT);
    await tx.shiftAssignment.delete({ where: { id: assignment.id } });
    return shift;
  });
}

/** Offers one's place on a shift to the centre's other volunteers; an open request is reused. */
export async function requestShiftSwap(prisma: Prisma, input: { shiftId: string; userId: string; now: Date }): Promise<ShiftSwap> {
  return prisma.$transaction(async (tx) => {
    const shift = await getShiftOrThrow(tx, input.shiftId);
    if (shift.status === "CANCELLED") throw cancelledError();
    if (shift.endsAt <= input.now) throw pastError();
    const assignment = await tx.shiftAssignment.findUnique({ where: { shiftId_userId: { shiftId: input.shiftId, userId: input.userId } } });
    if (!assignment) throw new NotFoundError(ASSIGNMENT);
    const open = await tx.shiftSwap.findFirst({ where: { assignmentId: assignment.id, status: "OPEN" } });
    if (open) return open;
    return tx.shiftSwap.create({ data: { assignmentId: assignment.id, requestedById: input.userId, createdAt: input.now } });
  });
}

/** Takes over the place of an open swap request; the one who asked is off the shift. */
export async function acceptShiftSwap(prisma: Prisma, input: { swapId: string; userId: string; now: Date }): Promise<ShiftSwap> {
  try {
    return await prisma.$transaction(async (tx) => {
      const swap = await tx.shiftSwap.findUnique({
        where: { id: input.swapId },
        include: { assignment: { include: { shift: { include: { centre: { select: { unitId: true } } } } } } },
      });
      if (!swap) throw new NotFoundError(SWAP);
      if (swap.status !== "OPEN") {
        throw new ConflictError({ da: "Byttet er ikke længere åbent.", en: "The swap is no longer open." });
      }
      const { assignment } = swap;
      if (assignment.userId === input.userId) {
        throw new ConflictError({ da: "Du kan ikke overtage din egen plads.", en: "You cannot take over your own place." });
      }
      if (assignment.shift.status === "CANCELLED") throw cancelledError();
      if (assignment.shift.endsAt <= input.now) throw pastError();
      await assertEligible(tx, assignment.shift.centre.unitId, input.userId, assignment.role);
      // Conditional on the swap still being open, so two people accepting at once cannot both win.
      const claimed = await tx.shiftSwap.updateMany({
        where: { id: swap.id, status: "OPEN" },
        data: { status: "ACCEPTED", acceptedById: input.userId, decidedAt: input.now },
      });
      if (claimed.count !== 1) throw new ConflictError({ da: "Byttet er ikke længere åbent.", en: "The swap is no longer open." });
      await tx.shiftAssignment.update({ where: { id: assignment.id }, data: { userId: input.userId, assignedById: input.userId } });
      return tx.shiftSwap.findUniqueOrThrow({ where: { id: swap.id } });
    });
  } catch (error) {
    // (shiftId, userId) is unique: the one accepting already has another place on this shift.
    if (isUniqueViolation(error)) {
      throw new ConflictError({ da: "Du står allerede på vagten.", en: "You are already on this shift." });
    }
    throw error;
  }
}

/** Withdraws one's own open swap request. */
export async function withdrawShiftSwap(prisma: Prisma, input: { swapId: string; userId: string; now: Date }): Promise<ShiftSwap> {
  return prisma.$transaction(async (tx) => {
    const swap = await tx.shiftSwap.findUnique({ where: { id: input.swapId } });
    if (!swap) throw new NotFoundError(SWAP);
    if (swap.requestedById !== input.userId) throw new ForbiddenError();
    if (swap.status !== "OPEN") return swap;
    return tx.shiftSwap.update({ where: { id: swap.id }, data: { status: "WITHDRAWN", decidedAt: input.now } });
  });
}

/** Marks a centre volunteer as a trained key holder, or takes the mark away. */
export async function setTrainedKeyHolder(
  prisma: Prisma,
  input: { centreId: string; userId: string; isKeyHolder: boolean; grantedById: string; now: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const centre = await tx.centre.findUnique({ where: { id: input.centreId }, select: { unitId: true } });
    if (!centre) throw new NotFoundError(CENTRE);
    if (!(await isVolunteerOf(tx, centre.unitId, input.userId))) {
      throw new NotFoundError({ da: "Den frivillige", en: "The volunteer" });
    }
    const key = { unitId_userId: { unitId: centre.unitId, userId: input.userId } };
    if (input.isKeyHolder) {
      await tx.trainedKeyHolder.upsert({
        where: key,
        create: { unitId: centre.unitId, userId: input.userId, grantedById: input.grantedById, grantedAt: input.now },
        update: {},
      });
    } else {
      await tx.trainedKeyHolder.deleteMany({ where: { unitId: centre.unitId, userId: input.userId } });
    }
  });
}

async function assertEligible(tx: Transaction, unitId: string, userId: string, role: ShiftRole): Promise<void> {
  if (role === "KEY_HOLDER") {
    if (!(await isKeyHolderOf(tx, unitId, userId))) throw new NotKeyHolderError();
    return;
  }
  const isStaff = await isStaffOf(tx, unitId, userId);
  if (role === "STAFF" && !isStaff) {
    throw ValidationError.single("role", {
      da: "Kun ansatte på værestedet kan tage en personaleplads.",
      en: "Only the centre's staff can take a staff place.",
    });
  }
  if (!isStaff && !(await isVolunteerOf(tx, unitId, userId))) {
    throw new NotFoundError({ da: "Den frivillige", en: "The volunteer" });
  }
}

function placesFor(shift: Places, role: ShiftRole): number {
  return role === "KEY_HOLDER" ? shift.keyHolderPlaces : role === "STAFF" ? shift.staffPlaces : shift.volunteerPlaces;
}

async function getShiftOrThrow(tx: Transaction, shiftId: string): Promise<Shift> {
  const shift = await tx.shift.findUnique({ where: { id: shiftId } });
  if (!shift) throw new NotFoundError(SHIFT);
  return shift;
}

function cancelledError() {
  return new ConflictError({ da: "Vagten er aflyst.", en: "The shift is cancelled." });
}

function pastError() {
  return new ConflictError({ da: "Vagten er allerede overstået.", en: "The shift is already over." });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

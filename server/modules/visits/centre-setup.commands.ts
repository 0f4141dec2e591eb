// What a centre's administrators set up so services can book: spaces, visiting windows,
// closed dates and which services they trust.
import type { Prisma, Transaction } from "../../db/database.ts";
import type { AccessibilityFeature } from "../../generated/prisma/enums.ts";
import type { Space, VisitWindow, VisitWindowClosure } from "../../generated/prisma/client.ts";
import { NotFoundError } from "../../shared/errors.ts";

export interface SpaceDetails {
  name: string;
  capacity: number;
  accessibility: AccessibilityFeature[];
  description: string | null;
}

const CENTRE_NOT_FOUND = { da: "Værestedet", en: "The centre" };

/** Adds a bookable space to a centre. */
export async function createSpace(prisma: Prisma, centreId: string, details: SpaceDetails): Promise<Space> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    return tx.space.create({ data: { centreId, ...details } });
  });
}

/** Changes a space; an inactive space keeps its bookings but takes no new ones. */
export async function updateSpace(
  prisma: Prisma,
  spaceId: string,
  changes: Partial<SpaceDetails> & { isActive?: boolean },
): Promise<Space> {
  return prisma.$transaction(async (tx) => {
    const space = await tx.space.findUnique({ where: { id: spaceId }, select: { id: true } });
    if (!space) throw new NotFoundError({ da: "Lokalet", en: "The space" });
    return tx.space.update({ where: { id: spaceId }, data: changes });
  });
}

/** Replaces all of a centre's weekly visiting windows. Existing bookings are left as they are. */
export async function setVisitWindows(
  prisma: Prisma,
  centreId: string,
  windows: { weekday: number; startMinute: number; endMinute: number }[],
): Promise<VisitWindow[]> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    await tx.visitWindow.deleteMany({ where: { centreId } });
    await tx.visitWindow.createMany({ data: windows.map((window) => ({ centreId, ...window })) });
    return tx.visitWindow.findMany({ where: { centreId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] });
  });
}

/** Closes a date to new visits (idempotent: closing a closed date updates the reason). */
export async function addVisitWindowClosure(
  prisma: Prisma,
  centreId: string,
  date: string,
  reason: string | null,
): Promise<VisitWindowClosure> {
  return prisma.$transaction((tx) => upsertVisitWindowClosure(tx, centreId, date, reason));
}

/** The write of addVisitWindowClosure inside the caller's transaction. */
export async function upsertVisitWindowClosure(tx: Transaction, centreId: string, date: string, reason: string | null): Promise<VisitWindowClosure> {
  await getCentreOrThrow(tx, centreId);
  const day = new Date(`${date}T00:00:00Z`);
  return tx.visitWindowClosure.upsert({
    where: { centreId_date: { centreId, date: day } },
    create: { centreId, date: day, reason },
    update: { reason },
  });
}

/** Reopens a closed date. */
export async function removeVisitWindowClosure(prisma: Prisma, closureId: string): Promise<VisitWindowClosure> {
  return prisma.$transaction(async (tx) => {
    const closure = await tx.visitWindowClosure.findUnique({ where: { id: closureId } });
    if (!closure) throw new NotFoundError({ da: "Lukkedagen", en: "The closed date" });
    await tx.visitWindowClosure.delete({ where: { id: closureId } });
    return closure;
  });
}

/** Marks a service as trusted (its requests confirm at once) or no longer trusted. */
export async function setServiceTrusted(prisma: Prisma, centreId: string, serviceUnitId: string, isTrusted: boolean): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    const unit = await tx.unit.findUnique({ where: { id: serviceUnitId }, select: { kind: true } });
    if (unit?.kind !== "SERVICE") throw new NotFoundError({ da: "Tilbuddet", en: "The service" });
    if (isTrusted) {
      await tx.trustedService.upsert({
        where: { centreId_serviceUnitId: { centreId, serviceUnitId } },
        create: { centreId, serviceUnitId },
        update: {},
      });
    } else {
      await tx.trustedService.deleteMany({ where: { centreId, serviceUnitId } });
    }
    return isTrusted;
  });
}

/** Sets after how many days an unanswered visit request at the centre expires. */
export async function setVisitRequestExpiryDays(prisma: Prisma, centreId: string, days: number): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    const centre = await tx.centre.update({ where: { id: centreId }, data: { visitRequestExpiryDays: days }, select: { visitRequestExpiryDays: true } });
    return centre.visitRequestExpiryDays;
  });
}

async function getCentreOrThrow(tx: Transaction, centreId: string) {
  const centre = await tx.centre.findUnique({ where: { id: centreId }, select: { id: true } });
  if (!centre) throw new NotFoundError(CENTRE_NOT_FOUND);
  return centre;
}

// What a centre's administrators set up so services can book: spaces, visiting windows,
// closed dates and which services they trust. Every command takes (deps, viewer, input); the
// viewer is already authorised by the mutation's scopes (a centre administrator).
import type { Transaction } from "../../db/database.ts";
import type { AccessibilityFeature } from "../../generated/prisma/enums.ts";
import type { Space, VisitWindow, VisitWindowClosure } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { NotFoundError } from "../../shared/errors.ts";
import type { VisitDependencies } from "./booking.commands.ts";

export interface SpaceDetails {
  name: string;
  capacity: number;
  accessibility: AccessibilityFeature[];
  description?: string | null;
}

export interface CreateSpaceInput extends SpaceDetails {
  centreId: string;
}

export interface UpdateSpaceInput extends Partial<SpaceDetails> {
  spaceId: string;
  isActive?: boolean;
}

export interface VisitWindowValues {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface VisitWindowClosureValues {
  centreId: string;
  /** yyyy-mm-dd, a Copenhagen calendar date. */
  date: string;
  reason: string | null;
}

const CENTRE_NOT_FOUND = { da: "Værestedet", en: "The centre" };

/** Adds a bookable space to a centre. */
export async function createSpace(deps: VisitDependencies, _viewer: Viewer, input: CreateSpaceInput): Promise<Space> {
  const { centreId, description, ...details } = input;
  return deps.prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    return tx.space.create({ data: { centreId, ...details, description: description ?? null } });
  });
}

/** Changes a space; an inactive space keeps its bookings but takes no new ones. */
export async function updateSpace(deps: VisitDependencies, _viewer: Viewer, input: UpdateSpaceInput): Promise<Space> {
  const { spaceId, ...changes } = input;
  return deps.prisma.$transaction(async (tx) => {
    const space = await tx.space.findUnique({ where: { id: spaceId }, select: { id: true } });
    if (!space) throw new NotFoundError({ da: "Lokalet", en: "The space" });
    return tx.space.update({ where: { id: spaceId }, data: changes });
  });
}

/** Replaces all of a centre's weekly visiting windows. Existing bookings are left as they are. */
export async function setVisitWindows(
  deps: VisitDependencies,
  _viewer: Viewer,
  input: { centreId: string; windows: VisitWindowValues[] },
): Promise<VisitWindow[]> {
  const { centreId, windows } = input;
  return deps.prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    await tx.visitWindow.deleteMany({ where: { centreId } });
    await tx.visitWindow.createMany({ data: windows.map((window) => ({ centreId, ...window })) });
    return tx.visitWindow.findMany({ where: { centreId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] });
  });
}

/**
 * Closes a date to new visits inside the caller's transaction (idempotent: closing a closed date
 * updates the reason). addVisitWindowClosure (closures.commands.ts) also deals with booked visits.
 */
export async function upsertVisitWindowClosure(tx: Transaction, closure: VisitWindowClosureValues): Promise<VisitWindowClosure> {
  const { centreId, date, reason } = closure;
  await getCentreOrThrow(tx, centreId);
  const day = new Date(`${date}T00:00:00Z`);
  return tx.visitWindowClosure.upsert({
    where: { centreId_date: { centreId, date: day } },
    create: { centreId, date: day, reason },
    update: { reason },
  });
}

/** Reopens a closed date. */
export async function removeVisitWindowClosure(
  deps: VisitDependencies,
  _viewer: Viewer,
  input: { closureId: string },
): Promise<VisitWindowClosure> {
  const { closureId } = input;
  return deps.prisma.$transaction(async (tx) => {
    const closure = await tx.visitWindowClosure.findUnique({ where: { id: closureId } });
    if (!closure) throw new NotFoundError({ da: "Lukkedagen", en: "The closed date" });
    await tx.visitWindowClosure.delete({ where: { id: closureId } });
    return closure;
  });
}

/** Marks a service as trusted (its requests confirm at once) or no longer trusted. */
export async function setServiceTrusted(
  deps: VisitDependencies,
  _viewer: Viewer,
  input: { centreId: string; serviceUnitId: string; isTrusted: boolean },
): Promise<boolean> {
  const { centreId, serviceUnitId, isTrusted } = input;
  return deps.prisma.$transaction(async (tx) => {
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
export async function setVisitRequestExpiryDays(
  deps: VisitDependencies,
  _viewer: Viewer,
  input: { centreId: string; days: number },
): Promise<number> {
  const { centreId, days } = input;
  return deps.prisma.$transaction(async (tx) => {
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

// Who may see and change what in the volunteers module. Scope maps feed Pothos authScopes.
// A volunteer is never "staff": the viewer's staff memberships exclude VOLUNTEER (see
// session.ts), so every staff scope elsewhere (handovers, visits, figures, audit logs)
// refuses a volunteer without any rule here. An unknown id is refused (server/shared/policy.ts).
import type { Prisma, Transaction } from "../../db/database.ts";
import type { Viewer } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import { scopesForRow } from "../../shared/policy.ts";
import { findCentreUnitId } from "../directory/index.ts";

/** Staff of the centre, its volunteers, and its administrators: may read the rota. */
export function rotaReaderScopesForUnit(unitId: string) {
  return { $any: { memberOfUnit: unitId, volunteerAtUnit: unitId, unitAdmin: unitId } };
}

/** Staff of the centre and its administrators: build the rota and assign people. */
export function rotaManagerScopesForUnit(unitId: string) {
  return { $any: { memberOfUnit: unitId, unitAdmin: unitId } };
}

export function rotaReaderScopes(prisma: Prisma, centreId: string) {
  return scopesForRow(findCentreUnitId(prisma, centreId), rotaReaderScopesForUnit);
}

export function rotaManagerScopes(prisma: Prisma, centreId: string) {
  return scopesForRow(findCentreUnitId(prisma, centreId), rotaManagerScopesForUnit);
}

/** The centre's administrators (unit admin, its organisation's admins, platform admins). */
export function centreAdminScopes(prisma: Prisma, centreId: string) {
  return scopesForRow(findCentreUnitId(prisma, centreId), (unitId) => ({ unitAdmin: unitId }));
}

async function unitOfShift(prisma: Prisma, shiftId: string): Promise<string | null> {
  const shift = await prisma.shift.findUnique({ where: { id: shiftId }, select: { centre: { select: { unitId: true } } } });
  return shift?.centre.unitId ?? null;
}

/** Who can stand on a shift: the centre's staff and volunteers (not admins from outside the centre). */
export function shiftParticipantScopesForUnit(unitId: string) {
  return { $any: { memberOfUnit: unitId, volunteerAtUnit: unitId } };
}

/** Signing up for, leaving or swapping a shift: the centre's volunteers and staff. */
export function shiftParticipantScopes(prisma: Prisma, shiftId: string) {
  return scopesForRow(unitOfShift(prisma, shiftId), shiftParticipantScopesForUnit);
}

export function shiftManagerScopes(prisma: Prisma, shiftId: string) {
  return scopesForRow(unitOfShift(prisma, shiftId), rotaManagerScopesForUnit);
}

export function shiftAdminScopes(prisma: Prisma, shiftId: string) {
  return scopesForRow(unitOfShift(prisma, shiftId), (unitId) => ({ unitAdmin: unitId }));
}

export function swapParticipantScopes(prisma: Prisma, swapId: string) {
  const swap = prisma.shiftSwap.findUnique({
    where: { id: swapId },
    select: { assignment: { select: { shift: { select: { centre: { select: { unitId: true } } } } } } },
  });
  return scopesForRow(swap, (row) => shiftParticipantScopesForUnit(row.assignment.shift.centre.unitId));
}

export function applicationAdminScopes(prisma: Prisma, applicationId: string) {
  const application = prisma.volunteerApplication.findUnique({ where: { id: applicationId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(application, (row) => ({ unitAdmin: row.centre.unitId }));
}

export function callAdminScopes(prisma: Prisma, callId: string) {
  const call = prisma.volunteerCall.findUnique({ where: { id: callId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(call, (row) => ({ unitAdmin: row.centre.unitId }));
}

/** Staff of the centre's unit: a staff membership, not a volunteer one. */
export async function isStaffOf(tx: Transaction | Prisma, unitId: string, userId: string): Promise<boolean> {
  const membership = await tx.membership.findUnique({ where: { userId_unitId: { userId, unitId } }, select: { role: true } });
  return membership !== null && membership.role !== "VOLUNTEER";
}

export async function isVolunteerOf(tx: Transaction | Prisma, unitId: string, userId: string): Promise<boolean> {
  const membership = await tx.membership.findUnique({ where: { userId_unitId: { userId, unitId } }, select: { role: true } });
  return membership?.role === "VOLUNTEER";
}

/** A key holder is a staff member of the centre, or a volunteer its admin marked as trained. */
export async function isKeyHolderOf(tx: Transaction | Prisma, unitId: string, userId: string): Promise<boolean> {
  if (await isStaffOf(tx, unitId, userId)) return true;
  if (!(await isVolunteerOf(tx, unitId, userId))) return false;
  return (await tx.trainedKeyHolder.findUnique({ where: { unitId_userId: { unitId, userId } } })) !== null;
}

/** Staff of the unit (in the viewer's session), for choosing who acts on a shift. */
export function isViewerStaffOf(viewer: Viewer | null, unitId: string): boolean {
  return isMemberOf(viewer, unitId);
}

// Who may see and change what in the visits module. Scope maps are fed to Pothos authScopes;
// `where` fragments narrow lists.
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";
import type { VisitStatus } from "../../generated/prisma/enums.ts";
import { findCentreUnitId } from "../directory/directory.policy.ts";

/** Bookings that hold their slot. A pending request holds it too (see the Visit model). */
export const LIVE_VISIT_STATUSES: VisitStatus[] = ["REQUESTED", "CONFIRMED"];

/** Anyone may see a confirmed visit's public fields: it is what "this week at the centre" shows. */
export const publicVisitWhere = { status: "CONFIRMED" } satisfies PrismaNamespace.VisitWhereInput;

/** A member of the host centre's unit or of the booking service's unit. */
export function visitParticipantScopes(centreUnitId: string, serviceUnitId: string) {
  return { $any: { memberOfUnit: centreUnitId, $any: { memberOfUnit: serviceUnitId } } };
}

/** Scopes for someone acting as the host centre's staff. */
export async function centreMemberScopes(prisma: Prisma, centreId: string) {
  const unitId = await findCentreUnitId(prisma, centreId);
  return unitId ? { memberOfUnit: unitId } : { signedIn: true };
}

/** Scopes for the centre's administrators (unit admin, organisation admin, platform admin). */
export async function centreAdminScopes(prisma: Prisma, centreId: string | undefined) {
  const unitId = centreId ? await findCentreUnitId(prisma, centreId) : null;
  // An unknown centre: let signed-in callers through to a NotFoundError, as an unknown id tells nothing.
  return unitId ? { unitAdmin: unitId } : { signedIn: true };
}

/** Scopes for either side of a booking; an unknown visit falls through to NotFoundError. */
export async function visitSideScopes(prisma: Prisma, visitId: string) {
  const visit = await prisma.visit.findUnique({
    where: { id: visitId },
    select: { serviceUnitId: true, centre: { select: { unitId: true } } },
  });
  return visit ? visitParticipantScopes(visit.centre.unitId, visit.serviceUnitId) : { signedIn: true };
}

/** Scopes for the host centre's staff of a visit. */
export async function visitCentreScopes(prisma: Prisma, visitId: string) {
  const visit = await prisma.visit.findUnique({ where: { id: visitId }, select: { centre: { select: { unitId: true } } } });
  return visit ? { memberOfUnit: visit.centre.unitId } : { signedIn: true };
}

/** Scopes for either side of a weekly series. */
export async function seriesSideScopes(prisma: Prisma, seriesId: string) {
  const series = await prisma.visitSeries.findUnique({
    where: { id: seriesId },
    select: { serviceUnitId: true, centre: { select: { unitId: true } } },
  });
  return series ? visitParticipantScopes(series.centre.unitId, series.serviceUnitId) : { signedIn: true };
}

// Who may maintain what in the directory: the unit admins of the centre's or service's unit
// (the `unitAdmin` scope also admits its organisation's admins and platform admins). An unknown
// id is refused like any other (server/shared/policy.ts), so nobody can probe which ids exist.
import type { Prisma } from "../../db/database.ts";
import { scopesForRow } from "../../shared/policy.ts";

/** The unit a centre belongs to, or null for an unknown centre. Other modules' policies use it too. */
export async function findCentreUnitId(prisma: Pick<Prisma, "centre">, centreId: string): Promise<string | null> {
  return (await prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true } }))?.unitId ?? null;
}

/** The unit of a centre the caller's scope has already found; "" (no unit) otherwise. */
export async function unitOfCentre(prisma: Prisma, centreId: string): Promise<string> {
  return (await findCentreUnitId(prisma, centreId)) ?? "";
}

export function centreAdminScopes(prisma: Prisma, centreId: string) {
  return scopesForRow(findCentreUnitId(prisma, centreId), (unitId) => ({ unitAdmin: unitId }));
}

export function openingExceptionAdminScopes(prisma: Prisma, exceptionId: string) {
  const exception = prisma.openingException.findUnique({ where: { id: exceptionId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(exception, (row) => ({ unitAdmin: row.centre.unitId }));
}

export function activityAdminScopes(prisma: Prisma, activityId: string) {
  const activity = prisma.activity.findUnique({ where: { id: activityId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(activity, (row) => ({ unitAdmin: row.centre.unitId }));
}

export function serviceAdminScopes(prisma: Prisma, serviceId: string) {
  const service = prisma.service.findUnique({ where: { id: serviceId }, select: { unitId: true } });
  return scopesForRow(service, (row) => ({ unitAdmin: row.unitId }));
}

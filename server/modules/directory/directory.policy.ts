// Who may maintain what in the directory: the unit admins of the centre's or service's unit
// (the `unitAdmin` scope also admits its organisation's admins and platform admins).
// Each helper returns the unit to check; an unknown id yields "", which only a platform admin
// passes, and the command then answers NotFound — so others cannot probe which ids exist.
import type { Prisma } from "../../db/database.ts";

/** The unit a centre belongs to, or null for an unknown centre. Other modules' policies use it too. */
export async function findCentreUnitId(prisma: Pick<Prisma, "centre">, centreId: string): Promise<string | null> {
  return (await prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true } }))?.unitId ?? null;
}

export async function unitOfCentre(prisma: Prisma, centreId: string): Promise<string> {
  return (await findCentreUnitId(prisma, centreId)) ?? "";
}

export async function unitOfOpeningException(prisma: Prisma, exceptionId: string): Promise<string> {
  const exception = await prisma.openingException.findUnique({
    where: { id: exceptionId },
    select: { centre: { select: { unitId: true } } },
  });
  return exception?.centre.unitId ?? "";
}

export async function unitOfActivity(prisma: Prisma, activityId: string): Promise<string> {
  const activity = await prisma.activity.findUnique({
    where: { id: activityId },
    select: { centre: { select: { unitId: true } } },
  });
  return activity?.centre.unitId ?? "";
}

export async function unitOfService(prisma: Prisma, serviceId: string): Promise<string> {
  return (await prisma.service.findUnique({ where: { id: serviceId }, select: { unitId: true } }))?.unitId ?? "";
}

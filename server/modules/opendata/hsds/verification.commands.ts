// Confirming a directory entry: sets verifiedAt (published as HSDS assured_date) and who did it.
import type { Clock } from "../../../clock.ts";
import type { Prisma } from "../../../db/database.ts";
import { NotFoundError } from "../../../shared/errors.ts";

/** An entry is due for confirmation after six months, or when it was never confirmed. */
export const VERIFICATION_INTERVAL_MONTHS = 6;

export function isVerificationDue(verifiedAt: Date | null, now: Date): boolean {
  if (!verifiedAt) return true;
  const due = new Date(verifiedAt);
  due.setUTCMonth(due.getUTCMonth() + VERIFICATION_INTERVAL_MONTHS);
  return due <= now;
}

/** Records that a unit admin checked the centre's public details now. */
export async function confirmCentreDetails(deps: { prisma: Prisma; clock: Clock }, userId: string, centreId: string) {
  const centre = await deps.prisma.centre.findUnique({ where: { id: centreId }, select: { id: true } });
  if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  return deps.prisma.centre.update({ where: { id: centreId }, data: { verifiedAt: deps.clock.now(), verifiedById: userId } });
}

/** Records that a unit admin checked the service's public details now. */
export async function confirmServiceDetails(deps: { prisma: Prisma; clock: Clock }, userId: string, serviceId: string) {
  const service = await deps.prisma.service.findUnique({ where: { id: serviceId }, select: { id: true } });
  if (!service) throw new NotFoundError({ da: "Tilbuddet", en: "The service" });
  return deps.prisma.service.update({ where: { id: serviceId }, data: { verifiedAt: deps.clock.now(), verifiedById: userId } });
}

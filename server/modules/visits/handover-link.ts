// A handover's proposed first meeting may point to a visit (journey J2 meets J3): the receiving
// service proposes to meet the citizen at a visiting session it holds at a centre.
import type { Prisma } from "../../db/database.ts";
import type { Visit } from "../../generated/prisma/client.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";

/**
 * The visit a handover's first meeting may point to: it must exist, be CONFIRMED, not have
 * started yet, and be booked by the service unit proposing the meeting. Call it inside the
 * handover's transaction (pass `tx`).
 */
export async function getProposableVisitOrThrow(
  prisma: Pick<Prisma, "visit">,
  visitId: string,
  proposingUnitId: string,
  now: Date,
): Promise<Visit> {
  const visit = await prisma.visit.findUnique({ where: { id: visitId } });
  if (!visit || visit.serviceUnitId !== proposingUnitId) throw new NotFoundError({ da: "Besøget", en: "The visit" });
  if (visit.status !== "CONFIRMED" || visit.startsAt.getTime() <= now.getTime()) {
    throw ValidationError.single("proposedVisitId", {
      da: "Første møde kan kun foreslås ved et bekræftet besøg, der ikke er begyndt endnu.",
      en: "A first meeting can only be proposed at a confirmed visit that has not started yet.",
    });
  }
  return visit;
}

// Need to know: only members of the sending and receiving units see a handover. Every list and
// lookup of handovers adds `handoverWhereVisibleTo(viewer)` to its Prisma `where`, so the rule
// lives here once and not in resolvers. Coordinators and admins get no exception.
import type { Viewer } from "../../graphql/context.ts";
import { isMemberOf, memberUnitIds } from "../../graphql/context.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { HandoverSide } from "./handover-status.ts";

export type ParticipantSide = Exclude<HandoverSide, "SYSTEM">;

/** Handovers the viewer may see: sent by one of their units, or sent (not drafted) to one of them. */
export function handoverWhereVisibleTo(viewer: Viewer | null): PrismaTypes.HandoverWhereInput {
  const unitIds = memberUnitIds(viewer);
  if (unitIds.length === 0) return { id: { in: [] } };
  // A draft is the sender's working copy: the receiving unit learns of it only when it is sent.
  return { OR: [{ fromUnitId: { in: unitIds } }, { toUnitId: { in: unitIds }, status: { not: "DRAFT" } }] };
}

/** The sides of a handover the viewer acts on (both when they belong to both units). */
export function viewerSides(viewer: Viewer | null, handover: { fromUnitId: string; toUnitId: string | null }): ParticipantSide[] {
  const sides: ParticipantSide[] = [];
  if (isMemberOf(viewer, handover.fromUnitId)) sides.push("SENDER");
  if (isMemberOf(viewer, handover.toUnitId)) sides.push("RECEIVER");
  return sides;
}

/** The unit a side acts for. An open request has no receiving unit yet: "" matches no membership. */
export function unitOfSide(handover: { fromUnitId: string; toUnitId: string | null }, side: ParticipantSide): string {
  return (side === "SENDER" ? handover.fromUnitId : handover.toUnitId) ?? "";
}

/** Personal data may be read while consent is given, unexpired and not withdrawn. */
export function isConsentValid(consent: { validUntil: Date; withdrawnAt: Date | null } | null, now: Date): boolean {
  return consent !== null && consent.withdrawnAt === null && consent.validUntil > now;
}

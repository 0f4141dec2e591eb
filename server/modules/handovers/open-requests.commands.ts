// Claiming an open request: the first unit of the group to claim it becomes its receiver and
// has accepted it. "The first" is decided by the database, not by the application: the claim is
// one conditional UPDATE that only finds the row while it is OPEN with no receiving unit, so of
// any number of simultaneous claims exactly one changes it (PostgreSQL re-checks the WHERE of a
// waiting UPDATE against the winner's committed row). The losers get a typed ConflictError.
import type { HandoverEventType } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import { ConflictError, ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { enqueueNotification, handoverNotifications } from "../notifications/index.ts";
import { publishHandoverChanged, type HandoverDependencies } from "./handover.commands.ts";
import { eventTypeFor, nextStatus } from "./handover-status.ts";
import { isInGroup } from "./open-requests.ts";

export interface ClaimValues {
  handoverId: string;
  /** The viewer's unit that takes the request. */
  unitId: string;
  note: string | null;
  proposedMeetingAt: Date | null;
  proposedMeetingPlace: string | null;
}

const ALREADY_TAKEN = {
  da: "Et andet tilbud har allerede taget forespørgslen.",
  en: "Another service has already taken the request.",
} as const;

/** A unit of the group takes an open request: it becomes the receiver, ACCEPTED, with a CLAIMED event. */
export async function claimOpenRequest(deps: HandoverDependencies, viewer: Viewer, values: ClaimValues) {
  const now = deps.clock.now();
  if (values.proposedMeetingAt && values.proposedMeetingAt <= now) {
    throw ValidationError.single("proposedMeetingAt", { da: "Mødet skal ligge i fremtiden.", en: "The meeting must be in the future." });
  }
  const handover = await deps.prisma.$transaction(async (tx) => {
    const current = await tx.handover.findUnique({ where: { id: values.handoverId }, include: { openRequest: true } });
    if (!current?.openRequest) throw new NotFoundError({ da: "Forespørgslen", en: "The request" });
    if (!isMemberOf(viewer, values.unitId) || values.unitId === current.fromUnitId || !(await isInGroup(tx, current.openRequest, values.unitId))) {
      throw new ForbiddenError({
        da: "Jeres enhed hører ikke til den gruppe, forespørgslen er sendt til.",
        en: "Your unit is not in the group the request was sent to.",
      });
    }
    if (current.status !== "OPEN") {
      if (current.toUnitId !== null) throw new ConflictError(ALREADY_TAKEN);
      throw new IllegalTransitionError(current.status, "claim");
    }
    const next = nextStatus(current.status, "claim");
    if (!next.ok) throw new IllegalTransitionError(current.status, "claim");
    // The database rule: only the first UPDATE still finds the request open and unclaimed.
    const { count } = await tx.handover.updateMany({
      where: { id: current.id, status: "OPEN", toUnitId: null },
      data: {
        status: next.status,
        toUnitId: values.unitId,
        firstResponseAt: now,
        ...(values.proposedMeetingAt ? { proposedMeetingAt: values.proposedMeetingAt } : {}),
        ...(values.proposedMeetingPlace ? { proposedMeetingPlace: values.proposedMeetingPlace } : {}),
      },
    });
    if (count === 0) throw new ConflictError(ALREADY_TAKEN);
    await tx.handoverOpenRequest.update({ where: { handoverId: current.id }, data: { claimedAt: now } });
    const type = eventTypeFor("claim") as HandoverEventType;
    await tx.handoverEvent.create({
      data: { handoverId: current.id, type, fromStatus: current.status, toStatus: next.status, actorUserId: viewer.userId, actorUnitId: values.unitId, note: values.note, at: now },
    });
    await enqueueNotification(tx, handoverNotifications({ ...current, toUnitId: values.unitId }, { type, fromStatus: current.status, actorUnitId: values.unitId, at: now }));
    return tx.handover.findUniqueOrThrow({ where: { id: current.id } });
  });
  publishHandoverChanged(deps.pubsub, handover);
  return handover;
}

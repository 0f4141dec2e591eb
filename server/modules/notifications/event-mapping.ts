// Which handover and visit events tell whom. The acting command hands over the facts it already
// has (ids and statuses, never text) and writes the result with enqueueNotification in its own
// transaction.
import type { HandoverEventType, HandoverStatus, NotificationKind } from "../../generated/prisma/enums.ts";
import { enqueueNotification, type NotificationRequest } from "./outbox.ts";
import type { Transaction } from "../../db/database.ts";

interface HandoverFacts {
  id: string;
  fromUnitId: string;
  /** Null for an open request no unit has claimed yet: there is no receiving side to tell. */
  toUnitId: string | null;
  createdById: string;
}

interface HandoverEventFacts {
  type: HandoverEventType;
  fromStatus: HandoverStatus | null;
  /** The unit that acted; null when the citizen or the system did. */
  actorUnitId: string | null;
  at: Date;
}

const SENDER_KINDS: Partial<Record<HandoverEventType, NotificationKind>> = {
  ACCEPTED: "HANDOVER_ACCEPTED",
  // A unit of the group took the open request: for the sender that is an acceptance.
  CLAIMED: "HANDOVER_ACCEPTED",
  DECLINED: "HANDOVER_DECLINED",
  COMPLETED: "HANDOVER_COMPLETED",
};

/** The messages a handover event causes: the other side is told; a draft tells no one. */
export function handoverNotifications(handover: HandoverFacts, event: HandoverEventFacts): NotificationRequest[] {
  const base = { subjectId: handover.id, at: event.at };
  const toSender = (kind: NotificationKind): NotificationRequest => ({ ...base, kind, unitId: handover.fromUnitId, preferredUserId: handover.createdById });
  const toReceiver = (kind: NotificationKind): NotificationRequest[] => (handover.toUnitId ? [{ ...base, kind, unitId: handover.toUnitId }] : []);
  const receiverHasSeenIt = event.fromStatus !== null && event.fromStatus !== "DRAFT";
  switch (event.type) {
    case "SENT":
      return toReceiver("HANDOVER_RECEIVED");
    case "ACCEPTED":
    case "DECLINED":
    case "COMPLETED":
    case "CLAIMED":
      return [toSender(SENDER_KINDS[event.type]!)];
    case "CANCELLED":
      return receiverHasSeenIt ? toReceiver("HANDOVER_CANCELLED") : [];
    case "WITHDRAWN": {
      const requests: NotificationRequest[] = [];
      if (receiverHasSeenIt && event.actorUnitId !== handover.toUnitId) requests.push(...toReceiver("HANDOVER_CONSENT_WITHDRAWN"));
      if (event.actorUnitId !== handover.fromUnitId) requests.push(toSender("HANDOVER_CONSENT_WITHDRAWN"));
      return requests;
    }
    case "EXPIRED":
      return [toSender("HANDOVER_EXPIRED"), ...toReceiver("HANDOVER_EXPIRED")];
    default:
      return [];
  }
}

export type VisitNotificationKind = "VISIT_REQUESTED" | "VISIT_CONFIRMED" | "VISIT_DECLINED" | "VISIT_CANCELLED" | "VISIT_CHANGED" | "VISIT_EXPIRED";

/** The ids a visit message needs: never its title, note or reason. */
export interface VisitFacts {
  id: string;
  serviceUnitId: string;
  bookedById: string;
  centreUnitId: string;
}

/**
 * Who hears of a visit event: a request goes to the centre's admins; an answer to the service
 * (its booker first); a cancellation or change to the side that did not act; an expiry to both.
 */
export function visitNotifications(
  visit: VisitFacts,
  values: { kind: VisitNotificationKind; actorUnitId: string | null; at: Date },
): NotificationRequest[] {
  const base = { kind: values.kind, subjectId: visit.id, at: values.at };
  const toCentre: NotificationRequest = { ...base, unitId: visit.centreUnitId, audience: "ADMINS" };
  const toService: NotificationRequest = { ...base, unitId: visit.serviceUnitId, preferredUserId: visit.bookedById };
  switch (values.kind) {
    case "VISIT_REQUESTED":
      return [toCentre];
    case "VISIT_CONFIRMED":
    case "VISIT_DECLINED":
      return [toService];
    case "VISIT_EXPIRED":
      return [toCentre, toService];
    case "VISIT_CANCELLED":
    case "VISIT_CHANGED":
      return [toCentre, toService].filter((request) => request.unitId !== values.actorUnitId);
  }
}

/** Enqueues the messages for a visit event (see visitNotifications) in the caller's transaction. */
export async function enqueueVisitNotification(
  tx: Transaction,
  values: { kind: VisitNotificationKind; visitId: string; actorUnitId: string | null; at: Date },
): Promise<void> {
  const visit = await tx.visit.findUnique({
    where: { id: values.visitId },
    select: { id: true, serviceUnitId: true, bookedById: true, centre: { select: { unitId: true } } },
  });
  if (!visit) return;
  await enqueueNotification(tx, visitNotifications({ ...visit, centreUnitId: visit.centre.unitId }, values));
}

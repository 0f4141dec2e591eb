// The transactional outbox. A command that changes a handover or a visit calls
// enqueueNotification with its own transaction client, so the event row commits or rolls back
// with the change itself. Nothing is sent here: the fan-out and delivery jobs do that later,
// which is what makes a crash between commit and send harmless.
import type { NotificationAudience, NotificationKind } from "../../generated/prisma/enums.ts";
import type { Transaction } from "../../db/database.ts";

export interface NotificationRequest {
  kind: NotificationKind;
  /** The unit whose members should act (or whose shared mailbox is told). */
  unitId?: string;
  /** A single recipient, for messages to one person (set-password links). */
  userId?: string;
  /** Tell this member instead of the whole unit while they still belong to it. */
  preferredUserId?: string | null;
  audience?: NotificationAudience;
  /** The handover or visit the link points to: an id, never a code or text. */
  subjectId?: string | null;
  secret?: string;
  /** Makes a repeated warning about the same state a no-op. */
  dedupeKey?: string;
  at: Date;
}

function toRow(request: NotificationRequest) {
  return {
    kind: request.kind,
    unitId: request.unitId ?? null,
    userId: request.userId ?? null,
    preferredUserId: request.preferredUserId ?? null,
    audience: request.audience ?? "MEMBERS",
    subjectId: request.subjectId ?? null,
    secret: request.secret ?? null,
    dedupeKey: request.dedupeKey ?? null,
    createdAt: request.at,
  };
}

/** Writes notification events in the caller's transaction (one or many). */
export async function enqueueNotification(tx: Transaction, requests: NotificationRequest | NotificationRequest[]): Promise<void> {
  const list = Array.isArray(requests) ? requests : [requests];
  if (list.length === 0) return;
  await tx.notificationEvent.createMany({ data: list.map(toRow), skipDuplicates: true });
}

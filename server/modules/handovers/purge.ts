import type { Transaction } from "../../db/database.ts";
// What "purge" means, in one place. Free text written about a citizen is personal data, so
// purging a handover deletes its personal-data row AND blanks every free-text column written
// about the citizen — on the handover, its consent, its events, its thread and its access log — keeping
// only coded fields (status, categories, units, timestamps, outcome). Every purge path calls
// purgeHandovers: withdrawal of consent (at once), and the purgePersonalData job (retention
// after closing — completed, declined, cancelled, expired — and consent running out).
//
// tests/purge-columns.test.ts lists every text column in the database and fails for one that
// is neither here nor in its list of columns that are not about a citizen.

/**
 * Each table's free-text columns about the citizen and the value they get: NULL where the
 * column allows it, the empty string where it is NOT NULL.
 */
export const PURGED_TEXT_COLUMNS = {
  Handover: {
    purpose: "",
    wish: null,
    preferredContactTime: null,
    languageNeeds: null,
    proposedMeetingPlace: null,
    declineReason: null,
    suggestion: null,
  },
  Consent: { purpose: "" },
  HandoverEvent: { note: null },
  PersonalDataAccess: { reason: "" },
  HandoverMessage: { text: "" },
} as const satisfies Record<string, Record<string, "" | null>>;

/** Tables whose rows of the handover are deleted outright. */
export const PURGED_TABLES = ["HandoverPersonalData"] as const;

/**
 * Purges the given handovers in the caller's transaction and marks them purged. Returns the
 * ids whose purge this call recorded (those not purged before).
 */
export async function purgeHandovers(tx: Transaction, handoverIds: string[], now: Date): Promise<string[]> {
  if (handoverIds.length === 0) return [];
  const ids = { in: handoverIds };
  await tx.handoverPersonalData.deleteMany({ where: { handoverId: ids } });
  await tx.consent.updateMany({ where: { handoverId: ids }, data: PURGED_TEXT_COLUMNS.Consent });
  await tx.handoverEvent.updateMany({ where: { handoverId: ids }, data: PURGED_TEXT_COLUMNS.HandoverEvent });
  await tx.personalDataAccess.updateMany({ where: { handoverId: ids }, data: PURGED_TEXT_COLUMNS.PersonalDataAccess });
  await tx.handoverMessage.updateMany({ where: { handoverId: ids }, data: PURGED_TEXT_COLUMNS.HandoverMessage });
  const unmarked = await tx.handover.findMany({ where: { id: ids, personalDataPurgedAt: null }, select: { id: true } });
  await tx.handover.updateMany({ where: { id: ids }, data: PURGED_TEXT_COLUMNS.Handover });
  await tx.handover.updateMany({ where: { id: { in: unmarked.map((row) => row.id) } }, data: { personalDataPurgedAt: now } });
  return unmarked.map((row) => row.id);
}

export interface HandoverDueForPurge {
  id: string;
  status: string;
  fromUnitId: string;
  toUnitId: string | null;
}

// Timestamps go in as text cast to timestamp(3): Prisma stores UTC in `timestamp without time
// zone`, and text input ignores the session's TimeZone, so the comparison is UTC everywhere.
const asTimestamp = (date: Date) => date.toISOString();

/**
 * Handovers not yet purged that are due: closed for the retention period, or whose consent was
 * withdrawn or has run out (even while open). Locked for this transaction; rows another
 * transaction holds are skipped, so concurrent runs never purge (or record) one twice. At most
 * `limit` at a time: the purge job works in bounded batches (shared/batch-job.ts).
 */
export function lockHandoversDueForPurge(tx: Transaction, now: Date, closedBefore: Date, limit: number): Promise<HandoverDueForPurge[]> {
  return tx.$queryRaw<HandoverDueForPurge[]>`
    SELECT handover.id, handover.status::text AS status, handover."fromUnitId", handover."toUnitId"
    FROM "Handover" AS handover
    LEFT JOIN "Consent" AS consent ON consent."handoverId" = handover.id
    WHERE handover."personalDataPurgedAt" IS NULL
      AND ((handover.status IN ('COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN')
            AND handover."closedAt" <= ${asTimestamp(closedBefore)}::timestamp(3))
        OR consent."withdrawnAt" IS NOT NULL
        OR consent."validUntil" <= ${asTimestamp(now)}::timestamp(3)
        OR (consent.id IS NULL AND EXISTS (SELECT 1 FROM "HandoverPersonalData" AS personal WHERE personal."handoverId" = handover.id)))
    LIMIT ${limit}
    FOR UPDATE OF handover SKIP LOCKED`;
}

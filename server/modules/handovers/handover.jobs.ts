// Background jobs for handovers. Each is one set-based statement in one transaction, guarded by
// its own WHERE: rows another instance is changing are skipped (FOR UPDATE SKIP LOCKED) and
// rows it has already changed no longer match, so concurrent runs never apply a change twice,
// and the events are written only for the rows this run changed (RETURNING).
import type { Job, JobDependencies } from "../../jobs.ts";
import type { HandoverStatus } from "../../generated/prisma/enums.ts";
import { publishHandoverChanged } from "./handover.commands.ts";

const DAY_MS = 86_400_000;

interface ChangedHandover {
  id: string;
  fromStatus: HandoverStatus;
  toStatus: HandoverStatus;
  fromUnitId: string;
  toUnitId: string;
}

// Timestamps go in as text cast to timestamp(3): Prisma stores UTC in `timestamp without time
// zone`, and text input ignores the session's TimeZone, so the comparison is UTC everywhere.
const asTimestamp = (date: Date) => date.toISOString();

/** SENT or RECEIVED handovers past their response window become EXPIRED. */
export const expireHandovers: Job = {
  name: "expireHandovers",
  async run({ prisma, clock, pubsub }: JobDependencies) {
    const now = clock.now();
    const changed = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ChangedHandover[]>`
        WITH due AS (
          SELECT id, status FROM "Handover"
          WHERE status IN ('SENT', 'RECEIVED') AND "expiresAt" <= ${asTimestamp(now)}::timestamp(3)
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "Handover" AS handover
        SET status = 'EXPIRED', "closedAt" = ${asTimestamp(now)}::timestamp(3)
        FROM due
        WHERE handover.id = due.id AND handover.status = due.status
        RETURNING handover.id, due.status::text AS "fromStatus", handover.status::text AS "toStatus",
                  handover."fromUnitId", handover."toUnitId"`;
      if (rows.length > 0) {
        await tx.handoverEvent.createMany({
          data: rows.map((row) => ({ handoverId: row.id, type: "EXPIRED", fromStatus: row.fromStatus, toStatus: row.toStatus, at: now })),
        });
      }
      return rows;
    });
    for (const row of changed) publishHandoverChanged(pubsub, { id: row.id, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId, status: row.toStatus });
    return changed.length;
  },
};

/**
 * Deletes personal data once a handover has been closed for the retention period, or as soon
 * as the consent's validity has run out. The delete is real: the row is gone.
 */
export const purgePersonalData: Job = {
  name: "purgePersonalData",
  async run({ prisma, clock, config, pubsub }: JobDependencies) {
    const now = clock.now();
    const closedBefore = new Date(now.getTime() - config.retentionDays * DAY_MS);
    const changed = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ChangedHandover[]>`
        WITH due AS (
          SELECT personal."handoverId" FROM "HandoverPersonalData" AS personal
          JOIN "Handover" AS handover ON handover.id = personal."handoverId"
          LEFT JOIN "Consent" AS consent ON consent."handoverId" = handover.id
          WHERE (handover.status IN ('COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN')
                 AND handover."closedAt" <= ${asTimestamp(closedBefore)}::timestamp(3))
             OR consent.id IS NULL
             OR consent."withdrawnAt" IS NOT NULL
             OR consent."validUntil" <= ${asTimestamp(now)}::timestamp(3)
          FOR UPDATE OF personal SKIP LOCKED
        ), deleted AS (
          DELETE FROM "HandoverPersonalData" AS personal USING due
          WHERE personal."handoverId" = due."handoverId"
          RETURNING personal."handoverId"
        )
        UPDATE "Handover" AS handover
        SET "personalDataPurgedAt" = ${asTimestamp(now)}::timestamp(3)
        FROM deleted
        WHERE handover.id = deleted."handoverId"
        RETURNING handover.id, handover.status::text AS "fromStatus", handover.status::text AS "toStatus",
                  handover."fromUnitId", handover."toUnitId"`;
      if (rows.length > 0) {
        await tx.handoverEvent.createMany({
          data: rows.map((row) => ({ handoverId: row.id, type: "PERSONAL_DATA_PURGED", fromStatus: row.fromStatus, toStatus: row.toStatus, at: now })),
        });
      }
      return rows;
    });
    for (const row of changed) publishHandoverChanged(pubsub, { id: row.id, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId, status: row.toStatus });
    return changed.length;
  },
};

export const handoverJobs: Job[] = [expireHandovers, purgePersonalData];

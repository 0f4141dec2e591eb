// Background jobs for handovers. Each works through its due rows with runInBatches
// (shared/batch-job.ts): bounded batches, each its own short transaction, claimed with
// FOR UPDATE SKIP LOCKED and guarded by its own WHERE, so concurrent runs never apply a change
// twice, and the events are written only for the rows a batch changed (RETURNING).
import type { HandoverStatus } from "../../generated/prisma/enums.ts";
import { runInBatches } from "../../shared/batch-job.ts";
import { enqueueNotification, handoverNotifications } from "../notifications/index.ts";
import { publishHandoverChanged } from "./handover.commands.ts";
import { lockHandoversDueForPurge, purgeHandovers } from "./purge.ts";
import type { Job, JobDependencies } from "../../shared/job.ts";
import type { Transaction } from "../../db/database.ts";

const DAY_MS = 86_400_000;

interface ChangedHandover {
  id: string;
  fromStatus: HandoverStatus;
  toStatus: HandoverStatus;
  fromUnitId: string;
  /** Null for an open request that expired unclaimed. */
  toUnitId: string | null;
}

/** Expiry also tells the sender, so it needs who created the handover. */
interface ExpiredHandover extends ChangedHandover {
  createdById: string;
}

// Timestamps go in as text cast to timestamp(3): Prisma stores UTC in `timestamp without time
// zone`, and text input ignores the session's TimeZone, so the comparison is UTC everywhere.
const asTimestamp = (date: Date) => date.toISOString();

/** SENT or RECEIVED handovers past their response window become EXPIRED. */
export const expireHandovers: Job = {
  name: "expireHandovers",
  run({ prisma, clock, pubsub }: JobDependencies) {
    const now = clock.now();
    return runInBatches(prisma, {
      step: async (tx: Transaction, limit: number) => {
        const rows = await tx.$queryRaw<ExpiredHandover[]>`
          WITH due AS (
            SELECT id, status FROM "Handover"
            WHERE status IN ('SENT', 'RECEIVED', 'OPEN') AND "expiresAt" <= ${asTimestamp(now)}::timestamp(3)
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE "Handover" AS handover
          SET status = 'EXPIRED', "closedAt" = ${asTimestamp(now)}::timestamp(3)
          FROM due
          WHERE handover.id = due.id AND handover.status = due.status
          RETURNING handover.id, due.status::text AS "fromStatus", handover.status::text AS "toStatus",
                    handover."fromUnitId", handover."toUnitId", handover."createdById"`;
        if (rows.length > 0) {
          await tx.handoverEvent.createMany({
            data: rows.map((row) => ({ handoverId: row.id, type: "EXPIRED", fromStatus: row.fromStatus, toStatus: row.toStatus, at: now })),
          });
          await enqueueNotification(tx, rows.flatMap((row) => handoverNotifications(row, { type: "EXPIRED", fromStatus: row.fromStatus, actorUnitId: null, at: now })));
        }
        return rows;
      },
      afterCommit: (rows) => publishChanges(pubsub, rows),
    });
  },
};

/**
 * Purges handovers (server/modules/handovers/purge.ts: the personal-data row and every free-text
 * field about the citizen) once closed for the retention period, or as soon as the consent's
 * validity has run out. The delete is real: the row is gone, the text is blank.
 */
export const purgePersonalData: Job = {
  name: "purgePersonalData",
  run({ prisma, clock, config, pubsub }: JobDependencies) {
    const now = clock.now();
    const closedBefore = new Date(now.getTime() - config.retentionDays * DAY_MS);
    return runInBatches(prisma, {
      step: async (tx: Transaction, limit: number) => {
        // purge.ts decides what is due and what "purged" means (personal data and every free
        // text about the citizen); this job only takes it in bounded batches.
        const due = await lockHandoversDueForPurge(tx, now, closedBefore, limit);
        const purged = new Set(await purgeHandovers(tx, due.map((row) => row.id), now));
        const rows: ChangedHandover[] = due
          .filter((row) => purged.has(row.id))
          .map((row) => ({ id: row.id, fromStatus: row.status as HandoverStatus, toStatus: row.status as HandoverStatus, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId }));
        if (rows.length > 0) {
          await tx.handoverEvent.createMany({
            data: rows.map((row) => ({ handoverId: row.id, type: "PERSONAL_DATA_PURGED", fromStatus: row.fromStatus, toStatus: row.toStatus, at: now })),
          });
        }
        // Every claimed row is unpurged and locked, so each is purged here: rows.length is the batch's size.
        return rows;
      },
      afterCommit: (rows) => publishChanges(pubsub, rows),
    });
  },
};

/**
 * On hold "with a date to look again": when the date comes, the holding (receiving) unit is told
 * once, content-free, through the notification outbox. The batch claims due rows with FOR UPDATE
 * SKIP LOCKED and marks them reminded in the same short transaction as the message, so two
 * instances never remind twice and a crash reminds neither half. Holding again with a new date
 * clears the mark (holdHandover), so each date reminds once.
 */
export const remindLookAgain: Job = {
  name: "remindLookAgain",
  run({ prisma, clock }: JobDependencies) {
    const now = clock.now();
    return runInBatches(prisma, {
      step: async (tx: Transaction, limit: number) => {
        const rows = await tx.$queryRaw<{ id: string; toUnitId: string }[]>`
          WITH due AS (
            SELECT id FROM "Handover"
            WHERE status = 'ON_HOLD' AND "lookAgainAt" <= ${asTimestamp(now)}::timestamp(3) AND "lookAgainRemindedAt" IS NULL
              AND "toUnitId" IS NOT NULL
            ORDER BY "lookAgainAt", id
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          )
          UPDATE "Handover" AS handover
          SET "lookAgainRemindedAt" = ${asTimestamp(now)}::timestamp(3)
          FROM due
          WHERE handover.id = due.id AND handover.status = 'ON_HOLD' AND handover."lookAgainRemindedAt" IS NULL
          RETURNING handover.id, handover."toUnitId"`;
        await enqueueNotification(
          tx,
          rows.map((row) => ({ kind: "HANDOVER_LOOK_AGAIN" as const, unitId: row.toUnitId, subjectId: row.id, at: now })),
        );
        return rows;
      },
    });
  },
};

function publishChanges(pubsub: JobDependencies["pubsub"], rows: ChangedHandover[]): void {
  for (const row of rows) publishHandoverChanged(pubsub, { id: row.id, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId, status: row.toStatus });
}

export const handoverJobs: Job[] = [expireHandovers, remindLookAgain, purgePersonalData];

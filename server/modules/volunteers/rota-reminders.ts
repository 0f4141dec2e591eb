// A key-holder gap a few days ahead is told to the centre's volunteers: "a shift at Lyset still
// needs a key holder; see the rota". Each centre chooses how many days ahead
// (Centre.rotaGapReminderDays, default 3, 0 = never). Once per shift: the batch claims due gaps
// with FOR UPDATE SKIP LOCKED, marks them reminded and writes the message to the notification
// outbox in the same short transaction, so two instances never remind twice and a crash reminds
// neither half. The words carry no date, name or note: only that there is a gap, and where.
import type { Prisma, Transaction } from "../../db/database.ts";
import { runInBatches } from "../../shared/batch-job.ts";
import { enqueueNotification } from "../notifications/index.ts";

const DAY_MS = 86_400_000;

export async function remindRotaGaps(prisma: Prisma, now: Date, batchSize?: number): Promise<number> {
  return runInBatches(prisma, {
    ...(batchSize ? { batchSize } : {}),
    async step(tx: Transaction, limit: number) {
      // A gap: planned, run by volunteers, no key holder or staff signed up (as isKeyHolderGap).
      const due = await tx.$queryRaw<{ id: string; unitId: string }[]>`
        SELECT shift.id, centre."unitId"
        FROM "Shift" AS shift JOIN "Centre" AS centre ON centre.id = shift."centreId"
        WHERE shift.status = 'PLANNED' AND shift.staffing = 'VOLUNTEERS' AND shift."gapReminderSentAt" IS NULL
          AND centre."rotaGapReminderDays" > 0
          AND shift."startsAt" > ${now.toISOString()}::timestamp(3)
          AND shift."startsAt" <= ${now.toISOString()}::timestamp(3) + centre."rotaGapReminderDays" * ${DAY_MS / 1000} * interval '1 second'
          AND NOT EXISTS (
            SELECT 1 FROM "ShiftAssignment" AS assignment
            WHERE assignment."shiftId" = shift.id AND assignment.role IN ('KEY_HOLDER', 'STAFF'))
        ORDER BY shift."startsAt", shift.id
        LIMIT ${limit}
        FOR UPDATE OF shift SKIP LOCKED`;
      if (due.length === 0) return [];
      const { count } = await tx.shift.updateMany({ where: { id: { in: due.map((row) => row.id) }, gapReminderSentAt: null }, data: { gapReminderSentAt: now } });
      if (count !== due.length) throw new Error("rota reminder claim changed under the batch");
      await enqueueNotification(
        tx,
        due.map((row) => ({ kind: "ROTA_GAP_REMINDER" as const, unitId: row.unitId, audience: "VOLUNTEERS" as const, subjectId: row.id, dedupeKey: `rota-gap:${row.id}`, at: now })),
      );
      return due;
    },
  });
}

// Background jobs for visits. Expiry works through due requests with runInBatches
// (shared/batch-job.ts): bounded batches, each its own short transaction, claimed with
// FOR UPDATE SKIP LOCKED and guarded by its own WHERE, so concurrent runs (several instances)
// never expire a request twice, and events are written only for the rows a batch changed.
import type { VisitStatus } from "../../generated/prisma/enums.ts";
import { runInBatches } from "../../shared/batch-job.ts";
import { enqueueNotification, visitNotifications } from "../notifications/index.ts";
import { recordVisitEvents } from "./booking.commands.ts";
import { nextVisitStatus, visitTransitionFor } from "./visit-status.ts";
import { CENTRE_TIME_ZONE } from "../../shared/copenhagen-time.ts";
import type { Job, JobDependencies } from "../../shared/job.ts";
import type { Transaction } from "../../db/database.ts";

interface ExpiredVisit {
  id: string;
  serviceUnitId: string;
  bookedById: string;
  centreUnitId: string;
}

// Timestamps go in as text cast to timestamp(3): Prisma stores UTC in `timestamp without time
// zone`, and text input ignores the session's TimeZone, so the comparison is UTC everywhere.
const asTimestamp = (date: Date) => date.toISOString();

const FROM = visitTransitionFor("expire").from as VisitStatus[];
const TO = nextVisitStatus(FROM[0]!, "expire")!;

/**
 * A request the centre has not answered within its centre's `visitRequestExpiryDays` (counted in
 * Copenhagen calendar days, so a request made at 10:00 expires at 10:00 local time, across a
 * daylight-saving change), or whose start has come, expires: it frees its slot, both sides get
 * an event and a content-free message.
 */
export const expireVisitRequests: Job = {
  name: "expireVisitRequests",
  run({ prisma, clock }: JobDependencies) {
    const now = clock.now();
    return runInBatches(prisma, {
      step: async (tx: Transaction, limit: number) => {
        const rows = await tx.$queryRawUnsafe<ExpiredVisit[]>(
          `WITH due AS (
            SELECT visit.id FROM "Visit" AS visit
            JOIN "Centre" AS centre ON centre.id = visit."centreId"
            WHERE visit.status = ANY($2::"VisitStatus"[])
              AND (
                visit."startsAt" <= $1::timestamp(3)
                OR (((COALESCE(visit."requestedAt", visit."createdAt") AT TIME ZONE 'UTC' AT TIME ZONE '${CENTRE_TIME_ZONE}')
                      + make_interval(days => centre."visitRequestExpiryDays"))
                    AT TIME ZONE '${CENTRE_TIME_ZONE}' AT TIME ZONE 'UTC') <= $1::timestamp(3)
              )
            LIMIT $3
            FOR UPDATE OF visit SKIP LOCKED
          )
          UPDATE "Visit" AS visit
          SET status = $4::"VisitStatus", "updatedAt" = $1::timestamp(3), sequence = visit.sequence + 1
          FROM due, "Centre" AS centre
          WHERE visit.id = due.id AND centre.id = visit."centreId" AND visit.status = ANY($2::"VisitStatus"[])
          RETURNING visit.id, visit."serviceUnitId", visit."bookedById", centre."unitId" AS "centreUnitId"`,
          asTimestamp(now),
          FROM,
          limit,
          TO,
        );
        await recordVisitEvents(tx, rows.map((row) => ({
          visitId: row.id, action: "expire" as const, fromStatus: FROM[0]!, toStatus: TO, actorUserId: null, actorUnitId: null, at: now,
        })));
        await enqueueNotification(tx, rows.flatMap((row) => visitNotifications(row, { kind: "VISIT_EXPIRED", actorUnitId: null, at: now })));
        return rows;
      },
    });
  },
};

export const visitJobs: Job[] = [expireVisitRequests];

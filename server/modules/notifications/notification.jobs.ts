// Background jobs of the notifications module, in the order they run: warnings about states
// (expiry tomorrow, unanswered visit requests) go into the outbox; the outbox is fanned out;
// due digests are gathered; due deliveries are sent. Every step is safe with several instances.
import { collectDigests } from "./digest.ts";
import { deliverDueNotifications } from "./delivery.ts";
import { fanOutNotificationEvents } from "./fan-out.ts";
import { enqueueNotification } from "./outbox.ts";
import type { Job } from "../../shared/job.ts";

const DAY_MS = 86_400_000;

/** Both sides of an open handover whose response window ends within a day are warned once. */
export const warnExpiringHandovers: Job = {
  name: "warnExpiringHandovers",
  async run({ prisma, clock }) {
    const now = clock.now();
    const due = await prisma.handover.findMany({
      where: { status: { in: ["SENT", "RECEIVED"] }, expiresAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) } },
      select: { id: true, fromUnitId: true, toUnitId: true, createdById: true, expiresAt: true },
      take: 500,
    });
    if (due.length === 0) return 0;
    const before = await prisma.notificationEvent.count({ where: { kind: "HANDOVER_EXPIRES_TOMORROW" } });
    await prisma.$transaction((tx) =>
      enqueueNotification(
        tx,
        due.flatMap((handover) => {
          const base = { kind: "HANDOVER_EXPIRES_TOMORROW" as const, subjectId: handover.id, at: now };
          const window = handover.expiresAt!.toISOString();
          // SENT and RECEIVED handovers always have a receiver; the check keeps the types honest.
          return [
            ...(handover.toUnitId ? [{ ...base, unitId: handover.toUnitId, dedupeKey: `expires-tomorrow:${handover.id}:${window}:receiver` }] : []),
            { ...base, unitId: handover.fromUnitId, preferredUserId: handover.createdById, dedupeKey: `expires-tomorrow:${handover.id}:${window}:sender` },
          ];
        }),
      ),
    );
    return (await prisma.notificationEvent.count({ where: { kind: "HANDOVER_EXPIRES_TOMORROW" } })) - before;
  },
};

/** A visit request left unanswered for VISIT_REMINDER_DAYS reminds the centre's admins once. */
export const remindUnansweredVisits: Job = {
  name: "remindUnansweredVisits",
  async run({ prisma, clock, config }) {
    const now = clock.now();
    const visits = await prisma.visit.findMany({
      where: { status: "REQUESTED", startsAt: { gt: now }, createdAt: { lte: new Date(now.getTime() - config.notifications.visitReminderDays * DAY_MS) } },
      select: { id: true, seriesId: true, centre: { select: { unitId: true } } },
      orderBy: { startsAt: "asc" },
      take: 500,
    });
    if (visits.length === 0) return 0;
    const before = await prisma.notificationEvent.count({ where: { kind: "VISIT_REQUEST_UNANSWERED" } });
    await prisma.$transaction((tx) =>
      enqueueNotification(
        tx,
        visits.map((visit) => ({
          kind: "VISIT_REQUEST_UNANSWERED" as const,
          unitId: visit.centre.unitId,
          audience: "ADMINS" as const,
          subjectId: visit.id,
          // One reminder for a whole requested series.
          dedupeKey: `visit-unanswered:${visit.seriesId ?? visit.id}`,
          at: now,
        })),
      ),
    );
    return (await prisma.notificationEvent.count({ where: { kind: "VISIT_REQUEST_UNANSWERED" } })) - before;
  },
};

export const fanOutNotifications: Job = {
  name: "fanOutNotifications",
  async run({ prisma, clock, config }) {
    let processed = 0;
    // Bounded: at most ten batches a run, so one run never grows without limit.
    for (let batch = 0; batch < 10; batch++) {
      const count = await fanOutNotificationEvents(prisma, config, clock.now());
      processed += count;
      if (count === 0) break;
    }
    return processed;
  },
};

export const collectNotificationDigests: Job = {
  name: "collectNotificationDigests",
  run: ({ prisma, clock }) => collectDigests(prisma, clock.now()),
};

export const deliverNotifications: Job = {
  name: "deliverNotifications",
  async run(deps) {
    const result = await deliverDueNotifications(deps);
    return result.sent + result.retried + result.failed;
  },
};

export const notificationJobs: Job[] = [warnExpiringHandovers, remindUnansweredVisits, fanOutNotifications, collectNotificationDigests, deliverNotifications];

/** The part that moves messages along, for a faster loop than the other jobs. */
export const notificationDeliveryJobs: Job[] = [fanOutNotifications, deliverNotifications];

// The daily digest: deliveries held for it are gathered into one e-mail per user, once a day
// at the user's chosen hour in Copenhagen. Gathering is one UPDATE per user that moves the held
// rows to the new digest, so two instances cannot both gather the same rows.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Prisma } from "../../db/database.ts";
import { CENTRE_TIME_ZONE } from "../../shared/copenhagen-time.ts";

export const DEFAULT_DIGEST_HOUR = 8;

/** The latest digest time at or before `now`: today at the hour in Copenhagen, or yesterday's. */
export function latestDigestTime(now: Date, hour: number): Date {
  const local = DateTime.fromJSDate(now, { zone: CENTRE_TIME_ZONE });
  const today = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  return (today > local ? today.minus({ days: 1 }) : today).toJSDate();
}

/** Sends (queues) the digests that are due; returns how many were created. */
export async function collectDigests(prisma: Prisma, now: Date): Promise<number> {
  const waiting = await prisma.notificationDelivery.groupBy({
    by: ["userId"],
    where: { status: "HELD_FOR_DIGEST", userId: { not: null } },
    _min: { createdAt: true },
  });
  let created = 0;
  for (const { userId, _min } of waiting) {
    if (!userId || !_min.createdAt) continue;
    const settings = await prisma.notificationSettings.findUnique({ where: { userId } });
    const dueAt = latestDigestTime(now, settings?.digestHour ?? DEFAULT_DIGEST_HOUR);
    // Due once the chosen hour has come since the oldest held message, and not yet sent for it.
    if (dueAt < _min.createdAt) continue;
    if (settings?.lastDigestAt && settings.lastDigestAt >= dueAt) continue;
    const digestId = randomUUID();
    created += await prisma.$transaction(async (tx) => {
            const { count } = await tx.notificationDelivery.updateMany({
        where: { userId, status: "HELD_FOR_DIGEST", createdAt: { lte: now } },
        data: { status: "DIGESTED", digestId },
      });
      if (count === 0) return 0;
      const latest = await tx.notificationDelivery.findFirst({ where: { digestId }, orderBy: { createdAt: "desc" } });
      await tx.notificationDelivery.create({
        data: {
          id: digestId,
          userId,
          unitId: null,
          channel: "EMAIL",
          address: latest!.address,
          kind: null,
          locale: settings?.locale ?? latest!.locale,
          status: "PENDING",
          nextAttemptAt: now,
          createdAt: now,
        },
      });
      await tx.notificationSettings.upsert({ where: { userId }, create: { userId, lastDigestAt: now }, update: { lastDigestAt: now } });
      return 1;
    });
  }
  return created;
}

// Turns outbox events into in-app notifications and deliveries, exactly once: each batch of
// events is claimed with FOR UPDATE SKIP LOCKED, and the rows it creates commit together with
// the event's processedAt. An instance that dies mid-batch rolls back; another takes it over.
import type { Config } from "../../config.ts";
import type { Prisma, Transaction } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { NotificationDeliveryStatus, NotificationMode } from "../../generated/prisma/enums.ts";
import { KINDS } from "./notification-kinds.ts";

type EventRow = PrismaTypes.NotificationEventGetPayload<object>;
type DeliveryInput = PrismaTypes.NotificationDeliveryCreateManyInput;

// Small enough that one batch's transaction stays short (PGlite is one connection), and with
// a generous timeout so a slow, busy database still finishes it rather than rolling back.
export const FAN_OUT_BATCH = 25;
const FAN_OUT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/** Processes one bounded batch of new events; returns how many it processed. */
export async function fanOutNotificationEvents(prisma: Prisma, config: Config, now: Date, batchSize = FAN_OUT_BATCH): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "NotificationEvent" WHERE "processedAt" IS NULL
      ORDER BY "createdAt", id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return 0;
    const ids = claimed.map((row) => row.id);
    const events = await tx.notificationEvent.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    for (const event of events) await fanOut(tx, config, event, now);
    await tx.notificationEvent.updateMany({ where: { id: { in: ids } }, data: { processedAt: now } });
    return ids.length;
  }, FAN_OUT_TRANSACTION);
}

async function fanOut(tx: Transaction, config: Config, event: EventRow, now: Date): Promise<void> {
  const delivery = (values: Omit<DeliveryInput, "eventId" | "kind" | "subjectId" | "createdAt" | "nextAttemptAt">): DeliveryInput => ({
    ...values,
    eventId: event.id,
    kind: event.kind,
    subjectId: event.subjectId,
    createdAt: now,
    nextAttemptAt: now,
  });

  if (event.userId) {
    // A message to one person (a set-password link): by e-mail, at once, whatever the preferences.
    const user = await tx.user.findUnique({ where: { id: event.userId }, include: { notificationSettings: true } });
    if (!user?.isActive) return;
    await tx.notificationDelivery.create({
      data: delivery({ userId: user.id, unitId: null, channel: "EMAIL", address: user.email, locale: user.notificationSettings?.locale ?? "da", status: "PENDING" }),
    });
    return;
  }
  if (!event.unitId) return;
  const unit = await tx.unit.findUnique({
    where: { id: event.unitId },
    include: {
      notificationMailbox: true,
      memberships: { where: { user: { isActive: true } }, include: { user: { include: { notificationSettings: true } } } },
    },
  });
  if (!unit) return;

  // Need to know: only members of the unit the event concerns, and of those the ones who should act.
  const members = unit.memberships;
  const preferred = members.filter((membership) => membership.userId === event.preferredUserId);
  const admins = members.filter((membership) => membership.role === "UNIT_ADMIN");
  // Volunteers are told only what concerns the rota (a rota reminder goes to them alone), never
  // about handovers or visits: they cannot see those, so they have no need to know.
  const volunteers = members.filter((membership) => membership.role === "VOLUNTEER");
  const staff = members.filter((membership) => membership.role !== "VOLUNTEER");
  const recipients =
    event.audience === "VOLUNTEERS"
      ? volunteers
      : preferred.length > 0
        ? preferred
        : event.audience === "ADMINS" && admins.length > 0
          ? admins
          : staff;

  const preferences = await tx.notificationPreference.findMany({
    where: { kind: event.kind, userId: { in: recipients.map((membership) => membership.userId) } },
  });
  const preferenceOf = new Map(preferences.map((preference) => [preference.userId, preference]));
  const deliveries: DeliveryInput[] = [];
  for (const { user } of recipients) {
    const preference = preferenceOf.get(user.id);
    const mode: NotificationMode = preference?.mode ?? KINDS[event.kind].defaultMode;
    if (mode === "OFF") continue;
    const settings = user.notificationSettings;
    const locale = settings?.locale ?? "da";
    const emailStatus: NotificationDeliveryStatus = settings?.emailBouncedAt ? "SKIPPED" : mode === "DIGEST" ? "HELD_FOR_DIGEST" : "PENDING";
    deliveries.push(
      delivery({ userId: user.id, unitId: unit.id, channel: "EMAIL", address: user.email, locale, status: emailStatus, lastError: settings?.emailBouncedAt ? "BOUNCED" : null }),
    );
    if (preference?.sms && mode === "IMMEDIATE" && settings?.phone && config.notifications.sms.kind !== "off") {
      deliveries.push(delivery({ userId: user.id, unitId: unit.id, channel: "SMS", address: settings.phone, locale, status: "PENDING" }));
    }
  }
  const mailbox = unit.notificationMailbox;
  if (mailbox && !mailbox.bouncedAt && event.audience !== "VOLUNTEERS") {
    deliveries.push(delivery({ userId: null, unitId: unit.id, channel: "EMAIL", address: mailbox.email, locale: "da", status: "PENDING" }));
  }
  await tx.notification.createMany({
    data: recipients.map(({ user }) => ({ eventId: event.id, userId: user.id, kind: event.kind, unitId: unit.id, subjectId: event.subjectId, createdAt: event.createdAt })),
    skipDuplicates: true,
  });
  if (deliveries.length > 0) await tx.notificationDelivery.createMany({ data: deliveries });
}

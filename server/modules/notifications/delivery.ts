// Sends pending deliveries. A bounded batch is claimed in one statement (FOR UPDATE SKIP
// LOCKED, so instances never claim the same row) and leased for a while; the message goes out
// after the claim has committed, so no transaction is held open during SMTP. The result is
// written only if the lease is still ours (status and attempt number unchanged). An instance
// that dies while sending leaves a lease that runs out, and the row is claimed again.
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import { classifyMailError, mailTransportFor, sendMail, type DeliveryFailure } from "./mailer.ts";
import { renderDigest, renderMessage, type MessageItem, type RenderedMessage } from "./render.ts";
import { smsProviderFor, SmsDeliveryError } from "./sms.ts";

type DeliveryRow = PrismaTypes.NotificationDeliveryGetPayload<object>;

export const DELIVERY_BATCH = 25;
/** Longer than any SMTP timeout: a lease that runs out means the sender died. */
export const LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;

const asTimestamp = (date: Date) => date.toISOString();

/** Wait before attempt n+1 after n failed attempts: base, 2×base, 4×base … capped at 6 hours. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryRunResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
}

/** Claims and sends bounded batches until none is due (at most maxBatches). */
export async function deliverDueNotifications(deps: DeliveryDependencies, options: { batchSize?: number; maxBatches?: number } = {}): Promise<DeliveryRunResult> {
  const result: DeliveryRunResult = { sent: 0, retried: 0, failed: 0 };
  const channels = { email: mailTransportFor(deps.config) !== null, sms: smsProviderFor(deps.config) !== null };
  if (!channels.email && !channels.sms) return result;
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const claimed = await claimDue(deps, channels, options.batchSize ?? DELIVERY_BATCH);
    if (claimed.length === 0) break;
    for (const delivery of claimed) {
      const outcome = await deliverOne(deps, delivery);
      result[outcome] += 1;
    }
  }
  return result;
}

async function claimDue(deps: DeliveryDependencies, channels: { email: boolean; sms: boolean }, batchSize: number): Promise<DeliveryRow[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await deps.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "NotificationDelivery" AS delivery
    SET status = 'SENDING', "leaseUntil" = ${asTimestamp(leaseUntil)}::timestamp(3), attempts = delivery.attempts + 1
    FROM (
      SELECT id FROM "NotificationDelivery"
      WHERE ((${channels.email} AND channel = 'EMAIL') OR (${channels.sms} AND channel = 'SMS'))
        AND ((status = 'PENDING' AND "nextAttemptAt" <= ${asTimestamp(now)}::timestamp(3))
          OR (status = 'SENDING' AND "leaseUntil" <= ${asTimestamp(now)}::timestamp(3)))
      ORDER BY "nextAttemptAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE delivery.id = due.id
    RETURNING delivery.id`;
  if (rows.length === 0) return [];
  return deps.prisma.notificationDelivery.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { nextAttemptAt: "asc" } });
}

async function deliverOne(deps: DeliveryDependencies, delivery: DeliveryRow): Promise<keyof DeliveryRunResult> {
  const { prisma, config } = deps;
  const ours = { id: delivery.id, status: "SENDING" as const, attempts: delivery.attempts };
  let failure: DeliveryFailure | null = null;
  try {
    const message = await render(deps, delivery);
    if (delivery.channel === "EMAIL") {
      await sendMail(mailTransportFor(config)!, config, { to: delivery.address, messageId: `<${delivery.id}@traedesten>`, locale: delivery.locale }, message);
    } else {
      await smsProviderFor(config)!.send({ to: delivery.address, text: message.sms, reference: delivery.id });
    }
  } catch (error) {
    failure =
      error instanceof SmsDeliveryError
        ? { code: error.code, isBounce: error.isPermanent }
        : delivery.channel === "EMAIL"
          ? classifyMailError(error)
          : { code: "UNKNOWN", isBounce: false };
  }
  const now = deps.clock.now();
  if (!failure) {
    await prisma.notificationDelivery.updateMany({ where: ours, data: { status: "SENT", sentAt: now, leaseUntil: null, lastError: null } });
    await forgetSecret(prisma, delivery);
    return "sent";
  }
  const givesUp = failure.isBounce || delivery.attempts >= config.notifications.maxAttempts;
  if (givesUp) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.notificationDelivery.updateMany({ where: ours, data: { status: "FAILED", leaseUntil: null, lastError: failure.code } });
      if (count === 1 && failure.isBounce) await flagBounce(tx, delivery, now);
    });
    await forgetSecret(prisma, delivery);
    return "failed";
  }
  await prisma.notificationDelivery.updateMany({
    where: ours,
    data: { status: "PENDING", leaseUntil: null, lastError: failure.code, nextAttemptAt: new Date(now.getTime() + backoffMs(delivery.attempts, config.notifications.retryBaseMs)) },
  });
  return "retried";
}

async function render(deps: DeliveryDependencies, delivery: DeliveryRow): Promise<RenderedMessage> {
  const { prisma, config } = deps;
  if (delivery.kind === null) {
    const held = await prisma.notificationDelivery.findMany({ where: { digestId: delivery.id }, orderBy: { createdAt: "asc" } });
    return renderDigest(await itemsFor(prisma, held), { locale: delivery.locale, publicUrl: config.publicUrl });
  }
  const [item] = await itemsFor(prisma, [delivery]);
  return renderMessage(item!, { locale: delivery.locale, publicUrl: config.publicUrl, isMailbox: delivery.userId === null });
}

async function itemsFor(prisma: Prisma, deliveries: DeliveryRow[]): Promise<MessageItem[]> {
  const unitIds = [...new Set(deliveries.flatMap((delivery) => (delivery.unitId ? [delivery.unitId] : [])))];
  const eventIds = deliveries.flatMap((delivery) => (delivery.eventId && delivery.kind?.startsWith("PASSWORD_") ? [delivery.eventId] : []));
  const [units, events] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    eventIds.length > 0 ? prisma.notificationEvent.findMany({ where: { id: { in: eventIds } }, select: { id: true, secret: true } }) : [],
  ]);
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const secret = new Map(events.map((event) => [event.id, event.secret]));
  return deliveries.map((delivery) => ({
    kind: delivery.kind!,
    unitName: (delivery.unitId && unitName.get(delivery.unitId)) || "Trædesten",
    subjectId: delivery.subjectId,
    secret: (delivery.eventId && secret.get(delivery.eventId)) || null,
  }));
}

// A set-password token lives in the outbox only until its message is out (or given up).
async function forgetSecret(prisma: Prisma, delivery: DeliveryRow): Promise<void> {
  if (delivery.eventId && delivery.kind?.startsWith("PASSWORD_")) {
    await prisma.notificationEvent.updateMany({ where: { id: delivery.eventId, secret: { not: null } }, data: { secret: null } });
  }
}

async function flagBounce(tx: PrismaTypes.TransactionClient, delivery: DeliveryRow, now: Date): Promise<void> {
  if (delivery.channel !== "EMAIL") return;
  if (delivery.userId) {
    await tx.notificationSettings.upsert({
      where: { userId: delivery.userId },
      create: { userId: delivery.userId, emailBouncedAt: now },
      update: { emailBouncedAt: now },
    });
  } else if (delivery.unitId) {
    await tx.unitNotificationMailbox.updateMany({ where: { unitId: delivery.unitId, email: delivery.address }, data: { bouncedAt: now } });
  }
}

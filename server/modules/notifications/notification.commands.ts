// Writes of the notifications module that users make: reading the list, preferences, the
// unit's shared mailbox.
import type { Prisma } from "../../db/database.ts";
import type { NotificationKind, NotificationMode } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { ValidationError } from "../../shared/errors.ts";
import { KINDS } from "./notification-kinds.ts";

/** Marks the viewer's notifications read (the given ones, or all); returns the unread count. */
export async function markNotificationsRead(prisma: Prisma, viewer: Viewer, ids: string[] | null, now: Date): Promise<number> {
  await prisma.notification.updateMany({
    where: { userId: viewer.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return prisma.notification.count({ where: { userId: viewer.userId, readAt: null } });
}

export interface PreferenceValues {
  locale?: "da" | "en";
  digestHour?: number;
  /** E.164 or null to remove. */
  phone?: string | null;
  kinds?: { kind: NotificationKind; mode: NotificationMode; sms: boolean }[];
  clearEmailBounce?: boolean;
}

/** Saves the viewer's notification preferences in one transaction. */
export async function updatePreferences(prisma: Prisma, viewer: Viewer, values: PreferenceValues): Promise<void> {
  const notConfigurable = values.kinds?.filter((choice) => !KINDS[choice.kind].isConfigurable) ?? [];
  if (notConfigurable.length > 0) {
    throw ValidationError.single("kinds", {
      da: "Links til adgangskode sendes altid med det samme og kan ikke slås fra.",
      en: "Password links are always sent at once and cannot be turned off.",
    });
  }
  await prisma.$transaction(async (tx) => {
    const settings = await tx.notificationSettings.findUnique({ where: { userId: viewer.userId } });
    const phone = values.phone !== undefined ? values.phone : (settings?.phone ?? null);
    if (!phone && values.kinds?.some((choice) => choice.sms)) {
      throw ValidationError.single("phone", {
        da: "Skriv et mobilnummer for at få beskeder som SMS.",
        en: "Enter a mobile number to get messages by SMS.",
      });
    }
    const data = {
      ...(values.locale !== undefined ? { locale: values.locale } : {}),
      ...(values.digestHour !== undefined ? { digestHour: values.digestHour } : {}),
      ...(values.phone !== undefined ? { phone: values.phone } : {}),
      ...(values.clearEmailBounce ? { emailBouncedAt: null } : {}),
    };
    await tx.notificationSettings.upsert({ where: { userId: viewer.userId }, create: { userId: viewer.userId, ...data }, update: data });
    if (!phone) await tx.notificationPreference.updateMany({ where: { userId: viewer.userId }, data: { sms: false } });
    // Replaced as one set (two statements), so the transaction stays short however many kinds change.
    const kinds = values.kinds ?? [];
    if (kinds.length > 0) {
      await tx.notificationPreference.deleteMany({ where: { userId: viewer.userId, kind: { in: kinds.map((choice) => choice.kind) } } });
      await tx.notificationPreference.createMany({
        data: kinds.map((choice) => ({ userId: viewer.userId, kind: choice.kind, mode: choice.mode, sms: choice.sms })),
        skipDuplicates: true,
      });
    }
  });
}

/** Sets (or with null removes) a unit's shared mailbox; a new address clears an old bounce. */
export async function setUnitMailbox(prisma: Prisma, unitId: string, email: string | null): Promise<void> {
  if (email === null) {
    await prisma.unitNotificationMailbox.deleteMany({ where: { unitId } });
    return;
  }
  await prisma.unitNotificationMailbox.upsert({
    where: { unitId },
    create: { unitId, email },
    update: { email, bouncedAt: null },
  });
}

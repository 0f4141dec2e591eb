// Notification preferences: per user (language, digest hour, mobile number, and per kind
// immediately / daily digest / off, optionally also by SMS) and per unit (the shared mailbox).
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { NotificationKind, NotificationMode } from "../../generated/prisma/enums.ts";
import { parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { DEFAULT_DIGEST_HOUR } from "./digest.ts";
import { KINDS } from "./notification-kinds.ts";
import { setUnitMailbox, updatePreferences } from "./notification.commands.ts";
import { NotificationKindEnum, NotificationModeEnum } from "./notification.schema.ts";
import { requireViewer } from "../../shared/viewer.ts";

interface KindPreference {
  kind: NotificationKind;
  mode: NotificationMode;
  sms: boolean;
  isDefault: boolean;
}

interface Preferences {
  userId: string;
  locale: string;
  digestHour: number;
  phone: string | null;
  emailBouncedAt: Date | null;
  kinds: KindPreference[];
}

const KindPreferenceRef = builder.objectRef<KindPreference>("NotificationKindPreference").implement({
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (preference) => preference.kind }),
    mode: t.field({ type: NotificationModeEnum, resolve: (preference) => preference.mode }),
    sms: t.exposeBoolean("sms", { description: "Also by SMS (only with IMMEDIATE)." }),
    isDefault: t.exposeBoolean("isDefault", { description: "No choice made: the default applies." }),
    defaultMode: t.field({ type: NotificationModeEnum, resolve: (preference) => KINDS[preference.kind].defaultMode }),
    label: t.string({ resolve: (preference) => KINDS[preference.kind].label.en }),
    labelDa: t.string({ resolve: (preference) => KINDS[preference.kind].label.da }),
  }),
});

const PreferencesRef = builder.objectRef<Preferences>("NotificationPreferences").implement({
  description: "The viewer's own notification preferences.",
  fields: (t) => ({
    locale: t.exposeString("locale", { description: "da or en: the language of e-mails and SMS." }),
    digestHour: t.exposeInt("digestHour", { description: "Hour of the day (Copenhagen) the daily digest is sent." }),
    phone: t.exposeString("phone", { nullable: true }),
    emailBouncedAt: t.expose("emailBouncedAt", { type: "DateTime", nullable: true }),
    kinds: t.field({ type: [KindPreferenceRef], resolve: (preferences) => preferences.kinds }),
  }),
});

async function loadPreferences(context: { prisma: import("../../db/database.ts").Prisma }, userId: string): Promise<Preferences> {
  const [settings, chosen] = await Promise.all([
    context.prisma.notificationSettings.findUnique({ where: { userId } }),
    context.prisma.notificationPreference.findMany({ where: { userId } }),
  ]);
  const byKind = new Map(chosen.map((preference) => [preference.kind, preference]));
  return {
    userId,
    locale: settings?.locale ?? "da",
    digestHour: settings?.digestHour ?? DEFAULT_DIGEST_HOUR,
    phone: settings?.phone ?? null,
    emailBouncedAt: settings?.emailBouncedAt ?? null,
    kinds: (Object.keys(KINDS) as NotificationKind[])
      .filter((kind) => KINDS[kind].isConfigurable)
      .map((kind) => {
        const preference = byKind.get(kind);
        return { kind, mode: preference?.mode ?? KINDS[kind].defaultMode, sms: preference?.sms ?? false, isDefault: !preference };
      }),
  };
}

builder.queryField("notificationPreferences", (t) =>
  t.field({
    type: PreferencesRef,
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => loadPreferences(context, requireViewer(context).userId),
  }),
);

const KindPreferenceInput = builder.inputType("NotificationKindPreferenceInput", {
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, required: true }),
    mode: t.field({ type: NotificationModeEnum, required: true }),
    sms: t.boolean({ required: false, defaultValue: false }),
  }),
});

const UpdatePreferencesInput = builder.inputType("UpdateNotificationPreferencesInput", {
  fields: (t) => ({
    locale: t.string({ required: false }),
    digestHour: t.int({ required: false }),
    phone: t.string({ required: false, description: "A mobile number; an empty string removes it. Danish 8-digit numbers get +45." }),
    kinds: t.field({ type: [KindPreferenceInput], required: false }),
    clearEmailBounce: t.boolean({ required: false, description: "The user has checked their address: try e-mailing it again." }),
  }),
});

const PHONE = { da: "Skriv et mobilnummer, f.eks. 20 30 40 50 eller +45 20 30 40 50.", en: "Enter a mobile number, e.g. 20 30 40 50 or +45 20 30 40 50." };

/** Accepts "20 30 40 50", "+45 20304050", "0045…"; returns E.164 or null for "". */
export const phoneSchema = z
  .string()
  .max(30)
  .transform((value) => value.replace(/[\s().-]/g, "").replace(/^00/, "+"))
  .transform((value) => (/^\d{8}$/.test(value) ? `+45${value}` : value))
  .refine((value) => value === "" || /^\+[1-9]\d{7,14}$/.test(value), { message: PHONE.en, params: { da: PHONE.da } })
  .transform((value) => (value === "" ? null : value));

/** A field left out (or null) stays as it is. */
const unchangedIfMissing = <Schema extends z.ZodType>(schema: Schema) => schema.nullish().transform((value) => value ?? undefined);
const preferencesSchema = z.object({
  locale: unchangedIfMissing(z.enum(["da", "en"])),
  digestHour: unchangedIfMissing(z.number().int().min(0).max(23)),
  phone: unchangedIfMissing(phoneSchema),
  kinds: unchangedIfMissing(
    z
      .array(
        z.object({
          kind: z.enum(NotificationKind),
          mode: z.enum(NotificationMode),
          sms: z
            .boolean()
            .nullish()
            .transform((sms) => sms ?? false),
        }),
      )
      .max(50),
  ),
  clearEmailBounce: unchangedIfMissing(z.boolean()),
});

builder.mutationField("updateNotificationPreferences", (t) =>
  t.field({
    type: PreferencesRef,
    description: "Changes the viewer's own preferences; fields left out stay as they are.",
    args: { input: t.arg({ type: UpdatePreferencesInput, required: true, validate: { schema: preferencesSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "preferences" },
    },
    authScopes: { signedIn: true },
    resolve: async (_root, { input }, context) => {
      const viewer = requireViewer(context);
      const values = parsedBy(preferencesSchema, input);
      await updatePreferences(context.prisma, viewer, values);
      return loadPreferences(context, viewer.userId);
    },
  }),
);

// ── the unit's shared mailbox ──

interface MailboxSetting {
  unitId: string;
  email: string | null;
  bouncedAt: Date | null;
}

const MailboxRef = builder.objectRef<MailboxSetting>("UnitNotificationMailbox").implement({
  description: "A unit's shared mailbox (funktionspostkasse): it gets every message for the unit, at once.",
  fields: (t) => ({
    unit: t.prismaField({ type: "Unit", resolve: (query, mailbox, _args, context) => context.prisma.unit.findUniqueOrThrow({ ...query, where: { id: mailbox.unitId } }) }),
    email: t.exposeString("email", { nullable: true, description: "Null when the unit has none." }),
    bouncedAt: t.expose("bouncedAt", { type: "DateTime", nullable: true, description: "Set when a message to it bounced; it gets no more until changed." }),
  }),
});

async function loadMailbox(context: { prisma: import("../../db/database.ts").Prisma }, unitId: string): Promise<MailboxSetting> {
  const mailbox = await context.prisma.unitNotificationMailbox.findUnique({ where: { unitId } });
  return { unitId, email: mailbox?.email ?? null, bouncedAt: mailbox?.bouncedAt ?? null };
}

builder.queryField("unitNotificationMailbox", (t) =>
  t.field({
    type: MailboxRef,
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ unitAdmin: String(args.unitId) }),
    resolve: (_root, args, context) => loadMailbox(context, String(args.unitId)),
  }),
);

const SetMailboxInput = builder.inputType("SetUnitNotificationMailboxInput", {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    email: t.string({ required: false, description: "Empty or left out removes the mailbox." }),
  }),
});

const mailboxSchema = z.object({
  unitId: z.string().min(1).max(100),
  email: z
    .string()
    .transform((email) => email.trim().toLowerCase())
    .pipe(z.union([z.literal(""), z.email().max(320)]))
    .nullish(),
});

builder.mutationField("setUnitNotificationMailbox", (t) =>
  t.field({
    type: MailboxRef,
    description: "Sets or removes the unit's shared mailbox. The unit's admins only.",
    args: { input: t.arg({ type: SetMailboxInput, required: true, validate: { schema: mailboxSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "mailbox" },
    },
    authScopes: (_root, { input }) => ({ unitAdmin: String(input.unitId) }),
    resolve: async (_root, { input }, context) => {
      const values = parsedBy(mailboxSchema, input);
      refuseCprNumbers({ email: values.email });
      await setUnitMailbox(context.prisma, values.unitId, values.email ? values.email : null);
      return loadMailbox(context, values.unitId);
    },
  }),
);

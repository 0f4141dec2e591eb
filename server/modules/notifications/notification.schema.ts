// The in-app notification list with its unread count, failed deliveries for unit admins, and
// the development outbox (caught e-mails and SMS) for platform admins.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import {
  NotificationChannel,
  NotificationDeliveryStatus,
  NotificationKind,
  NotificationMode,
} from "../../generated/prisma/enums.ts";
import { parsedBy } from "../../shared/validation.ts";
import { developmentCatcherMessages, type CaughtMail } from "./mail-catcher.ts";
import { fill, KINDS } from "./notification-kinds.ts";
import { notificationWhereOwnedBy } from "./notification.policy.ts";
import { markNotificationsRead } from "./notification.commands.ts";
import { developmentSmsSink, type SinkedSms } from "./sms.ts";
import { requireViewer } from "../../shared/viewer.ts";

export const NotificationKindEnum = builder.enumType(NotificationKind, { name: "NotificationKind" });
export const NotificationModeEnum = builder.enumType(NotificationMode, {
  name: "NotificationMode",
  description: "IMMEDIATE: one message per event; DIGEST: one message a day at the chosen hour; OFF: only the in-app list.",
});
export const NotificationChannelEnum = builder.enumType(NotificationChannel, { name: "NotificationChannel" });
const NotificationDeliveryStatusEnum = builder.enumType(NotificationDeliveryStatus, { name: "NotificationDeliveryStatus" });

const MAX_LIST = 100;

builder.prismaObject("Notification", {
  description: "Something to look at, in the viewer's own list. Carries no content: the kind, the unit and a link.",
  authScopes: (notification, context) => context.viewer?.userId === notification.userId,
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: NotificationKindEnum }),
    text: t.string({
      description: "One sentence in English.",
      resolve: async (notification, _args, context) => fill(KINDS[notification.kind].line.en, { unit: await unitName(context, notification.unitId) }),
    }),
    textDa: t.string({
      description: "One sentence in Danish.",
      resolve: async (notification, _args, context) => fill(KINDS[notification.kind].line.da, { unit: await unitName(context, notification.unitId) }),
    }),
    path: t.string({
      description: "Where to look, as a path in the client.",
      resolve: (notification) => KINDS[notification.kind].path(notification.subjectId, null),
    }),
    unit: t.prismaField({
      type: "Unit",
      nullable: true,
      resolve: (query, notification, _args, context) =>
        notification.unitId ? context.prisma.unit.findUnique({ ...query, where: { id: notification.unitId } }) : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    isRead: t.boolean({ resolve: (notification) => notification.readAt !== null }),
  }),
});

async function unitName(context: { prisma: import("../../db/database.ts").Prisma }, unitId: string | null): Promise<string> {
  if (!unitId) return "Trædesten";
  return (await context.prisma.unit.findUnique({ where: { id: unitId }, select: { name: true } }))?.name ?? "Trædesten";
}

const notificationsArgs = z.object({ first: z.number().int().min(1).max(MAX_LIST).nullish().transform((first) => first ?? 30) });

builder.queryField("notifications", (t) =>
  t.prismaField({
    type: ["Notification"],
    description: "The viewer's notifications, newest first.",
    args: { first: t.arg.int({ required: false, defaultValue: 30, description: `At most ${MAX_LIST}.` }) },
    // On the field, not the argument: the plugin skips an optional argument's schema when it is null.
    validate: { schema: notificationsArgs },
    authScopes: { signedIn: true },
    resolve: (query, _root, args, context) =>
      context.prisma.notification.findMany({
        ...query,
        where: notificationWhereOwnedBy(requireViewer(context)),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: parsedBy(notificationsArgs, args).first,
      }),
  }),
);

builder.queryField("unreadNotificationCount", (t) =>
  t.int({
    description: "How many of the viewer's notifications are unread (for the header).",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => context.prisma.notification.count({ where: { ...notificationWhereOwnedBy(requireViewer(context)), readAt: null } }),
  }),
);

const MarkNotificationsReadInput = builder.inputType("MarkNotificationsReadInput", {
  fields: (t) => ({
    ids: t.idList({ required: false, description: "The notifications to mark read; leave out to mark all of them read." }),
  }),
});

builder.mutationField("markNotificationsRead", (t) =>
  t.int({
    description: "Marks the viewer's own notifications read; returns the unread count after.",
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true, validate: { schema: z.object({ ids: z.array(z.string().min(1).max(100)).max(MAX_LIST).nullish() }) } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "unreadCount" } },
    authScopes: { signedIn: true },
    resolve: (_root, { input }, context) => {
      return markNotificationsRead(context.prisma, requireViewer(context), input.ids ?? null, context.clock.now());
    },
  }),
);

// ── deliveries that did not go out, for the unit's admins ──

builder.prismaObject("NotificationDelivery", {
  name: "NotificationDeliveryProblem",
  description: "A message that could not be delivered: given up after the last try, or skipped because the address bounced.",
  authScopes: (delivery) => (delivery.unitId ? { unitAdmin: delivery.unitId } : { platformAdmin: true }),
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: NotificationKindEnum, nullable: true, description: "Null for a daily digest." }),
    channel: t.expose("channel", { type: NotificationChannelEnum }),
    status: t.expose("status", { type: NotificationDeliveryStatusEnum }),
    address: t.exposeString("address", { description: "The member's work address or phone, or the unit's shared mailbox." }),
    attempts: t.exposeInt("attempts"),
    lastError: t.exposeString("lastError", { nullable: true, description: "An SMTP reply code or error code." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    recipient: t.prismaField({
      type: "User",
      nullable: true,
      description: "Null for the unit's shared mailbox.",
      resolve: (query, delivery, _args, context) => (delivery.userId ? context.prisma.user.findUnique({ ...query, where: { id: delivery.userId } }) : null),
    }),
  }),
});

builder.queryField("failedNotificationDeliveries", (t) =>
  t.prismaField({
    type: ["NotificationDelivery"],
    description: "The unit's messages that failed or were skipped, newest first (the latest 100).",
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ unitAdmin: String(args.unitId) }),
    resolve: (query, _root, args, context) =>
      context.prisma.notificationDelivery.findMany({
        ...query,
        where: { unitId: String(args.unitId), status: { in: ["FAILED", "SKIPPED"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: MAX_LIST,
      }),
  }),
);

// ── development outbox ──

const CaughtMailRef = builder.objectRef<CaughtMail>("CaughtMail").implement({
  description: "An e-mail caught by the development SMTP catcher.",
  fields: (t) => ({
    id: t.exposeID("id"),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
    to: t.exposeStringList("to"),
    subject: t.exposeString("subject"),
    text: t.exposeString("text"),
    listUnsubscribe: t.string({ nullable: true, resolve: (mail) => mail.headers["list-unsubscribe"] ?? null }),
  }),
});

const DevelopmentSmsRef = builder.objectRef<SinkedSms>("DevelopmentSms").implement({
  description: "An SMS kept by the development sink instead of being sent.",
  fields: (t) => ({
    to: t.exposeString("to"),
    text: t.exposeString("text"),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

const DevelopmentOutboxRef = builder.objectRef<{ mail: CaughtMail[]; sms: SinkedSms[] }>("DevelopmentOutbox").implement({
  description: "What the development catcher and SMS sink received. Empty in production.",
  fields: (t) => ({
    isEnabled: t.boolean({ resolve: (_outbox, _args, context) => context.config.environment !== "production" && context.config.notifications.mail.kind === "catcher" }),
    mail: t.field({ type: [CaughtMailRef], resolve: (outbox) => outbox.mail }),
    sms: t.field({ type: [DevelopmentSmsRef], resolve: (outbox) => outbox.sms }),
  }),
});

builder.queryField("developmentOutbox", (t) =>
  t.field({
    type: DevelopmentOutboxRef,
    description: "Messages caught in development (no SMTP_URL), newest first. Platform admins only; empty in production.",
    authScopes: { platformAdmin: true },
    resolve: (_root, _args, context) =>
      context.config.environment === "production"
        ? { mail: [], sms: [] }
        : { mail: developmentCatcherMessages().slice(0, MAX_LIST), sms: developmentSmsSink.messages.slice(0, MAX_LIST) },
  }),
);

// The viewer's own bounce flag, beside the account details.
builder.prismaObjectField("User", "emailBouncedAt", (t) =>
  t.field({
    type: "DateTime",
    nullable: true,
    description: "Set when a message to this address bounced; e-mail stops until the user confirms the address. The user themself and those who manage them.",
    authScopes: (user, _args, context) => (context.viewer?.userId === user.id ? true : { manageUser: user.id }),
    unauthorizedResolver: () => null,
    resolve: async (user, _args, context) =>
      (await context.prisma.notificationSettings.findUnique({ where: { userId: user.id }, select: { emailBouncedAt: true } }))?.emailBouncedAt ?? null,
  }),
);

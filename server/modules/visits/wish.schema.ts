// Centres ask for services (issue 19): standing wishes, the services that match them, their
// answers (booking proposals) and the coordinator's view across the area.
import { z } from "zod";
import { VisitWishStatus } from "../../generated/prisma/enums.ts";
import { ServiceKind } from "../../generated/prisma/enums.ts";
import type { VisitWish } from "../../generated/prisma/client.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { isMemberOf, type Context, type Viewer } from "../../graphql/context.ts";
import { prismaSelection } from "../../graphql/selection.ts";
import { IllegalTransitionError, NotAuthenticatedError } from "../../shared/errors.ts";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../../shared/idempotency.ts";
import { parsedBy } from "../../shared/validation.ts";
import { assertAssignableCodes, ServiceKindEnum, TargetGroupEnum, taxonomyOf, TERM_CODE_PATTERN } from "../directory/index.ts";
import { answerVisitWish, closeVisitWish, postVisitWish, wishesMatchingServiceWhere } from "./wish.commands.ts";
import { SeriesConflictError, VisitConflictError } from "./visit-errors.ts";
import { id, localDate, minute, weekday } from "./visit-inputs.ts";
import { BookVisitSeriesPayloadRef } from "./visit.schema.ts";
import { centreMemberScopes } from "./visit.policy.ts";
import { weeklyTimeText } from "./visiting-sessions.ts";

const VisitWishStatusEnum = builder.enumType(VisitWishStatus, { name: "VisitWishStatus" });

function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw new NotAuthenticatedError();
  return context.viewer;
}

/** Staff of a service unit (any): wishes are asked of services. */
function isServiceStaff(viewer: Viewer | null): boolean {
  return viewer?.memberships.some((membership) => membership.unitKind === "SERVICE") ?? false;
}

async function wishCentreUnitId(context: Context, wish: VisitWish): Promise<string | null> {
  return (await context.prisma.centre.findUnique({ where: { id: wish.centreId }, select: { unitId: true } }))?.unitId ?? null;
}

const VisitWishRef = builder.prismaObject("VisitWish", {
  description:
    "A centre's standing wish for a visiting service (\"jobkonsulent tirsdage 10–12, unge 18–25\"). About the centre's week, " +
    "never a person. Seen by the centre's staff, staff of services and coordinators.",
  authScopes: async (wish, context) => {
    const viewer = context.viewer;
    if (!viewer) return false;
    if (viewer.globalRole === "COORDINATOR" || viewer.globalRole === "PLATFORM_ADMIN" || isServiceStaff(viewer)) return true;
    const unitId = await wishCentreUnitId(context, wish);
    return unitId !== null && isMemberOf(viewer, unitId);
  },
  fields: (t) => ({
    id: t.exposeID("id"),
    centre: t.relation("centre"),
    serviceKind: t.expose("serviceKind", { type: ServiceKindEnum }),
    targetGroups: t.expose("targetGroups", { type: [TargetGroupEnum] }),
    weekday: t.exposeInt("weekday", { nullable: true, description: "ISO weekday of the wished time, if any." }),
    startMinute: t.exposeInt("startMinute", { nullable: true }),
    endMinute: t.exposeInt("endMinute", { nullable: true }),
    whenDa: t.string({ nullable: true, description: "\"tirsdag 10:00–12:00\", or null without a wished time.", resolve: (wish) => weeklyTimeText(wish, "da") }),
    whenEn: t.string({ nullable: true, resolve: (wish) => weeklyTimeText(wish, "en") }),
    description: t.exposeString("description"),
    status: t.expose("status", { type: VisitWishStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    answerCount: t.relationCount("visits", { description: "How many visits have been proposed in answer (every status)." }),
    answers: t.prismaField({
      type: ["Visit"],
      description:
        "The proposals made in answer, by time: all of them for the centre's staff, a service's own for its staff, none for anyone else.",
      resolve: async (query, wish, _args, context) => {
        const viewer = context.viewer;
        const centreUnitId = await wishCentreUnitId(context, wish);
        const seesAll = centreUnitId !== null && isMemberOf(viewer, centreUnitId);
        const ownUnits = viewer?.memberships.map((membership) => membership.unitId) ?? [];
        if (!seesAll && ownUnits.length === 0) return [];
        return context.prisma.visit.findMany({
          ...query,
          where: { wishId: wish.id, ...(seesAll ? {} : { serviceUnitId: { in: ownUnits } }) },
          orderBy: { startsAt: "asc" },
        });
      },
    }),
  }),
});

builder.queryField("centreVisitWishes", (t) =>
  t.prismaField({
    type: [VisitWishRef],
    description: "A centre's wishes, open first, newest first. The centre's staff only.",
    authScopes: (_root, { centreId }, context) => centreMemberScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.visitWish.findMany({ ...query, where: { centreId }, orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }], take: 200 }),
  }),
);

builder.queryField("visitWishesForService", (t) =>
  t.prismaField({
    type: [VisitWishRef],
    description: "Open wishes that match the service (its kind, and a target group it serves unless the wish names none), newest first. The service's staff only.",
    authScopes: (_root, { serviceUnitId }) => ({ memberOfUnit: serviceUnitId }),
    args: { serviceUnitId: t.arg.id({ required: true }) },
    resolve: async (query, _root, { serviceUnitId }, context) => {
      const service = await context.prisma.service.findUnique({ where: { unitId: serviceUnitId }, select: { kind: true, targetGroups: true } });
      if (!service) return [];
      return context.prisma.visitWish.findMany({ ...query, where: wishesMatchingServiceWhere(service), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
    },
  }),
);

builder.queryField("areaVisitWishes", (t) =>
  t.prismaField({
    type: [VisitWishRef],
    description: "Wishes across the area (default: open ones), newest first, for coordinators: which centres ask for which services.",
    authScopes: { coordinator: true },
    args: {
      status: t.arg({ type: VisitWishStatusEnum, required: false, description: "Default OPEN." }),
      serviceKind: t.arg({ type: ServiceKindEnum, required: false }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.visitWish.findMany({
        ...query,
        where: { status: args.status ?? "OPEN", ...(args.serviceKind ? { serviceKind: args.serviceKind } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 500,
      }),
  }),
);

const wishSchema = z
  .object({
    centreId: id,
    serviceKind: z.enum(ServiceKind),
    targetGroups: z
      .array(z.string().regex(TERM_CODE_PATTERN))
      .max(20)
      .nullish()
      .transform((codes) => codes ?? []),
    weekday: weekday.nullish(),
    startMinute: minute.nullish(),
    endMinute: minute.nullish(),
    description: z.string().trim().min(1).max(1000),
  })
  .refine((wish) => [wish.weekday, wish.startMinute, wish.endMinute].every((value) => value == null) || [wish.weekday, wish.startMinute, wish.endMinute].every((value) => value != null), {
    message: "Give weekday, start and end together, or none of them.",
    params: { da: "Angiv ugedag, start og slut sammen, eller ingen af dem." },
    path: ["weekday"],
  })
  .refine((wish) => wish.startMinute == null || wish.endMinute == null || wish.startMinute < wish.endMinute, {
    message: "The time must end after it starts.",
    params: { da: "Tidsrummet skal slutte efter det starter." },
    path: ["endMinute"],
  });

const PostVisitWishInput = builder.inputType("PostVisitWishInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    serviceKind: t.field({ type: ServiceKindEnum, required: true }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: "Who the visits are for; empty: the centre's users in general." }),
    weekday: t.int({ required: false, description: "ISO weekday of the wished time (give with startMinute and endMinute)." }),
    startMinute: t.int({ required: false }),
    endMinute: t.int({ required: false }),
    description: t.string({ required: true, description: "What the centre wishes for, e.g. \"En jobkonsulent de unge kan tale med uden aftale\"." }),
  }),
});

builder.mutationField("postVisitWish", (t) =>
  t.prismaField({
    type: VisitWishRef,
    description: "A centre posts a standing wish for a visiting service. The centre's staff only.",
    args: { input: t.arg({ type: PostVisitWishInput, required: true, validate: { schema: wishSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreMemberScopes(context.prisma, input.centreId),
    resolve: async (query, _root, { input }, context) => {
      const parsed = parsedBy(wishSchema, input);
      assertAssignableCodes(await taxonomyOf(context), "TARGET_GROUP", parsed.targetGroups, "targetGroups", []);
      const wish = await postVisitWish(context, viewerOf(context), {
        ...parsed,
        targetGroups: [...new Set(parsed.targetGroups)],
        weekday: parsed.weekday ?? null,
        startMinute: parsed.startMinute ?? null,
        endMinute: parsed.endMinute ?? null,
      });
      return context.prisma.visitWish.findUniqueOrThrow({ ...prismaSelection(query), where: { id: wish.id } });
    },
  }),
);

const CloseVisitWishInput = builder.inputType("CloseVisitWishInput", { fields: (t) => ({ wishId: t.id({ required: true }) }) });

async function wishCentreScopes(context: Context, wishId: string) {
  const wish = await context.prisma.visitWish.findUnique({ where: { id: wishId }, select: { centreId: true } });
  return wish ? centreMemberScopes(context.prisma, wish.centreId) : { signedIn: true };
}

builder.mutationField("closeVisitWish", (t) =>
  t.prismaField({
    type: VisitWishRef,
    description: "The centre closes a wish (fulfilled or no longer wanted). Its answers stay. The centre's staff only.",
    args: { input: t.arg({ type: CloseVisitWishInput, required: true, validate: { schema: z.object({ wishId: id }) } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError],
    },
    authScopes: (_root, { input }, context) => wishCentreScopes(context, input.wishId),
    resolve: async (query, _root, { input }, context) => {
      const wish = await closeVisitWish(context, viewerOf(context), input.wishId);
      return context.prisma.visitWish.findUniqueOrThrow({ ...prismaSelection(query), where: { id: wish.id } });
    },
  }),
);

const AnswerVisitWishInput = builder.inputType("AnswerVisitWishInput", {
  fields: (t) => ({
    wishId: t.id({ required: true }),
    serviceUnitId: t.id({ required: true, description: "The answering service unit; you must be a member of it." }),
    spaceId: t.id({ required: true, description: "A space at the wishing centre." }),
    firstDate: t.field({ type: "Date", required: true }),
    startMinute: t.int({ required: true, description: "Copenhagen wall-clock minutes after midnight." }),
    endMinute: t.int({ required: true }),
    weeks: t.int({ required: false, description: "1 (default): one visit; more: a weekly series of that many occurrences (at most 104)." }),
    title: t.string({ required: true, description: "Public title of the visit." }),
    publicDescription: t.string({ required: false }),
    internalNote: t.string({ required: false, description: "Seen by the centre and the service only." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const answerSchema = z
  .object({
    wishId: id,
    serviceUnitId: id,
    spaceId: id,
    firstDate: localDate,
    startMinute: minute,
    endMinute: minute,
    weeks: z
      .number()
      .int()
      .min(1)
      .max(104)
      .nullish()
      .transform((weeks) => weeks ?? 1),
    title: z.string().trim().min(1).max(200),
    publicDescription: z.string().trim().max(2000).nullish(),
    internalNote: z.string().trim().max(2000).nullish(),
    idempotencyKey: z.string().nullish(),
  })
  .refine((input) => input.startMinute < input.endMinute, {
    message: "The visit must end after it starts.",
    params: { da: "Besøget skal slutte efter det starter." },
    path: ["endMinute"],
  });

builder.mutationField("answerVisitWish", (t) =>
  t.field({
    type: BookVisitSeriesPayloadRef,
    description:
      "A service of the wished kind answers a centre's open wish with a booking proposal at the centre: one visit or a weekly series. " +
      "Ordinary booking rules apply (visiting windows, no double booking; confirmed at once when the centre trusts the service, " +
      "otherwise the centre confirms). The proposal carries the wish's id.",
    args: { input: t.arg({ type: AnswerVisitWishInput, required: true, validate: { schema: answerSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError, VisitConflictError, SeriesConflictError],
    },
    authScopes: (_root, { input }) => ({ memberOfUnit: input.serviceUnitId }),
    resolve: async (_root, { input }, context) => {
      const parsed = parsedBy(answerSchema, input);
      return answerVisitWish(context, viewerOf(context), {
        ...parsed,
        publicDescription: parsed.publicDescription ?? null,
        internalNote: parsed.internalNote ?? null,
        idempotencyKey: parsed.idempotencyKey,
      });
    },
  }),
);

// What a centre sets up for visiting services: spaces, weekly visiting windows, closed dates
// and trusted services. Reading them is public; changing them is for the centre's administrators.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { AccessibilityFeature } from "../../generated/prisma/enums.ts";
import { AccessibilityFeatureEnum } from "../directory/index.ts";
import { parsedBy } from "../../shared/validation.ts";
import {
  createSpace,
  removeVisitWindowClosure,
  setServiceTrusted,
  setVisitRequestExpiryDays,
  setVisitWindows,
  updateSpace,
} from "./centre-setup.commands.ts";
import { id, minute, weekday } from "./visit-inputs.ts";
import { centreAdminScopes } from "./visit.policy.ts";
import { localDateOf } from "../../shared/copenhagen-time.ts";
import { requireViewer } from "../../shared/viewer.ts";

export const SpaceRef = builder.prismaObject("Space", {
  description: "A room or area at a centre that visiting services can book.",
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    name: t.exposeString("name"),
    capacity: t.exposeInt("capacity", { description: "How many people the space holds." }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum], resolve: (space) => space.accessibility }),
    description: t.exposeString("description", { nullable: true }),
    isActive: t.exposeBoolean("isActive", { description: "An inactive space takes no new bookings." }),
  }),
});

const VisitWindowRef = builder.prismaObject("VisitWindow", {
  description: "A weekly time range (Copenhagen wall-clock) in which visiting services may book the centre's spaces.",
  fields: (t) => ({
    id: t.exposeID("id"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after local midnight." }),
    endMinute: t.exposeInt("endMinute", { description: "Minutes after local midnight; 1440 is 24:00." }),
  }),
});

export const VisitWindowClosureRef = builder.prismaObject("VisitWindowClosure", {
  description: "A date on which the centre takes no visits.",
  fields: (t) => ({
    id: t.exposeID("id"),
    date: t.field({ type: "Date", resolve: (closure) => closure.date.toISOString().slice(0, 10) }),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

const capacity = z.number().int().min(1).max(1000);
const accessibility = z.array(z.enum(AccessibilityFeature)).max(20);

const spaceFields = {
  name: z.string().trim().min(1).max(200),
  capacity,
  accessibility,
  description: z.string().trim().max(2000).nullish(),
};

const windowSchema = z
  .object({ weekday, startMinute: minute, endMinute: minute })
  .refine((window) => window.startMinute < window.endMinute, {
    message: "The window must end after it starts.",
    params: { da: "Tidsrummet skal slutte efter det starter." },
    path: ["endMinute"],
  });

builder.queryField("spaces", (t) =>
  t.prismaField({
    type: [SpaceRef],
    description: "A centre's spaces, for services choosing where to book.",
    authScopes: { public: true },
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.space.findMany({ ...query, where: { centreId }, orderBy: { name: "asc" } }),
  }),
);

builder.queryField("visitWindows", (t) =>
  t.prismaField({
    type: [VisitWindowRef],
    description: "A centre's weekly visiting windows: when services may book.",
    authScopes: { public: true },
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.visitWindow.findMany({ ...query, where: { centreId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] }),
  }),
);

builder.queryField("visitWindowClosures", (t) =>
  t.prismaField({
    type: [VisitWindowClosureRef],
    description: "Dates from today on when the centre takes no visits.",
    authScopes: { public: true },
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.visitWindowClosure.findMany({
        ...query,
        where: { centreId, date: { gte: new Date(`${localDateOf(context.clock.now())}T00:00:00Z`) } },
        orderBy: { date: "asc" },
      }),
  }),
);

// ───────────────────────────── centre set-up ─────────────────────────────

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const CreateSpaceInput = builder.inputType("CreateSpaceInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    name: t.string({ required: true }),
    capacity: t.int({ required: false, description: "Default 1." }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum], required: false }),
    description: t.string({ required: false }),
  }),
});

const createSpaceSchema = z.object({
  centreId: id,
  ...spaceFields,
  capacity: capacity.nullish().transform((value) => value ?? 1),
  accessibility: accessibility.nullish().transform((value) => value ?? []),
});

builder.mutationField("createSpace", (t) =>
  t.field({
    type: SpaceRef,
    description: "Adds a bookable space to a centre. Centre administrators only.",
    args: { input: t.arg({ type: CreateSpaceInput, required: true, validate: { schema: createSpaceSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => createSpace(context, requireViewer(context), parsedBy(createSpaceSchema, input)),
  }),
);

const UpdateSpaceInput = builder.inputType("UpdateSpaceInput", {
  fields: (t) => ({
    spaceId: t.id({ required: true }),
    name: t.string({ required: false }),
    capacity: t.int({ required: false }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum], required: false }),
    description: t.string({ required: false }),
    isActive: t.boolean({ required: false }),
  }),
});

/** A field left out (or null) stays as it is. */
const unchangedIfMissing = <Schema extends z.ZodType>(schema: Schema) => schema.nullish().transform((value) => value ?? undefined);
const updateSpaceSchema = z.object({
  spaceId: id,
  name: unchangedIfMissing(spaceFields.name),
  capacity: unchangedIfMissing(capacity),
  accessibility: unchangedIfMissing(accessibility),
  description: spaceFields.description,
  isActive: unchangedIfMissing(z.boolean()),
});

builder.mutationField("updateSpace", (t) =>
  t.field({
    type: SpaceRef,
    description: "Changes a space; fields left out stay as they are. Centre administrators only.",
    args: { input: t.arg({ type: UpdateSpaceInput, required: true, validate: { schema: updateSpaceSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: async (_root, { input }, context) => {
      const space = await context.prisma.space.findUnique({ where: { id: input.spaceId }, select: { centreId: true } });
      return centreAdminScopes(context.prisma, space?.centreId);
    },
    resolve: (_root, { input }, context) => updateSpace(context, requireViewer(context), parsedBy(updateSpaceSchema, input)),
  }),
);

const VisitWindowInput = builder.inputType("VisitWindowInput", {
  fields: (t) => ({
    weekday: t.int({ required: true, description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.int({ required: true }),
    endMinute: t.int({ required: true }),
  }),
});

const SetVisitWindowsInput = builder.inputType("SetVisitWindowsInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    windows: t.field({ type: [VisitWindowInput], required: true }),
  }),
});

builder.mutationField("setVisitWindows", (t) =>
  t.field({
    type: [VisitWindowRef],
    description: "Replaces the centre's weekly visiting windows. Existing bookings stay. Centre administrators only.",
    args: { input: t.arg({ type: SetVisitWindowsInput, required: true, validate: { schema: z.object({ centreId: id, windows: z.array(windowSchema).max(50) }) } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => setVisitWindows(context, requireViewer(context), input),
  }),
);

// addVisitWindowClosure lives in closures.schema.ts: closing a date may cover booked visits.

const RemoveVisitWindowClosureInput = builder.inputType("RemoveVisitWindowClosureInput", {
  fields: (t) => ({ closureId: t.id({ required: true }) }),
});

builder.mutationField("removeVisitWindowClosure", (t) =>
  t.field({
    type: VisitWindowClosureRef,
    description: "Reopens a closed date. Returns the removed closure. Centre administrators only.",
    args: { input: t.arg({ type: RemoveVisitWindowClosureInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: async (_root, { input }, context) => {
      const closure = await context.prisma.visitWindowClosure.findUnique({ where: { id: input.closureId }, select: { centreId: true } });
      return centreAdminScopes(context.prisma, closure?.centreId);
    },
    resolve: (_root, { input }, context) => removeVisitWindowClosure(context, requireViewer(context), input),
  }),
);

const SetServiceTrustedInput = builder.inputType("SetServiceTrustedInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    serviceUnitId: t.id({ required: true }),
    isTrusted: t.boolean({ required: true }),
  }),
});

builder.mutationField("setServiceTrusted", (t) =>
  t.field({
    type: "Boolean",
    description: "Trusts a service (its requests confirm at once) or stops trusting it. Returns the new state. Centre administrators only.",
    args: { input: t.arg({ type: SetServiceTrustedInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => setServiceTrusted(context, requireViewer(context), input),
  }),
);

builder.prismaObjectField("Centre", "visitRequestExpiryDays", (t) =>
  t.exposeInt("visitRequestExpiryDays", { description: "An unanswered visit request expires after this many days (Copenhagen calendar days)." }),
);

const SetVisitRequestExpiryDaysInput = builder.inputType("SetVisitRequestExpiryDaysInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    days: t.int({ required: true, description: "1–60 days." }),
  }),
});

builder.mutationField("setVisitRequestExpiryDays", (t) =>
  t.field({
    type: "Int",
    description: "Sets after how many days an unanswered visit request expires and frees its slot. Centre administrators only.",
    args: { input: t.arg({ type: SetVisitRequestExpiryDaysInput, required: true, validate: { schema: z.object({ centreId: id, days: z.number().int().min(1).max(60) }) } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => setVisitRequestExpiryDays(context, requireViewer(context), input),
  }),
);

// Closures meet bookings (issue 19): adding a closed day, special hours or a day closed to visits
// that covers live visits is refused with the visits listed (ClosureHasVisitsError) until the
// centre decides — cancel them, with a reason the service sees, in the same transaction, or keep
// them. Kept visits, and visits on the days the calendar rules close (public holidays, commonly
// closed days under the centre's policy), stay listed as upcoming collisions on the centre's page.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface, MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { parsedBy } from "../../shared/validation.ts";
import { requireViewer } from "../../shared/viewer.ts";
import { OpeningExceptionKindEnum, OpeningExceptionRef, openingExceptionSchema } from "../directory/index.ts";
import { ClosureHasVisitsError, type CollidingVisit, type VisitCollision, type CollisionCause } from "./closure-collisions.ts";
import {
  addOpeningException,
  addVisitWindowClosure,
  cancelCollidingVisits,
  DEFAULT_COLLISION_DAYS,
  findUpcomingVisitCollisions,
} from "./closures.commands.ts";
import { id, localDate, reason } from "./visit-inputs.ts";
import { VisitStatusEnum } from "./visit.schema.ts";
import { centreAdminScopes, centreMemberScopes } from "./visit.policy.ts";
import { VisitWindowClosureRef } from "./space.schema.ts";

const CollisionCauseEnum = builder.enumType("VisitCollisionCause", {
  values: ["OPENING_EXCEPTION", "VISIT_CLOSURE", "PUBLIC_HOLIDAY", "COMMONLY_CLOSED_DAY"] as const satisfies readonly CollisionCause[],
  description:
    "Why a visit collides: the centre's exception (closed or special hours), a day closed to visits, or a public holiday or commonly " +
    "closed day under the centre's holiday policy.",
});

const CollidingVisitRef = builder.objectRef<CollidingVisit>("CollidingVisit").implement({
  description: "A live visit (requested or confirmed) on a day the centre closes: what is needed to decide, never a person.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    status: t.field({ type: VisitStatusEnum, resolve: (visit) => visit.status }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    serviceUnitId: t.exposeID("serviceUnitId"),
    serviceUnitName: t.exposeString("serviceUnitName"),
  }),
});

const VisitCollisionRef = builder.objectRef<VisitCollision>("VisitCollision").implement({
  fields: (t) => ({
    visit: t.field({ type: CollidingVisitRef, resolve: (collision) => collision.visit }),
    date: t.field({ type: "Date", resolve: (collision) => collision.date }),
    cause: t.field({ type: CollisionCauseEnum, resolve: (collision) => collision.cause }),
    nameDa: t.exposeString("nameDa", { nullable: true, description: "The holiday's name or the closure's reason." }),
    nameEn: t.exposeString("nameEn", { nullable: true }),
  }),
});

builder.objectType(ClosureHasVisitsError, {
  name: "ClosureHasVisitsError",
  description: "The closure covers live visits: decide with `collidingVisits` whether to cancel them or keep them. Nothing was saved.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ collisions: t.field({ type: [VisitCollisionRef], resolve: (error) => error.collisions }) }),
});

const decisionSchema = z
  .object({ cancel: z.boolean(), reason: z.string().trim().max(1000).nullish() })
  .refine((decision) => !decision.cancel || Boolean(decision.reason), {
    message: "Give the reason the service will see.",
    params: { da: "Skriv den begrundelse, tilbuddet får at se." },
    path: ["reason"],
  });
type Decision = z.infer<typeof decisionSchema>;

const CollidingVisitsInput = builder.inputType("CollidingVisitsInput", {
  description: "What to do with the live visits a closure covers.",
  validate: { schema: decisionSchema },
  fields: (t) => ({
    cancel: t.boolean({ required: true, description: "true: cancel them now (each service is told); false: keep them (they stay listed as collisions)." }),
    reason: t.string({ required: false, description: "Required when cancelling: the reason the service sees on the visit." }),
  }),
});


/** The caller's decision as CollidingVisitsInput's schema parsed it (validated there). */
function parseDecision(input: unknown): Decision | null {
  return input == null ? null : parsedBy(decisionSchema, input);
}

const AddOpeningExceptionInput = builder.inputType("AddOpeningExceptionInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    date: t.field({ type: "Date", required: true }),
    kind: t.field({ type: OpeningExceptionKindEnum, required: true }),
    startMinute: t.int({ required: false, description: "Required for SPECIAL_HOURS." }),
    endMinute: t.int({ required: false, description: "Required for SPECIAL_HOURS; before the start means past midnight." }),
    reason: t.string({ required: false, description: "Shown publicly, e.g. \"Personaledag\"." }),
    collidingVisits: t.field({
      type: CollidingVisitsInput,
      required: false,
      description: "Needed when the date covers live visits (otherwise ClosureHasVisitsError lists them and nothing is saved).",
    }),
  }),
});

// The exception's own fields and the decision on colliding visits, checked together.
const openingExceptionInputSchema = z.object({ centreId: z.string(), collidingVisits: decisionSchema.nullish() }).and(openingExceptionSchema);

builder.mutationField("addOpeningException", (t) =>
  t.field({
    type: OpeningExceptionRef,
    description:
      "Closes the centre on a date or gives it special hours that day (one exception per date). When live visits fall in the closed " +
      "time, nothing is saved and ClosureHasVisitsError lists them, until `collidingVisits` says whether to cancel them (with a reason " +
      "the service sees) or keep them.",
    args: { input: t.arg({ type: AddOpeningExceptionInput, required: true, validate: { schema: openingExceptionInputSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, ClosureHasVisitsError],
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => {
      const { centreId, collidingVisits, ...exception } = parsedBy(openingExceptionInputSchema, input);
      return addOpeningException(context, requireViewer(context), {
        centreId,
        exception,
        collidingVisits: parseDecision(collidingVisits),
      });
    },
  }),
);

const AddVisitWindowClosureInput = builder.inputType("AddVisitWindowClosureInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    date: t.field({ type: "Date", required: true }),
    reason: t.string({ required: false }),
    collidingVisits: t.field({
      type: CollidingVisitsInput,
      required: false,
      description: "Needed when the date has live visits (otherwise ClosureHasVisitsError lists them and nothing is saved).",
    }),
  }),
});

const addVisitWindowClosureSchema = z.looseObject({ centreId: id, date: localDate, reason: z.string().trim().max(500).nullish() });

builder.mutationField("addVisitWindowClosure", (t) =>
  t.field({
    type: VisitWindowClosureRef,
    description:
      "Closes a date to visits. When live visits are booked that day, nothing is saved and ClosureHasVisitsError lists them, until " +
      "`collidingVisits` says whether to cancel them (with a reason the service sees) or keep them. Centre administrators only.",
    args: { input: t.arg({ type: AddVisitWindowClosureInput, required: true, validate: { schema: addVisitWindowClosureSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, ClosureHasVisitsError],
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) =>
      addVisitWindowClosure(context, requireViewer(context), {
        ...parsedBy(addVisitWindowClosureSchema, input),
        collidingVisits: parseDecision(input.collidingVisits),
      }),
  }),
);

builder.queryField("upcomingVisitCollisions", (t) =>
  t.field({
    type: [VisitCollisionRef],
    description:
      `Live visits at the centre from today for \`days\` days (default ${DEFAULT_COLLISION_DAYS}) that fall on a day it closes: an exception, ` +
      "a day closed to visits, or a public holiday or commonly closed day under its holiday policy (computed by the calendar rules). " +
      "The centre's staff only.",
    authScopes: (_root, { centreId }, context) => centreMemberScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }), days: t.arg.int({ required: false }) },
    resolve: (_root, args, context) => findUpcomingVisitCollisions(context, requireViewer(context), args),
  }),
);

const CancelCollidingVisitsInput = builder.inputType("CancelCollidingVisitsInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    visitIds: t.idList({ required: true, description: "Live visits at the centre (from upcomingVisitCollisions)." }),
    reason: t.string({ required: true, description: "The reason the service sees on each visit." }),
  }),
});

builder.mutationField("cancelCollidingVisits", (t) =>
  t.prismaField({
    type: ["Visit"],
    description:
      "The centre cancels live visits that collide with its closures, with one reason the services see; each service is told " +
      "(a message without content). Visits no longer live are left as they are. Returns the visits cancelled. The centre's staff only.",
    args: { input: t.arg({ type: CancelCollidingVisitsInput, required: true, validate: { schema: z.object({ centreId: id, visitIds: z.array(id).min(1).max(200), reason }) } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreMemberScopes(context.prisma, input.centreId),
    resolve: (_query, _root, { input }, context) => cancelCollidingVisits(context, requireViewer(context), input),
  }),
);

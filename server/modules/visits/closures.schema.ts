// Closures meet bookings (issue 19): adding a closed day, special hours or a day closed to visits
// that covers live visits is refused with the visits listed (ClosureHasVisitsError) until the
// centre decides — cancel them, with a reason the service sees, in the same transaction, or keep
// them. Kept visits, and visits on the days the calendar rules close (public holidays, commonly
// closed days under the centre's policy), stay listed as upcoming collisions on the centre's page.
import { z } from "zod";
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface, MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Context, Viewer } from "../../graphql/context.ts";
import { NotAuthenticatedError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { OpeningExceptionRef } from "../directory/centre.schema.ts";
import { localIsoDate } from "../directory/centre-schedule.ts";
import { OpeningExceptionKindEnum } from "../directory/directory-enums.schema.ts";
import { openingExceptionSchema } from "../directory/directory-validation.ts";
import { insertOpeningException } from "../directory/directory.commands.ts";
import { unitOfCentre } from "../directory/directory.policy.ts";
import { cancelLiveVisits } from "./booking.commands.ts";
import { upsertVisitWindowClosure } from "./centre-setup.commands.ts";
import {
  ClosureHasVisitsError,
  type CollidingVisit,
  type DateRule,
  type VisitCollision,
  upcomingVisitCollisions,
  visitsCoveredBy,
  type CollisionCause,
} from "./closure-collisions.ts";
import { id, localDate, reason } from "./visit-inputs.ts";
import { VisitStatusEnum } from "./visit.schema.ts";
import { centreAdminScopes, centreMemberScopes, LIVE_VISIT_STATUSES } from "./visit.policy.ts";
import { VisitWindowClosureRef } from "./space.schema.ts";

const DEFAULT_COLLISION_DAYS = 60;
const MAX_COLLISION_DAYS = 366;

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


function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw new NotAuthenticatedError();
  return context.viewer;
}

/** The caller's decision as CollidingVisitsInput's schema parsed it (validated there). */
function parseDecision(input: unknown): Decision | null {
  return input == null ? null : parsedBy(decisionSchema, input);
}

/**
 * Writes a closure and deals with the visits it covers: refused with the list when the caller has
 * not decided; else written, and the covered visits cancelled in the same transaction when asked.
 */
async function closeWithVisits<Row>(
  context: Context,
  centreId: string,
  covered: (db: Prisma | PrismaTypes.TransactionClient) => Promise<VisitCollision[]>,
  decision: Decision | null,
  write: (tx: PrismaTypes.TransactionClient) => Promise<Row>,
): Promise<Row> {
  const viewer = viewerOf(context);
  const collisions = await covered(context.prisma);
  if (collisions.length > 0 && !decision) throw new ClosureHasVisitsError(collisions);
  const centreUnitId = await unitOfCentre(context.prisma, centreId);
  const now = context.clock.now();
  return context.prisma.$transaction(async (tx) => {
    const row = await write(tx);
    if (decision?.cancel) {
      // Looked up again inside the transaction: a visit booked meanwhile is covered too.
      const visits = (await covered(tx)).map((collision) => collision.visit);
      await cancelLiveVisits(tx, visits, { actorUserId: viewer.userId, actorUnitId: centreUnitId, reason: decision.reason!, at: now, notify: "each" });
    }
    return row;
  });
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
    resolve: async (_root, { input }, context) => {
      const { centreId, collidingVisits, ...exception } = parsedBy(openingExceptionInputSchema, input);
      if (exception.date < localIsoDate(context.clock.now())) {
        throw ValidationError.single("date", { da: "Datoen ligger i fortiden.", en: "The date is in the past." });
      }
      const decision = parseDecision(collidingVisits);
      if (!(await context.prisma.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) {
        throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      }
      const rule: DateRule =
        exception.kind === "CLOSED" ? { closed: true } : { closed: false, startMinute: exception.startMinute!, endMinute: exception.endMinute! };
      return closeWithVisits(
        context,
        centreId,
        (db) => visitsCoveredBy(db, centreId, exception.date, rule, "OPENING_EXCEPTION", exception.reason),
        decision,
        (tx) => insertOpeningException(tx, centreId, exception),
      );
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
    resolve: async (_root, { input }, context) => {
      const parsed = parsedBy(addVisitWindowClosureSchema, input);
      const decision = parseDecision(input.collidingVisits);
      const reasonText = parsed.reason || null;
      return closeWithVisits(
        context,
        parsed.centreId,
        (db) => visitsCoveredBy(db, parsed.centreId, parsed.date, { closed: true }, "VISIT_CLOSURE", reasonText),
        decision,
        (tx) => upsertVisitWindowClosure(tx, parsed.centreId, parsed.date, reasonText),
      );
    },
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
    resolve: (_root, { centreId, days }, context) => {
      const span = days ?? DEFAULT_COLLISION_DAYS;
      if (span < 1 || span > MAX_COLLISION_DAYS) {
        throw ValidationError.single("days", { da: `Vælg 1 til ${MAX_COLLISION_DAYS} dage.`, en: `Choose 1 to ${MAX_COLLISION_DAYS} days.` });
      }
      return upcomingVisitCollisions(context.prisma, centreId, context.clock.now(), span);
    },
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
    resolve: async (_query, _root, { input }, context) => {
      const viewer = viewerOf(context);
      const centreUnitId = await unitOfCentre(context.prisma, input.centreId);
      if (!centreUnitId) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      const now = context.clock.now();
      return context.prisma.$transaction(async (tx) => {
        const visits = await tx.visit.findMany({
          where: { id: { in: input.visitIds }, centreId: input.centreId, status: { in: LIVE_VISIT_STATUSES } },
          select: { id: true, status: true },
          orderBy: { startsAt: "asc" },
        });
        return cancelLiveVisits(tx, visits, { actorUserId: viewer.userId, actorUnitId: centreUnitId, reason: input.reason, at: now, notify: "each" });
      });
    },
  }),
);

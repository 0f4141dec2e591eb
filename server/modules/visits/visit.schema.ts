// Visits at centres (journey J3): booking a visit or a weekly series, approving, declining and
// cancelling, and what the public and the two units see.
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../../shared/idempotency.ts";
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { VisitEventType, VisitStatus } from "../../generated/prisma/enums.ts";
import { IllegalTransitionError, ValidationError } from "../../shared/errors.ts";
import {
  type BookedSeries,
  bookVisit,
  bookVisitSeries,
  cancelVisit,
  cancelVisitSeries,
  confirmVisit,
  declineVisit,
  rescheduleVisit,
} from "./booking.commands.ts";
import { VISIT_ACTIONS, type VisitAction } from "./visit-status.ts";
// Visit.space needs the Space type.
import "./space.schema.ts";
import {
  type ConflictingVisit,
  type SeriesOccurrenceConflict,
  SeriesConflictError,
  VisitConflictError,
} from "./visit-errors.ts";
import { id, localDate, minute, reason } from "./visit-inputs.ts";
import {
  centreMemberScopes,
  publicVisitWhere,
  seriesSideScopes,
  visitCentreScopes,
  visitParticipantScopes,
  viewerVisitActions,
  visitSideScopes,
} from "./visit.policy.ts";
import { localDateOf, zonedDateTime } from "../../shared/copenhagen-time.ts";
import { requireViewer } from "../../shared/viewer.ts";

/** A list query covers at most this many days, so one request cannot ask for years of bookings. */
const MAX_RANGE_DAYS = 366;

// ───────────────────────────── need to know ─────────────────────────────

// Visits on one page usually share a centre; remember its unit for the rest of the request.
const centreUnitIdsByRequest = new WeakMap<Context, Map<string, Promise<string | null>>>();
function centreUnitIdOf(context: Context, centreId: string): Promise<string | null> {
  let cache = centreUnitIdsByRequest.get(context);
  if (!cache) centreUnitIdsByRequest.set(context, (cache = new Map()));
  let unitId = cache.get(centreId);
  if (!unitId) {
    unitId = context.prisma.centre
      .findUnique({ where: { id: centreId }, select: { unitId: true } })
      .then((centre) => centre?.unitId ?? null);
    cache.set(centreId, unitId);
  }
  return unitId;
}

/** Members of the host centre's unit or the booking service's unit. */
async function participantScopes(row: { centreId: string; serviceUnitId: string }, context: Context) {
  const centreUnitId = await centreUnitIdOf(context, row.centreId);
  return centreUnitId ? visitParticipantScopes(centreUnitId, row.serviceUnitId) : { memberOfUnit: row.serviceUnitId };
}

// ───────────────────────────── types ─────────────────────────────

export const VisitStatusEnum = builder.enumType(VisitStatus, {
  name: "VisitStatus",
  description:
    "REQUESTED → CONFIRMED or DECLINED (with reason); REQUESTED or CONFIRMED → CANCELLED (with reason, by either side); " +
    "REQUESTED or CONFIRMED → rescheduled (REQUESTED again unless the centre trusts the service or moved it itself); " +
    "REQUESTED → EXPIRED when the centre does not answer within its expiry window. " +
    "A REQUESTED visit already holds its slot: nobody else can book the space at that time while the centre decides.",
});

const VisitEventTypeEnum = builder.enumType(VisitEventType, { name: "VisitEventType" });

const VisitActionEnum = builder.enumType("VisitAction", {
  values: VISIT_ACTIONS.map((action) => action.toUpperCase()) as Uppercase<VisitAction>[],
  description: "What the viewer may do next with a visit (from the transition table).",
});

export const VisitEventRef = builder.prismaObject("VisitEvent", {
  description: "One change of a visit: who, what, why and when. Seen by the two units only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.expose("type", { type: VisitEventTypeEnum }),
    fromStatus: t.expose("fromStatus", { type: VisitStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: VisitStatusEnum }),
    actorUnitId: t.exposeID("actorUnitId", { nullable: true, description: "Null when the system acted (expiry)." }),
    actorUnitName: t.string({
      nullable: true,
      resolve: async (event, _args, context) =>
        event.actorUnitId ? ((await context.prisma.unit.findUnique({ where: { id: event.actorUnitId }, select: { name: true } }))?.name ?? null) : null,
    }),
    actorName: t.string({
      nullable: true,
      description: "The staff member who acted; null for the system.",
      resolve: async (event, _args, context) =>
        event.actorUserId ? ((await context.prisma.user.findUnique({ where: { id: event.actorUserId }, select: { name: true } }))?.name ?? null) : null,
    }),
    reason: t.exposeString("reason", { nullable: true }),
    previousStartsAt: t.expose("previousStartsAt", { type: "DateTime", nullable: true }),
    previousEndsAt: t.expose("previousEndsAt", { type: "DateTime", nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
    visitId: t.exposeID("visitId"),
    visit: t.relation("visit", { description: "The visit the change was made to." }),
  }),
});

export const ConflictingVisitRef = builder.objectRef<ConflictingVisit>("ConflictingVisit").implement({
  description: "The booking that holds a slot: only what is needed to move around it, never a person.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    serviceUnitName: t.exposeString("serviceUnitName"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
  }),
});

const SeriesOccurrenceConflictRef = builder.objectRef<SeriesOccurrenceConflict>("SeriesOccurrenceConflict").implement({
  description: "One week of a series that cannot be booked.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date" }),
    isClosed: t.exposeBoolean("isClosed", { description: "The centre is closed to visits that day." }),
    conflictingVisit: t.field({ type: ConflictingVisitRef, nullable: true, resolve: (conflict) => conflict.conflictingVisit }),
  }),
});

builder.objectType(VisitConflictError, {
  name: "VisitConflictError",
  description: "The space is already booked (requested or confirmed) at an overlapping time.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ conflictingVisit: t.field({ type: ConflictingVisitRef, resolve: (error) => error.conflictingVisit }) }),
});

builder.objectType(SeriesConflictError, {
  name: "SeriesConflictError",
  description: "Some occurrences of a series cannot be booked; nothing was booked.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ conflicts: t.field({ type: [SeriesOccurrenceConflictRef], resolve: (error) => error.conflicts }) }),
});

export const VisitRef = builder.prismaObject("Visit", {
  description:
    "One booked time of a visiting service in a space at a centre. A CONFIRMED visit's public fields are public; " +
    "other visits are seen only by members of the centre's unit and the booking service's unit.",
  authScopes: (visit, context) => (visit.status === "CONFIRMED" ? { public: true } : participantScopes(visit, context)),
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.expose("status", { type: VisitStatusEnum }),
    title: t.exposeString("title", { description: "Public title for citizens." }),
    publicDescription: t.exposeString("publicDescription", { nullable: true, description: "Public text for citizens." }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    centreId: t.exposeID("centreId"),
    centre: t.relation("centre"),
    centreName: t.string({
      select: { centre: { select: { name: true } } },
      resolve: (visit) => visit.centre.name,
    }),
    serviceUnitId: t.exposeID("serviceUnitId"),
    serviceUnitName: t.string({
      select: { serviceUnit: { select: { name: true } } },
      resolve: (visit) => visit.serviceUnit.name,
    }),
    space: t.relation("space"),
    seriesId: t.exposeID("seriesId", { nullable: true }),
    sequence: t.exposeInt("sequence", { description: "Incremented on every change (iCalendar SEQUENCE)." }),
    internalNote: t.exposeString("internalNote", {
      nullable: true,
      description: "For the two units only; null for anyone else.",
      authScopes: (visit, _args, context) => participantScopes(visit, context),
      unauthorizedResolver: () => null,
    }),
    declineReason: t.exposeString("declineReason", {
      nullable: true,
      description: "For the two units only; null for anyone else.",
      authScopes: (visit, _args, context) => participantScopes(visit, context),
      unauthorizedResolver: () => null,
    }),
    cancelReason: t.exposeString("cancelReason", {
      nullable: true,
      description: "For the two units only; null for anyone else.",
      authScopes: (visit, _args, context) => participantScopes(visit, context),
      unauthorizedResolver: () => null,
    }),
    cancelledByUnitId: t.exposeID("cancelledByUnitId", {
      nullable: true,
      authScopes: (visit, _args, context) => participantScopes(visit, context),
      unauthorizedResolver: () => null,
    }),
    events: t.field({
      type: [VisitEventRef],
      description: "The visit's history, oldest first. For the two units only; empty for anyone else.",
      authScopes: (visit, _args, context) => participantScopes(visit, context),
      unauthorizedResolver: () => [],
      resolve: (visit, _args, context) =>
        context.prisma.visitEvent.findMany({ where: { visitId: visit.id }, orderBy: [{ at: "asc" }, { position: "asc" }] }),
    }),
    viewerActions: t.field({
      type: [VisitActionEnum],
      description: "What the viewer may do with the visit now, from the transition table.",
      resolve: async (visit, _args, context) =>
        viewerVisitActions(context.viewer, await centreUnitIdOf(context, visit.centreId), visit).map(
          (action) => action.toUpperCase() as Uppercase<VisitAction>,
        ),
    }),
  }),
});

const VisitSeriesRef = builder.prismaObject("VisitSeries", {
  description: "A weekly series of visits at one Copenhagen wall-clock time. Seen by the two units only.",
  authScopes: (series, context) => participantScopes(series, context),
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    serviceUnitId: t.exposeID("serviceUnitId"),
    space: t.relation("space"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute"),
    endMinute: t.exposeInt("endMinute"),
    firstDate: t.field({ type: "Date", resolve: (series) => series.firstDate.toISOString().slice(0, 10) }),
    lastDate: t.field({ type: "Date", resolve: (series) => series.lastDate.toISOString().slice(0, 10) }),
    title: t.exposeString("title"),
    publicDescription: t.exposeString("publicDescription", { nullable: true }),
    internalNote: t.exposeString("internalNote", { nullable: true }),
    visits: t.relation("visits", { query: { orderBy: { startsAt: "asc" } } }),
  }),
});

export const BookVisitSeriesPayloadRef = builder.objectRef<BookedSeries>("BookVisitSeriesPayload").implement({
  fields: (t) => ({
    series: t.field({
      type: VisitSeriesRef,
      nullable: true,
      description: "Null when no occurrence was free.",
      resolve: (payload) => payload.series,
    }),
    visits: t.field({ type: [VisitRef], description: "The occurrences booked.", resolve: (payload) => payload.visits }),
    conflicts: t.field({
      type: [SeriesOccurrenceConflictRef],
      description: "The occurrences left out (closed or taken).",
      resolve: (payload) => payload.conflicts,
    }),
  }),
});

// ───────────────────────────── input rules ─────────────────────────────

const bookingFields = {
  centreId: id,
  spaceId: id,
  serviceUnitId: id,
  title: z.string().trim().min(1).max(200),
  publicDescription: z.string().trim().max(2000).nullish(),
  internalNote: z.string().trim().max(2000).nullish(),
  idempotencyKey: z.string().nullish(),
};

const bookVisitSchema = z
  .object({ ...bookingFields, startsAt: z.date(), endsAt: z.date() })
  .refine((input) => input.startsAt.getTime() < input.endsAt.getTime(), {
    message: "The visit must end after it starts.",
    params: { da: "Besøget skal slutte efter det starter." },
    path: ["endsAt"],
  });

const bookVisitSeriesSchema = z
  .object({
    ...bookingFields,
    firstDate: localDate,
    startMinute: minute,
    endMinute: minute,
    weeks: z.number().int().min(1).max(104).nullish(),
    untilDate: localDate.nullish(),
    bookFreeOccurrencesOnly: z.boolean().nullish(),
  })
  .refine((input) => input.startMinute < input.endMinute, {
    message: "The visit must end after it starts.",
    params: { da: "Besøget skal slutte efter det starter." },
    path: ["endMinute"],
  })
  .refine((input) => (input.weeks == null) !== (input.untilDate == null), {
    message: "Give either a number of weeks or an end date.",
    params: { da: "Angiv enten et antal uger eller en slutdato." },
    path: ["weeks"],
  });

const rescheduleVisitSchema = z
  .object({ visitId: id, startsAt: z.date(), endsAt: z.date(), reason: z.string().trim().max(1000).nullish() })
  .refine((input) => input.startsAt.getTime() < input.endsAt.getTime(), {
    message: "The visit must end after it starts.",
    params: { da: "Besøget skal slutte efter det starter." },
    path: ["endsAt"],
  });

const confirmVisitSchema = z.object({ visitId: id });
const decideVisitSchema = z.object({ visitId: id, reason });
const cancelVisitSeriesSchema = z.object({ seriesId: id, fromDate: localDate, reason });

/** The where-fragment for visits starting in [from, to), once the range is checked. */
function startingIn(from: Date, to: Date): { startsAt: { gte: Date; lt: Date } } {
  if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw ValidationError.single("to", {
      da: `Perioden skal slutte efter den starter og må højst være ${MAX_RANGE_DAYS} dage.`,
      en: `The period must end after it starts and span at most ${MAX_RANGE_DAYS} days.`,
    });
  }
  return { startsAt: { gte: from, lt: to } };
}

// ───────────────────────────── queries ─────────────────────────────

builder.queryField("thisWeekAtCentre", (t) =>
  t.prismaField({
    type: [VisitRef],
    description:
      "Confirmed visits at the centre in the Monday–Sunday Copenhagen week containing `weekOf` (default: today). Public.",
    authScopes: { public: true },
    args: { centreId: t.arg.id({ required: true }), weekOf: t.arg({ type: "Date", required: false }) },
    resolve: (query, _root, { centreId, weekOf }, context) =>
      context.prisma.visit.findMany({
        ...query,
        where: publicVisitsInWeekWhere(centreId, weekOf ?? localDateOf(context.clock.now())),
        orderBy: { startsAt: "asc" },
      }),
  }),
);

builder.prismaObjectField("Centre", "visitsThisWeek", (t) =>
  t.prismaField({
    type: [VisitRef],
    description: "This week at the centre: the same list as Query.thisWeekAtCentre, for the centre card. Public.",
    authScopes: { public: true },
    args: { weekOf: t.arg({ type: "Date", required: false }) },
    resolve: (query, centre, { weekOf }, context) =>
      context.prisma.visit.findMany({
        ...query,
        where: publicVisitsInWeekWhere(centre.id, weekOf ?? localDateOf(context.clock.now())),
        orderBy: { startsAt: "asc" },
      }),
  }),
);

builder.queryField("centreVisits", (t) =>
  t.prismaField({
    type: [VisitRef],
    description: "All visits (every status) at a centre starting in [from, to), for the centre's members.",
    authScopes: (_root, { centreId }, context) => centreMemberScopes(context.prisma, centreId),
    args: {
      centreId: t.arg.id({ required: true }),
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.visit.findMany({ ...query, where: { centreId: args.centreId, ...startingIn(args.from, args.to) }, orderBy: { startsAt: "asc" } }),
  }),
);

builder.queryField("serviceVisits", (t) =>
  t.prismaField({
    type: [VisitRef],
    description: "All visits (every status) booked by a service unit starting in [from, to), for its members.",
    authScopes: (_root, { unitId }) => ({ memberOfUnit: unitId }),
    args: {
      unitId: t.arg.id({ required: true }),
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.visit.findMany({ ...query, where: { serviceUnitId: args.unitId, ...startingIn(args.from, args.to) }, orderBy: { startsAt: "asc" } }),
  }),
);

/** Confirmed visits at a centre in the Monday–Sunday Copenhagen week containing `date`. */
function publicVisitsInWeekWhere(centreId: string, date: string) {
  const day = new Date(`${date}T12:00:00Z`);
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - daysSinceMonday * 86_400_000).toISOString().slice(0, 10);
  const nextMonday = new Date(day.getTime() + (7 - daysSinceMonday) * 86_400_000).toISOString().slice(0, 10);
  return { centreId, ...publicVisitWhere, startsAt: { gte: zonedDateTime(monday, 0), lt: zonedDateTime(nextMonday, 0) } };
}

// ───────────────────────────── booking ─────────────────────────────

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const BookVisitInput = builder.inputType("BookVisitInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    spaceId: t.id({ required: true }),
    serviceUnitId: t.id({ required: true, description: "The booking service unit; you must be a member of it." }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    title: t.string({ required: true, description: "Public title, e.g. \"Spørg jobkonsulenten — ingen tidsbestilling\"." }),
    publicDescription: t.string({ required: false }),
    internalNote: t.string({ required: false, description: "Seen by the centre and the service only." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

builder.mutationField("bookVisit", (t) =>
  t.field({
    type: VisitRef,
    description:
      "Books one visit inside a visiting window: REQUESTED, or CONFIRMED at once when the centre trusts the service. " +
      "An overlapping live booking in the space gives VisitConflictError naming it.",
    args: { input: t.arg({ type: BookVisitInput, required: true, validate: { schema: bookVisitSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, VisitConflictError],
    },
    authScopes: (_root, { input }) => ({ memberOfUnit: input.serviceUnitId }),
    resolve: (_root, { input }, context) => bookVisit(context, requireViewer(context), input),
  }),
);

const BookVisitSeriesInput = builder.inputType("BookVisitSeriesInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    spaceId: t.id({ required: true }),
    serviceUnitId: t.id({ required: true }),
    firstDate: t.field({ type: "Date", required: true, description: "The first occurrence; the series repeats on its weekday." }),
    startMinute: t.int({ required: true, description: "Copenhagen wall-clock minutes after midnight, kept across daylight saving." }),
    endMinute: t.int({ required: true }),
    weeks: t.int({ required: false, description: "Number of occurrences. Give this or untilDate." }),
    untilDate: t.field({ type: "Date", required: false, description: "Last possible date (inclusive). Give this or weeks." }),
    title: t.string({ required: true }),
    publicDescription: t.string({ required: false }),
    internalNote: t.string({ required: false }),
    bookFreeOccurrencesOnly: t.boolean({
      required: false,
      description: "When some occurrences are taken or closed: true books the rest; false (default) books nothing and returns SeriesConflictError.",
    }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

builder.mutationField("bookVisitSeries", (t) =>
  t.field({
    type: BookVisitSeriesPayloadRef,
    description: "Books a weekly series. Conflicts are reported per occurrence.",
    args: { input: t.arg({ type: BookVisitSeriesInput, required: true, validate: { schema: bookVisitSeriesSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, SeriesConflictError],
    },
    authScopes: (_root, { input }) => ({ memberOfUnit: input.serviceUnitId }),
    resolve: (_root, { input }, context) => bookVisitSeries(context, requireViewer(context), input),
  }),
);

// What confirming, declining and cancelling a visit can fail with besides the common errors.
const VISIT_TRANSITION_ERRORS = { types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError] };

const ConfirmVisitInput = builder.inputType("ConfirmVisitInput", {
  fields: (t) => ({ visitId: t.id({ required: true }) }),
});

builder.mutationField("confirmVisit", (t) =>
  t.field({
    type: VisitRef,
    description: "The centre confirms a requested visit. Members of the centre's unit only.",
    args: { input: t.arg({ type: ConfirmVisitInput, required: true, validate: { schema: confirmVisitSchema } }) },
    errors: VISIT_TRANSITION_ERRORS,
    authScopes: (_root, { input }, context) => visitCentreScopes(context.prisma, input.visitId),
    resolve: (_root, { input }, context) => confirmVisit(context, requireViewer(context), input),
  }),
);

const DeclineVisitInput = builder.inputType("DeclineVisitInput", {
  fields: (t) => ({ visitId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("declineVisit", (t) =>
  t.field({
    type: VisitRef,
    description: "The centre declines a requested visit with a reason the service sees. Members of the centre's unit only.",
    args: { input: t.arg({ type: DeclineVisitInput, required: true, validate: { schema: decideVisitSchema } }) },
    errors: VISIT_TRANSITION_ERRORS,
    authScopes: (_root, { input }, context) => visitCentreScopes(context.prisma, input.visitId),
    resolve: (_root, { input }, context) => declineVisit(context, requireViewer(context), input),
  }),
);

const CancelVisitInput = builder.inputType("CancelVisitInput", {
  fields: (t) => ({ visitId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("cancelVisit", (t) =>
  t.field({
    type: VisitRef,
    description: "Either side cancels a requested or confirmed visit, with a reason. Frees the slot.",
    args: { input: t.arg({ type: CancelVisitInput, required: true, validate: { schema: decideVisitSchema } }) },
    errors: VISIT_TRANSITION_ERRORS,
    authScopes: (_root, { input }, context) => visitSideScopes(context.prisma, input.visitId),
    resolve: (_root, { input }, context) => cancelVisit(context, requireViewer(context), input),
  }),
);

const CancelVisitSeriesInput = builder.inputType("CancelVisitSeriesInput", {
  fields: (t) => ({
    seriesId: t.id({ required: true }),
    fromDate: t.field({ type: "Date", required: true, description: "Cancels every live occurrence on or after this date." }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationField("cancelVisitSeries", (t) =>
  t.field({
    type: [VisitRef],
    description: "Either side cancels the rest of a series from a date, with a reason. Returns the occurrences cancelled.",
    args: { input: t.arg({ type: CancelVisitSeriesInput, required: true, validate: { schema: cancelVisitSeriesSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }, context) => seriesSideScopes(context.prisma, input.seriesId),
    resolve: (_root, { input }, context) => cancelVisitSeries(context, requireViewer(context), input),
  }),
);

const RescheduleVisitInput = builder.inputType("RescheduleVisitInput", {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    reason: t.string({ required: false, description: "Why the time moves; the other side sees it in the visit's history." }),
  }),
});

builder.mutationField("rescheduleVisit", (t) =>
  t.field({
    type: VisitRef,
    description:
      "Either side moves a requested or confirmed visit (also one occurrence of a series) to a new time in the same space. " +
      "The visit keeps its id and iCalendar UID; its sequence goes up. A service's move needs the centre's confirmation " +
      "again unless the centre trusts it. A collision gives VisitConflictError naming the other visit.",
    args: { input: t.arg({ type: RescheduleVisitInput, required: true, validate: { schema: rescheduleVisitSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError, VisitConflictError],
    },
    authScopes: (_root, { input }, context) => visitSideScopes(context.prisma, input.visitId),
    resolve: (_root, { input }, context) => rescheduleVisit(context, requireViewer(context), input),
  }),
);

// ───────────────────────────── audit view ─────────────────────────────

builder.queryField("unitVisitEvents", (t) =>
  t.prismaConnection({
    type: "VisitEvent",
    cursor: "id",
    description:
      "Every change of the visits the unit hosts (a centre) or books (a service): requested, confirmed, declined, moved, cancelled, " +
      "expired — who, when and why, newest first. For the unit's own administrators (the unit's audit view).",
    args: { unitId: t.arg.id({ required: true }) },
    // Like the handover audit trail: administrators who are members of the unit.
    authScopes: (_root, args, context) =>
      context.viewer?.memberships.some((membership) => membership.unitId === args.unitId && membership.role === "UNIT_ADMIN") ?? false,
    resolve: (query, _root, args, context) =>
      context.prisma.visitEvent.findMany({
        ...query,
        where: { visit: { OR: [{ serviceUnitId: args.unitId }, { centre: { unitId: args.unitId } }] } },
        orderBy: [{ at: "desc" }, { position: "desc" }],
      }),
  }),
);

// The rota (journey J6): shifts generated from a centre's opening hours, the places they need,
// who has signed up, swaps, key holders, and the gaps a coordinator sees.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { ShiftCancelReason, ShiftRole, ShiftStatus, ShiftSwapStatus } from "../../generated/prisma/enums.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { isoDateOf, localIsoDate, StaffingEnum, startOfLocalDay } from "../directory/index.ts";
import { MeRef } from "../accounts/index.ts";
import {
  MAX_GENERATE_DAYS,
  acceptShiftSwap,
  addExtraShift,
  cancelShift,
  generateRota,
  leaveShift,
  requestShiftSwap,
  setShiftMayBeCancelled,
  setTrainedKeyHolder,
  splitShift,
  takeShiftPlace,
  updateShift,
  withdrawShiftSwap,
} from "./rota.commands.ts";
import { addDays, hoursBetween, isKeyHolderGap } from "./shift-gaps.ts";
import { NotKeyHolderError, ShiftFullError } from "./volunteer.errors.ts";
import {
  centreAdminScopes,
  rotaManagerScopes,
  rotaManagerScopesForUnit,
  rotaReaderScopes,
  shiftAdminScopes,
  shiftManagerScopes,
  shiftParticipantScopes,
  swapParticipantScopes,
} from "./volunteer.policy.ts";

const id = z.string().min(1).max(100);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const places = z.number().int().min(0).max(20);
const note = z.string().trim().max(500).nullish().transform((value) => value || null);

const viewerIdOf = (context: Context) => context.viewer!.userId;

export const ShiftRoleEnum = builder.enumType(ShiftRole, {
  name: "ShiftRole",
  description: "KEY_HOLDER: the trained person responsible while no staff is there. VOLUNTEER: a volunteer place. STAFF: a staff place.",
});
const ShiftStatusEnum = builder.enumType(ShiftStatus, { name: "ShiftStatus" });
const ShiftCancelReasonEnum = builder.enumType(ShiftCancelReason, {
  name: "ShiftCancelReason",
  description: "CENTRE_CLOSED: an exception or holiday closes the centre then. CANCELLED_BY_CENTRE: cancelled by hand.",
});
const ShiftSwapStatusEnum = builder.enumType(ShiftSwapStatus, { name: "ShiftSwapStatus" });

builder.objectType(ShiftFullError, {
  name: "ShiftFullError",
  description: "Every place of that role is taken, possibly a moment ago by someone else.",
  interfaces: [ErrorInterface],
});
builder.objectType(NotKeyHolderError, {
  name: "NotKeyHolderError",
  description: "Only staff and volunteers marked as trained key holders can take a key-holder place.",
  interfaces: [ErrorInterface],
});
const SHIFT_ERRORS = [...COMMON_MUTATION_ERRORS, ShiftFullError, NotKeyHolderError] as const;

export const ShiftSwapRef = builder.prismaObject("ShiftSwap", {
  description: "An offer to hand one's place on a shift to another volunteer of the centre.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.expose("status", { type: ShiftSwapStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    isMine: t.boolean({ resolve: (swap, _args, context) => swap.requestedById === context.viewer?.userId }),
    assignment: t.relation("assignment"),
  }),
});

export const ShiftAssignmentRef = builder.prismaObject("ShiftAssignment", {
  description: "One person in one place of a shift. Only the rota's readers (the centre's staff and volunteers) see it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    role: t.expose("role", { type: ShiftRoleEnum }),
    place: t.exposeInt("place", { description: "0-based index among the shift's places for this role." }),
    personName: t.string({
      select: { user: { select: { name: true } } },
      description: "The name of the person: colleagues on the rota know who they work with.",
      resolve: (assignment) => assignment.user.name,
    }),
    isMine: t.boolean({ resolve: (assignment, _args, context) => assignment.userId === context.viewer?.userId }),
    openSwap: t.prismaField({
      type: ShiftSwapRef,
      nullable: true,
      resolve: (query, assignment, _args, context) =>
        context.prisma.shiftSwap.findFirst({ ...query, where: { assignmentId: assignment.id, status: "OPEN" } }),
    }),
    shift: t.relation("shift"),
  }),
});

const FreePlacesRef = builder.objectRef<{ keyHolder: number; volunteer: number; staff: number }>("ShiftFreePlaces").implement({
  fields: (t) => ({ keyHolder: t.exposeInt("keyHolder"), volunteer: t.exposeInt("volunteer"), staff: t.exposeInt("staff") }),
});

export const ShiftRef = builder.prismaObject("Shift", {
  description: "A staffed time at a centre with the places it needs (key holder, volunteers, staff).",
  fields: (t) => ({
    id: t.exposeID("id"),
    centre: t.relation("centre"),
    date: t.field({ type: "Date", description: "The local date the opening starts on.", resolve: (shift) => isoDateOf(shift.date) }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    staffing: t.expose("staffing", { type: StaffingEnum }),
    status: t.expose("status", { type: ShiftStatusEnum }),
    cancelReason: t.expose("cancelReason", { type: ShiftCancelReasonEnum, nullable: true }),
    keyHolderPlaces: t.exposeInt("keyHolderPlaces"),
    volunteerPlaces: t.exposeInt("volunteerPlaces"),
    staffPlaces: t.exposeInt("staffPlaces"),
    mayBeCancelled: t.exposeBoolean("mayBeCancelled", { description: "Marked \"kan blive aflyst\" by the centre admin while no key holder has signed up." }),
    note: t.exposeString("note", { nullable: true }),
    isExtra: t.boolean({ description: "Added by hand rather than generated from the opening hours.", resolve: (shift) => shift.occurrence === null }),
    isKeyHolderGap: t.boolean({
      select: { assignments: { select: { role: true } } },
      description: "A planned period run by volunteers with no key holder signed up: \"åben, men mangler nøglebærer\".",
      resolve: (shift) => isKeyHolderGap(shift),
    }),
    freePlaces: t.field({
      type: FreePlacesRef,
      select: { assignments: { select: { role: true } } },
      resolve: (shift) => {
        const count = (role: ShiftRole) => shift.assignments.filter((assignment) => assignment.role === role).length;
        return {
          keyHolder: Math.max(0, shift.keyHolderPlaces - count("KEY_HOLDER")),
          volunteer: Math.max(0, shift.volunteerPlaces - count("VOLUNTEER")),
          staff: Math.max(0, shift.staffPlaces - count("STAFF")),
        };
      },
    }),
    assignments: t.relation("assignments", { query: { orderBy: [{ role: "asc" }, { place: "asc" }] } }),
    myAssignment: t.prismaField({
      type: ShiftAssignmentRef,
      nullable: true,
      resolve: (query, shift, _args, context) =>
        context.viewer ? context.prisma.shiftAssignment.findUnique({ ...query, where: { shiftId_userId: { shiftId: shift.id, userId: context.viewer.userId } } }) : null,
    }),
  }),
});

// ───────────────────────────── queries ─────────────────────────────

/** Local dates [fromDate, toDate], 1 to MAX_GENERATE_DAYS days, with the other fields of the input or arguments. */
const dateRange = { fromDate: localDate, toDate: localDate };
const withinMaxDays = (range: { fromDate: string; toDate: string }) => {
  const days = (Date.parse(range.toDate) - Date.parse(range.fromDate)) / 86_400_000;
  return !(days < 0 || days >= MAX_GENERATE_DAYS);
};
const maxDaysIssue = {
  path: ["toDate"],
  message: `The range must be 1 to ${MAX_GENERATE_DAYS} days.`,
  params: { da: `Perioden skal være fra 1 til ${MAX_GENERATE_DAYS} dage.` },
};
const centreDateRangeSchema = z.object({ centreId: z.string(), ...dateRange }).refine(withinMaxDays, maxDaysIssue);

/** Shifts overlapping the local dates [fromDate, toDate]. */
function shiftsOverlapping(fromDate: string, toDate: string) {
  return { startsAt: { lt: startOfLocalDay(addDays(toDate, 1)) }, endsAt: { gt: startOfLocalDay(fromDate) } };
}

builder.queryField("centreRota", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description: "A centre's shifts overlapping the local dates [fromDate, toDate] (at most 92 days), for its staff, volunteers and admins.",
    authScopes: (_root, { centreId }, context) => rotaReaderScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }), fromDate: t.arg({ type: "Date", required: true }), toDate: t.arg({ type: "Date", required: true }) },
    validate: { schema: centreDateRangeSchema },
    resolve: (query, _root, args, context) => {
      return context.prisma.shift.findMany({
        ...query,
        where: { centreId: args.centreId, ...shiftsOverlapping(args.fromDate, args.toDate) },
        orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
      });
    },
  }),
);

builder.queryField("myShifts", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description: "The viewer's own shifts that have not ended yet, soonest first.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.shift.findMany({
        ...query,
        where: { endsAt: { gt: context.clock.now() }, assignments: { some: { userId: viewerIdOf(context) } } },
        orderBy: { startsAt: "asc" },
      }),
  }),
);

// On the field, not the argument: the plugin skips an optional argument's schema when it is left out.
const openShiftsArgs = z.object({ days: z.number().int().min(1).max(MAX_GENERATE_DAYS).nullish().transform((days) => days ?? 28) });

builder.queryField("openShifts", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description: "Planned shifts in the coming days (default 28, at most 92) at the centres where the viewer volunteers or works.",
    authScopes: { signedIn: true },
    args: { days: t.arg.int({ required: false }) },
    validate: { schema: openShiftsArgs },
    resolve: (query, _root, args, context) => {
      const viewer = context.viewer!;
      const span = parsedBy(openShiftsArgs, args).days;
      const now = context.clock.now();
      const unitIds = [...viewer.volunteerAt, ...viewer.memberships.filter((membership) => membership.unitKind === "CENTRE").map((membership) => membership.unitId)];
      return context.prisma.shift.findMany({
        ...query,
        where: {
          status: "PLANNED",
          centre: { unitId: { in: unitIds } },
          endsAt: { gt: now },
          startsAt: { lt: new Date(now.getTime() + span * 86_400_000) },
        },
        orderBy: { startsAt: "asc" },
      });
    },
  }),
);

builder.queryField("openShiftSwaps", (t) =>
  t.prismaField({
    type: [ShiftSwapRef],
    description: "Open swap requests from others at the centres where the viewer volunteers or works.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) => {
      const viewer = context.viewer!;
      const unitIds = [...viewer.volunteerAt, ...viewer.memberships.map((membership) => membership.unitId)];
      return context.prisma.shiftSwap.findMany({
        ...query,
        where: {
          status: "OPEN",
          requestedById: { not: viewer.userId },
          assignment: { shift: { status: "PLANNED", endsAt: { gt: context.clock.now() }, centre: { unitId: { in: unitIds } } } },
        },
        orderBy: { createdAt: "asc" },
      });
    },
  }),
);

builder.queryField("rotaGaps", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description:
      "Key-holder gaps (\"åben, men mangler nøglebærer\") across all centres in the local dates [fromDate, toDate]. Coordinators only.",
    authScopes: { coordinator: true },
    args: { fromDate: t.arg({ type: "Date", required: true }), toDate: t.arg({ type: "Date", required: true }) },
    validate: { schema: z.object(dateRange).refine(withinMaxDays, maxDaysIssue) },
    resolve: (query, _root, args, context) => {
      return context.prisma.shift.findMany({
        ...query,
        where: {
          status: "PLANNED",
          staffing: "VOLUNTEERS",
          assignments: { none: { role: { in: ["KEY_HOLDER", "STAFF"] } } },
          ...shiftsOverlapping(args.fromDate, args.toDate),
        },
        orderBy: { startsAt: "asc" },
      });
    },
  }),
);

const CentreVolunteerRef = builder
  .objectRef<{ userId: string; name: string; isKeyHolder: boolean }>("CentreVolunteer")
  .implement({
    description: "A volunteer at a centre, as their centre's admin sees them.",
    fields: (t) => ({ userId: t.exposeID("userId"), name: t.exposeString("name"), isKeyHolder: t.exposeBoolean("isKeyHolder") }),
  });

builder.queryField("centreVolunteers", (t) =>
  t.field({
    type: [CentreVolunteerRef],
    description: "The centre's volunteers and whether each is a trained key holder. Staff of the centre and its admins.",
    authScopes: (_root, { centreId }, context) => rotaManagerScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }) },
    resolve: async (_root, { centreId }, context) => {
      const centre = await context.prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true } });
      if (!centre) return [];
      const [memberships, keyHolders] = await Promise.all([
        context.prisma.membership.findMany({
          where: { unitId: centre.unitId, role: "VOLUNTEER" },
          select: { userId: true, user: { select: { name: true } } },
          orderBy: { user: { name: "asc" } },
        }),
        context.prisma.trainedKeyHolder.findMany({ where: { unitId: centre.unitId }, select: { userId: true } }),
      ]);
      const trained = new Set(keyHolders.map((row) => row.userId));
      return memberships.map((membership) => ({ userId: membership.userId, name: membership.user.name, isKeyHolder: trained.has(membership.userId) }));
    },
  }),
);

const VolunteerHoursRef = builder.objectRef<{ month: string; hours: number; shifts: number }>("VolunteerHoursMonth").implement({
  description: "Hours volunteers gave at a centre in one month: a sum for the centre, never per person.",
  fields: (t) => ({
    month: t.exposeString("month", { description: "yyyy-mm, Copenhagen time." }),
    hours: t.exposeFloat("hours"),
    shifts: t.exposeInt("shifts", { description: "Shifts with at least one volunteer." }),
  }),
});

const volunteerHoursArgs = z.object({ centreId: z.string(), months: z.number().int().min(1).max(24).nullish().transform((months) => months ?? 6) });

builder.queryField("volunteerHours", (t) =>
  t.field({
    type: [VolunteerHoursRef],
    description: "Hours given by volunteers per month over the last `months` months (default 6), for the centre's staff, admins and coordinators.",
    authScopes: async (_root, { centreId }, context) => ({ $any: { coordinator: true, ...(await rotaManagerScopes(context.prisma, centreId)) } }),
    args: { centreId: t.arg.id({ required: true }), months: t.arg.int({ required: false }) },
    validate: { schema: volunteerHoursArgs },
    resolve: async (_root, args, context) => {
      const { centreId, months: span } = parsedBy(volunteerHoursArgs, args);
      const centre = await context.prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true } });
      if (!centre) return [];
      const now = context.clock.now();
      const today = localIsoDate(now);
      const firstMonth = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
      firstMonth.setUTCMonth(firstMonth.getUTCMonth() - (span - 1));
      const from = startOfLocalDay(`${firstMonth.toISOString().slice(0, 7)}-01`);
      const volunteers = await context.prisma.membership.findMany({ where: { unitId: centre.unitId, role: "VOLUNTEER" }, select: { userId: true } });
      const shifts = await context.prisma.shift.findMany({
        where: { centreId, status: "PLANNED", startsAt: { gte: from }, endsAt: { lte: now } },
        select: { startsAt: true, endsAt: true, assignments: { where: { userId: { in: volunteers.map((row) => row.userId) } }, select: { id: true } } },
      });
      const byMonth = new Map<string, { hours: number; shifts: number }>();
      for (let index = 0; index < span; index += 1) {
        const month = new Date(firstMonth);
        month.setUTCMonth(month.getUTCMonth() + index);
        byMonth.set(month.toISOString().slice(0, 7), { hours: 0, shifts: 0 });
      }
      for (const shift of shifts) {
        if (shift.assignments.length === 0) continue;
        const entry = byMonth.get(localIsoDate(shift.startsAt).slice(0, 7));
        if (!entry) continue;
        entry.hours += hoursBetween(shift.startsAt, shift.endsAt) * shift.assignments.length;
        entry.shifts += 1;
      }
      return [...byMonth.entries()].map(([month, entry]) => ({ month, hours: Math.round(entry.hours * 10) / 10, shifts: entry.shifts }));
    },
  }),
);

builder.prismaObjectField("Centre", "mayBeCancelledShifts", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description:
      "Upcoming periods (next 14 days) run by volunteers that still lack a key holder and that the centre marked \"kan blive aflyst\". Public: only times.",
    authScopes: { public: true },
    resolve: (query, centre, _args, context) => {
      const now = context.clock.now();
      return context.prisma.shift.findMany({
        ...query,
        where: {
          centreId: centre.id,
          status: "PLANNED",
          mayBeCancelled: true,
          endsAt: { gt: now },
          startsAt: { lt: new Date(now.getTime() + 14 * 86_400_000) },
          assignments: { none: { role: { in: ["KEY_HOLDER", "STAFF"] } } },
        },
        orderBy: { startsAt: "asc" },
      });
    },
  }),
);

builder.objectField(MeRef, "volunteerCentres", (t) =>
  t.prismaField({
    type: ["Centre"],
    description: "The centres where the user volunteers.",
    resolve: (query, viewer, _args, context) =>
      context.prisma.centre.findMany({ ...query, where: { unitId: { in: viewer.volunteerAt } }, orderBy: { name: "asc" } }),
  }),
);

// ───────────────────────────── mutations: building the rota ─────────────────────────────

const RotaSummaryRef = builder.objectRef<{ created: number; updated: number; cancelled: number }>("RotaSummary").implement({
  fields: (t) => ({ created: t.exposeInt("created"), updated: t.exposeInt("updated"), cancelled: t.exposeInt("cancelled") }),
});

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const GenerateRotaInput = builder.inputType("GenerateRotaInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    fromDate: t.field({ type: "Date", required: true }),
    toDate: t.field({ type: "Date", required: true }),
  }),
});

builder.mutationField("generateRota", (t) =>
  t.field({
    type: RotaSummaryRef,
    description:
      "Creates the shifts of the centre's openings for [fromDate, toDate] and brings existing ones in line with its opening hours, exceptions and holidays. Safe to repeat.",
    args: { input: t.arg({ type: GenerateRotaInput, required: true, validate: { schema: centreDateRangeSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "summary" } },
    authScopes: (_root, { input }, context) => rotaManagerScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => {
      return generateRota(context.prisma, input.centreId, input.fromDate, input.toDate);
    },
  }),
);

const AddExtraShiftInput = builder.inputType("AddExtraShiftInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    staffing: t.field({ type: StaffingEnum, required: true }),
    keyHolderPlaces: t.int({ required: true }),
    volunteerPlaces: t.int({ required: true }),
    staffPlaces: t.int({ required: true }),
    note: t.string({ required: false }),
  }),
});

const extraShiftSchema = z
  .object({
    centreId: id,
    startsAt: z.date(),
    endsAt: z.date(),
    staffing: z.enum(["STAFFED", "VOLUNTEERS"]),
    keyHolderPlaces: places,
    volunteerPlaces: places,
    staffPlaces: places,
    note,
  })
  .refine((value) => value.endsAt > value.startsAt && hoursBetween(value.startsAt, value.endsAt) <= 24, {
    path: ["endsAt"],
    message: "The shift must end after it starts, within 24 hours.",
    params: { da: "Vagten skal slutte efter den begynder og højst vare 24 timer." },
  });

builder.mutationField("addExtraShift", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "Adds a shift by hand (not tied to an opening).",
    args: { input: t.arg({ type: AddExtraShiftInput, required: true, validate: { schema: extraShiftSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shift" } },
    authScopes: (_root, { input }, context) => rotaManagerScopes(context.prisma, input.centreId),
    resolve: (_query, _root, { input }, context) => {
      const values = parsedBy(extraShiftSchema, input);
      refuseCprNumbers({ note: values.note });
      const { centreId, ...shift } = values;
      return addExtraShift(context.prisma, centreId, shift);
    },
  }),
);

const SplitShiftInput = builder.inputType("SplitShiftInput", {
  fields: (t) => ({ shiftId: t.id({ required: true }), at: t.field({ type: "DateTime", required: true }) }),
});

builder.mutationField("splitShift", (t) =>
  t.prismaField({
    type: [ShiftRef],
    description: "Splits a shift in two at `at` (e.g. a morning and an afternoon team). People signed up stay on the first part.",
    args: { input: t.arg({ type: SplitShiftInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shifts" } },
    authScopes: (_root, { input }, context) => shiftManagerScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) => splitShift(context.prisma, input.shiftId, input.at),
  }),
);

const UpdateShiftInput = builder.inputType("UpdateShiftInput", {
  fields: (t) => ({
    shiftId: t.id({ required: true }),
    keyHolderPlaces: t.int({ required: true }),
    volunteerPlaces: t.int({ required: true }),
    staffPlaces: t.int({ required: true }),
    note: t.string({ required: false }),
  }),
});

const updateShiftSchema = z.object({ shiftId: id, keyHolderPlaces: places, volunteerPlaces: places, staffPlaces: places, note });

builder.mutationField("updateShift", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "Changes the places a shift needs and its note. Refuses to remove a place someone holds.",
    args: { input: t.arg({ type: UpdateShiftInput, required: true, validate: { schema: updateShiftSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shift" } },
    authScopes: (_root, { input }, context) => shiftManagerScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) => {
      const values = parsedBy(updateShiftSchema, input);
      refuseCprNumbers({ note: values.note });
      const { shiftId, ...rest } = values;
      return updateShift(context.prisma, shiftId, rest);
    },
  }),
);

const ShiftIdInput = builder.inputType("ShiftIdInput", { fields: (t) => ({ shiftId: t.id({ required: true }) }) });

builder.mutationField("cancelShift", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "Cancels a shift by hand. Generating the rota again does not bring it back.",
    args: { input: t.arg({ type: ShiftIdInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shift" } },
    authScopes: (_root, { input }, context) => shiftManagerScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) => cancelShift(context.prisma, input.shiftId),
  }),
);

const SetShiftMayBeCancelledInput = builder.inputType("SetShiftMayBeCancelledInput", {
  fields: (t) => ({ shiftId: t.id({ required: true }), mayBeCancelled: t.boolean({ required: true }) }),
});

builder.mutationField("setShiftMayBeCancelled", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "The centre admin marks a key-holder gap \"kan blive aflyst\" (shown on the public centre page), or clears the mark.",
    args: { input: t.arg({ type: SetShiftMayBeCancelledInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "shift" },
    },
    authScopes: (_root, { input }, context) => shiftAdminScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) => setShiftMayBeCancelled(context.prisma, input.shiftId, input.mayBeCancelled),
  }),
);

// ───────────────────────────── mutations: people on shifts ─────────────────────────────

const SignUpForShiftInput = builder.inputType("SignUpForShiftInput", {
  fields: (t) => ({ shiftId: t.id({ required: true }), role: t.field({ type: ShiftRoleEnum, required: true }) }),
});

builder.mutationField("signUpForShift", (t) =>
  t.prismaField({
    type: ShiftAssignmentRef,
    description: "The viewer takes a free place of a role on a shift at a centre where they volunteer or work.",
    args: { input: t.arg({ type: SignUpForShiftInput, required: true }) },
    errors: { types: [...SHIFT_ERRORS], dataField: { name: "assignment" } },
    authScopes: (_root, { input }, context) => shiftParticipantScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) =>
      takeShiftPlace(context.prisma, {
        shiftId: input.shiftId,
        userId: viewerIdOf(context),
        role: input.role,
        assignedById: viewerIdOf(context),
        now: context.clock.now(),
      }),
  }),
);

builder.mutationField("leaveShift", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "The viewer gives up their place on a shift that has not ended.",
    args: { input: t.arg({ type: ShiftIdInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shift" } },
    authScopes: (_root, { input }, context) => shiftParticipantScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) =>
      leaveShift(context.prisma, { shiftId: input.shiftId, userId: viewerIdOf(context), now: context.clock.now() }),
  }),
);

const AssignToShiftInput = builder.inputType("AssignToShiftInput", {
  fields: (t) => ({ shiftId: t.id({ required: true }), userId: t.id({ required: true }), role: t.field({ type: ShiftRoleEnum, required: true }) }),
});

builder.mutationField("assignToShift", (t) =>
  t.prismaField({
    type: ShiftAssignmentRef,
    description: "Staff put a volunteer or colleague of the centre in a free place of a shift.",
    args: { input: t.arg({ type: AssignToShiftInput, required: true }) },
    errors: { types: [...SHIFT_ERRORS], dataField: { name: "assignment" } },
    authScopes: (_root, { input }, context) => shiftManagerScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) =>
      takeShiftPlace(context.prisma, {
        shiftId: input.shiftId,
        userId: input.userId,
        role: input.role,
        assignedById: viewerIdOf(context),
        now: context.clock.now(),
      }),
  }),
);

const RemoveFromShiftInput = builder.inputType("RemoveFromShiftInput", {
  fields: (t) => ({ shiftId: t.id({ required: true }), userId: t.id({ required: true }) }),
});

builder.mutationField("removeFromShift", (t) =>
  t.prismaField({
    type: ShiftRef,
    description: "Staff take a person off a shift that has not ended.",
    args: { input: t.arg({ type: RemoveFromShiftInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "shift" } },
    authScopes: (_root, { input }, context) => shiftManagerScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) =>
      leaveShift(context.prisma, { shiftId: input.shiftId, userId: input.userId, now: context.clock.now() }),
  }),
);

builder.mutationField("requestShiftSwap", (t) =>
  t.prismaField({
    type: ShiftSwapRef,
    description: "The viewer offers their place on a shift to the centre's other volunteers.",
    args: { input: t.arg({ type: ShiftIdInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "swap" } },
    authScopes: (_root, { input }, context) => shiftParticipantScopes(context.prisma, input.shiftId),
    resolve: (_query, _root, { input }, context) =>
      requestShiftSwap(context.prisma, { shiftId: input.shiftId, userId: viewerIdOf(context), now: context.clock.now() }),
  }),
);

const SwapIdInput = builder.inputType("ShiftSwapIdInput", { fields: (t) => ({ swapId: t.id({ required: true }) }) });

builder.mutationField("acceptShiftSwap", (t) =>
  t.prismaField({
    type: ShiftSwapRef,
    description: "The viewer takes over the place offered in an open swap request (same role rules as signing up).",
    args: { input: t.arg({ type: SwapIdInput, required: true }) },
    errors: { types: [...SHIFT_ERRORS], dataField: { name: "swap" } },
    authScopes: (_root, { input }, context) => swapParticipantScopes(context.prisma, input.swapId),
    resolve: (_query, _root, { input }, context) =>
      acceptShiftSwap(context.prisma, { swapId: input.swapId, userId: viewerIdOf(context), now: context.clock.now() }),
  }),
);

builder.mutationField("withdrawShiftSwap", (t) =>
  t.prismaField({
    type: ShiftSwapRef,
    description: "The viewer withdraws their own open swap request.",
    args: { input: t.arg({ type: SwapIdInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "swap" } },
    authScopes: (_root, { input }, context) => swapParticipantScopes(context.prisma, input.swapId),
    resolve: (_query, _root, { input }, context) =>
      withdrawShiftSwap(context.prisma, { swapId: input.swapId, userId: viewerIdOf(context), now: context.clock.now() }),
  }),
);

const SetTrainedKeyHolderInput = builder.inputType("SetTrainedKeyHolderInput", {
  fields: (t) => ({ centreId: t.id({ required: true }), userId: t.id({ required: true }), isKeyHolder: t.boolean({ required: true }) }),
});

builder.mutationField("setTrainedKeyHolder", (t) =>
  t.field({
    type: CentreVolunteerRef,
    description: "The centre admin marks a volunteer as a trained key holder (or takes the mark away).",
    args: { input: t.arg({ type: SetTrainedKeyHolderInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "volunteer" },
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: async (_root, { input }, context) => {
      await setTrainedKeyHolder(context.prisma, { ...input, grantedById: viewerIdOf(context), now: context.clock.now() });
      const user = await context.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
      return { userId: input.userId, name: user.name, isKeyHolder: input.isKeyHolder };
    },
  }),
);

// ───────────────────────────── rota gap reminders ─────────────────────────────

builder.prismaObjectField("Centre", "rotaGapReminderDays", (t) =>
  t.exposeInt("rotaGapReminderDays", {
    description: "Days before a key-holder gap that the centre's volunteers are reminded of it (0 = never). The centre's staff and admins; null for others.",
    nullable: true,
    authScopes: (centre) => rotaManagerScopesForUnit(centre.unitId),
    unauthorizedResolver: () => null,
  }),
);

const SetRotaGapReminderDaysInput = builder.inputType("SetRotaGapReminderDaysInput", {
  fields: (t) => ({ centreId: t.id({ required: true }), days: t.int({ required: true, description: "0–30; 0 turns the reminder off." }) }),
});

builder.mutationField("setRotaGapReminderDays", (t) =>
  t.prismaField({
    type: "Centre",
    description: "The centre admin chooses how many days before a key-holder gap the centre's volunteers are reminded of it (0 = never).",
    args: {
      input: t.arg({ type: SetRotaGapReminderDaysInput, required: true, validate: { schema: z.object({ centreId: id, days: z.number().int().min(0).max(30) }) } }),
    },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "centre" },
    },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: async (_query, _root, { input }, context) => {
      // An unknown id passed the policy (it tells nothing); it is a NotFoundError here, not a 500.
      const updated = await context.prisma.centre.updateManyAndReturn({ where: { id: input.centreId }, data: { rotaGapReminderDays: input.days } });
      if (updated.length === 0) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      return updated[0]!;
    },
  }),
);

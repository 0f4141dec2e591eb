// Volunteers (journey J6): the rota of the sending centre, where `volunteer` volunteers.
import { randomUUID } from "node:crypto";
import type { TadaDocumentNode } from "gql.tada";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, sendable, type KnownFields, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, SIGNED_IN, type Persona } from "../personas.ts";

const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
/** Staff of the centre and its admins build the rota. */
const ROTA_MANAGERS: Persona[] = ["sendingMember", ...CENTRE_ADMINS];
/** The rota's readers: its managers and the centre's volunteers. */
const ROTA_READERS: Persona[] = [...ROTA_MANAGERS, "volunteer"];
/** Who can stand on a shift: the centre's staff and volunteers. */
const SHIFT_PARTICIPANTS: Persona[] = ["sendingMember", "unitAdmin", "volunteer"];
const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];

let dayOffset = 0;

/** A fresh volunteer-run shift at the sending centre, so one cell never spoils the next. */
async function throwawayShift({ app, world }: MatrixContext, places = { keyHolderPlaces: 1, volunteerPlaces: 3, staffPlaces: 1 }) {
  dayOffset += 1;
  const startsAt = new Date(Date.parse("2027-02-01T09:00:00.000Z") + dayOffset * 86_400_000);
  return app.prisma.shift.create({
    data: {
      centreId: world.sendingCentre.centreId,
      date: new Date(`${startsAt.toISOString().slice(0, 10)}T00:00:00.000Z`),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
      staffing: "VOLUNTEERS",
      ...places,
    },
  });
}

/** A shift on which the persona (when signed in) holds a volunteer place. */
async function shiftWithPersona(context: MatrixContext) {
  const shift = await throwawayShift(context);
  if (context.persona !== "anonymous") {
    await context.app.prisma.shiftAssignment.create({
      data: { shiftId: shift.id, userId: context.world.userIds[context.persona], role: "VOLUNTEER", place: 0, assignedById: context.world.userIds.sendingMember },
    });
  }
  return shift;
}

/** An open swap offered by the centre's staff member, for someone else to accept. */
async function openSwap(context: MatrixContext, requester: Exclude<Persona, "anonymous"> = "sendingMember") {
  const shift = await throwawayShift(context);
  const assignment = await context.app.prisma.shiftAssignment.create({
    data: { shiftId: shift.id, userId: context.world.userIds[requester], role: "VOLUNTEER", place: 0, assignedById: context.world.userIds[requester] },
  });
  return context.app.prisma.shiftSwap.create({ data: { assignmentId: assignment.id, requestedById: context.world.userIds[requester] } });
}

async function throwawayApplication({ app, world }: MatrixContext) {
  return app.prisma.volunteerApplication.create({
    data: {
      centreId: world.sendingCentre.centreId,
      name: "Matrix Ansøger",
      email: `ansoeger-${randomUUID().slice(0, 8)}@example.dk`,
      consentVersion: "2026-12-v1",
      receivedAt: new Date("2026-11-25T09:00:00.000Z"),
      deleteAfter: new Date("2026-12-25T09:00:00.000Z"),
    },
  });
}

/** A request for a query that takes the sending centre's id as $centreId. */
const centreQuery =
  <Data>(document: TadaDocumentNode<Data, { centreId: string }> & KnownFields<Data>) =>
  async ({ world }: MatrixContext) =>
    sendable(document, { centreId: world.sendingCentre.centreId });

export const rows: MatrixRow[] = [
  {
    operation: "Query.centreRota",
    allowed: ROTA_READERS,
    request: centreQuery(
      graphql(`query ($centreId: ID!) { centreRota(centreId: $centreId, fromDate: "2027-02-01", toDate: "2027-03-01") { id assignments { personName } } }`),
    ),
  },
  { operation: "Query.myShifts", allowed: SIGNED_IN, request: async () => matrixRequest(graphql(`{ myShifts { id } }`)) },
  { operation: "Query.openShifts", allowed: SIGNED_IN, request: async () => matrixRequest(graphql(`{ openShifts { id } }`)) },
  { operation: "Query.openShiftSwaps", allowed: SIGNED_IN, request: async () => matrixRequest(graphql(`{ openShiftSwaps { id } }`)) },
  { operation: "Query.hasShiftFeedLink", allowed: SIGNED_IN, request: async () => matrixRequest(graphql(`{ hasShiftFeedLink }`)) },
  {
    operation: "Query.rotaGaps",
    allowed: COORDINATORS,
    request: async () => matrixRequest(graphql(`{ rotaGaps(fromDate: "2027-02-01", toDate: "2027-03-01") { id } }`)),
  },
  {
    operation: "Query.centreVolunteers",
    allowed: ROTA_MANAGERS,
    request: centreQuery(graphql(`query ($centreId: ID!) { centreVolunteers(centreId: $centreId) { userId isKeyHolder } }`)),
  },
  {
    operation: "Query.volunteerHours",
    allowed: [...ROTA_MANAGERS, "coordinator"],
    request: centreQuery(graphql(`query ($centreId: ID!) { volunteerHours(centreId: $centreId) { month hours } }`)),
  },
  { operation: "Query.volunteerCalls", allowed: EVERYONE, request: async () => matrixRequest(graphql(`{ volunteerCalls { id title } }`)) },
  { operation: "Query.volunteerConsentText", allowed: EVERYONE, request: async () => matrixRequest(graphql(`{ volunteerConsentText { version } }`)) },
  {
    operation: "Query.centreVolunteerCalls",
    allowed: CENTRE_ADMINS,
    request: centreQuery(graphql(`query ($centreId: ID!) { centreVolunteerCalls(centreId: $centreId) { id } }`)),
  },
  {
    operation: "Query.volunteerApplications",
    allowed: CENTRE_ADMINS,
    request: centreQuery(graphql(`query ($centreId: ID!) { volunteerApplications(centreId: $centreId) { id name email } }`)),
  },

  // ── building the rota ──
  {
    operation: "Mutation.generateRota",
    allowed: ROTA_MANAGERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: GenerateRotaInput!) { generateRota(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, fromDate: "2027-02-01", toDate: "2027-02-07" } },
      ),
  },
  {
    operation: "Mutation.addExtraShift",
    allowed: ROTA_MANAGERS,
    request: async ({ world }) =>
      matrixRequest(graphql(`mutation ($input: AddExtraShiftInput!) { addExtraShift(input: $input) { __typename } }`), {
        input: {
          centreId: world.sendingCentre.centreId,
          startsAt: "2027-02-20T09:00:00.000Z",
          endsAt: "2027-02-20T12:00:00.000Z",
          staffing: "VOLUNTEERS",
          keyHolderPlaces: 1,
          volunteerPlaces: 1,
          staffPlaces: 0,
        },
      }),
  },
  {
    operation: "Mutation.splitShift",
    allowed: ROTA_MANAGERS,
    request: async (context) => {
      const shift = await throwawayShift(context);
      return matrixRequest(
        graphql(`mutation ($input: SplitShiftInput!) { splitShift(input: $input) { __typename } }`),
        { input: { shiftId: shift.id, at: new Date(shift.startsAt.getTime() + 3_600_000).toISOString() } },
      );
    },
  },
  {
    operation: "Mutation.updateShift",
    allowed: ROTA_MANAGERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: UpdateShiftInput!) { updateShift(input: $input) { __typename } }`),
        { input: { shiftId: (await throwawayShift(context)).id, keyHolderPlaces: 1, volunteerPlaces: 4, staffPlaces: 0 } },
      ),
  },
  {
    operation: "Mutation.cancelShift",
    allowed: ROTA_MANAGERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: ShiftIdInput!) { cancelShift(input: $input) { __typename } }`),
        { input: { shiftId: (await throwawayShift(context)).id } },
      ),
  },
  {
    operation: "Mutation.setShiftMayBeCancelled",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: SetShiftMayBeCancelledInput!) { setShiftMayBeCancelled(input: $input) { __typename } }`),
        { input: { shiftId: (await throwawayShift(context)).id, mayBeCancelled: true } },
      ),
  },
  {
    operation: "Mutation.setRotaGapReminderDays",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetRotaGapReminderDaysInput!) { setRotaGapReminderDays(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, days: 3 } },
      ),
  },
  {
    operation: "Mutation.setTrainedKeyHolder",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetTrainedKeyHolderInput!) { setTrainedKeyHolder(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, userId: world.userIds.volunteer, isKeyHolder: true } },
      ),
  },
  {
    operation: "Mutation.assignToShift",
    allowed: ROTA_MANAGERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: AssignToShiftInput!) { assignToShift(input: $input) { __typename } }`),
        { input: { shiftId: (await throwawayShift(context)).id, userId: context.world.userIds.volunteer, role: "VOLUNTEER" } },
      ),
  },
  {
    operation: "Mutation.removeFromShift",
    allowed: ROTA_MANAGERS,
    request: async (context) => {
      const shift = await throwawayShift(context);
      await context.app.prisma.shiftAssignment.create({
        data: { shiftId: shift.id, userId: context.world.userIds.volunteer, role: "VOLUNTEER", place: 0, assignedById: context.world.userIds.sendingMember },
      });
      return matrixRequest(
        graphql(`mutation ($input: RemoveFromShiftInput!) { removeFromShift(input: $input) { __typename } }`),
        { input: { shiftId: shift.id, userId: context.world.userIds.volunteer } },
      );
    },
  },

  // ── people on shifts ──
  {
    operation: "Mutation.signUpForShift",
    allowed: SHIFT_PARTICIPANTS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: SignUpForShiftInput!) { signUpForShift(input: $input) { __typename } }`),
        { input: { shiftId: (await throwawayShift(context)).id, role: "VOLUNTEER" } },
      ),
  },
  {
    operation: "Mutation.leaveShift",
    allowed: SHIFT_PARTICIPANTS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: ShiftIdInput!) { leaveShift(input: $input) { __typename } }`),
        { input: { shiftId: (await shiftWithPersona(context)).id } },
      ),
  },
  {
    operation: "Mutation.requestShiftSwap",
    allowed: SHIFT_PARTICIPANTS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: ShiftIdInput!) { requestShiftSwap(input: $input) { __typename } }`),
        { input: { shiftId: (await shiftWithPersona(context)).id } },
      ),
  },
  {
    operation: "Mutation.acceptShiftSwap",
    allowed: SHIFT_PARTICIPANTS,
    request: async (context) => {
      // The staff member offers; the unit admin's own cell needs someone else to be the requester.
      const swap = await openSwap(context, context.persona === "sendingMember" ? "unitAdmin" : "sendingMember");
      return matrixRequest(
        graphql(`mutation ($input: ShiftSwapIdInput!) { acceptShiftSwap(input: $input) { __typename } }`),
        { input: { swapId: swap.id } },
      );
    },
  },
  {
    operation: "Mutation.withdrawShiftSwap",
    allowed: SHIFT_PARTICIPANTS,
    request: async (context) => {
      const requester = context.persona === "anonymous" || !SHIFT_PARTICIPANTS.includes(context.persona) ? "sendingMember" : context.persona;
      const swap = await openSwap(context, requester);
      return matrixRequest(
        graphql(`mutation ($input: ShiftSwapIdInput!) { withdrawShiftSwap(input: $input) { __typename } }`),
        { input: { swapId: swap.id } },
      );
    },
  },
  {
    operation: "Mutation.createShiftFeedLink",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`mutation { createShiftFeedLink { __typename } }`)),
  },
  {
    operation: "Mutation.revokeShiftFeedLink",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`mutation { revokeShiftFeedLink { __typename } }`)),
  },

  // ── recruiting ──
  {
    operation: "Mutation.saveVolunteerCall",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SaveVolunteerCallInput!) { saveVolunteerCall(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, title: "Matrix-opslag", whenText: "Tirsdage", isPublished: false } },
      ),
  },
  {
    operation: "Mutation.applyToVolunteer",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`mutation ($input: ApplyToVolunteerInput!) { applyToVolunteer(input: $input) { __typename } }`), {
        input: { centreId: world.sendingCentre.centreId, name: "Matrix", email: `m-${randomUUID().slice(0, 8)}@example.dk`, consentVersion: "2026-12-v1" },
      }),
  },
  {
    operation: "Mutation.acceptVolunteerApplication",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: VolunteerApplicationIdInput!) { acceptVolunteerApplication(input: $input) { __typename } }`),
        { input: { applicationId: (await throwawayApplication(context)).id } },
      ),
  },
  {
    operation: "Mutation.declineVolunteerApplication",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: VolunteerApplicationIdInput!) { declineVolunteerApplication(input: $input) { __typename } }`),
        { input: { applicationId: (await throwawayApplication(context)).id } },
      ),
  },
];

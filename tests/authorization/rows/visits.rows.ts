// Visits (journey J3): the sending centre hosts, the receiving service books.
import { randomUUID } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const CENTRE_MEMBERS: Persona[] = ["sendingMember", "unitAdmin"];
const SERVICE_MEMBERS: Persona[] = ["receivingMember"];
const EITHER_SIDE: Persona[] = [...CENTRE_MEMBERS, ...SERVICE_MEMBERS];
const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
// Monday 4 January 2027, 10:00–11:00 Copenhagen.
const STARTS_AT = "2027-01-04T09:00:00.000Z";
const ENDS_AT = "2027-01-04T10:00:00.000Z";

/** Open all week, so booking cells never depend on the order the cells run in. */
async function openAllWeek({ app, world }: MatrixContext) {
  const centreId = world.sendingCentre.centreId;
  if ((await app.prisma.visitWindow.count({ where: { centreId } })) === ALL_WEEK.length) return;
  await app.prisma.visitWindow.deleteMany({ where: { centreId } });
  await app.prisma.visitWindow.createMany({ data: ALL_WEEK.map((window) => ({ centreId, ...window })) });
}

/** A fresh space per cell, so one persona's booking never conflicts with the next one's. */
async function throwawaySpace(context: MatrixContext) {
  await openAllWeek(context);
  return context.app.prisma.space.create({ data: { centreId: context.world.sendingCentre.centreId, name: `Rum ${randomUUID().slice(0, 6)}` } });
}

async function throwawayVisit(context: MatrixContext) {
  const space = await throwawaySpace(context);
  const { world } = context;
  return context.app.prisma.visit.create({
    data: {
      centreId: world.sendingCentre.centreId,
      spaceId: space.id,
      serviceUnitId: world.receivingService.unitId,
      bookedById: world.userIds.receivingMember,
      startsAt: new Date(STARTS_AT),
      endsAt: new Date(ENDS_AT),
      title: "Matrix-besøg",
    },
  });
}

function bookingBase(context: MatrixContext, spaceId: string) {
  return {
    centreId: context.world.sendingCentre.centreId,
    spaceId,
    serviceUnitId: context.world.receivingService.unitId,
    title: "Matrix-besøg",
  };
}

let closureDay = 0;

/** An open wish of the sending centre for the receiving service's kind (housing support). */
async function throwawayWish({ app, world }: MatrixContext) {
  return app.prisma.visitWish.create({
    data: { centreId: world.sendingCentre.centreId, serviceKind: "HOUSING_SUPPORT", description: "Bostøtte om tirsdagen", createdById: world.userIds.sendingMember },
  });
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.spaces",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($centreId: ID!) { spaces(centreId: $centreId) { id } }`), { centreId: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.visitWindows",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($centreId: ID!) { visitWindows(centreId: $centreId) { id } }`), { centreId: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.visitWindowClosures",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { visitWindowClosures(centreId: $centreId) { id } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.thisWeekAtCentre",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { thisWeekAtCentre(centreId: $centreId) { id title } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.centreVisits",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { centreVisits(centreId: $centreId, from: "2027-01-01T00:00:00Z", to: "2027-02-01T00:00:00Z") { id } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.serviceVisits",
    allowed: SERVICE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { serviceVisits(unitId: $unitId, from: "2027-01-01T00:00:00Z", to: "2027-02-01T00:00:00Z") { id } }`),
        { unitId: world.receivingService.unitId },
      ),
  },
  {
    operation: "Query.calendarFeedTokens",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($unitId: ID!) { calendarFeedTokens(unitId: $unitId) { id } }`), { unitId: world.sendingCentre.unitId }),
  },
  {
    operation: "Mutation.createSpace",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, name: "Matrixrummet" } },
      ),
  },
  {
    operation: "Mutation.updateSpace",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: UpdateSpaceInput!) { updateSpace(input: $input) { __typename } }`),
        { input: { spaceId: (await throwawaySpace(context)).id, capacity: 3 } },
      ),
  },
  {
    operation: "Mutation.setVisitWindows",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetVisitWindowsInput!) { setVisitWindows(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, windows: ALL_WEEK } },
      ),
  },
  {
    operation: "Mutation.addVisitWindowClosure",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: AddVisitWindowClosureInput!) { addVisitWindowClosure(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, date: "2030-06-05", reason: "Sommerfest" } },
      ),
  },
  {
    operation: "Mutation.removeVisitWindowClosure",
    allowed: CENTRE_ADMINS,
    request: async ({ app, world }) => {
      closureDay += 1;
      const closure = await app.prisma.visitWindowClosure.create({
        data: { centreId: world.sendingCentre.centreId, date: new Date(Date.UTC(2031, 0, closureDay)) },
      });
      return matrixRequest(
        graphql(`mutation ($input: RemoveVisitWindowClosureInput!) { removeVisitWindowClosure(input: $input) { __typename } }`),
        { input: { closureId: closure.id } },
      );
    },
  },
  {
    operation: "Mutation.setServiceTrusted",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetServiceTrustedInput!) { setServiceTrusted(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, serviceUnitId: world.receivingService.unitId, isTrusted: false } },
      ),
  },
  {
    operation: "Mutation.bookVisit",
    allowed: SERVICE_MEMBERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: BookVisitInput!) { bookVisit(input: $input) { __typename } }`),
        { input: { ...bookingBase(context, (await throwawaySpace(context)).id), startsAt: STARTS_AT, endsAt: ENDS_AT } },
      ),
  },
  {
    operation: "Mutation.bookVisitSeries",
    allowed: SERVICE_MEMBERS,
    request: async (context) =>
      matrixRequest(graphql(`mutation ($input: BookVisitSeriesInput!) { bookVisitSeries(input: $input) { __typename } }`), {
        input: { ...bookingBase(context, (await throwawaySpace(context)).id), firstDate: "2027-01-05", startMinute: 600, endMinute: 720, weeks: 3 },
      }),
  },
  {
    operation: "Mutation.confirmVisit",
    allowed: CENTRE_MEMBERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`),
        { input: { visitId: (await throwawayVisit(context)).id } },
      ),
  },
  {
    operation: "Mutation.declineVisit",
    allowed: CENTRE_MEMBERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: DeclineVisitInput!) { declineVisit(input: $input) { __typename } }`),
        { input: { visitId: (await throwawayVisit(context)).id, reason: "Lokalet er optaget." } },
      ),
  },
  {
    operation: "Mutation.cancelVisit",
    allowed: EITHER_SIDE,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename } }`),
        { input: { visitId: (await throwawayVisit(context)).id, reason: "Sygdom." } },
      ),
  },
  {
    operation: "Mutation.cancelVisitSeries",
    allowed: EITHER_SIDE,
    request: async (context) => {
      const visit = await throwawayVisit(context);
      const series = await context.app.prisma.visitSeries.create({
        data: {
          centreId: visit.centreId,
          spaceId: visit.spaceId,
          serviceUnitId: visit.serviceUnitId,
          bookedById: visit.bookedById,
          weekday: 1,
          startMinute: 600,
          endMinute: 660,
          firstDate: new Date("2027-01-04T00:00:00Z"),
          lastDate: new Date("2027-01-04T00:00:00Z"),
          title: visit.title,
          visits: { connect: { id: visit.id } },
        },
      });
      return matrixRequest(
        graphql(`mutation ($input: CancelVisitSeriesInput!) { cancelVisitSeries(input: $input) { __typename } }`),
        { input: { seriesId: series.id, fromDate: "2027-01-01", reason: "Tilbuddet lukker." } },
      );
    },
  },
  {
    operation: "Mutation.rescheduleVisit",
    allowed: EITHER_SIDE,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) { __typename } }`),
        { input: { visitId: (await throwawayVisit(context)).id, startsAt: "2027-01-04T11:00:00.000Z", endsAt: "2027-01-04T12:00:00.000Z", reason: "Flyttet en time." } },
      ),
  },
  {
    operation: "Mutation.setVisitRequestExpiryDays",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetVisitRequestExpiryDaysInput!) { setVisitRequestExpiryDays(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, days: 5 } },
      ),
  },
  {
    operation: "Mutation.createCalendarFeedToken",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: CreateCalendarFeedTokenInput!) { createCalendarFeedToken(input: $input) { __typename } }`),
        { input: { unitId: world.sendingCentre.unitId } },
      ),
  },
  {
    operation: "Mutation.revokeCalendarFeedToken",
    allowed: CENTRE_MEMBERS,
    request: async ({ app, world }) => {
      const feedToken = await app.prisma.calendarFeedToken.create({
        data: { id: randomUUID(), unitId: world.sendingCentre.unitId, createdById: world.userIds.sendingMember },
      });
      return matrixRequest(
        graphql(`mutation ($input: RevokeCalendarFeedTokenInput!) { revokeCalendarFeedToken(input: $input) { __typename } }`),
        { input: { tokenId: feedToken.id } },
      );
    },
  },
  {
    operation: "Query.centreVisitWishes",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($centreId: ID!) { centreVisitWishes(centreId: $centreId) { id } }`), { centreId: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.visitWishesForService",
    allowed: SERVICE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($serviceUnitId: ID!) { visitWishesForService(serviceUnitId: $serviceUnitId) { id } }`),
        { serviceUnitId: world.receivingService.unitId },
      ),
  },
  {
    operation: "Query.areaVisitWishes",
    allowed: COORDINATORS,
    request: async () => matrixRequest(graphql(`{ areaVisitWishes { id answerCount } }`)),
  },
  {
    operation: "Mutation.postVisitWish",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: PostVisitWishInput!) { postVisitWish(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, serviceKind: "JOB_CLARIFICATION", targetGroups: ["YOUNG_ADULTS"], description: "Jobkonsulent for de unge" } },
      ),
  },
  {
    operation: "Mutation.closeVisitWish",
    allowed: CENTRE_MEMBERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: CloseVisitWishInput!) { closeVisitWish(input: $input) { __typename } }`),
        { input: { wishId: (await throwawayWish(context)).id } },
      ),
  },
  {
    operation: "Mutation.answerVisitWish",
    allowed: SERVICE_MEMBERS,
    request: async (context) =>
      matrixRequest(graphql(`mutation ($input: AnswerVisitWishInput!) { answerVisitWish(input: $input) { __typename } }`), {
        input: {
          wishId: (await throwawayWish(context)).id,
          serviceUnitId: context.world.receivingService.unitId,
          spaceId: (await throwawaySpace(context)).id,
          firstDate: "2027-01-05",
          startMinute: 600,
          endMinute: 660,
          title: "Bostøtten kommer forbi",
        },
      }),
  },
  {
    operation: "Query.upcomingVisitCollisions",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { upcomingVisitCollisions(centreId: $centreId) { date } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Mutation.cancelCollidingVisits",
    allowed: CENTRE_MEMBERS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: CancelCollidingVisitsInput!) { cancelCollidingVisits(input: $input) { __typename } }`),
        { input: { centreId: context.world.sendingCentre.centreId, visitIds: [(await throwawayVisit(context)).id], reason: "Lukket den dag." } },
      ),
  },
  {
    operation: "Query.unitVisitEvents",
    allowed: ["unitAdmin"],
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { unitVisitEvents(unitId: $unitId, first: 5) { edges { node { type } } } }`),
        { unitId: world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Query.areaCalendar",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ areaCalendar(days: 7, first: 5) { entries { key title } } }`)),
  },
];

// Directory (journey J1): search and centre pages are public; each centre's and service's own
// unit admins (and their organisation's admins and platform admins) maintain the entry.
import { randomUUID } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

// unitAdmin administers the sending centre; the organisation admin's organisation owns both
// the sending centre and the receiving service.
const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const SERVICE_ADMINS: Persona[] = ["organisationAdmin", "platformAdmin"];


// Each add gets a date of its own, so the one-exception-per-date rule never decides a cell.
let nextExceptionDay = 0;
function freshExceptionDate(): string {
  nextExceptionDay += 1;
  return new Date(Date.UTC(2027, 0, 1) + nextExceptionDay * 86_400_000).toISOString().slice(0, 10);
}

async function throwawayException({ app, world }: MatrixContext) {
  return app.prisma.openingException.create({
    data: { centreId: world.sendingCentre.centreId, date: new Date(`${freshExceptionDate()}T00:00:00.000Z`), kind: "CLOSED" },
  });
}

async function throwawayActivity({ app, world }: MatrixContext) {
  return app.prisma.activity.create({
    data: { centreId: world.sendingCentre.centreId, title: `Aktivitet ${randomUUID().slice(0, 6)}`, weekday: 2, startMinute: 600, endMinute: 660 },
  });
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.centres",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ centres(filter: { openPreset: NOW }) { totalCount edges { reasons { da } node { id name } } } }`)),
  },
  {
    operation: "Query.centre",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query($id: ID!) { centre(id: $id) { id phone openingStatus { isOpen } upcomingExceptions { date } activities { id } } }`),
        { id: world.unrelatedCentre.centreId },
      ),
  },
  {
    operation: "Query.services",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ services { totalCount edges { reasons { da } node { id name phone } } } }`)),
  },
  {
    operation: "Query.service",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`query($id: ID!) { service(id: $id) { id intakeStatus } }`), { id: world.receivingService.serviceId }),
  },
  {
    operation: "Query.openElsewhere",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`query($id: ID!) { openElsewhere(centreId: $id) { closesAt centre { id } } }`), { id: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.coverage",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ coverage(targetGroup: ADULTS) { gaps { weekday } } }`)),
  },
  {
    operation: "Mutation.updateCentreProfile",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: UpdateCentreProfileInput!) { updateCentreProfile(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, askFor: "Spørg i køkkenet." } },
      ),
  },
  {
    operation: "Mutation.setOpeningPeriods",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: SetOpeningPeriodsInput!) { setOpeningPeriods(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, periods: [{ weekday: 1, startMinute: 540, endMinute: 900 }] } },
      ),
  },
  {
    operation: "Mutation.addOpeningException",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: AddOpeningExceptionInput!) { addOpeningException(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, date: freshExceptionDate(), kind: "CLOSED" } },
      ),
  },
  {
    operation: "Mutation.removeOpeningException",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($id: ID!) { removeOpeningException(input: { exceptionId: $id }) { __typename } }`),
        { id: (await throwawayException(context)).id },
      ),
  },
  {
    operation: "Mutation.setHolidayPolicy",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: SetHolidayPolicyInput!) { setHolidayPolicy(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, publicHolidayPolicy: "CLOSED", commonClosedDaysPolicy: "NORMAL_HOURS" } },
      ),
  },
  {
    operation: "Mutation.createActivity",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, title: "Fællesspisning", weekday: 4, startMinute: 1050, endMinute: 1140 } },
      ),
  },
  {
    operation: "Mutation.updateActivity",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { __typename } }`),
        { input: { activityId: (await throwawayActivity(context)).id, weekday: 3 } },
      ),
  },
  {
    operation: "Mutation.deleteActivity",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($id: ID!) { deleteActivity(input: { activityId: $id }) { __typename } }`),
        { id: (await throwawayActivity(context)).id },
      ),
  },
  {
    operation: "Mutation.updateServiceProfile",
    allowed: SERVICE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: UpdateServiceProfileInput!) { updateServiceProfile(input: $input) { __typename } }`),
        { input: { serviceId: world.receivingService.serviceId, typicalWaitDays: 10 } },
      ),
  },
  {
    operation: "Mutation.setServiceOpeningPeriods",
    allowed: SERVICE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: SetServiceOpeningPeriodsInput!) { setServiceOpeningPeriods(input: $input) { __typename } }`),
        { input: { serviceId: world.receivingService.serviceId, periods: [{ weekday: 1, startMinute: 540, endMinute: 900, note: "telefontid" }] } },
      ),
  },
];

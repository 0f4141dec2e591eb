// Unit admins maintain their centre's and service's directory entry through GraphQL over HTTP.
// Bad input is a ValidationError naming the field and leaves the database as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

let app: TestApp;
let centreId: string;
let serviceId: string;
let admin: Caller;
let member: Caller;
let otherAdmin: Caller;

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  const other = await createOrganisation(app.prisma, { kind: "CIVIL_SOCIETY" });
  const { centre, unit } = await createCentre(app.prisma, organisation.id, { name: "Vedligeholdt Værested" });
  const { service, unit: serviceUnit } = await createService(app.prisma, organisation.id, { name: "Vedligeholdt Tilbud" });
  centreId = centre.id;
  serviceId = service.id;
  admin = await app.as(
    (await createUser(app.prisma, { memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }, { unitId: serviceUnit.id, role: "UNIT_ADMIN" }] })).id,
  );
  member = await app.as((await createUser(app.prisma, { memberships: [{ unitId: unit.id }] })).id);
  otherAdmin = await app.as((await createUser(app.prisma, { organisationAdminOf: [other.id] })).id);
});

afterAll(async () => {
  await app.close();
});

beforeEach(() => {
  app.clock.set("2026-11-25T09:00:00Z");
});

const SET_PERIODS = /* GraphQL */ `
  mutation SetPeriods($input: SetOpeningPeriodsInput!) {
    setOpeningPeriods(input: $input) {
      __typename
      ... on SetOpeningPeriodsSuccess { data { id openingPeriods { weekday startMinute endMinute isOvernight staffing } } }
      ... on ValidationError { issues { field message messageDa } }
    }
  }
`;

const period = (weekday: number, startMinute: number, endMinute: number, extra: Record<string, unknown> = {}) => ({
  weekday,
  startMinute,
  endMinute,
  ...extra,
});

async function storedPeriods() {
  return app.prisma.openingPeriod.findMany({
    where: { centreId },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
    select: { weekday: true, startMinute: true, endMinute: true, isOvernight: true, staffing: true },
  });
}

describe("setting opening periods", () => {
  it("replaces all periods at once, including one past midnight run by volunteers", async () => {
    const response = await admin.graphql(SET_PERIODS, {
      input: {
        centreId,
        periods: [period(1, 540, 900), period(5, 1200, 120, { isOvernight: true, staffing: "VOLUNTEERS" })],
      },
    });
    expect(dataOf(response).setOpeningPeriods.__typename).toBe("SetOpeningPeriodsSuccess");
    expect(await storedPeriods()).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 900, isOvernight: false, staffing: "STAFFED" },
      { weekday: 5, startMinute: 1200, endMinute: 120, isOvernight: true, staffing: "VOLUNTEERS" },
    ]);
    app.clock.set("2026-11-28T00:30:00Z"); // Saturday 01:30 local, in Friday's night
    const status = dataOf(await app.anonymous.graphql(`query($id: ID!) { centre(id: $id) { openingStatus { isOpen closesAt } } }`, { id: centreId }));
    expect(status.centre.openingStatus).toEqual({ isOpen: true, closesAt: "2026-11-28T01:00:00.000Z" });
  });

  it("refuses overlapping periods on the same day, naming the field, and changes nothing", async () => {
    const before = await storedPeriods();
    const response = await admin.graphql(SET_PERIODS, {
      input: { centreId, periods: [period(2, 540, 900), period(2, 840, 1020)] },
    });
    const result = dataOf(response).setOpeningPeriods;
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([
      expect.objectContaining({ field: "periods.1.startMinute", messageDa: "Perioden overlapper en anden periode." }),
    ]);
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses an end before the start unless the period is marked overnight", async () => {
    const before = await storedPeriods();
    const result = dataOf(await admin.graphql(SET_PERIODS, { input: { centreId, periods: [period(3, 1200, 120)] } })).setOpeningPeriods;
    expect(result.issues.map((issue: { field: string }) => issue.field)).toEqual(["periods.0.endMinute"]);
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses periods that are too long or too short and weekdays out of range", async () => {
    const tooLong = dataOf(await admin.graphql(SET_PERIODS, { input: { centreId, periods: [period(1, 0, 1440)] } })).setOpeningPeriods;
    expect(tooLong.issues[0].field).toBe("periods.0.endMinute");
    expect(tooLong.issues[0].messageDa).toContain("16 timer");
    const tooShort = dataOf(await admin.graphql(SET_PERIODS, { input: { centreId, periods: [period(1, 600, 605)] } })).setOpeningPeriods;
    expect(tooShort.issues[0].field).toBe("periods.0.endMinute");
    const badDay = dataOf(await admin.graphql(SET_PERIODS, { input: { centreId, periods: [period(1, 540, 600), period(8, 540, 600)] } })).setOpeningPeriods;
    expect(badDay.issues.map((issue: { field: string }) => issue.field)).toEqual(["periods.1.weekday"]);
  });

  it("is forbidden for a member who is not the unit's admin, and for another organisation's admin", async () => {
    const before = await storedPeriods();
    for (const caller of [member, otherAdmin]) {
      const result = dataOf(await caller.graphql(SET_PERIODS, { input: { centreId, periods: [] } })).setOpeningPeriods;
      expect(result.__typename).toBe("ForbiddenError");
    }
    const anonymous = dataOf(await app.anonymous.graphql(SET_PERIODS, { input: { centreId, periods: [] } })).setOpeningPeriods;
    expect(anonymous.__typename).toBe("NotAuthenticatedError");
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses a CPR number in a period note", async () => {
    const before = await storedPeriods();
    const response = await admin.graphql(
      `mutation($input: SetOpeningPeriodsInput!) { setOpeningPeriods(input: $input) { __typename ... on CprRefusedError { fields } } }`,
      { input: { centreId, periods: [period(1, 540, 900, { note: "Spørg efter 010190-1234" })] } },
    );
    expect(dataOf(response).setOpeningPeriods).toEqual({ __typename: "CprRefusedError", fields: ["periods.0.note"] });
    expect(await storedPeriods()).toEqual(before);
  });
});

describe("exceptions and holiday policy", () => {
  const ADD_EXCEPTION = /* GraphQL */ `
    mutation Add($input: AddOpeningExceptionInput!) {
      addOpeningException(input: $input) {
        __typename
        ... on AddOpeningExceptionSuccess { data { id date kind startMinute endMinute reason } }
        ... on ValidationError { issues { field } }
      }
    }
  `;

  it("closes the centre on a date, which then shows as closed and in the upcoming days", async () => {
    const result = dataOf(await admin.graphql(ADD_EXCEPTION, { input: { centreId, date: "2026-11-30", kind: "CLOSED", reason: "Personaledag" } })).addOpeningException;
    expect(result.__typename).toBe("AddOpeningExceptionSuccess");
    expect(result.data).toMatchObject({ date: "2026-11-30", kind: "CLOSED", reason: "Personaledag" });
    app.clock.set("2026-11-30T09:00:00Z"); // Monday 10:00 local, normally open
    const centre = dataOf(
      await app.anonymous.graphql(
        `query($id: ID!) { centre(id: $id) { openingStatus { isOpen } upcomingExceptions { date kind isClosed reason } } }`,
        { id: centreId },
      ),
    ).centre;
    expect(centre.openingStatus.isOpen).toBe(false);
    expect(centre.upcomingExceptions[0]).toEqual({ date: "2026-11-30", kind: "EXCEPTION", isClosed: true, reason: "Personaledag" });
  });

  it("refuses special hours without times, a second exception on the same date and a date in the past", async () => {
    const count = await app.prisma.openingException.count({ where: { centreId } });
    const noTimes = dataOf(await admin.graphql(ADD_EXCEPTION, { input: { centreId, date: "2026-12-24", kind: "SPECIAL_HOURS" } })).addOpeningException;
    expect(noTimes.issues.map((issue: { field: string }) => issue.field)).toEqual(["startMinute", "endMinute"]);
    const twice = dataOf(await admin.graphql(ADD_EXCEPTION, { input: { centreId, date: "2026-11-30", kind: "CLOSED" } })).addOpeningException;
    expect(twice.issues).toEqual([{ field: "date" }]);
    const past = dataOf(await admin.graphql(ADD_EXCEPTION, { input: { centreId, date: "2026-11-01", kind: "CLOSED" } })).addOpeningException;
    expect(past.issues).toEqual([{ field: "date" }]);
    expect(await app.prisma.openingException.count({ where: { centreId } })).toBe(count);
  });

  it("removes an exception", async () => {
    const exception = await app.prisma.openingException.findFirstOrThrow({ where: { centreId } });
    const forbidden = dataOf(await member.graphql(`mutation($id: ID!) { removeOpeningException(input: { exceptionId: $id }) { __typename } }`, { id: exception.id }));
    expect(forbidden.removeOpeningException.__typename).toBe("ForbiddenError");
    const removed = dataOf(await admin.graphql(`mutation($id: ID!) { removeOpeningException(input: { exceptionId: $id }) { __typename } }`, { id: exception.id }));
    expect(removed.removeOpeningException.__typename).toBe("RemoveOpeningExceptionSuccess");
    expect(await app.prisma.openingException.count({ where: { id: exception.id } })).toBe(0);
  });

  it("sets special hours on public holidays, which the holiday then shows", async () => {
    const SET_POLICY = /* GraphQL */ `
      mutation($input: SetHolidayPolicyInput!) {
        setHolidayPolicy(input: $input) {
          __typename
          ... on ValidationError { issues { field } }
          ... on SetHolidayPolicySuccess { data { publicHolidayPolicy upcomingExceptions { date hoursDa } } }
        }
      }
    `;
    const missing = dataOf(
      await admin.graphql(SET_POLICY, { input: { centreId, publicHolidayPolicy: "SPECIAL_HOURS", commonClosedDaysPolicy: "CLOSED" } }),
    ).setHolidayPolicy;
    expect(missing.issues).toEqual([{ field: "publicHolidayStartMinute" }, { field: "publicHolidayEndMinute" }]);
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).publicHolidayPolicy).toBe("CLOSED");
    const result = dataOf(
      await admin.graphql(SET_POLICY, {
        input: { centreId, publicHolidayPolicy: "SPECIAL_HOURS", publicHolidayStartMinute: 1080, publicHolidayEndMinute: 1320, commonClosedDaysPolicy: "CLOSED" },
      }),
    ).setHolidayPolicy;
    expect(result.data.publicHolidayPolicy).toBe("SPECIAL_HOURS");
    expect(result.data.upcomingExceptions).toContainEqual({ date: "2026-12-25", hoursDa: "18:00–22:00" });
  });
});

describe("activities", () => {
  const CREATE = /* GraphQL */ `
    mutation Create($input: CreateActivityInput!) {
      createActivity(input: $input) {
        __typename
        ... on CreateActivitySuccess { data { id title location place recurrence weekday startMinute whenDa offers } }
        ... on ValidationError { issues { field } }
        ... on CprRefusedError { fields }
      }
    }
  `;

  it("adds a weekly walk off site and a location-less one-off trip", async () => {
    const walk = dataOf(
      await admin.graphql(CREATE, {
        input: { centreId, title: "Gåtur ved fjorden", location: "OFF_SITE", place: "Mødested: Havnen", weekday: 2, startMinute: 600, endMinute: 690, offers: ["ACTIVITIES", "COMMUNITY"] },
      }),
    ).createActivity;
    expect(walk.__typename).toBe("CreateActivitySuccess");
    expect(walk.data).toMatchObject({ location: "OFF_SITE", recurrence: "WEEKLY", whenDa: "tirsdag kl. 10:00–11:30" });
    const trip = dataOf(
      await admin.graphql(CREATE, {
        input: { centreId, title: "Tur til skoven", location: "LOCATION_LESS", recurrence: "ONE_OFF", startsAt: "2026-12-05T09:00:00Z", endsAt: "2026-12-05T14:00:00Z" },
      }),
    ).createActivity;
    expect(trip.data).toMatchObject({ recurrence: "ONE_OFF", weekday: null, whenDa: "lørdag 5/12 kl. 10:00" });
    const listed = dataOf(await app.anonymous.graphql(`query($id: ID!) { centre(id: $id) { activities { title } } }`, { id: centreId })).centre.activities;
    expect(listed.map((activity: { title: string }) => activity.title)).toEqual(["Gåtur ved fjorden", "Tur til skoven"]);
  });

  it("refuses an off-site activity without a place and a one-off that ends before it starts", async () => {
    const count = await app.prisma.activity.count({ where: { centreId } });
    const noPlace = dataOf(await admin.graphql(CREATE, { input: { centreId, title: "Svømning", location: "OFF_SITE", weekday: 3, startMinute: 600, endMinute: 660 } })).createActivity;
    expect(noPlace.issues).toEqual([{ field: "place" }]);
    const backwards = dataOf(
      await admin.graphql(CREATE, { input: { centreId, title: "Udflugt", recurrence: "ONE_OFF", startsAt: "2026-12-05T14:00:00Z", endsAt: "2026-12-05T09:00:00Z" } }),
    ).createActivity;
    expect(backwards.issues).toEqual([{ field: "endsAt" }]);
    const cpr = dataOf(await admin.graphql(CREATE, { input: { centreId, title: "Café", description: "Kontakt 010190-1234", weekday: 1, startMinute: 600, endMinute: 660 } })).createActivity;
    expect(cpr).toEqual({ __typename: "CprRefusedError", fields: ["description"] });
    expect(await app.prisma.activity.count({ where: { centreId } })).toBe(count);
  });

  it("updates and deletes an activity; a member may not", async () => {
    const walk = await app.prisma.activity.findFirstOrThrow({ where: { centreId, title: "Gåtur ved fjorden" } });
    const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { __typename ... on UpdateActivitySuccess { data { weekday whenDa place } } ... on ValidationError { issues { field } } } }`;
    const forbidden = dataOf(await member.graphql(UPDATE, { input: { activityId: walk.id, weekday: 4 } })).updateActivity;
    expect(forbidden.__typename).toBe("ForbiddenError");
    const updated = dataOf(await admin.graphql(UPDATE, { input: { activityId: walk.id, weekday: 4 } })).updateActivity;
    expect(updated.data).toEqual({ weekday: 4, whenDa: "torsdag kl. 10:00–11:30", place: "Mødested: Havnen" });
    const invalid = dataOf(await admin.graphql(UPDATE, { input: { activityId: walk.id, endMinute: 500 } })).updateActivity;
    expect(invalid.issues).toEqual([{ field: "endMinute" }]);
    expect((await app.prisma.activity.findUniqueOrThrow({ where: { id: walk.id } })).endMinute).toBe(690);
    const deleted = dataOf(await admin.graphql(`mutation($id: ID!) { deleteActivity(input: { activityId: $id }) { __typename } }`, { id: walk.id }));
    expect(deleted.deleteActivity.__typename).toBe("DeleteActivitySuccess");
    expect(await app.prisma.activity.count({ where: { id: walk.id } })).toBe(0);
  });
});

describe("profiles", () => {
  const UPDATE_CENTRE = /* GraphQL */ `
    mutation($input: UpdateCentreProfileInput!) {
      updateCentreProfile(input: $input) {
        __typename
        ... on UpdateCentreProfileSuccess { data { name askFor languages phone } }
        ... on ValidationError { issues { field } }
        ... on CprRefusedError { fields }
      }
    }
  `;

  it("updates the given fields of a centre profile and leaves the rest", async () => {
    const result = dataOf(await admin.graphql(UPDATE_CENTRE, { input: { centreId, askFor: "Spørg efter Lise", languages: ["da", "EN"] } })).updateCentreProfile;
    expect(result.data).toEqual({ name: "Vedligeholdt Værested", askFor: "Spørg efter Lise", languages: ["da", "en"], phone: null });
  });

  it("refuses invalid fields and CPR numbers, naming the field, and changes nothing", async () => {
    const before = await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } });
    const invalid = dataOf(await admin.graphql(UPDATE_CENTRE, { input: { centreId, email: "ikke-en-adresse", postalCode: "69" } })).updateCentreProfile;
    expect(invalid.issues.map((issue: { field: string }) => issue.field).sort()).toEqual(["email", "postalCode"]);
    const cpr = dataOf(await admin.graphql(UPDATE_CENTRE, { input: { centreId, askFor: "Ring 0101901234" } })).updateCentreProfile;
    expect(cpr).toEqual({ __typename: "CprRefusedError", fields: ["askFor"] });
    const forbidden = dataOf(await otherAdmin.graphql(UPDATE_CENTRE, { input: { centreId, name: "Overtaget" } })).updateCentreProfile;
    expect(forbidden.__typename).toBe("ForbiddenError");
    expect(await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).toEqual(before);
  });

  it("updates a service's intake status and waiting time, which search then reports", async () => {
    const UPDATE_SERVICE = /* GraphQL */ `
      mutation($input: UpdateServiceProfileInput!) {
        updateServiceProfile(input: $input) {
          __typename
          ... on UpdateServiceProfileSuccess { data { intakeStatus typicalWaitDays responseWindowDays } }
          ... on ValidationError { issues { field } }
        }
      }
    `;
    const invalid = dataOf(await admin.graphql(UPDATE_SERVICE, { input: { serviceId, typicalWaitDays: -1, responseWindowDays: 0 } })).updateServiceProfile;
    expect(invalid.issues.map((issue: { field: string }) => issue.field).sort()).toEqual(["responseWindowDays", "typicalWaitDays"]);
    const forbidden = dataOf(await member.graphql(UPDATE_SERVICE, { input: { serviceId, intakeStatus: "CLOSED" } })).updateServiceProfile;
    expect(forbidden.__typename).toBe("ForbiddenError");
    const result = dataOf(
      await admin.graphql(UPDATE_SERVICE, { input: { serviceId, intakeStatus: "WAITING_LIST", typicalWaitDays: 20, responseWindowDays: 7 } }),
    ).updateServiceProfile;
    expect(result.data).toEqual({ intakeStatus: "WAITING_LIST", typicalWaitDays: 20, responseWindowDays: 7 });
    const search = dataOf(
      await app.anonymous.graphql(`{ services(filter: { intakeStatuses: [WAITING_LIST] }) { edges { reasons { da } node { id } } } }`),
    );
    expect(search.services.edges[0].node.id).toBe(serviceId);
    expect(search.services.edges[0].reasons.map((reason: { da: string }) => reason.da)).toContain("venteliste, typisk ventetid 20 dage");
  });
});

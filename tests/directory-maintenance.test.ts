// Unit admins maintain their centre's and service's directory entry through GraphQL over HTTP.
// Bad input is a ValidationError naming the field and leaves the database as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
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

const SET_PERIODS = graphql(`
  mutation SetPeriods($input: SetOpeningPeriodsInput!) {
    setOpeningPeriods(input: $input) {
      __typename
      ... on SetOpeningPeriodsSuccess { data { id openingPeriods { weekday startMinute endMinute isOvernight staffing } } }
      ... on ValidationError { issues { field message messageDa } }
      ... on CprRefusedError { fields }
    }
  }
`);
const OPENING_STATUS = graphql(`query OpeningStatus($id: ID!) { centre(id: $id) { openingStatus { isOpen closesAt } } }`);
/** The field names a ValidationError points at; what most refusals below are checked by. */
const IssueFields = graphql(`fragment IssueFields on ValidationError @_unmask { issues { field } }`);

type OpeningPeriodInput = VariablesOf<typeof SET_PERIODS>["input"]["periods"][number];

const period = (weekday: number, startMinute: number, endMinute: number, extra: Partial<OpeningPeriodInput> = {}): OpeningPeriodInput => ({
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
    const result = await runOk(admin, SET_PERIODS, {
      input: {
        centreId,
        periods: [period(1, 540, 900), period(5, 1200, 120, { isOvernight: true, staffing: "VOLUNTEERS" })],
      },
    });
    expect(result.setOpeningPeriods.__typename).toBe("SetOpeningPeriodsSuccess");
    expect(await storedPeriods()).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 900, isOvernight: false, staffing: "STAFFED" },
      { weekday: 5, startMinute: 1200, endMinute: 120, isOvernight: true, staffing: "VOLUNTEERS" },
    ]);
    app.clock.set("2026-11-28T00:30:00Z"); // Saturday 01:30 local, in Friday's night
    const status = await runOk(app.anonymous, OPENING_STATUS, { id: centreId });
    expect(status.centre?.openingStatus).toEqual({ isOpen: true, closesAt: "2026-11-28T01:00:00.000Z" });
  });

  it("refuses overlapping periods on the same day, naming the field, and changes nothing", async () => {
    const before = await storedPeriods();
    const result = await runError(admin, SET_PERIODS, { input: { centreId, periods: [period(2, 540, 900), period(2, 840, 1020)] } }, "ValidationError");
    expect(result.issues).toEqual([
      expect.objectContaining({ field: "periods.1.startMinute", messageDa: "Perioden overlapper en anden periode." }),
    ]);
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses an end before the start unless the period is marked overnight", async () => {
    const before = await storedPeriods();
    const result = await runError(admin, SET_PERIODS, { input: { centreId, periods: [period(3, 1200, 120)] } }, "ValidationError");
    expect(result.issues.map((issue) => issue.field)).toEqual(["periods.0.endMinute"]);
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses periods that are too long or too short and weekdays out of range", async () => {
    const tooLong = await runError(admin, SET_PERIODS, { input: { centreId, periods: [period(1, 0, 1440)] } }, "ValidationError");
    expect(tooLong.issues[0]?.field).toBe("periods.0.endMinute");
    expect(tooLong.issues[0]?.messageDa).toContain("16 timer");
    const tooShort = await runError(admin, SET_PERIODS, { input: { centreId, periods: [period(1, 600, 605)] } }, "ValidationError");
    expect(tooShort.issues[0]?.field).toBe("periods.0.endMinute");
    const badDay = await runError(admin, SET_PERIODS, { input: { centreId, periods: [period(1, 540, 600), period(8, 540, 600)] } }, "ValidationError");
    expect(badDay.issues.map((issue) => issue.field)).toEqual(["periods.1.weekday"]);
  });

  it("is forbidden for a member who is not the unit's admin, and for another organisation's admin", async () => {
    const before = await storedPeriods();
    for (const caller of [member, otherAdmin]) await runError(caller, SET_PERIODS, { input: { centreId, periods: [] } }, "ForbiddenError");
    await runError(app.anonymous, SET_PERIODS, { input: { centreId, periods: [] } }, "NotAuthenticatedError");
    expect(await storedPeriods()).toEqual(before);
  });

  it("refuses a CPR number in a period note", async () => {
    const before = await storedPeriods();
    const refused = await runError(
      admin,
      SET_PERIODS,
      { input: { centreId, periods: [period(1, 540, 900, { note: "Spørg efter 010190-1234" })] } },
      "CprRefusedError",
    );
    expect(refused).toEqual({ __typename: "CprRefusedError", fields: ["periods.0.note"] });
    expect(await storedPeriods()).toEqual(before);
  });
});

describe("exceptions and holiday policy", () => {
  const ADD_EXCEPTION = graphql(
    `mutation AddException($input: AddOpeningExceptionInput!) {
      addOpeningException(input: $input) {
        __typename
        ... on AddOpeningExceptionSuccess { data { id date kind startMinute endMinute reason } }
        ...IssueFields
      }
    }`,
    [IssueFields],
  );
  const EXCEPTIONS = graphql(`query Exceptions($id: ID!) { centre(id: $id) { openingStatus { isOpen } upcomingExceptions { date kind isClosed reason } } }`);
  const REMOVE_EXCEPTION = graphql(`mutation RemoveException($id: ID!) { removeOpeningException(input: { exceptionId: $id }) { __typename } }`);
  const SET_POLICY = graphql(
    `mutation SetPolicy($input: SetHolidayPolicyInput!) {
      setHolidayPolicy(input: $input) {
        __typename
        ...IssueFields
        ... on SetHolidayPolicySuccess { data { publicHolidayPolicy upcomingExceptions { date hoursDa } } }
      }
    }`,
    [IssueFields],
  );

  it("closes the centre on a date, which then shows as closed and in the upcoming days", async () => {
    const result = (await runOk(admin, ADD_EXCEPTION, { input: { centreId, date: "2026-11-30", kind: "CLOSED", reason: "Personaledag" } })).addOpeningException;
    if (result.__typename !== "AddOpeningExceptionSuccess") return expect.fail(result.__typename);
    expect(result.data).toMatchObject({ date: "2026-11-30", kind: "CLOSED", reason: "Personaledag" });
    app.clock.set("2026-11-30T09:00:00Z"); // Monday 10:00 local, normally open
    const centre = (await runOk(app.anonymous, EXCEPTIONS, { id: centreId })).centre;
    expect(centre?.openingStatus.isOpen).toBe(false);
    expect(centre?.upcomingExceptions[0]).toEqual({ date: "2026-11-30", kind: "EXCEPTION", isClosed: true, reason: "Personaledag" });
  });

  it("refuses special hours without times, a second exception on the same date and a date in the past", async () => {
    const count = await app.prisma.openingException.count({ where: { centreId } });
    const noTimes = await runError(admin, ADD_EXCEPTION, { input: { centreId, date: "2026-12-24", kind: "SPECIAL_HOURS" } }, "ValidationError");
    expect(noTimes.issues.map((issue) => issue.field)).toEqual(["startMinute", "endMinute"]);
    const twice = await runError(admin, ADD_EXCEPTION, { input: { centreId, date: "2026-11-30", kind: "CLOSED" } }, "ValidationError");
    expect(twice.issues).toEqual([{ field: "date" }]);
    const past = await runError(admin, ADD_EXCEPTION, { input: { centreId, date: "2026-11-01", kind: "CLOSED" } }, "ValidationError");
    expect(past.issues).toEqual([{ field: "date" }]);
    expect(await app.prisma.openingException.count({ where: { centreId } })).toBe(count);
  });

  it("removes an exception", async () => {
    const exception = await app.prisma.openingException.findFirstOrThrow({ where: { centreId } });
    await runError(member, REMOVE_EXCEPTION, { id: exception.id }, "ForbiddenError");
    const removed = await runOk(admin, REMOVE_EXCEPTION, { id: exception.id });
    expect(removed.removeOpeningException.__typename).toBe("RemoveOpeningExceptionSuccess");
    expect(await app.prisma.openingException.count({ where: { id: exception.id } })).toBe(0);
  });

  it("sets special hours on public holidays, which the holiday then shows", async () => {
    const missing = await runError(
      admin,
      SET_POLICY,
      { input: { centreId, publicHolidayPolicy: "SPECIAL_HOURS", commonClosedDaysPolicy: "CLOSED" } },
      "ValidationError",
    );
    expect(missing.issues).toEqual([{ field: "publicHolidayStartMinute" }, { field: "publicHolidayEndMinute" }]);
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).publicHolidayPolicy).toBe("CLOSED");
    const result = (
      await runOk(admin, SET_POLICY, {
        input: { centreId, publicHolidayPolicy: "SPECIAL_HOURS", publicHolidayStartMinute: 1080, publicHolidayEndMinute: 1320, commonClosedDaysPolicy: "CLOSED" },
      })
    ).setHolidayPolicy;
    if (result.__typename !== "SetHolidayPolicySuccess") return expect.fail(result.__typename);
    expect(result.data.publicHolidayPolicy).toBe("SPECIAL_HOURS");
    expect(result.data.upcomingExceptions).toContainEqual({ date: "2026-12-25", hoursDa: "18:00–22:00" });
  });
});

describe("activities", () => {
  const CREATE = graphql(
    `mutation CreateActivity($input: CreateActivityInput!) {
      createActivity(input: $input) {
        __typename
        ... on CreateActivitySuccess { data { id title location place recurrence weekday startMinute whenDa offers } }
        ...IssueFields
        ... on CprRefusedError { fields }
      }
    }`,
    [IssueFields],
  );
  const UPDATE = graphql(
    `mutation UpdateActivity($input: UpdateActivityInput!) {
      updateActivity(input: $input) { __typename ... on UpdateActivitySuccess { data { weekday whenDa place } } ...IssueFields }
    }`,
    [IssueFields],
  );
  const DELETE = graphql(`mutation DeleteActivity($id: ID!) { deleteActivity(input: { activityId: $id }) { __typename } }`);
  const ACTIVITIES = graphql(`query Activities($id: ID!) { centre(id: $id) { activities { title } } }`);

  it("adds a weekly walk off site and a location-less one-off trip", async () => {
    const walk = (
      await runOk(admin, CREATE, {
        input: { centreId, title: "Gåtur ved fjorden", location: "OFF_SITE", place: "Mødested: Havnen", weekday: 2, startMinute: 600, endMinute: 690, offers: ["ACTIVITIES", "COMMUNITY"] },
      })
    ).createActivity;
    if (walk.__typename !== "CreateActivitySuccess") return expect.fail(walk.__typename);
    expect(walk.data).toMatchObject({ location: "OFF_SITE", recurrence: "WEEKLY", whenDa: "tirsdag kl. 10:00–11:30" });
    const trip = (
      await runOk(admin, CREATE, {
        input: { centreId, title: "Tur til skoven", location: "LOCATION_LESS", recurrence: "ONE_OFF", startsAt: "2026-12-05T09:00:00Z", endsAt: "2026-12-05T14:00:00Z" },
      })
    ).createActivity;
    if (trip.__typename !== "CreateActivitySuccess") return expect.fail(trip.__typename);
    expect(trip.data).toMatchObject({ recurrence: "ONE_OFF", weekday: null, whenDa: "lørdag 5/12 kl. 10:00" });
    const listed = (await runOk(app.anonymous, ACTIVITIES, { id: centreId })).centre?.activities;
    expect(listed?.map((activity) => activity.title)).toEqual(["Gåtur ved fjorden", "Tur til skoven"]);
  });

  it("refuses an off-site activity without a place and a one-off that ends before it starts", async () => {
    const count = await app.prisma.activity.count({ where: { centreId } });
    const noPlace = await runError(admin, CREATE, { input: { centreId, title: "Svømning", location: "OFF_SITE", weekday: 3, startMinute: 600, endMinute: 660 } }, "ValidationError");
    expect(noPlace.issues).toEqual([{ field: "place" }]);
    const backwards = await runError(
      admin,
      CREATE,
      { input: { centreId, title: "Udflugt", recurrence: "ONE_OFF", startsAt: "2026-12-05T14:00:00Z", endsAt: "2026-12-05T09:00:00Z" } },
      "ValidationError",
    );
    expect(backwards.issues).toEqual([{ field: "endsAt" }]);
    const cpr = await runError(admin, CREATE, { input: { centreId, title: "Café", description: "Kontakt 010190-1234", weekday: 1, startMinute: 600, endMinute: 660 } }, "CprRefusedError");
    expect(cpr).toEqual({ __typename: "CprRefusedError", fields: ["description"] });
    expect(await app.prisma.activity.count({ where: { centreId } })).toBe(count);
  });

  it("updates and deletes an activity; a member may not", async () => {
    const walk = await app.prisma.activity.findFirstOrThrow({ where: { centreId, title: "Gåtur ved fjorden" } });
    await runError(member, UPDATE, { input: { activityId: walk.id, weekday: 4 } }, "ForbiddenError");
    const updated = (await runOk(admin, UPDATE, { input: { activityId: walk.id, weekday: 4 } })).updateActivity;
    if (updated.__typename !== "UpdateActivitySuccess") return expect.fail(updated.__typename);
    expect(updated.data).toEqual({ weekday: 4, whenDa: "torsdag kl. 10:00–11:30", place: "Mødested: Havnen" });
    const invalid = await runError(admin, UPDATE, { input: { activityId: walk.id, endMinute: 500 } }, "ValidationError");
    expect(invalid.issues).toEqual([{ field: "endMinute" }]);
    expect((await app.prisma.activity.findUniqueOrThrow({ where: { id: walk.id } })).endMinute).toBe(690);
    const deleted = await runOk(admin, DELETE, { id: walk.id });
    expect(deleted.deleteActivity.__typename).toBe("DeleteActivitySuccess");
    expect(await app.prisma.activity.count({ where: { id: walk.id } })).toBe(0);
  });
});

describe("profiles", () => {
  const UPDATE_CENTRE = graphql(
    `mutation UpdateCentre($input: UpdateCentreProfileInput!) {
      updateCentreProfile(input: $input) {
        __typename
        ... on UpdateCentreProfileSuccess { data { name askFor languages phone } }
        ...IssueFields
        ... on CprRefusedError { fields }
      }
    }`,
    [IssueFields],
  );
  const UPDATE_SERVICE = graphql(
    `mutation UpdateService($input: UpdateServiceProfileInput!) {
      updateServiceProfile(input: $input) {
        __typename
        ... on UpdateServiceProfileSuccess { data { intakeStatus typicalWaitDays responseWindowDays } }
        ...IssueFields
      }
    }`,
    [IssueFields],
  );
  const WAITING_LIST = graphql(`query WaitingList { services(filter: { intakeStatuses: [WAITING_LIST] }) { edges { reasons { da } node { id } } } }`);

  it("updates the given fields of a centre profile and leaves the rest", async () => {
    const result = (await runOk(admin, UPDATE_CENTRE, { input: { centreId, askFor: "Spørg efter Lise", languages: ["da", "EN"] } })).updateCentreProfile;
    if (result.__typename !== "UpdateCentreProfileSuccess") return expect.fail(result.__typename);
    expect(result.data).toEqual({ name: "Vedligeholdt Værested", askFor: "Spørg efter Lise", languages: ["da", "en"], phone: null });
  });

  it("refuses invalid fields and CPR numbers, naming the field, and changes nothing", async () => {
    const before = await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } });
    const invalid = await runError(admin, UPDATE_CENTRE, { input: { centreId, email: "ikke-en-adresse", postalCode: "69" } }, "ValidationError");
    expect(invalid.issues.map((issue) => issue.field).sort()).toEqual(["email", "postalCode"]);
    const cpr = await runError(admin, UPDATE_CENTRE, { input: { centreId, askFor: "Ring 0101901234" } }, "CprRefusedError");
    expect(cpr).toEqual({ __typename: "CprRefusedError", fields: ["askFor"] });
    await runError(otherAdmin, UPDATE_CENTRE, { input: { centreId, name: "Overtaget" } }, "ForbiddenError");
    expect(await app.prisma.centre.findUniqueOrThrow({ where: { id: centreId } })).toEqual(before);
  });

  it("updates a service's intake status and waiting time, which search then reports", async () => {
    const invalid = await runError(admin, UPDATE_SERVICE, { input: { serviceId, typicalWaitDays: -1, responseWindowDays: 0 } }, "ValidationError");
    expect(invalid.issues.map((issue) => issue.field).sort()).toEqual(["responseWindowDays", "typicalWaitDays"]);
    await runError(member, UPDATE_SERVICE, { input: { serviceId, intakeStatus: "CLOSED" } }, "ForbiddenError");
    const result = (await runOk(admin, UPDATE_SERVICE, { input: { serviceId, intakeStatus: "WAITING_LIST", typicalWaitDays: 20, responseWindowDays: 7 } }))
      .updateServiceProfile;
    if (result.__typename !== "UpdateServiceProfileSuccess") return expect.fail(result.__typename);
    expect(result.data).toEqual({ intakeStatus: "WAITING_LIST", typicalWaitDays: 20, responseWindowDays: 7 });
    const search = await runOk(app.anonymous, WAITING_LIST);
    expect(search.services.edges[0]?.node.id).toBe(serviceId);
    expect(search.services.edges[0]?.reasons.map((reason) => reason.da)).toContain("venteliste, typisk ventetid 20 dage");
  });
});

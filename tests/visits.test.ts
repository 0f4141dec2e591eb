// Journey J3: a service books time at a centre; the centre approves or declines; both can cancel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataOf, startTestApp, TEST_START, type Caller, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { BookVisit, bookingInput, VisitFields } from "./support/visits.ts";
import { buildVisitsWorld, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  app.clock.set(TEST_START);
  world = await buildVisitsWorld(app);
});

// Tuesday 1 December 2026, 10:00–12:00 Copenhagen (CET, UTC+1).
const TUESDAY_10 = "2026-12-01T09:00:00.000Z";
const TUESDAY_12 = "2026-12-01T11:00:00.000Z";

async function book(startsAt = TUESDAY_10, endsAt = TUESDAY_12, overrides: Record<string, unknown> = {}, caller: Caller = world.serviceMember) {
  const response = await run(caller, BookVisit, { input: bookingInput(world, startsAt, endsAt, overrides) });
  return dataOf(response).bookVisit;
}

async function bookOk(startsAt = TUESDAY_10, endsAt = TUESDAY_12) {
  const result = await book(startsAt, endsAt);
  expect(result.__typename).toBe("BookVisitSuccess");
  if (result.__typename !== "BookVisitSuccess") return expect.fail(result.__typename);
  return result.data;
}

const CONFIRM = graphql(`mutation ConfirmVisit($input: ConfirmVisitInput!) { confirmVisit(input: $input) {
  __typename ... on ConfirmVisitSuccess { data { id status sequence } } ... on Error { code } } }`);
const DECLINE = graphql(`mutation DeclineVisit($input: DeclineVisitInput!) { declineVisit(input: $input) {
  __typename ... on DeclineVisitSuccess { data { id status declineReason sequence } } ... on ValidationError { issues { field } } ... on Error { code } } }`);
const CANCEL = graphql(`mutation CancelVisit($input: CancelVisitInput!) { cancelVisit(input: $input) {
  __typename ... on CancelVisitSuccess { data { id status cancelReason sequence } } ... on ValidationError { issues { field } } ... on Error { code } } }`);
const SET_TRUSTED = graphql(`mutation SetServiceTrusted($input: SetServiceTrustedInput!) { setServiceTrusted(input: $input) {
  __typename ... on SetServiceTrustedSuccess { data } ... on Error { code } } }`);
const BOOK_SERIES = graphql(`mutation BookVisitSeries($input: BookVisitSeriesInput!) { bookVisitSeries(input: $input) {
  __typename
  ... on BookVisitSeriesSuccess { data { series { id weekday firstDate lastDate } visits { id startsAt endsAt status seriesId }
    conflicts { date isClosed conflictingVisit { id title } } } }
  ... on SeriesConflictError { code conflicts { date isClosed conflictingVisit { id title serviceUnitName } } }
  ... on ValidationError { issues { field } }
  ... on Error { code } } }`);
const CANCEL_SERIES = graphql(`mutation CancelVisitSeries($input: CancelVisitSeriesInput!) { cancelVisitSeries(input: $input) {
  __typename ... on CancelVisitSeriesSuccess { data { id startsAt status sequence } } ... on Error { code } } }`);
const THIS_WEEK = graphql(`query ThisWeekAtCentre($centreId: ID!, $weekOf: Date) { thisWeekAtCentre(centreId: $centreId, weekOf: $weekOf) {
  id title status publicDescription internalNote startsAt serviceUnitName centreName space { name } } }`);
const SERVICE_VISITS = graphql(`query ServiceVisits($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  serviceVisits(unitId: $unitId, from: $from, to: $to) { id status declineReason } }`);
const CENTRE_VISITS = graphql(
  `query CentreVisits($centreId: ID!, $from: DateTime!, $to: DateTime!) { centreVisits(centreId: $centreId, from: $from, to: $to) { ...VisitFields } }`,
  [VisitFields],
);
const CENTRE_CARD = graphql(`query CentreCard($id: ID!) { centre(id: $id) { name visitsThisWeek { id centre { id } } } }`);
const ADD_CLOSURE = graphql(`mutation AddVisitWindowClosure($input: AddVisitWindowClosureInput!) { addVisitWindowClosure(input: $input) {
  __typename ... on AddVisitWindowClosureSuccess { data { id date reason } } } }`);
const REMOVE_CLOSURE = graphql(`mutation RemoveVisitWindowClosure($input: RemoveVisitWindowClosureInput!) {
  removeVisitWindowClosure(input: $input) { __typename } }`);
const CREATE_SPACE = graphql(`mutation CreateSpace($input: CreateSpaceInput!) { createSpace(input: $input) {
  __typename ... on CreateSpaceSuccess { data { id name capacity accessibility isActive } } } }`);
const UPDATE_SPACE = graphql(`mutation UpdateSpace($input: UpdateSpaceInput!) { updateSpace(input: $input) {
  __typename ... on UpdateSpaceSuccess { data { name isActive } } } }`);
const SET_WINDOWS = graphql(`mutation SetVisitWindows($input: SetVisitWindowsInput!) { setVisitWindows(input: $input) {
  __typename ... on SetVisitWindowsSuccess { data { weekday startMinute endMinute } } ... on ValidationError { issues { field } } } }`);
const PUBLIC_WINDOWS = graphql(`query PublicVisitWindows($centreId: ID!) {
  visitWindows(centreId: $centreId) { weekday startMinute endMinute } spaces(centreId: $centreId) { name } }`);

function seriesInput(overrides: Partial<VariablesOf<typeof BOOK_SERIES>["input"]> & { firstDate: string }) {
  return {
    centreId: world.centreId,
    spaceId: world.spaceId,
    serviceUnitId: world.serviceUnitId,
    startMinute: 10 * 60,
    endMinute: 12 * 60,
    title: "Spørg jobkonsulenten – ingen tidsbestilling",
    ...overrides,
  };
}

describe("booking a visit", () => {
  it("books a visit inside a visiting window as REQUESTED with public and internal text", async () => {
    const visit = await book();
    expect(visit.__typename).toBe("BookVisitSuccess");
    if (visit.__typename !== "BookVisitSuccess") return expect.fail(visit.__typename);
    expect(visit.data).toMatchObject({
      status: "REQUESTED",
      title: "Spørg jobkonsulenten — ingen tidsbestilling",
      internalNote: "Husk nøgle til skabet.",
      startsAt: TUESDAY_10,
      endsAt: TUESDAY_12,
      serviceUnitName: "Jobafklaring Test",
      centreName: "Værestedet Test",
      space: { name: "Samtalerummet" },
    });
    const row = await app.prisma.visit.findUniqueOrThrow({ where: { id: visit.data.id } });
    expect(row.status).toBe("REQUESTED");
    expect(row.bookedById).toBe(world.serviceMemberId);
  });

  it("refuses a visit outside the visiting windows with ValidationError and stores nothing", async () => {
    // Tuesday 15:00–17:00 local runs past the 16:00 end of the window.
    const late = await book("2026-12-01T14:00:00.000Z", "2026-12-01T16:00:00.000Z");
    expect(late).toMatchObject({ __typename: "ValidationError", issues: [{ field: "startsAt" }] });
    // Saturday has no window.
    const saturday = await book("2026-12-05T09:00:00.000Z", "2026-12-05T10:00:00.000Z");
    expect(saturday.__typename).toBe("ValidationError");
    expect(await app.prisma.visit.count({ where: { centreId: world.centreId } })).toBe(0);
  });

  it("refuses a visit on a date the centre has closed to visits", async () => {
    const closure = (await runOk(world.centreAdmin, ADD_CLOSURE, { input: { centreId: world.centreId, date: "2026-12-01", reason: "Julefrokost" } })).addVisitWindowClosure;
    if (closure.__typename !== "AddVisitWindowClosureSuccess") return expect.fail(closure.__typename);
    expect(closure.data).toMatchObject({ date: "2026-12-01", reason: "Julefrokost" });
    expect((await book()).__typename).toBe("ValidationError");

    const removed = (await runOk(world.centreAdmin, REMOVE_CLOSURE, { input: { closureId: closure.data.id } })).removeVisitWindowClosure;
    expect(removed.__typename).toBe("RemoveVisitWindowClosureSuccess");
    expect((await book()).__typename).toBe("BookVisitSuccess");
  });

  it("refuses a visit in the past", async () => {
    const result = await book("2026-11-24T09:00:00.000Z", "2026-11-24T10:00:00.000Z");
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "startsAt" }] });
  });

  it("refuses a CPR number in the internal note and stores nothing", async () => {
    const result = await book(TUESDAY_10, TUESDAY_12, { internalNote: "Borger 010190-1234 kommer" });
    expect(result.__typename).toBe("CprRefusedError");
    expect(await app.prisma.visit.count({ where: { centreId: world.centreId } })).toBe(0);
  });

  it("lets only members of the booking service book for it", async () => {
    expect((await book(TUESDAY_10, TUESDAY_12, {}, world.centreMember)).__typename).toBe("ForbiddenError");
    expect((await book(TUESDAY_10, TUESDAY_12, {}, world.otherServiceMember)).__typename).toBe("ForbiddenError");
    expect((await book(TUESDAY_10, TUESDAY_12, {}, app.anonymous)).__typename).toBe("NotAuthenticatedError");
  });

  it("refuses a booking for a unit that is not a service", async () => {
    // A centre member books "as" the centre's own unit: memberOfUnit holds, the kind does not.
    const result = await book(TUESDAY_10, TUESDAY_12, { serviceUnitId: world.centreUnitId }, world.centreMember);
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "serviceUnitId" }] });
  });

  it("refuses an overlapping booking in the same space with VisitConflictError naming the first booking", async () => {
    const first = await bookOk();
    const second = await book("2026-12-01T10:00:00.000Z", "2026-12-01T12:00:00.000Z", {}, world.otherServiceMember);
    // The other service's member books for their own unit.
    expect(second.__typename).toBe("ForbiddenError");
    const clash = await book("2026-12-01T10:00:00.000Z", "2026-12-01T12:00:00.000Z", { serviceUnitId: world.otherServiceUnitId }, world.otherServiceMember);
    expect(clash).toMatchObject({
      __typename: "VisitConflictError",
      code: "VISIT_CONFLICT",
      conflictingVisit: { id: first.id, title: "Spørg jobkonsulenten — ingen tidsbestilling", serviceUnitName: "Jobafklaring Test", startsAt: TUESDAY_10, endsAt: TUESDAY_12 },
    });
    // Back to back is not an overlap.
    expect((await book(TUESDAY_12, "2026-12-01T12:00:00.000Z")).__typename).toBe("BookVisitSuccess");
  });

  it("confirms at once when the centre trusts the service, and only an admin can set trust", async () => {
    const trustInput = { input: { centreId: world.centreId, serviceUnitId: world.serviceUnitId, isTrusted: true } };
    await runError(world.centreMember, SET_TRUSTED, trustInput, "ForbiddenError");
    expect((await runOk(world.centreAdmin, SET_TRUSTED, trustInput)).setServiceTrusted).toEqual({
      __typename: "SetServiceTrustedSuccess",
      data: true,
    });
    expect((await bookOk()).status).toBe("CONFIRMED");

    await run(world.centreAdmin, SET_TRUSTED, { input: { ...trustInput.input, isTrusted: false } });
    expect((await bookOk("2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z")).status).toBe("REQUESTED");
  });
});

describe("approving, declining and cancelling", () => {
  it("lets the centre confirm a request, not the service, and not twice", async () => {
    const visit = await bookOk();
    await runError(world.serviceMember, CONFIRM, { input: { visitId: visit.id } }, "ForbiddenError");
    await runError(world.outsider, CONFIRM, { input: { visitId: visit.id } }, "ForbiddenError");

    const confirmed = (await runOk(world.centreMember, CONFIRM, { input: { visitId: visit.id } })).confirmVisit;
    expect(confirmed).toEqual({ __typename: "ConfirmVisitSuccess", data: { id: visit.id, status: "CONFIRMED", sequence: 1 } });
    const again = await runError(world.centreMember, CONFIRM, { input: { visitId: visit.id } }, "IllegalTransitionError");
    expect(again).toEqual({ __typename: "IllegalTransitionError", code: "ILLEGAL_TRANSITION" });
  });

  it("declines only with a reason, which the service sees", async () => {
    const visit = await bookOk();
    const noReason = await runError(world.centreMember, DECLINE, { input: { visitId: visit.id, reason: "  " } }, "ValidationError");
    expect(noReason).toMatchObject({ __typename: "ValidationError", issues: [{ field: "reason" }] });
    await runError(world.serviceMember, DECLINE, { input: { visitId: visit.id, reason: "Nej" } }, "ForbiddenError");

    const declined = (await runOk(world.centreMember, DECLINE, { input: { visitId: visit.id, reason: "Lokalet males den uge." } })).declineVisit;
    if (declined.__typename !== "DeclineVisitSuccess") return expect.fail(declined.__typename);
    expect(declined.data).toMatchObject({ status: "DECLINED", declineReason: "Lokalet males den uge.", sequence: 1 });

    const seen = (
      await runOk(world.serviceMember, SERVICE_VISITS, { unitId: world.serviceUnitId, from: "2026-11-30T00:00:00Z", to: "2026-12-07T00:00:00Z" })
    ).serviceVisits;
    expect(seen).toEqual([{ id: visit.id, status: "DECLINED", declineReason: "Lokalet males den uge." }]);
    // A declined request frees the slot.
    expect((await book()).__typename).toBe("BookVisitSuccess");
  });

  it("lets either side cancel with a reason, records who cancelled and frees the slot", async () => {
    const visit = await bookOk();
    await run(world.centreMember, CONFIRM, { input: { visitId: visit.id } });
    await runError(world.outsider, CANCEL, { input: { visitId: visit.id, reason: "x" } }, "ForbiddenError");
    await runError(world.serviceMember, CANCEL, { input: { visitId: visit.id, reason: "" } }, "ValidationError");
    const cancelled = (await runOk(world.serviceMember, CANCEL, { input: { visitId: visit.id, reason: "Jobkonsulenten er syg." } })).cancelVisit;
    if (cancelled.__typename !== "CancelVisitSuccess") return expect.fail(cancelled.__typename);
    expect(cancelled.data).toMatchObject({ status: "CANCELLED", cancelReason: "Jobkonsulenten er syg.", sequence: 2 });
    const row = await app.prisma.visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(row.cancelledByUnitId).toBe(world.serviceUnitId);

    await runError(world.centreMember, CANCEL, { input: { visitId: visit.id, reason: "x" } }, "IllegalTransitionError");

    const rebooked = await bookOk();
    const byCentre = (await runOk(world.centreMember, CANCEL, { input: { visitId: rebooked.id, reason: "Vandskade i lokalet." } })).cancelVisit;
    if (byCentre.__typename !== "CancelVisitSuccess") return expect.fail(byCentre.__typename);
    expect(byCentre.data.status).toBe("CANCELLED");
    expect((await app.prisma.visit.findUniqueOrThrow({ where: { id: rebooked.id } })).cancelledByUnitId).toBe(world.centreUnitId);
  });
});

describe("who sees what", () => {
  it("shows this week's confirmed visits publicly, without internal notes or requests", async () => {
    const confirmed = await bookOk("2026-11-26T09:00:00.000Z", "2026-11-26T10:00:00.000Z"); // Thursday this week
    await run(world.centreMember, CONFIRM, { input: { visitId: confirmed.id } });
    await bookOk("2026-11-27T09:00:00.000Z", "2026-11-27T10:00:00.000Z"); // Friday, only requested
    await bookOk(TUESDAY_10, TUESDAY_12).then((visit) => run(world.centreMember, CONFIRM, { input: { visitId: visit.id } })); // next week

    const week = (await runOk(app.anonymous, THIS_WEEK, { centreId: world.centreId })).thisWeekAtCentre;
    expect(week).toEqual([
      {
        id: confirmed.id,
        title: "Spørg jobkonsulenten — ingen tidsbestilling",
        status: "CONFIRMED",
        publicDescription: "Kom forbi og få en snak om job og uddannelse.",
        internalNote: null,
        startsAt: "2026-11-26T09:00:00.000Z",
        serviceUnitName: "Jobafklaring Test",
        centreName: "Værestedet Test",
        space: { name: "Samtalerummet" },
      },
    ]);
    const nextWeek = (await runOk(app.anonymous, THIS_WEEK, { centreId: world.centreId, weekOf: "2026-12-06" })).thisWeekAtCentre;
    expect(nextWeek.map((visit) => visit.startsAt)).toEqual([TUESDAY_10]);
    // The directory's centre card reads the same list through Centre.visitsThisWeek.
    const card = (await runOk(app.anonymous, CENTRE_CARD, { id: world.centreId })).centre;
    expect(card).toEqual({ name: "Værestedet Test", visitsThisWeek: [{ id: confirmed.id, centre: { id: world.centreId } }] });
    // The centre's own staff do see the internal note.
    const staffView = (await runOk(world.centreMember, THIS_WEEK, { centreId: world.centreId })).thisWeekAtCentre;
    expect(staffView[0]!.internalNote).toBe("Husk nøgle til skabet.");
  });

  it("lists every state to the centre's members and refuses others", async () => {
    const requested = await bookOk();
    const variables = { centreId: world.centreId, from: "2026-11-30T00:00:00Z", to: "2026-12-07T00:00:00Z" };
    const seen = (await runOk(world.centreMember, CENTRE_VISITS, variables)).centreVisits;
    expect(seen).toMatchObject([{ id: requested.id, status: "REQUESTED", internalNote: "Husk nøgle til skabet." }]);
    await runError(world.otherServiceMember, CENTRE_VISITS, variables, "FORBIDDEN");
  });
});

describe("centre set-up", () => {
  it("lets a centre admin create and change spaces and windows that anyone can read", async () => {
    const created = (
      await runOk(world.centreAdmin, CREATE_SPACE, { input: { centreId: world.centreId, name: "Haven", capacity: 12, accessibility: ["STEP_FREE_ACCESS"] } })
    ).createSpace;
    if (created.__typename !== "CreateSpaceSuccess") return expect.fail(created.__typename);
    expect(created.data).toMatchObject({ name: "Haven", capacity: 12, accessibility: ["STEP_FREE_ACCESS"], isActive: true });

    const updated = (await runOk(world.centreAdmin, UPDATE_SPACE, { input: { spaceId: created.data.id, isActive: false } })).updateSpace;
    if (updated.__typename !== "UpdateSpaceSuccess") return expect.fail(updated.__typename);
    expect(updated.data).toEqual({ name: "Haven", isActive: false });
    const inactive = await book(TUESDAY_10, TUESDAY_12, { spaceId: created.data.id });
    expect(inactive).toMatchObject({ __typename: "ValidationError", issues: [{ field: "spaceId" }] });

    const windows = (
      await runOk(world.centreAdmin, SET_WINDOWS, { input: { centreId: world.centreId, windows: [{ weekday: 2, startMinute: 600, endMinute: 900 }] } })
    ).setVisitWindows;
    if (windows.__typename !== "SetVisitWindowsSuccess") return expect.fail(windows.__typename);
    expect(windows.data).toEqual([{ weekday: 2, startMinute: 600, endMinute: 900 }]);
    const publicWindows = await runOk(app.anonymous, PUBLIC_WINDOWS, { centreId: world.centreId });
    expect(publicWindows.visitWindows).toEqual([{ weekday: 2, startMinute: 600, endMinute: 900 }]);
    expect(publicWindows.spaces.map((space) => space.name)).toEqual(["Haven", "Samtalerummet"]);

    const backwards = await runError(
      world.centreAdmin,
      SET_WINDOWS,
      { input: { centreId: world.centreId, windows: [{ weekday: 2, startMinute: 900, endMinute: 600 }] } },
      "ValidationError",
    );
    expect(backwards).toEqual({ __typename: "ValidationError", issues: [{ field: "windows.0.endMinute" }] });
    // Wednesday no longer has a window.
    expect((await book("2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z")).__typename).toBe("ValidationError");
  });

  it("refuses set-up by a centre member who is not an admin", async () => {
    await runError(world.centreMember, CREATE_SPACE, { input: { centreId: world.centreId, name: "Kælderen" } }, "ForbiddenError");
    expect(await app.prisma.space.count({ where: { centreId: world.centreId } })).toBe(1);
  });
});

describe("weekly series", () => {
  it("keeps 10:00 Copenhagen time across the end of summer time (25 October 2026)", async () => {
    app.clock.set("2026-10-01T08:00:00Z");
    const result = (await runOk(world.serviceMember, BOOK_SERIES, { input: seriesInput({ firstDate: "2026-10-13", weeks: 4 }) })).bookVisitSeries;
    expect(result.__typename).toBe("BookVisitSeriesSuccess");
    if (result.__typename !== "BookVisitSeriesSuccess") return expect.fail(result.__typename);
    expect(result.data.series).toMatchObject({ weekday: 2, firstDate: "2026-10-13", lastDate: "2026-11-03" });
    expect(result.data.visits.map((visit) => visit.startsAt)).toEqual([
      "2026-10-13T08:00:00.000Z", // CEST, UTC+2
      "2026-10-20T08:00:00.000Z",
      "2026-10-27T09:00:00.000Z", // CET, UTC+1
      "2026-11-03T09:00:00.000Z",
    ]);
    expect(result.data.conflicts).toEqual([]);
  });

  it("keeps 10:00 Copenhagen time across the start of summer time (28 March 2027), booking until a date", async () => {
    const result = (await runOk(world.serviceMember, BOOK_SERIES, { input: seriesInput({ firstDate: "2027-03-16", untilDate: "2027-04-06" }) })).bookVisitSeries;
    if (result.__typename !== "BookVisitSeriesSuccess") return expect.fail(result.__typename);
    expect(result.data.visits.map((visit) => [visit.startsAt, visit.endsAt])).toEqual([
      ["2027-03-16T09:00:00.000Z", "2027-03-16T11:00:00.000Z"],
      ["2027-03-23T09:00:00.000Z", "2027-03-23T11:00:00.000Z"],
      ["2027-03-30T08:00:00.000Z", "2027-03-30T10:00:00.000Z"],
      ["2027-04-06T08:00:00.000Z", "2027-04-06T10:00:00.000Z"],
    ]);
    expect(await app.prisma.visit.count({ where: { seriesId: result.data.series!.id, status: "REQUESTED" } })).toBe(4);
  });

  it("reports conflicts per occurrence and books nothing unless asked to book the free ones", async () => {
    const taken = await bookOk("2026-12-15T09:00:00.000Z", "2026-12-15T10:00:00.000Z"); // the third Tuesday
    await run(world.centreAdmin, ADD_CLOSURE, { input: { centreId: world.centreId, date: "2026-12-22" } });
    const input = seriesInput({ firstDate: "2026-12-01", weeks: 5 });

    const refused = await runError(world.serviceMember, BOOK_SERIES, { input }, "SeriesConflictError");
    expect(refused).toEqual({
      __typename: "SeriesConflictError",
      code: "VISIT_CONFLICT",
      conflicts: [
        {
          date: "2026-12-15",
          isClosed: false,
          conflictingVisit: { id: taken.id, title: "Spørg jobkonsulenten — ingen tidsbestilling", serviceUnitName: "Jobafklaring Test" },
        },
        { date: "2026-12-22", isClosed: true, conflictingVisit: null },
      ],
    });
    expect(await app.prisma.visitSeries.count({ where: { centreId: world.centreId } })).toBe(0);
    expect(await app.prisma.visit.count({ where: { centreId: world.centreId } })).toBe(1);

    const freeOnly = (await runOk(world.serviceMember, BOOK_SERIES, { input: { ...input, bookFreeOccurrencesOnly: true } })).bookVisitSeries;
    expect(freeOnly.__typename).toBe("BookVisitSeriesSuccess");
    if (freeOnly.__typename !== "BookVisitSeriesSuccess") return expect.fail(freeOnly.__typename);
    expect(freeOnly.data.visits.map((visit) => visit.startsAt.slice(0, 10))).toEqual(["2026-12-01", "2026-12-08", "2026-12-29"]);
    expect(freeOnly.data.conflicts.map((conflict) => conflict.date)).toEqual(["2026-12-15", "2026-12-22"]);
  });

  it("refuses a series outside the visiting windows and a series without weeks or end date", async () => {
    const late = await runError(
      world.serviceMember,
      BOOK_SERIES,
      { input: seriesInput({ firstDate: "2026-12-01", weeks: 2, startMinute: 15 * 60, endMinute: 17 * 60 }) },
      "ValidationError",
    );
    expect(late).toMatchObject({ __typename: "ValidationError", issues: [{ field: "startMinute" }] });
    const open = await runError(world.serviceMember, BOOK_SERIES, { input: seriesInput({ firstDate: "2026-12-01" }) }, "ValidationError");
    expect(open).toMatchObject({ __typename: "ValidationError", issues: [{ field: "weeks" }] });
    expect(await app.prisma.visit.count({ where: { centreId: world.centreId } })).toBe(0);
  });

  it("cancels the rest of a series from a date, leaving earlier occurrences, by either side", async () => {
    const booked = (await runOk(world.serviceMember, BOOK_SERIES, { input: seriesInput({ firstDate: "2026-12-01", weeks: 4 }) })).bookVisitSeries;
    if (booked.__typename !== "BookVisitSeriesSuccess") return expect.fail(booked.__typename);
    const seriesId = booked.data.series!.id;
    await runError(world.outsider, CANCEL_SERIES, { input: { seriesId, fromDate: "2026-12-15", reason: "x" } }, "ForbiddenError");

    const cancelled = (await runOk(world.centreMember, CANCEL_SERIES, { input: { seriesId, fromDate: "2026-12-15", reason: "Lokalet ombygges." } })).cancelVisitSeries;
    if (cancelled.__typename !== "CancelVisitSeriesSuccess") return expect.fail(cancelled.__typename);
    expect(cancelled.data.map((visit) => [visit.startsAt.slice(0, 10), visit.status, visit.sequence])).toEqual([
      ["2026-12-15", "CANCELLED", 1],
      ["2026-12-22", "CANCELLED", 1],
    ]);
    const rows = await app.prisma.visit.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["REQUESTED", "REQUESTED", "CANCELLED", "CANCELLED"]);
    expect(rows[2]!.cancelReason).toBe("Lokalet ombygges.");
    expect(rows[2]!.cancelledByUnitId).toBe(world.centreUnitId);
  });
});

// Rescheduling: a visit moves to a new time, keeping its identity and iCalendar UID with a higher
// SEQUENCE; a service's move needs the centre's confirmation again unless it is trusted; a
// collision is refused naming the other visit, and the exclusion constraint decides races.
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { graphql, run, runOk, type ResultOf } from "./support/graphql.ts";
import { dataOf, startTestApp, TEST_START, type Caller, type TestApp } from "./support/app.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";
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

const RESCHEDULE = graphql(`mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) {
  __typename
  ... on RescheduleVisitSuccess { data { id status sequence startsAt endsAt seriesId events { type fromStatus toStatus reason previousStartsAt previousEndsAt actorUnitName } } }
  ... on VisitConflictError { code conflictingVisit { id title serviceUnitName startsAt endsAt } }
  ... on ValidationError { issues { field } }
  ... on Error { code } } }`);
const CONFIRM = graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`);
const SET_TRUSTED = graphql(`mutation ($input: SetServiceTrustedInput!) { setServiceTrusted(input: $input) { __typename } }`);
type Rescheduled = ResultOf<typeof RESCHEDULE>["rescheduleVisit"];
type Moved = Extract<Rescheduled, { __typename: "RescheduleVisitSuccess" }>;

/** The moved visit, failing the test unless the reschedule succeeded. */
function movedVisit(result: Rescheduled): Moved["data"] {
  if (result.__typename !== "RescheduleVisitSuccess") expect.fail(JSON.stringify(result));
  return result.data;
}

// Tuesday 1 December 2026 10:00–11:00 Copenhagen; moved to Thursday 3 December 13:00–14:00.
const TUESDAY = ["2026-12-01T09:00:00.000Z", "2026-12-01T10:00:00.000Z"] as const;
const THURSDAY = ["2026-12-03T12:00:00.000Z", "2026-12-03T13:00:00.000Z"] as const;

async function book([startsAt, endsAt]: readonly [string, string], overrides: Record<string, unknown> = {}, caller: Caller = world.serviceMember) {
  const result = (await runOk(caller, BookVisit, { input: bookingInput(world, startsAt, endsAt, overrides) })).bookVisit;
  if (result.__typename !== "BookVisitSuccess") expect.fail(result.__typename);
  return result.data;
}

async function bookConfirmed(range: readonly [string, string] = TUESDAY, overrides: Record<string, unknown> = {}) {
  const visit = await book(range, overrides);
  if (visit.status === "REQUESTED") await run(world.centreMember, CONFIRM, { input: { visitId: visit.id } });
  return visit;
}

async function reschedule(visitId: string, [startsAt, endsAt]: readonly [string, string], caller: Caller = world.serviceMember, reason: string | null = "Konsulenten er på kursus tirsdag.") {
  return dataOf(await run(caller, RESCHEDULE, { input: { visitId, startsAt, endsAt, reason } })).rescheduleVisit;
}

async function feedEvent(path: string, visitId: string) {
  const response = await fetch(`${app.url}${path}`);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getAllSubcomponents("vevent").find((component) => component.getFirstPropertyValue("uid") === `${visitId}@traedesten`);
  if (!vevent) return null;
  const event = new ICAL.Event(vevent);
  return { sequence: event.sequence, start: event.startDate.toJSDate().toISOString(), status: vevent.getFirstPropertyValue("status") };
}

describe("rescheduling a visit", () => {
  it("keeps the visit's id, raises its sequence, asks the centre again and tells it", async () => {
    const visit = await bookConfirmed();
    const before = await app.prisma.visit.findUniqueOrThrow({ where: { id: visit.id } });
    const result = await reschedule(visit.id, THURSDAY);
    expect(result.__typename).toBe("RescheduleVisitSuccess");
    const data = movedVisit(result);
    expect(data).toMatchObject({ id: visit.id, status: "REQUESTED", sequence: before.sequence + 1, startsAt: THURSDAY[0], endsAt: THURSDAY[1] });
    expect(data.events.at(-1)).toEqual({
      type: "RESCHEDULED",
      fromStatus: "CONFIRMED",
      toStatus: "REQUESTED",
      reason: "Konsulenten er på kursus tirsdag.",
      previousStartsAt: TUESDAY[0],
      previousEndsAt: TUESDAY[1],
      actorUnitName: "Jobafklaring Test",
    });
    const notices = await app.prisma.notificationEvent.findMany({ where: { kind: "VISIT_CHANGED", subjectId: visit.id } });
    expect(notices.map((notice) => notice.unitId)).toEqual([world.centreUnitId]);
    // The old slot is free.
    await book(TUESDAY, { title: "Ny booking i det gamle tidsrum" });
  });

  it("stays confirmed for a trusted service, and the public feed updates the same UID with a higher SEQUENCE (ical.js)", async () => {
    await run(world.centreAdmin, SET_TRUSTED, { input: { centreId: world.centreId, serviceUnitId: world.serviceUnitId, isTrusted: true } });
    const visit = await bookConfirmed();
    const path = `/calendar/centre/${world.centreId}.ics`;
    const first = await feedEvent(path, visit.id);
    expect(first).toEqual({ sequence: 0, start: TUESDAY[0], status: "CONFIRMED" });
    const result = await reschedule(visit.id, THURSDAY);
    expect(movedVisit(result).status).toBe("CONFIRMED");
    const moved = await feedEvent(path, visit.id);
    expect(moved).toEqual({ sequence: 1, start: THURSDAY[0], status: "CONFIRMED" });
  });

  it("stays confirmed when the centre moves it, and tells the service", async () => {
    const visit = await bookConfirmed();
    const result = movedVisit(await reschedule(visit.id, THURSDAY, world.centreMember, null));
    expect(result).toMatchObject({ status: "CONFIRMED", sequence: 2 });
    expect(result.events.at(-1)).toMatchObject({ type: "RESCHEDULED", reason: null, actorUnitName: "Værestedet Test" });
    const notices = await app.prisma.notificationEvent.findMany({ where: { kind: "VISIT_CHANGED", subjectId: visit.id } });
    expect(notices.map((notice) => notice.unitId)).toEqual([world.serviceUnitId]);
  });

  it("refuses a collision with VisitConflictError naming the other visit, and changes nothing", async () => {
    const visit = await bookConfirmed();
    const other = await book(THURSDAY, { title: "Bostøtte i samtalerummet", serviceUnitId: world.otherServiceUnitId }, world.otherServiceMember);
    const result = await reschedule(visit.id, ["2026-12-03T12:30:00.000Z", "2026-12-03T13:30:00.000Z"]);
    expect(result).toEqual({
      __typename: "VisitConflictError",
      code: "VISIT_CONFLICT",
      conflictingVisit: { id: other.id, title: "Bostøtte i samtalerummet", serviceUnitName: "Bostøtte Test", startsAt: THURSDAY[0], endsAt: THURSDAY[1] },
    });
    const after = await app.prisma.visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(after.startsAt.toISOString()).toBe(TUESDAY[0]);
    expect(await app.prisma.visitEvent.count({ where: { visitId: visit.id, type: "RESCHEDULED" } })).toBe(0);
  });

  it("may overlap its own old time (moving by half an hour)", async () => {
    const visit = await bookConfirmed();
    const result = await reschedule(visit.id, ["2026-12-01T09:30:00.000Z", "2026-12-01T10:30:00.000Z"]);
    expect(result.__typename).toBe("RescheduleVisitSuccess");
  });

  it("moves a single occurrence of a series and leaves the others where they were", async () => {
    const booked = (await runOk(
      world.serviceMember,
      graphql(`mutation ($input: BookVisitSeriesInput!) { bookVisitSeries(input: $input) { __typename ... on BookVisitSeriesSuccess { data { series { id } visits { id startsAt } } } } }`),
      { input: { centreId: world.centreId, spaceId: world.spaceId, serviceUnitId: world.serviceUnitId, firstDate: "2026-12-01", startMinute: 600, endMinute: 660, weeks: 3, title: "Jobkonsulenten" } },
    )).bookVisitSeries;
    if (booked.__typename !== "BookVisitSeriesSuccess") expect.fail(booked.__typename);
    const series = booked.data;
    const second = series.visits[1]!;
    const result = await reschedule(second.id, ["2026-12-10T09:00:00.000Z", "2026-12-10T10:00:00.000Z"]);
    expect(movedVisit(result)).toMatchObject({ id: second.id, seriesId: series.series!.id, startsAt: "2026-12-10T09:00:00.000Z" });
    const rest = await app.prisma.visit.findMany({ where: { seriesId: series.series!.id }, orderBy: { startsAt: "asc" } });
    expect(rest.map((visit) => visit.startsAt.toISOString())).toEqual(["2026-12-01T09:00:00.000Z", "2026-12-10T09:00:00.000Z", "2026-12-15T09:00:00.000Z"]);
  });

  it("refuses a time outside the windows, in the past, an ended visit, an outsider, and CPR in the reason", async () => {
    const visit = await bookConfirmed();
    expect((await reschedule(visit.id, ["2026-12-05T09:00:00.000Z", "2026-12-05T10:00:00.000Z"])).__typename).toBe("ValidationError");
    expect((await reschedule(visit.id, ["2026-11-24T09:00:00.000Z", "2026-11-24T10:00:00.000Z"])).__typename).toBe("ValidationError");
    expect((await reschedule(visit.id, THURSDAY, world.otherServiceMember)).__typename).toBe("ForbiddenError");
    expect((await reschedule(visit.id, THURSDAY, world.serviceMember, "Borger 010203-1234 kan ikke")).__typename).toBe("CprRefusedError");
    await run(world.serviceMember, graphql(`mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename } }`), { input: { visitId: visit.id, reason: "Syg." } });
    expect(await reschedule(visit.id, THURSDAY)).toEqual({ __typename: "IllegalTransitionError", code: "ILLEGAL_TRANSITION" });
  });
});

describe("rescheduling under concurrency", () => {
  // 50 requests queue on PGlite's single connection; allow for a slow, busy machine.
  it("lets exactly one of 50 visits rescheduled into the same slot at once win; the others are told which", { timeout: 120_000 }, async () => {
    await run(world.centreAdmin, SET_TRUSTED, { input: { centreId: world.centreId, serviceUnitId: world.serviceUnitId, isTrusted: true } });
    // 50 confirmed quarter-hours spread over Tuesday 1 to Friday 4 December, written directly.
    const visits = Array.from({ length: 50 }, (_, index) => {
      const day = Math.floor(index / 14);
      const startsAt = new Date(Date.parse(`2026-12-0${day + 1}T08:00:00.000Z`) + (index % 14) * 30 * 60_000);
      return { id: `race-${index}-${world.spaceId.slice(0, 8)}`, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) };
    });
    await app.prisma.visit.createMany({
      data: visits.map((visit) => ({
        ...visit, centreId: world.centreId, spaceId: world.spaceId, serviceUnitId: world.serviceUnitId, bookedById: world.serviceMemberId,
        status: "CONFIRMED" as const, title: `Besøg ${visit.id}`,
      })),
    });
    // Monday 7 December 10:00–11:00.
    const target = ["2026-12-07T09:00:00.000Z", "2026-12-07T10:00:00.000Z"] as const;
    const results = await Promise.all(visits.map((visit) => reschedule(visit.id, target)));
    const winners = results.filter((result): result is Moved => result.__typename === "RescheduleVisitSuccess");
    const conflicts = results.filter((result): result is Extract<Rescheduled, { __typename: "VisitConflictError" }> => result.__typename === "VisitConflictError");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const conflict of conflicts) expect(conflict.conflictingVisit.id).toBe(winners[0]!.data.id);
    expect(await app.prisma.visit.count({ where: { spaceId: world.spaceId, startsAt: new Date(target[0]) } })).toBe(1);
    expect(await app.prisma.visitEvent.count({ where: { visitId: { in: visits.map((visit) => visit.id) }, type: "RESCHEDULED" } })).toBe(1);
  });
});

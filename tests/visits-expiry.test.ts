// Requests expire: a visit request the centre does not answer within its centre's window (default
// 5 days, Copenhagen calendar days) expires, frees its slot, and both sides are told.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataOf, startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";
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

const SET_DAYS = graphql(`mutation SetVisitRequestExpiryDays($input: SetVisitRequestExpiryDaysInput!) { setVisitRequestExpiryDays(input: $input) {
  __typename ... on SetVisitRequestExpiryDaysSuccess { data } ... on ValidationError { issues { field } } ... on Error { code } } }`);

async function book(startsAt: string, endsAt: string): Promise<string> {
  const caller = await app.as(world.serviceMemberId);
  const result = dataOf(await run(caller, BookVisit, { input: bookingInput(world, startsAt, endsAt) })).bookVisit;
  expect(result.__typename).toBe("BookVisitSuccess");
  if (result.__typename !== "BookVisitSuccess") return expect.fail(result.__typename);
  expect(result.data.status).toBe("REQUESTED");
  return result.data.id;
}

const statusOf = async (visitId: string) => (await app.prisma.visit.findUniqueOrThrow({ where: { id: visitId } })).status;

describe("visit request expiry", () => {
  // Booked Wednesday 25 November 2026 10:00 Copenhagen for Tuesday 8 December.
  it("expires an unanswered request after 5 days, frees the slot, and tells both sides once", async () => {
    const visitId = await book("2026-12-08T09:00:00.000Z", "2026-12-08T10:00:00.000Z");
    app.clock.set("2026-11-30T08:59:00.000Z");
    await app.runJobs();
    expect(await statusOf(visitId)).toBe("REQUESTED");

    app.clock.set("2026-11-30T09:00:00.000Z");
    const results = await app.runJobs();
    expect(results.expireVisitRequests).toBe(1);
    const visit = await app.prisma.visit.findUniqueOrThrow({ where: { id: visitId } });
    expect(visit).toMatchObject({ status: "EXPIRED", sequence: 1 });
    const events = await app.prisma.visitEvent.findMany({ where: { visitId }, orderBy: { position: "asc" } });
    expect(events.map((event) => [event.type, event.fromStatus, event.toStatus, event.actorUserId, event.actorUnitId])).toEqual([
      ["REQUESTED", null, "REQUESTED", world.serviceMemberId, world.serviceUnitId],
      ["EXPIRED", "REQUESTED", "EXPIRED", null, null],
    ]);
    const notices = await app.prisma.notificationEvent.findMany({ where: { kind: "VISIT_EXPIRED", subjectId: visitId } });
    expect(notices.map((notice) => notice.unitId).sort()).toEqual([world.centreUnitId, world.serviceUnitId].sort());

    // Idempotent: a second run changes nothing and tells nobody again.
    expect((await app.runJobs()).expireVisitRequests).toBe(0);
    expect(await app.prisma.visitEvent.count({ where: { visitId } })).toBe(2);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "VISIT_EXPIRED", subjectId: visitId } })).toBe(2);

    // The slot is free again.
    await book("2026-12-08T09:00:00.000Z", "2026-12-08T10:00:00.000Z");
  });

  it("uses the centre's own number of days, set by its administrator", async () => {
    await runError(world.centreAdmin, SET_DAYS, { input: { centreId: world.centreId, days: 0 } }, "ValidationError");
    await runError(world.serviceMember, SET_DAYS, { input: { centreId: world.centreId, days: 2 } }, "ForbiddenError");
    const set = (await runOk(world.centreAdmin, SET_DAYS, { input: { centreId: world.centreId, days: 2 } })).setVisitRequestExpiryDays;
    expect(set).toEqual({ __typename: "SetVisitRequestExpiryDaysSuccess", data: 2 });
    const visitId = await book("2026-12-08T09:00:00.000Z", "2026-12-08T10:00:00.000Z");
    app.clock.set("2026-11-27T09:00:00.000Z");
    await app.runJobs();
    expect(await statusOf(visitId)).toBe("EXPIRED");
  });

  it("counts Copenhagen calendar days across the change to summer time", async () => {
    // Requested Friday 26 March 2027 10:00 CET (09:00 UTC); summer time starts Sunday 28 March.
    // Five days later is Wednesday 31 March 10:00 CEST = 08:00 UTC, not 09:00 UTC (5 × 24 h).
    app.clock.set("2027-03-26T09:00:00.000Z");
    const visitId = await book("2027-04-06T08:00:00.000Z", "2027-04-06T09:00:00.000Z");
    app.clock.set("2027-03-31T07:59:00.000Z");
    await app.runJobs();
    expect(await statusOf(visitId)).toBe("REQUESTED");
    app.clock.set("2027-03-31T08:00:00.000Z");
    await app.runJobs();
    expect(await statusOf(visitId)).toBe("EXPIRED");
  });

  it("expires a request whose start has come, and never a confirmed visit", async () => {
    const soon = await book("2026-11-26T09:00:00.000Z", "2026-11-26T10:00:00.000Z");
    const confirmed = await book("2026-11-26T10:00:00.000Z", "2026-11-26T11:00:00.000Z");
    await app.prisma.visit.update({ where: { id: confirmed }, data: { status: "CONFIRMED" } });
    app.clock.set("2026-11-26T09:00:00.000Z");
    await app.runJobs();
    expect(await statusOf(soon)).toBe("EXPIRED");
    app.clock.set("2026-12-20T09:00:00.000Z");
    await app.runJobs();
    expect(await statusOf(confirmed)).toBe("CONFIRMED");
  });

  it("expires each request once when several runners work at the same time", async () => {
    const ids = [];
    for (let hour = 9; hour < 15; hour += 1) {
      ids.push(await book(`2026-12-09T${String(hour - 1).padStart(2, "0")}:00:00.000Z`, `2026-12-09T${String(hour - 1).padStart(2, "0")}:30:00.000Z`));
    }
    app.clock.set("2026-12-01T09:00:00.000Z");
    await Promise.all([app.runJobs(), app.runJobs(), app.runJobs()]);
    const events = await app.prisma.visitEvent.findMany({ where: { visitId: { in: ids }, type: "EXPIRED" } });
    expect(events).toHaveLength(ids.length);
    expect(new Set(events.map((event) => event.visitId)).size).toBe(ids.length);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "VISIT_EXPIRED", subjectId: { in: ids } } })).toBe(2 * ids.length);
  });
});

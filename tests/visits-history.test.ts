// A visit's history: every change is a VisitEvent written in the change's transaction, with
// who and why, shown on the visit to the two units and to nobody else.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, TEST_START, type TestApp } from "./support/app.ts";
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

// Tuesday 1 December 2026, 10:00–12:00 Copenhagen.
const TUESDAY_10 = "2026-12-01T09:00:00.000Z";
const TUESDAY_12 = "2026-12-01T11:00:00.000Z";

const HISTORY = graphql(`query ($from: DateTime!, $to: DateTime!, $centreId: ID!) { centreVisits(centreId: $centreId, from: $from, to: $to) {
  id status viewerActions events { type fromStatus toStatus actorName actorUnitName reason at } } }`);
const THIS_WEEK = graphql(`query ($centreId: ID!, $weekOf: Date) { thisWeekAtCentre(centreId: $centreId, weekOf: $weekOf) { id events { type } viewerActions } }`);
const CONFIRM = graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename ... on Error { code } } }`);
const DECLINE = graphql(`mutation ($input: DeclineVisitInput!) { declineVisit(input: $input) { __typename ... on Error { code } } }`);
const CANCEL = graphql(`mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename ... on Error { code } } }`);

async function book(startsAt = TUESDAY_10, endsAt = TUESDAY_12): Promise<string> {
  const result = (await runOk(world.serviceMember, BookVisit, { input: bookingInput(world, startsAt, endsAt) })).bookVisit;
  if (result.__typename !== "BookVisitSuccess") expect.fail(result.__typename);
  return result.data.id;
}

async function historyOf(visitId: string, caller = world.centreMember) {
  const visits = (await runOk(caller, HISTORY, { centreId: world.centreId, from: "2026-11-30T00:00:00.000Z", to: "2026-12-07T00:00:00.000Z" })).centreVisits;
  return visits.find((visit) => visit.id === visitId)!;
}

describe("visit history", () => {
  it("records the request and the centre's confirmation with who acted, in order", async () => {
    const visitId = await book();
    app.clock.set("2026-11-25T09:10:00.000Z");
    expect((await runOk(world.centreMember, CONFIRM, { input: { visitId } })).confirmVisit.__typename).toBe("ConfirmVisitSuccess");
    const visit = await historyOf(visitId);
    expect(visit.events.map((event) => event.type)).toEqual(["REQUESTED", "CONFIRMED"]);
    expect(visit.events[0]).toMatchObject({ fromStatus: null, toStatus: "REQUESTED", actorUnitName: "Jobafklaring Test", at: TEST_START });
    expect(visit.events[1]).toMatchObject({ fromStatus: "REQUESTED", toStatus: "CONFIRMED", actorUnitName: "Værestedet Test", at: "2026-11-25T09:10:00.000Z" });
    expect(visit.events[1]!.actorName).toEqual(expect.any(String));
    expect(visit.viewerActions).toEqual(["RESCHEDULE", "CANCEL"]);
  });

  it("records a decline and a cancellation with their reasons", async () => {
    const declined = await book();
    app.clock.set("2026-11-25T09:01:00.000Z");
    await run(world.centreMember, DECLINE, { input: { visitId: declined, reason: "Lokalet males den dag." } });
    const cancelled = await book();
    app.clock.set("2026-11-25T09:02:00.000Z");
    await run(world.serviceMember, CANCEL, { input: { visitId: cancelled, reason: "Konsulenten er syg." } });
    expect((await historyOf(declined)).events[1]).toMatchObject({ type: "DECLINED", reason: "Lokalet males den dag.", toStatus: "DECLINED" });
    expect((await historyOf(cancelled)).events[1]).toMatchObject({ type: "CANCELLED", reason: "Konsulenten er syg.", actorUnitName: "Jobafklaring Test" });
    expect((await historyOf(cancelled)).viewerActions).toEqual([]);
  });

  it("writes no event when the change is refused, and refuses a move the table does not allow", async () => {
    const visitId = await book();
    await run(world.centreMember, CONFIRM, { input: { visitId } });
    const again = await runError(world.centreMember, CONFIRM, { input: { visitId } }, "IllegalTransitionError");
    expect(again).toEqual({ __typename: "IllegalTransitionError", code: "ILLEGAL_TRANSITION" });
    const emptyReason = await runError(world.centreMember, CANCEL, { input: { visitId, reason: " " } }, "ValidationError");
    expect(emptyReason.__typename).toBe("ValidationError");
    expect(await app.prisma.visitEvent.count({ where: { visitId } })).toBe(2);
  });

  it("shows a confirmed visit's history to the two units only, never to the public", async () => {
    const visitId = await book();
    await run(world.centreMember, CONFIRM, { input: { visitId } });
    const publicView = (await runOk(app.anonymous, THIS_WEEK, { centreId: world.centreId, weekOf: "2026-12-01" })).thisWeekAtCentre;
    expect(publicView).toEqual([{ id: visitId, events: [], viewerActions: [] }]);
    const outsider = (await runOk(world.outsider, THIS_WEEK, { centreId: world.centreId, weekOf: "2026-12-01" })).thisWeekAtCentre;
    expect(outsider[0]!.events).toEqual([]);
    const service = (await runOk(world.serviceMember, THIS_WEEK, { centreId: world.centreId, weekOf: "2026-12-01" })).thisWeekAtCentre;
    expect(service[0]!.events.map((event) => event.type)).toEqual(["REQUESTED", "CONFIRMED"]);
  });
});

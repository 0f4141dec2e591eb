// A visit's history in the unit's audit view (issue 19): the administrators of the centre and of
// the service see every change of their visits, newest first, with who and why; nobody else does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, run, runOk } from "./support/graphql.ts";
import { startTestApp, TEST_START, type Caller, type TestApp } from "./support/app.ts";
import { buildVisitsWorld, createUser, type VisitsWorld } from "./support/world.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";

let app: TestApp;
let world: VisitsWorld;
let serviceAdmin: Caller;
let visitId: string;

const EVENTS = graphql(`query ($unitId: ID!, $first: Int, $after: String) { unitVisitEvents(unitId: $unitId, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { type toStatus reason actorName actorUnitName at visitId visit { title } } } } }`);

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(TEST_START);
  world = await buildVisitsWorld(app);
  serviceAdmin = await app.as((await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId, role: "UNIT_ADMIN" }] })).id);
  const booked = (await runOk(world.serviceMember, BookVisit, { input: bookingInput(world, "2026-12-01T09:00:00.000Z", "2026-12-01T11:00:00.000Z") })).bookVisit;
  if (booked.__typename !== "BookVisitSuccess") expect.fail(booked.__typename);
  visitId = booked.data.id;
  app.clock.set("2026-11-25T09:20:00.000Z");
  await run(world.centreMember, graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`), { input: { visitId } });
  app.clock.set("2026-11-25T09:40:00.000Z");
  await run(world.serviceMember, graphql(`mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename } }`), { input: { visitId, reason: "Konsulenten er syg." } });
  // A visit of another centre's world must not show.
  const other = await buildVisitsWorld(app, { centreName: "Andet Værested" });
  await run(other.serviceMember, BookVisit, { input: bookingInput(other, "2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z") });
});

afterAll(async () => {
  await app.close();
});

describe("visit events in the unit's audit view", () => {
  it("lists the centre's visit changes newest first with who, which unit and why", async () => {
    const { unitVisitEvents } = await runOk(world.centreAdmin, EVENTS, { unitId: world.centreUnitId });
    expect(unitVisitEvents.edges.map((edge) => edge.node.type)).toEqual(["CANCELLED", "CONFIRMED", "REQUESTED"]);
    expect(unitVisitEvents.edges[0]!.node).toMatchObject({
      toStatus: "CANCELLED",
      reason: "Konsulenten er syg.",
      actorUnitName: "Jobafklaring Test",
      at: "2026-11-25T09:40:00.000Z",
      visitId,
      visit: { title: "Spørg jobkonsulenten — ingen tidsbestilling" },
    });
    expect(unitVisitEvents.edges[0]!.node.actorName).toEqual(expect.any(String));
  });

  it("lists the same for the booking service's administrators, page by page", async () => {
    const first = (await runOk(serviceAdmin, EVENTS, { unitId: world.serviceUnitId, first: 2 })).unitVisitEvents;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await runOk(serviceAdmin, EVENTS, { unitId: world.serviceUnitId, first: 2, after: first.pageInfo.endCursor })).unitVisitEvents;
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.type)).toEqual(["CANCELLED", "CONFIRMED", "REQUESTED"]);
  });

  it("is for the unit's administrators only", async () => {
    for (const caller of [world.centreMember, world.serviceMember, world.outsider, app.anonymous]) {
      const response = await run(caller, EVENTS, { unitId: world.centreUnitId });
      expect(["FORBIDDEN", "NOT_AUTHENTICATED"]).toContain(response.errors?.[0]?.extensions?.["code"]);
    }
  });
});

// Services have hours too (issue 19): a service's own weekly hours, kept by its admins, and its
// visiting sessions at centres (confirmed visits) are searchable in the directory and shown on
// the service and on the centre's card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, runError, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { buildVisitsWorld, createUser, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
let serviceAdmin: Caller;
let serviceId: string;
let otherServiceId: string;

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set("2026-11-25T09:00:00.000Z");
  world = await buildVisitsWorld(app);
  serviceId = (await app.prisma.service.findUniqueOrThrow({ where: { unitId: world.serviceUnitId } })).id;
  otherServiceId = (await app.prisma.service.findUniqueOrThrow({ where: { unitId: world.otherServiceUnitId } })).id;
  serviceAdmin = await app.as((await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId, role: "UNIT_ADMIN" }] })).id);
  // Tuesdays 1 and 8 December 10:00–12:00 (confirmed), and a request on Thursday 3 December (not public).
  const space = world.spaceId;
  const visit = (startsAt: string, endsAt: string, status: "CONFIRMED" | "REQUESTED", serviceUnitId = world.serviceUnitId) =>
    app.prisma.visit.create({ data: { centreId: world.centreId, spaceId: space, serviceUnitId, bookedById: world.serviceMemberId, title: "Spørg jobkonsulenten", startsAt: new Date(startsAt), endsAt: new Date(endsAt), status } });
  await visit("2026-12-01T09:00:00.000Z", "2026-12-01T11:00:00.000Z", "CONFIRMED");
  await visit("2026-12-08T09:00:00.000Z", "2026-12-08T11:00:00.000Z", "CONFIRMED");
  await visit("2026-12-03T09:00:00.000Z", "2026-12-03T11:00:00.000Z", "REQUESTED", world.otherServiceUnitId);
});

afterAll(async () => {
  await app.close();
});

const SET_HOURS = graphql(`mutation ($input: SetServiceOpeningPeriodsInput!) { setServiceOpeningPeriods(input: $input) {
  __typename
  ... on SetServiceOpeningPeriodsSuccess { data { id openingPeriods { weekday startMinute endMinute note } openingHours { weekday textDa textEn } } }
  ... on ValidationError { issues { field } }
  ... on Error { code } } }`);
const SEARCH = graphql(`query ($filter: ServiceFilter) { services(first: 20, filter: $filter) {
  edges { reasons { kind da en } node { id name visitingSessions { centreName weekday startMinute endMinute count textDa textEn } } } } }`);
const CENTRE = graphql(`query ($id: ID!) { centre(id: $id) { visitingSessions { serviceName count textDa textEn } } }`);

type SearchResult = ResultOf<typeof SEARCH>;
const search = async (filter: VariablesOf<typeof SEARCH>["filter"]): Promise<SearchResult> => runOk(app.anonymous, SEARCH, { filter });

describe("a service's own hours", () => {
  it("are set by its admins, shown as text per weekday, and refused when they overlap", async () => {
    const periods = [
      { weekday: 2, startMinute: 540, endMinute: 720, note: "åben rådgivning" },
      { weekday: 2, startMinute: 780, endMinute: 900 },
      { weekday: 4, startMinute: 540, endMinute: 900 },
    ];
    const set = (await runOk(serviceAdmin, SET_HOURS, { input: { serviceId, periods } })).setServiceOpeningPeriods;
    if (set.__typename !== "SetServiceOpeningPeriodsSuccess") expect.fail(set.__typename);
    expect(set.data.openingHours[1]).toEqual({ weekday: 2, textDa: "09:00–12:00 (åben rådgivning), 13:00–15:00", textEn: "09:00–12:00 (åben rådgivning), 13:00–15:00" });
    expect(set.data.openingHours[0]).toEqual({ weekday: 1, textDa: "lukket", textEn: "closed" });
    const overlap = await runError(serviceAdmin, SET_HOURS, { input: { serviceId, periods: [...periods, { weekday: 4, startMinute: 600, endMinute: 660 }] } }, "ValidationError");
    expect(overlap.__typename).toBe("ValidationError");
    expect(overlap.issues.map((issue) => issue.field)).toContain("periods.3.startMinute");
    const member = await runError(world.serviceMember, SET_HOURS, { input: { serviceId, periods: [] } }, "ForbiddenError");
    expect(member.__typename).toBe("ForbiddenError");
  });
});

describe("searching services by hours and visiting sessions", () => {
  const ids = (data: SearchResult): string[] => data.services.edges.map((edge) => edge.node.id);

  it("finds a service open at an instant by its own hours, or by a visiting session then, and says which", async () => {
    // Thursday 26 November 2026, 10:30 Copenhagen: the job service's own hours (Thursday 09–15).
    const byHours = await search({ openAt: "2026-11-26T09:30:00.000Z" });
    expect(ids(byHours)).toContain(serviceId);
    const reasons = byHours.services.edges.find((edge) => edge.node.id === serviceId)!.reasons;
    expect(reasons).toContainEqual({ kind: "OPEN_AT", da: "åben kl. 10:30", en: "open at 10:30" });

    // Tuesday 1 December 10:30: the job service is at the centre (also within its hours); move its hours away to see the visit win.
    await app.prisma.serviceOpeningPeriod.deleteMany({ where: { serviceId } });
    const byVisit = await search({ openAt: "2026-12-01T09:30:00.000Z" });
    expect(ids(byVisit)).toContain(serviceId);
    expect(byVisit.services.edges.find((edge) => edge.node.id === serviceId)!.reasons).toContainEqual({ kind: "VISITS_CENTRE", da: "på et værested kl. 10:30", en: "at a centre at 10:30" });
    // A request is not a visiting session: the other service is not open on Thursday 3 December.
    expect(ids(await search({ openAt: "2026-12-03T09:30:00.000Z" }))).not.toContain(otherServiceId);
  });

  it("closes a service's own hours on a public holiday", async () => {
    await app.prisma.serviceOpeningPeriod.createMany({ data: [{ serviceId: otherServiceId, weekday: 5, startMinute: 540, endMinute: 900 }] });
    // Friday 25 December 2026 (Christmas Day) and Friday 18 December.
    expect(ids(await search({ openAt: "2026-12-25T10:00:00.000Z" }))).not.toContain(otherServiceId);
    expect(ids(await search({ openAt: "2026-12-18T10:00:00.000Z" }))).toContain(otherServiceId);
  });

  it("finds the services that come to a centre, with their sessions as text", async () => {
    const atCentre = await search({ visitsCentreId: world.centreId });
    expect(ids(atCentre)).toEqual([serviceId]);
    const edge = atCentre.services.edges[0]!;
    expect(edge.reasons).toContainEqual({ kind: "VISITS_CENTRE", da: "kommer på Værestedet Test", en: "comes to Værestedet Test" });
    expect(edge.node.visitingSessions).toEqual([
      { centreName: "Værestedet Test", weekday: 2, startMinute: 600, endMinute: 720, count: 2, textDa: "Er på Værestedet Test tirsdage 10:00–12:00", textEn: "At Værestedet Test on Tuesdays 10:00–12:00" },
    ]);
    const anywhere = await search({ comesToCentres: true });
    expect(ids(anywhere)).toContain(serviceId);
    expect(ids(anywhere)).not.toContain(otherServiceId);
  });

  it("shows on the centre's card which services come, and when", async () => {
    const { centre } = await runOk(app.anonymous, CENTRE, { id: world.centreId });
    expect(centre!.visitingSessions).toEqual([{ serviceName: "Jobafklaring Test", count: 2, textDa: "Jobafklaring Test: tirsdage 10:00–12:00", textEn: "Jobafklaring Test: Tuesdays 10:00–12:00" }]);
  });
});

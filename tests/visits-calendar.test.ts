// iCalendar feeds (RFC 5545) of a centre (public) and of a unit (private, secret URL), parsed
// with a real iCalendar parser.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";
import { buildVisitsWorld, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
const visitIds: Record<"confirmed" | "requested" | "cancelled", string> = { confirmed: "", requested: "", cancelled: "" };

async function bookAs(caller: Caller, startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) {
  const result = dataOf(await run(caller, BookVisit, { input: bookingInput(world, startsAt, endsAt, overrides) })).bookVisit;
  expect(result.__typename).toBe("BookVisitSuccess");
  if (result.__typename !== "BookVisitSuccess") return expect.fail(result.__typename);
  return result.data.id;
}

const CONFIRM = graphql(`mutation ConfirmVisit($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`);
const CANCEL = graphql(`mutation CancelVisit($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename } }`);
const CREATE_FEED = graphql(`mutation CreateCalendarFeedToken($input: CreateCalendarFeedTokenInput!) { createCalendarFeedToken(input: $input) {
  __typename ... on CreateCalendarFeedTokenSuccess { data { url feedToken { id isActive } } } } }`);
const FEED_TOKENS = graphql(`query CalendarFeedTokens($unitId: ID!) { calendarFeedTokens(unitId: $unitId) { id isActive } }`);
const REVOKE_FEED = graphql(`mutation RevokeCalendarFeedToken($input: RevokeCalendarFeedTokenInput!) { revokeCalendarFeedToken(input: $input) {
  __typename ... on RevokeCalendarFeedTokenSuccess { data { isActive revokedAt } } } }`);

beforeAll(async () => {
  app = await startTestApp();
  world = await buildVisitsWorld(app, { centreName: "Værestedet Lyset, Fjordby" });
  visitIds.confirmed = await bookAs(world.serviceMember, "2026-12-01T09:00:00.000Z", "2026-12-01T11:00:00.000Z");
  visitIds.requested = await bookAs(world.serviceMember, "2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z", {
    title: "Kun anmodet",
  });
  visitIds.cancelled = await bookAs(world.serviceMember, "2026-12-03T09:00:00.000Z", "2026-12-03T10:00:00.000Z", {
    title: "Aflyst besøg",
  });
  for (const visitId of [visitIds.confirmed, visitIds.cancelled]) {
    await run(world.centreMember, CONFIRM, { input: { visitId } });
  }
  await run(world.serviceMember, CANCEL, { input: { visitId: visitIds.cancelled, reason: "Konsulenten er syg." } });
  // Requests from an unrelated service booked at the same centre (for the service-feed check).
  await bookAs(world.otherServiceMember, "2026-12-04T09:00:00.000Z", "2026-12-04T10:00:00.000Z", {
    serviceUnitId: world.otherServiceUnitId,
    title: "Bostøtte-besøg",
  });
  // Within the session idle time, so the callers stay signed in.
  app.clock.set("2026-11-25T09:34:56.000Z");
  // Ten requests through the whole stack; generous for a busy machine.
}, 120_000);
afterAll(async () => {
  await app.close();
});

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
  return { calendar, events };
}

function byUid(feed: ReturnType<typeof parseFeed>, visitId: string) {
  return feed.events.find(({ event }) => event.uid === `${visitId}@traedesten`);
}

async function createFeed(caller: Caller, unitId: string) {
  const created = dataOf(await run(caller, CREATE_FEED, { input: { unitId } })).createCalendarFeedToken;
  expect(created.__typename).toBe("CreateCalendarFeedTokenSuccess");
  if (created.__typename !== "CreateCalendarFeedTokenSuccess") return expect.fail(created.__typename);
  return created.data;
}

function pathOf(url: string) {
  return new URL(url).pathname;
}

describe("the centre's public feed", () => {
  it("serves valid VEVENTs of confirmed visits in Copenhagen time, and cancellations as CANCELLED", async () => {
    const response = await app.anonymous.fetch(`/calendar/centre/${world.centreId}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const feed = parseFeed(await response.text());

    expect(feed.calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(feed.calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Copenhagen");
    expect(feed.events).toHaveLength(2);

    const confirmed = byUid(feed, visitIds.confirmed)!;
    expect(confirmed.event.summary).toBe("Spørg jobkonsulenten — ingen tidsbestilling");
    expect(confirmed.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(confirmed.vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Copenhagen");
    expect(confirmed.event.startDate.toString()).toBe("2026-12-01T10:00:00");
    expect(confirmed.event.startDate.toJSDate().toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(confirmed.event.endDate.toJSDate().toISOString()).toBe("2026-12-01T11:00:00.000Z");
    expect(confirmed.event.sequence).toBe(1);
    expect(confirmed.vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-25T09:34:56Z");
    expect(confirmed.event.location).toContain("Samtalerummet");
    // The public feed never carries the internal note.
    expect(confirmed.event.description).not.toContain("Husk nøgle");

    const cancelled = byUid(feed, visitIds.cancelled)!;
    expect(cancelled.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBe(2);
    expect(byUid(feed, visitIds.requested)).toBeUndefined();
  });

  it("answers 404 for an unknown centre", async () => {
    const response = await app.anonymous.fetch(`/calendar/centre/00000000-0000-0000-0000-000000000000.ics`);
    expect(response.status).toBe(404);
  });
});

describe("a unit's private feed", () => {
  it("gives the centre all its visits, requests as TENTATIVE, with internal notes", async () => {
    const created = await createFeed(world.centreMember, world.centreUnitId);
    expect(created.url).toMatch(/\/calendar\/unit\/[A-Za-z0-9_-]{43}\.ics$/);
    const response = await app.anonymous.fetch(pathOf(created.url));
    expect(response.status).toBe(200);
    const feed = parseFeed(await response.text());
    expect(feed.events).toHaveLength(4);
    expect(byUid(feed, visitIds.requested)!.vevent.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(byUid(feed, visitIds.cancelled)!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(byUid(feed, visitIds.confirmed)!.event.description).toContain("Husk nøgle til skabet.");
    for (const { vevent } of feed.events) expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Copenhagen");
  });

  it("gives a service only its own bookings", async () => {
    const created = await createFeed(world.serviceMember, world.serviceUnitId);
    const feed = parseFeed(await (await app.anonymous.fetch(pathOf(created.url))).text());
    expect(feed.events.map(({ event }) => event.summary).sort()).toEqual([
      "Aflyst besøg",
      "Kun anmodet",
      "Spørg jobkonsulenten — ingen tidsbestilling",
    ]);
  });

  it("stores only a hash of the token, lists links without URLs, and answers 404 once revoked", async () => {
    const created = await createFeed(world.serviceMember, world.serviceUnitId);
    const token = pathOf(created.url).replace("/calendar/unit/", "").replace(".ics", "");
    expect(await app.prisma.calendarFeedToken.count({ where: { id: token } })).toBe(0);

    const listed = (await runOk(world.serviceMember, FEED_TOKENS, { unitId: world.serviceUnitId })).calendarFeedTokens;
    expect(listed).toContainEqual({ id: created.feedToken.id, isActive: true });

    await runError(world.outsider, REVOKE_FEED, { input: { tokenId: created.feedToken.id } }, "ForbiddenError");
    expect((await app.anonymous.fetch(pathOf(created.url))).status).toBe(200);

    const revoked = (await runOk(world.serviceMember, REVOKE_FEED, { input: { tokenId: created.feedToken.id } })).revokeCalendarFeedToken;
    if (revoked.__typename !== "RevokeCalendarFeedTokenSuccess") return expect.fail(revoked.__typename);
    expect(revoked.data).toEqual({ isActive: false, revokedAt: "2026-11-25T09:34:56.000Z" });
    expect((await app.anonymous.fetch(pathOf(created.url))).status).toBe(404);
  });

  it("answers 404 for a made-up token", async () => {
    expect((await app.anonymous.fetch("/calendar/unit/not-a-real-token.ics")).status).toBe(404);
  });
});

// The public area calendar (issue 19): activities, meals and visiting services across all
// centres for a day or a week, filtered by target group, offer, service kind and area, answered
// by one statement per page whatever the number of centres, across a daylight-saving change,
// and as an iCalendar feed per filter that ical.js reads.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { countingDatabase } from "./support/counting-database.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

let app: TestApp;
let statements: () => number = () => 0;
const ids = { near: "", far: "", job: "", housing: "", area: "", confirmed: "", requested: "", cancelled: "" };

// Monday 30 November 2026 (winter time, UTC+1).
const WEEK = "2026-11-30";

beforeAll(async () => {
  const counting = await countingDatabase();
  statements = counting.statements;
  app = await startTestApp({ database: counting.database });
  app.clock.set("2026-11-25T09:00:00.000Z");
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Kalenderkommune" });
  const near = await createCentre(prisma, organisation.id, { name: "Ungehuset", latitude: 55.49, longitude: 9.47, targetGroups: ["YOUNG_ADULTS"] });
  const far = await createCentre(prisma, organisation.id, { name: "Landstedet", latitude: 55.7, longitude: 9.6, targetGroups: ["ADULTS"] });
  ids.near = near.centre.id;
  ids.far = far.centre.id;
  ids.area = (await prisma.area.create({ data: { name: "Kalenderby Centrum", latitude: 55.491, longitude: 9.471 } })).id;
  // Twenty more centres far away with weekly meals: the statement count must not notice them.
  for (let index = 0; index < 20; index++) {
    const { centre } = await createCentre(prisma, organisation.id, { name: `Fjernt sted ${index}`, latitude: 56 + index * 0.01, longitude: 10, targetGroups: ["LONELINESS"] });
    await prisma.activity.create({ data: { centreId: centre.id, title: "Suppe", weekday: 3, startMinute: 12 * 60, endMinute: 13 * 60, offers: ["MEAL"] } });
  }
  await prisma.activity.createMany({
    data: [
      { id: "act-meal", centreId: ids.near, title: "Fællesspisning", weekday: 4, startMinute: 17 * 60 + 30, endMinute: 19 * 60, offers: ["MEAL", "COMMUNITY"] },
      { id: "act-ceramics", centreId: ids.near, title: "Keramik", weekday: 2, startMinute: 10 * 60, endMinute: 12 * 60, offers: ["CREATIVE_WORKSHOP"] },
      { id: "act-walk", centreId: ids.near, title: "Gåtur", location: "OFF_SITE", place: "Stranden", weekday: 3, startMinute: 17 * 60 + 30, endMinute: 18 * 60 + 30, offers: ["ACTIVITIES"] },
      { id: "act-trip", centreId: ids.near, title: "Tur til skoven", recurrence: "ONE_OFF", weekday: null, startsAt: new Date("2026-12-05T09:00:00.000Z"), endsAt: new Date("2026-12-05T14:00:00.000Z"), offers: ["ACTIVITIES"] },
      { id: "act-breakfast", centreId: ids.far, title: "Morgenmad", weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60, offers: ["MEAL"] },
    ],
  });
  // The near centre is closed on Thursday 10 December: no meal that day.
  await prisma.openingException.create({ data: { centreId: ids.near, date: new Date("2026-12-10T00:00:00Z"), kind: "CLOSED", reason: "Personaledag" } });

  const job = await createService(prisma, organisation.id, { name: "Jobkonsulenterne" });
  const housing = await createService(prisma, organisation.id, { name: "Bostøtten" });
  ids.job = job.unit.id;
  ids.housing = housing.unit.id;
  await prisma.service.update({ where: { id: job.service.id }, data: { kind: "JOB_CLARIFICATION" } });
  await prisma.serviceOpeningPeriod.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ serviceId: job.service.id, weekday, startMinute: 9 * 60, endMinute: 15 * 60 })),
  });
  const booker = await createUser(prisma, { memberships: [{ unitId: job.unit.id }] });
  const space = await prisma.space.create({ data: { centreId: ids.near, name: "Rummet" } });
  const visit = (title: string, startsAt: string, endsAt: string, status: "CONFIRMED" | "REQUESTED" | "CANCELLED", serviceUnitId = ids.job) =>
    prisma.visit.create({ data: { centreId: ids.near, spaceId: space.id, serviceUnitId, bookedById: booker.id, title, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status, sequence: 2 } });
  ids.confirmed = (await visit("Spørg jobkonsulenten", "2026-12-01T09:00:00.000Z", "2026-12-01T11:00:00.000Z", "CONFIRMED")).id;
  ids.requested = (await visit("Kun anmodet", "2026-12-02T09:00:00.000Z", "2026-12-02T10:00:00.000Z", "REQUESTED")).id;
  ids.cancelled = (await visit("Aflyst", "2026-12-03T09:00:00.000Z", "2026-12-03T10:00:00.000Z", "CANCELLED")).id;
  await visit("Bostøtten er her", "2026-12-03T12:00:00.000Z", "2026-12-03T13:00:00.000Z", "CONFIRMED", ids.housing);
}, 300_000);

afterAll(async () => {
  await app?.close();
  await app?.database.close();
});

const CALENDAR = graphql(`query AreaCalendar($filter: AreaCalendarFilter, $from: Date, $days: Int, $first: Int, $after: String) {
  areaCalendar(filter: $filter, from: $from, days: $days, first: $first, after: $after) {
    from days hasNextPage endCursor feedUrl
    entries { key kind title startsAt endsAt centreName centreAddress location place offers serviceName serviceKind serviceHoursDa serviceHoursEn }
  }
}`);
type CalendarVariables = VariablesOf<typeof CALENDAR>;
type CalendarFilter = NonNullable<CalendarVariables["filter"]>;

async function calendar(variables: CalendarVariables) {
  return (await runOk(app.anonymous, CALENDAR, variables)).areaCalendar;
}

const titles = (page: ResultOf<typeof CALENDAR>["areaCalendar"]) => page.entries.map((entry) => entry.title);

describe("the area calendar", () => {
  it("shows a week of meals, activities and confirmed visits across centres, soonest first", async () => {
    const week = await calendar({ from: WEEK, days: 7, filter: { targetGroups: ["YOUNG_ADULTS", "ADULTS"] } });
    expect(week.from).toBe(WEEK);
    expect(week.entries.map((entry) => [entry.startsAt, entry.kind, entry.title])).toEqual([
      ["2026-11-30T08:00:00.000Z", "MEAL", "Morgenmad"],
      ["2026-12-01T09:00:00.000Z", "ACTIVITY", "Keramik"],
      ["2026-12-01T09:00:00.000Z", "VISIT", "Spørg jobkonsulenten"],
      ["2026-12-02T16:30:00.000Z", "ACTIVITY", "Gåtur"],
      ["2026-12-03T12:00:00.000Z", "VISIT", "Bostøtten er her"],
      ["2026-12-03T16:30:00.000Z", "MEAL", "Fællesspisning"],
      ["2026-12-05T09:00:00.000Z", "ACTIVITY", "Tur til skoven"],
    ]);
    const job = week.entries.find((entry) => entry.title === "Spørg jobkonsulenten");
    expect(job).toMatchObject({ key: ids.confirmed, serviceName: "Jobkonsulenterne", serviceKind: "JOB_CLARIFICATION", serviceHoursDa: "man–fre 09:00–15:00", serviceHoursEn: "Mon–Fri 09:00–15:00", centreName: "Ungehuset", centreAddress: "Testvej 1, 6999 Fjordby" });
    expect(week.entries.find((entry) => entry.title === "Bostøtten er her")!.serviceHoursDa).toBeNull();
    expect(week.entries.find((entry) => entry.title === "Fællesspisning")).toMatchObject({ key: "act-meal:2026-12-03", offers: ["MEAL", "COMMUNITY"], location: "ON_SITE" });
    expect(week.entries.find((entry) => entry.title === "Gåtur")).toMatchObject({ location: "OFF_SITE", place: "Stranden" });
  });

  it("shows one day", async () => {
    const day = await calendar({ from: "2026-12-03", days: 1, filter: { targetGroups: ["YOUNG_ADULTS"] } });
    expect(titles(day)).toEqual(["Bostøtten er her", "Fællesspisning"]);
  });

  it("filters by kind, offer, target group, service kind and area", async () => {
    const filter = (value: CalendarFilter) => calendar({ from: WEEK, days: 7, filter: { targetGroups: ["YOUNG_ADULTS", "ADULTS"], ...value } });
    expect(titles(await filter({ kinds: ["MEAL"] }))).toEqual(["Morgenmad", "Fællesspisning"]);
    expect(titles(await filter({ kinds: ["VISIT"] }))).toEqual(["Spørg jobkonsulenten", "Bostøtten er her"]);
    expect(titles(await filter({ kinds: ["MEAL", "ACTIVITY"], offers: ["CREATIVE_WORKSHOP"] }))).toEqual(["Keramik"]);
    expect(titles(await filter({ kinds: ["VISIT"], serviceKinds: ["JOB_CLARIFICATION"] }))).toEqual(["Spørg jobkonsulenten"]);
    expect(titles(await calendar({ from: WEEK, days: 7, filter: { targetGroups: ["ADULTS"] } }))).toEqual(["Morgenmad"]);
    const nearArea = await filter({ areaId: ids.area, radiusKm: 3, kinds: ["MEAL"] });
    expect(titles(nearArea)).toEqual(["Fællesspisning"]);
    await runError(app.anonymous, CALENDAR, { from: WEEK, filter: { areaId: ids.area, radiusKm: 500 } }, "VALIDATION_FAILED");
  });

  it("leaves out on-site activities on a day the centre is closed, but not off-site ones", async () => {
    const week = await calendar({ from: "2026-12-07", days: 7, filter: { centreId: ids.near, kinds: ["MEAL", "ACTIVITY"] } });
    expect(titles(week)).toEqual(["Keramik", "Gåtur"]);
  });

  it("keeps weekly times on Copenhagen clocks across daylight saving and closes on-site activities on a public holiday", async () => {
    // Week of Monday 22 March 2027: summer time starts on Sunday 28 March; Thursday 25 March is Maundy Thursday.
    const spring = await calendar({ from: "2027-03-22", days: 14, filter: { centreId: ids.near, kinds: ["MEAL", "ACTIVITY"] } });
    const walks = spring.entries.filter((entry) => entry.title === "Gåtur").map((entry) => entry.startsAt);
    expect(walks).toEqual(["2027-03-24T16:30:00.000Z", "2027-03-31T15:30:00.000Z"]);
    const meals = spring.entries.filter((entry) => entry.title === "Fællesspisning").map((entry) => entry.startsAt);
    expect(meals).toEqual(["2027-04-01T15:30:00.000Z"]);
  });

  it("pages by cursor without repeating or losing an entry", async () => {
    const all = await calendar({ from: WEEK, days: 7, filter: { targetGroups: ["YOUNG_ADULTS", "ADULTS"] } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ResultOf<typeof CALENDAR>["areaCalendar"] = await calendar({ from: WEEK, days: 7, first: 2, after, filter: { targetGroups: ["YOUNG_ADULTS", "ADULTS"] } });
      seen.push(...page.entries.map((entry) => entry.key));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.entries.map((entry) => entry.key));
  });

  it("costs the same number of statements for one centre's week as for the whole area's", async () => {
    const count = async (variables: CalendarVariables) => {
      const before = statements();
      await calendar(variables);
      return statements() - before;
    };
    const one = await count({ from: WEEK, days: 7, filter: { centreId: ids.near } });
    const all = await count({ from: WEEK, days: 7 });
    expect(all).toBe(one);
    // The session look-up, the page, and the services' hours for the page.
    expect(all).toBeLessThanOrEqual(4);
  });
});

describe("the area calendar as an iCalendar feed", () => {
  it("gives the feed URL of the same filter, which ical.js reads with the visits' UID and SEQUENCE", async () => {
    const page = await calendar({ from: WEEK, days: 7, filter: { targetGroups: ["YOUNG_ADULTS"], kinds: ["MEAL", "VISIT"] } });
    const url = new URL(page.feedUrl);
    expect(url.pathname).toBe("/calendar/area.ics");
    expect(url.searchParams.getAll("kind")).toEqual(["MEAL", "VISIT"]);
    const response = await app.anonymous.fetch(`${url.pathname}${url.search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const calendarComponent = new ICAL.Component(ICAL.parse(await response.text()));
    for (const zone of calendarComponent.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const events = calendarComponent.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const visit = events.find((event) => event.uid === `${ids.confirmed}@traedesten`);
    expect(visit?.sequence).toBe(2);
    expect(visit?.summary).toBe("Spørg jobkonsulenten");
    expect(visit?.startDate.toJSDate().toISOString()).toBe("2026-12-01T09:00:00.000Z");
    const meal = events.find((event) => event.uid === "act-meal:2026-12-03@traedesten");
    expect(meal?.startDate.toString()).toBe("2026-12-03T17:30:00");
    expect(meal?.startDate.zone?.tzid).toBe("Europe/Copenhagen");
    expect(meal?.location).toBe("Ungehuset, Testvej 1, 6999 Fjordby");
    // Neither requested nor cancelled visits, nor activities of other kinds or centres.
    const uids = events.map((event) => event.uid);
    expect(uids).not.toContain(`${ids.requested}@traedesten`);
    expect(uids).not.toContain(`${ids.cancelled}@traedesten`);
    expect(uids.some((uid) => uid.startsWith("act-ceramics"))).toBe(false);
    expect(uids.some((uid) => uid.startsWith("act-breakfast"))).toBe(false);
  });

  it("answers 400 for an unknown filter value", async () => {
    const response = await app.anonymous.fetch("/calendar/area.ics?targetGroup=NOBODY");
    expect(response.status).toBe(400);
  });
});

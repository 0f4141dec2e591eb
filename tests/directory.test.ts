// The public directory through GraphQL over HTTP: search filters, reasons, time rules across
// midnight, daylight-saving changes and holidays, open-elsewhere, coverage and pagination.
// Calendar used (2026): Nov 25 is a Wednesday; summer time runs from Sunday Mar 29 to Sunday
// Oct 25; Jun 5 (Grundlovsdag) and Dec 25 (juledag) are Fridays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../server/db/database.ts";
import type { Staffing } from "../server/generated/prisma/enums.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createService } from "./support/world.ts";

const ORIGIN = { latitude: 55.4904, longitude: 9.4722 };
// Degrees of latitude for a distance along a meridian (haversine radius 6371.0088 km).
const degreesNorth = (km: number) => km / ((6371.0088 * Math.PI) / 180);

let app: TestApp;
let ids: Record<"day" | "night" | "weekend" | "young" | "evening", string>;

interface CentreSetup {
  name: string;
  description: string;
  latitude: number;
  longitude: number;
  /** Taxonomy codes. */
  targetGroups: string[];
  offers: string[];
  accessibility?: ("STEP_FREE_ACCESS" | "QUIET_ROOM" | "GUIDE_DOG_WELCOME")[];
  languages: string[];
  isAnonymousWelcome?: boolean;
  publicHolidayPolicy?: "CLOSED" | "NORMAL_HOURS";
  commonClosedDaysPolicy?: "CLOSED" | "NORMAL_HOURS";
  periods: { days: number[]; from: string; to: string; staffing?: Staffing }[];
}

const minutes = (clock: string) => {
  const [hours, minutesPart] = clock.split(":").map(Number);
  return hours! * 60 + minutesPart!;
};

async function addCentre(prisma: Prisma, organisationId: string, setup: CentreSetup): Promise<string> {
  const { centre } = await createCentre(prisma, organisationId, { name: setup.name });
  await prisma.centre.update({
    where: { id: centre.id },
    data: {
      description: setup.description,
      latitude: setup.latitude,
      longitude: setup.longitude,
      targetGroups: setup.targetGroups,
      offers: setup.offers,
      accessibility: setup.accessibility ?? [],
      languages: setup.languages,
      isAnonymousWelcome: setup.isAnonymousWelcome ?? true,
      publicHolidayPolicy: setup.publicHolidayPolicy ?? "CLOSED",
      commonClosedDaysPolicy: setup.commonClosedDaysPolicy ?? "CLOSED",
    },
  });
  await prisma.openingPeriod.createMany({
    data: setup.periods.flatMap((period) =>
      period.days.map((weekday) => ({
        centreId: centre.id,
        weekday,
        startMinute: minutes(period.from),
        endMinute: minutes(period.to),
        isOvernight: minutes(period.to) <= minutes(period.from),
        staffing: period.staffing ?? "STAFFED",
      })),
    ),
  });
  return centre.id;
}

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Søgeby Kommune" });
  ids = {
    day: await addCentre(prisma, organisation.id, {
      name: "Dagstedet",
      description: "Morgenmad, frokost og samtaler.",
      ...ORIGIN,
      targetGroups: ["MENTAL_VULNERABILITY", "LONELINESS"],
      offers: ["MEAL", "COMMUNITY"],
      accessibility: ["STEP_FREE_ACCESS", "QUIET_ROOM"],
      languages: ["da", "en"],
      periods: [
        { days: [1, 2, 3, 4, 5], from: "09:00", to: "15:00" },
        { days: [4], from: "17:00", to: "21:00", staffing: "VOLUNTEERS" },
      ],
    }),
    night: await addCentre(prisma, organisation.id, {
      name: "Nattecaféen",
      description: "Varm mad og et sted at sidde om natten.",
      latitude: ORIGIN.latitude + degreesNorth(1.2),
      longitude: ORIGIN.longitude,
      targetGroups: ["HOMELESSNESS", "ADDICTION", "MENTAL_VULNERABILITY"],
      offers: ["MEAL", "SHOWER_LAUNDRY"],
      languages: ["da", "pl"],
      publicHolidayPolicy: "NORMAL_HOURS",
      periods: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "20:00", to: "02:00", staffing: "VOLUNTEERS" }],
    }),
    weekend: await addCentre(prisma, organisation.id, {
      name: "Weekendhuset",
      description: "Brunch og gåture.",
      latitude: ORIGIN.latitude + degreesNorth(8),
      longitude: ORIGIN.longitude,
      targetGroups: ["LONELINESS", "ADULTS"],
      offers: ["COMMUNITY", "ACTIVITIES"],
      accessibility: ["GUIDE_DOG_WELCOME"],
      languages: ["da", "uk"],
      isAnonymousWelcome: false,
      publicHolidayPolicy: "NORMAL_HOURS",
      commonClosedDaysPolicy: "NORMAL_HOURS",
      periods: [
        { days: [5], from: "10:00", to: "14:00" },
        { days: [6, 7], from: "10:00", to: "16:00", staffing: "VOLUNTEERS" },
      ],
    }),
    young: await addCentre(prisma, organisation.id, {
      name: "Ungestedet",
      description: "Lektiecafé og gaming for unge.",
      latitude: ORIGIN.latitude,
      longitude: ORIGIN.longitude + 0.0476,
      targetGroups: ["YOUNG_ADULTS"],
      offers: ["MEAL", "ACTIVITIES", "COMPUTER_ACCESS"],
      languages: ["da", "ar"],
      periods: [{ days: [1, 2, 3, 4], from: "12:00", to: "20:00" }],
    }),
    evening: await addCentre(prisma, organisation.id, {
      name: "Aftenstedet",
      description: "Aftensmad og brætspil.",
      latitude: ORIGIN.latitude - degreesNorth(2.5),
      longitude: ORIGIN.longitude,
      targetGroups: ["MENTAL_VULNERABILITY"],
      offers: ["MEAL", "REST"],
      languages: ["da"],
      periods: [{ days: [1, 2, 3, 4, 5], from: "16:00", to: "22:00" }],
    }),
  };
  await prisma.activity.create({
    data: {
      centreId: ids.day,
      title: "Fællesspisning",
      recurrence: "WEEKLY",
      weekday: 4,
      startMinute: minutes("17:30"),
      endMinute: minutes("19:00"),
      offers: ["MEAL", "COMMUNITY"],
    },
  });
  const services = [
    { name: "Bostøtten", kind: "HOUSING_SUPPORT", targetGroups: ["MENTAL_VULNERABILITY"], languages: ["da", "en"], intakeStatus: "OPEN", typicalWaitDays: 14, isAnonymousWelcome: false },
    { name: "Rusmiddelcentret", kind: "ADDICTION_TREATMENT", targetGroups: ["ADDICTION"], languages: ["da", "pl"], intakeStatus: "OPEN", typicalWaitDays: 3, isAnonymousWelcome: true },
    { name: "Praktisk hjælp", kind: "PRACTICAL_HELP", targetGroups: ["ADULTS"], languages: ["da"], intakeStatus: "WAITING_LIST", typicalWaitDays: 30, isAnonymousWelcome: false },
  ] as const;
  for (const { name, ...profile } of services) {
    const { service } = await createService(prisma, organisation.id, { name });
    await prisma.service.update({
      where: { id: service.id },
      data: { ...profile, targetGroups: [...profile.targetGroups], languages: [...profile.languages] },
    });
  }
});

afterAll(async () => {
  await app.close();
});

const SEARCH = graphql(`
  query Search($filter: CentreFilter, $first: Int, $after: String) {
    centres(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor distanceKm reasons { kind da en } node { id name } }
    }
  }
`);
type CentreFilter = NonNullable<VariablesOf<typeof SEARCH>["filter"]>;

async function search(filter: CentreFilter, page: { first?: number; after?: string } = {}) {
  return (await runOk(app.anonymous, SEARCH, { filter, ...page })).centres;
}

type Edge = { node: { name: string }; reasons: { da: string }[] };
const namesOf = (edges: Edge[]) => edges.map((edge) => edge.node.name);
const reasonsOf = (edges: Edge[], name: string) =>
  edges.find((edge) => edge.node.name === name)?.reasons.map((reason) => reason.da) ?? [];

const STATUS = graphql(`
  query Status($id: ID!) {
    centre(id: $id) { name openingStatus { isOpen closesAt opensNextAt staffing textDa } }
  }
`);

async function statusOf(centreId: string) {
  const { centre } = await runOk(app.anonymous, STATUS, { id: centreId });
  if (!centre) return expect.fail(`no centre ${centreId}`);
  return centre.openingStatus;
}

describe("centre search filters", () => {
  it("finds every centre without a filter, and without signing in", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const result = await search({});
    expect(result.totalCount).toBe(5);
  });

  it("narrows by target group and says which group matched", async () => {
    const result = await search({ targetGroups: ["HOMELESSNESS"] });
    expect(namesOf(result.edges)).toEqual(["Nattecaféen"]);
    expect(reasonsOf(result.edges, "Nattecaféen")).toContain("for hjemløshed");
  });

  it("narrows by offers and ranks the centre matching more of them first", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const result = await search({ offers: ["MEAL", "COMMUNITY"] });
    expect(namesOf(result.edges).sort()).toEqual(["Aftenstedet", "Dagstedet", "Nattecaféen", "Ungestedet", "Weekendhuset"]);
    expect(result.edges[0]?.node.name).toBe("Dagstedet");
    expect(reasonsOf(result.edges, "Dagstedet")).toContain("tilbyder et måltid og fællesskab");
  });

  it("needs every accessibility feature asked for", async () => {
    expect(namesOf((await search({ accessibility: ["STEP_FREE_ACCESS", "QUIET_ROOM"] })).edges)).toEqual(["Dagstedet"]);
    expect(namesOf((await search({ accessibility: ["STEP_FREE_ACCESS", "GUIDE_DOG_WELCOME"] })).edges)).toEqual([]);
  });

  it("narrows by language spoken", async () => {
    const result = await search({ languages: ["pl"] });
    expect(namesOf(result.edges)).toEqual(["Nattecaféen"]);
    expect(reasonsOf(result.edges, "Nattecaféen")).toContain("taler polsk");
  });

  it("leaves out centres where citizens cannot come anonymously when asked", async () => {
    const result = await search({ isAnonymousWelcome: true });
    expect(namesOf(result.edges)).not.toContain("Weekendhuset");
    expect(result.totalCount).toBe(4);
    expect(reasonsOf(result.edges, "Dagstedet")).toContain("du kan komme anonymt");
  });

  it("searches words in the name or description, ignoring case", async () => {
    expect(namesOf((await search({ text: "NATTE" })).edges)).toEqual(["Nattecaféen"]);
    expect(namesOf((await search({ text: "brætspil" })).edges)).toEqual(["Aftenstedet"]);
  });

  it("finds centres within a radius, nearest first, with the distance in Danish", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const result = await search({ near: { ...ORIGIN, radiusKm: 2 } });
    expect(namesOf(result.edges)).toEqual(["Dagstedet", "Nattecaféen"]);
    const night = result.edges[1]!;
    expect(night.distanceKm).toBeCloseTo(1.2, 2);
    expect(night.reasons.map((reason) => reason.da)).toContain("1,2 km");
    expect(night.reasons.map((reason) => reason.en)).toContain("1.2 km");
  });

  it("finds centres near a known centre, leaving that centre out", async () => {
    const result = await search({ near: { centreId: ids.day, radiusKm: 3 } });
    expect(namesOf(result.edges)).toEqual(["Nattecaféen", "Aftenstedet"]);
  });

  it("refuses two time criteria at once with a validation error", async () => {
    await runError(app.anonymous, SEARCH, { filter: { openPreset: "NOW", openAt: "2026-11-25T09:00:00Z" } }, "VALIDATION_FAILED");
  });
});

describe("searching by time", () => {
  it("open now: Thursday 18:00 finds the volunteer evening and says until when", async () => {
    app.clock.set("2026-11-26T17:00:00Z"); // Thursday 18:00 local
    const result = await search({ openPreset: "NOW" });
    expect(namesOf(result.edges).sort()).toEqual(["Aftenstedet", "Dagstedet", "Ungestedet"]);
    const day = reasonsOf(result.edges, "Dagstedet");
    expect(day).toContain("åben nu til 21:00");
    expect(day).toContain("drevet af frivillige i dette tidsrum");
    expect(reasonsOf(result.edges, "Ungestedet")).toContain("åben nu til 20:00");
  });

  it("names a matching activity as a reason", async () => {
    app.clock.set("2026-11-26T17:00:00Z");
    const result = await search({ offers: ["MEAL"], openPreset: "NOW" });
    expect(reasonsOf(result.edges, "Dagstedet")).toContain("fællesspisning torsdag kl. 17:30–19:00");
  });

  it("this evening means 17–23 local time today", async () => {
    app.clock.set("2026-11-25T09:00:00Z"); // Wednesday morning
    const result = await search({ openPreset: "THIS_EVENING" });
    expect(namesOf(result.edges).sort()).toEqual(["Aftenstedet", "Nattecaféen", "Ungestedet"]);
    expect(reasonsOf(result.edges, "Nattecaféen")).toContain("åben onsdag 20:00–02:00");
  });

  it("a weekday preset and the weekend preset find what is open that day", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    expect(namesOf((await search({ openPreset: "SUNDAY" })).edges).sort()).toEqual(["Nattecaféen", "Weekendhuset"]);
    expect(namesOf((await search({ openPreset: "WEEKEND" })).edges).sort()).toEqual(["Nattecaféen", "Weekendhuset"]);
  });

  it("open at a given moment and open during a window", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const at = await search({ openAt: "2026-11-28T10:00:00Z" }); // Saturday 11:00 local
    expect(namesOf(at.edges)).toEqual(["Weekendhuset"]);
    expect(reasonsOf(at.edges, "Weekendhuset")).toContain("åben lørdag kl. 11:00 til 16:00");
    const during = await search({ openDuring: { from: "2026-11-27T12:30:00Z", to: "2026-11-27T13:30:00Z" } }); // Fri 13:30–14:30
    expect(namesOf(during.edges).sort()).toEqual(["Dagstedet", "Weekendhuset"]);
  });
});

describe("opening status across midnight, daylight saving and holidays", () => {
  it("the night café is open at 01:00 on Saturday and closes at 02:00", async () => {
    app.clock.set("2026-11-28T00:00:00Z"); // Saturday 01:00 local
    const status = await statusOf(ids.night);
    expect(status).toMatchObject({ isOpen: true, closesAt: "2026-11-28T01:00:00.000Z", staffing: "VOLUNTEERS", textDa: "Åben nu til 02:00" });
    const result = await search({ openPreset: "NOW" });
    expect(namesOf(result.edges)).toEqual(["Nattecaféen"]);
    expect(reasonsOf(result.edges, "Nattecaféen")).toContain("åben nu til 02:00");
  });

  it("spring forward (2026-03-29): the night closes at 02:00 winter time and Sunday opens at 10:00 summer time", async () => {
    app.clock.set("2026-03-29T00:30:00Z"); // 01:30 CET
    expect(await statusOf(ids.night)).toMatchObject({ isOpen: true, closesAt: "2026-03-29T01:00:00.000Z" });
    app.clock.set("2026-03-29T07:30:00Z"); // 09:30 CEST
    expect(await statusOf(ids.weekend)).toMatchObject({ isOpen: false, opensNextAt: "2026-03-29T08:00:00.000Z" });
    app.clock.set("2026-03-29T09:00:00Z"); // 11:00 CEST
    expect(await statusOf(ids.weekend)).toMatchObject({ isOpen: true, closesAt: "2026-03-29T14:00:00.000Z" });
  });

  it("fall back (2026-10-25): the night closes at the first 02:00 and Sunday hours follow winter time", async () => {
    app.clock.set("2026-10-24T23:30:00Z"); // 01:30 CEST
    expect(await statusOf(ids.night)).toMatchObject({ isOpen: true, closesAt: "2026-10-25T00:00:00.000Z" });
    app.clock.set("2026-10-25T08:30:00Z"); // 09:30 CET
    expect(await statusOf(ids.weekend)).toMatchObject({ isOpen: false, opensNextAt: "2026-10-25T09:00:00.000Z" });
    app.clock.set("2026-10-25T14:30:00Z"); // 15:30 CET
    expect(await statusOf(ids.weekend)).toMatchObject({ isOpen: true, closesAt: "2026-10-25T15:00:00.000Z" });
  });

  it("on juledag a centre that closes on holidays is closed and one with normal hours is open", async () => {
    app.clock.set("2026-12-25T10:00:00Z"); // Friday 11:00 local
    expect(await statusOf(ids.day)).toMatchObject({ isOpen: false, opensNextAt: "2026-12-28T08:00:00.000Z" });
    expect(await statusOf(ids.weekend)).toMatchObject({ isOpen: true, closesAt: "2026-12-25T13:00:00.000Z" });
    app.clock.set("2026-12-25T20:00:00Z"); // 21:00 local
    expect(await statusOf(ids.night)).toMatchObject({ isOpen: true, closesAt: "2026-12-26T01:00:00.000Z" });
  });

  it("on Grundlovsdag a centre that closes on the commonly closed days is closed", async () => {
    app.clock.set("2026-06-05T09:00:00Z"); // Friday 11:00 CEST
    expect((await statusOf(ids.day)).isOpen).toBe(false);
    expect((await statusOf(ids.weekend)).isOpen).toBe(true);
    const result = await search({ openPreset: "NOW", targetGroups: ["LONELINESS"] });
    expect(namesOf(result.edges)).toEqual(["Weekendhuset"]);
  });

  it("lists the coming holidays and commonly closed days with what the centre does", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const UPCOMING = graphql(`
      query Upcoming($id: ID!) {
        centre(id: $id) { upcomingExceptions { date kind nameDa policy isClosed hoursDa } }
      }
    `);
    const upcoming = async (id: string) => (await runOk(app.anonymous, UPCOMING, { id })).centre?.upcomingExceptions ?? [];
    const day = await upcoming(ids.day);
    expect(day.map((entry) => entry.date)).toEqual(["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"]);
    expect(day[1]).toMatchObject({ kind: "PUBLIC_HOLIDAY", nameDa: "Juledag", policy: "CLOSED", isClosed: true, hoursDa: "lukket" });
    expect(day[0]).toMatchObject({ kind: "COMMONLY_CLOSED_DAY", nameDa: "Juleaftensdag", isClosed: true });
    const weekend = await upcoming(ids.weekend);
    expect(weekend[1]).toMatchObject({ date: "2026-12-25", policy: "NORMAL_HOURS", isClosed: false, hoursDa: "10:00–14:00" });
  });

  it("shows the weekly hours per weekday in Danish and English", async () => {
    const HOURS = graphql(`query Hours($id: ID!) { centre(id: $id) { openingHours { weekday labelDa labelEn textDa textEn } } }`);
    const hours = (await runOk(app.anonymous, HOURS, { id: ids.day })).centre?.openingHours;
    expect(hours).toHaveLength(7);
    expect(hours?.[3]).toEqual({ weekday: 4, labelDa: "torsdag", labelEn: "Thursday", textDa: "09:00–15:00, 17:00–21:00 (frivillige)", textEn: "09:00–15:00, 17:00–21:00 (volunteers)" });
    expect(hours?.[6]).toMatchObject({ textDa: "lukket", textEn: "closed" });
  });
});

describe("open elsewhere", () => {
  it("offers open centres for the same target groups, nearest first, with when each closes", async () => {
    app.clock.set("2026-11-26T20:30:00Z"); // Thursday 21:30 local: Dagstedet has closed
    const ELSEWHERE = graphql(`
      query Elsewhere($id: ID!) {
        openElsewhere(centreId: $id) { distanceKm closesAt reasons { kind da } centre { name } }
      }
    `);
    const data = await runOk(app.anonymous, ELSEWHERE, { id: ids.day });
    expect(data.openElsewhere.map((alternative) => alternative.centre.name)).toEqual(["Nattecaféen", "Aftenstedet"]);
    expect(data.openElsewhere[0]).toMatchObject({ closesAt: "2026-11-27T01:00:00.000Z" });
    expect(data.openElsewhere[1]).toMatchObject({ closesAt: "2026-11-26T21:00:00.000Z" });
    expect(data.openElsewhere[0]!.reasons.map((reason) => reason.da)).toContain("1,2 km");
    expect(data.openElsewhere[1]!.reasons.map((reason) => reason.da)).toContain("åben torsdag kl. 21:30 til 22:00");
  });

  it("takes an explicit moment instead of now", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const ELSEWHERE_AT = graphql(`query ElsewhereAt($id: ID!, $at: DateTime) { openElsewhere(centreId: $id, at: $at) { centre { name } } }`);
    const data = await runOk(app.anonymous, ELSEWHERE_AT, { id: ids.young, at: "2026-11-25T09:00:00Z" });
    expect(data.openElsewhere).toEqual([]);
  });
});

describe("coverage", () => {
  it("counts open centres per weekday and hour and lists the gaps", async () => {
    const COVERAGE = graphql(`
      query Coverage($weekOf: Date) {
        coverage(targetGroup: MENTAL_VULNERABILITY, weekOf: $weekOf) {
          weekStart
          days { weekday date hours { hour openCount centreIds } }
          gaps { weekday startHour endHour da }
        }
      }
    `);
    const coverage = (await runOk(app.anonymous, COVERAGE, { weekOf: "2026-11-26" })).coverage;
    expect(coverage.weekStart).toBe("2026-11-23");
    const thursday = coverage.days[3]!;
    expect(thursday.date).toBe("2026-11-26");
    expect(thursday.hours[10]).toMatchObject({ openCount: 1, centreIds: [ids.day] });
    expect(thursday.hours[20]!.openCount).toBe(3);
    expect(thursday.hours[20]!.centreIds.sort()).toEqual([ids.day, ids.night, ids.evening].sort());
    expect(coverage.days[0]!.hours[1]).toMatchObject({ openCount: 1, centreIds: [ids.night] });
    expect(coverage.gaps).toContainEqual({ weekday: 1, startHour: 2, endHour: 9, da: "mandag 02–09: intet åbent" });
    expect(coverage.gaps).toContainEqual(expect.objectContaining({ weekday: 6, startHour: 2, endHour: 20 }));
  });
});

describe("pagination", () => {
  it("pages through the ranking with first/after without gaps or repeats", async () => {
    app.clock.set("2026-11-25T09:00:00Z");
    const all = namesOf((await search({})).edges);
    const first = await search({}, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({}, { first: 2, after: first.pageInfo.endCursor! });
    const third = await search({}, { first: 2, after: second.pageInfo.endCursor! });
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect([...namesOf(first.edges), ...namesOf(second.edges), ...namesOf(third.edges)]).toEqual(all);
    const again = await search({}, { first: 2, after: first.pageInfo.endCursor! });
    expect(namesOf(again.edges)).toEqual(namesOf(second.edges));
  });

  it("orders open centres before closed ones when the fit is equal", async () => {
    app.clock.set("2026-11-25T09:00:00Z"); // Wednesday 10:00: Dagstedet is open
    const names = namesOf((await search({ targetGroups: ["MENTAL_VULNERABILITY"] })).edges);
    expect(names[0]).toBe("Dagstedet");
  });
});

describe("service search", () => {
  const SERVICES = graphql(`
    query Services($filter: ServiceFilter) {
      services(filter: $filter) { totalCount edges { reasons { kind da } node { name intakeStatus typicalWaitDays } } }
    }
  `);
  const services = async (filter: NonNullable<VariablesOf<typeof SERVICES>["filter"]>) => (await runOk(app.anonymous, SERVICES, { filter })).services.edges;

  it("filters by kind, target group, language, intake status and anonymity", async () => {
    expect((await services({ kinds: ["HOUSING_SUPPORT"] })).map((edge) => edge.node.name)).toEqual(["Bostøtten"]);
    expect((await services({ targetGroups: ["ADDICTION"] })).map((edge) => edge.node.name)).toEqual(["Rusmiddelcentret"]);
    expect((await services({ languages: ["pl"] })).map((edge) => edge.node.name)).toEqual(["Rusmiddelcentret"]);
    expect((await services({ intakeStatuses: ["WAITING_LIST"] })).map((edge) => edge.node.name)).toEqual(["Praktisk hjælp"]);
    expect((await services({ isAnonymousWelcome: true })).map((edge) => edge.node.name)).toEqual(["Rusmiddelcentret"]);
  });

  it("puts services taking new handovers first and says how long the wait is", async () => {
    const edges = await services({});
    expect(edges.map((edge) => edge.node.name)).toEqual(["Rusmiddelcentret", "Bostøtten", "Praktisk hjælp"]);
    expect(edges[2]!.reasons.map((reason) => reason.da)).toContain("venteliste, typisk ventetid 30 dage");
    expect(edges[0]!.reasons.map((reason) => reason.da)).toContain("tager imod nye nu, typisk ventetid 3 dage");
  });
});

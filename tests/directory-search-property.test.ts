// The database search gives exactly the answers of the reference ranking (directory-search.ts,
// plain TypeScript over every row): random directories (overnight periods, exceptions,
// holiday policies, daylight-saving weeks, shared coordinates, services without an address,
// age limits, signposting-only services, a target group added to the taxonomy) and random
// filters, searched over GraphQL page by page; same centres, same order, same reasons, same
// distances, and no centre repeated or skipped across pages.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessibilityFeature, IntakeStatus, ServiceKind } from "../server/generated/prisma/enums.ts";
import { coverageForReference } from "../server/modules/directory/centre-hours.ts";
import {
  centreReasons,
  findOpenAlternatives,
  rankCentres,
  rankServices,
  serviceReasons,
  OPEN_PRESETS,
  type CentreSearchFilter,
  type ServiceSearchFilter,
} from "../server/modules/directory/directory-search.ts";
import { setTierWalkForTests } from "../server/modules/directory/directory-query.ts";
import { moveOpenIntervalCalendar } from "../server/modules/directory/open-intervals.ts";
import { loadTaxonomy } from "../server/modules/directory/taxonomy.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { addDays } from "../server/shared/copenhagen-time.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  // A target group a platform admin added: data terms search like the migrated ones.
  await app.prisma.taxonomyTerm.create({ data: { vocabulary: "TARGET_GROUP", code: "SEX_WORKERS", nameDa: "Sexarbejdere", nameEn: "Sex workers", position: 110 } });
  await moveOpenIntervalCalendar(app.prisma, new Date(), TEST_CALENDAR);
  // The materialised intervals are there to be read (the triggers fill them as directories load).
  expect(await app.prisma.directoryCalendarDay.count()).toBe(TEST_CALENDAR.length);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const TARGET_GROUPS = ["MENTAL_VULNERABILITY", "ADDICTION", "HOMELESSNESS", "YOUNG_ADULTS", "SEX_WORKERS"];
const OFFERS = ["MEAL", "COMMUNITY", "ADVICE", "REST"];
const FEATURES: AccessibilityFeature[] = ["STEP_FREE_ACCESS", "QUIET_ROOM", "GUIDE_DOG_WELCOME"];
const LANGUAGES = ["da", "en", "ar", "uk"];
const SERVICE_KINDS: ServiceKind[] = ["HOUSING_SUPPORT", "JOB_CLARIFICATION", "ADDICTION_TREATMENT"];
const INTAKE: IntakeStatus[] = ["OPEN", "WAITING_LIST", "CLOSED"];
const POLICIES = ["CLOSED", "NORMAL_HOURS", "SPECIAL_HOURS"] as const;
// Days where the rules differ: both daylight-saving changes of 2026, Easter, Grundlovsdag,
// Christmas and New Year, and an ordinary week.
const DAYS = [
  "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30",
  "2026-10-23", "2026-10-24", "2026-10-25", "2026-10-26",
  "2026-04-02", "2026-04-05", "2026-04-06", "2026-06-04", "2026-06-05",
  "2026-12-23", "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01",
  "2026-11-24", "2026-11-25", "2026-11-28",
];
// The materialised calendar: a few days before each test day (overnight, yesterday's window) to
// a week after (weekend presets, windows).
const TEST_CALENDAR = [...new Set(DAYS.flatMap((day) => Array.from({ length: 12 }, (_, index) => addDays(day, index - 3))))].sort();
// Every date of every week (and the Sunday before) that the generated days fall in.
const WIDE_CALENDAR = [...new Set(DAYS.flatMap((day) => Array.from({ length: 16 }, (_, index) => addDays(day, index - 8))))].sort();
// Four shared points make equal distances, so the name decides.
const SHARED_POINTS = [
  { latitude: 55.49, longitude: 9.47 },
  { latitude: 55.5, longitude: 9.6 },
  { latitude: 55.3, longitude: 9.2 },
  { latitude: 55.71, longitude: 9.53 },
];
// Danish letters, case and accents. A letter "a" directly before "å", "ä", "á" or "à" is left
// out: ICU reads that pair as the contraction "aa" plus an accent, which the SQL sort key does
// not model (README, "Directory search in the database").
const NAME_ALPHABET = [..."aAbBeEéÉiklmnoOrstyzæÆøØåÅäöü -1"];

// Mostly absent, so that searches find something and the ranking has rows to order.
const sometimes = <Value>(arbitrary: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const minuteOfDay = fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15);
// Mostly no limits; otherwise a lower, an upper or both (the lower never above the upper).
const ageLimitsArbitrary = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ minAge: null, maxAge: null }) },
  { weight: 1, arbitrary: fc.tuple(fc.option(fc.integer({ min: 15, max: 40 })), fc.option(fc.integer({ min: 25, max: 70 })))
      .map(([minAge, maxAge]) => ({ minAge, maxAge: minAge !== null && maxAge !== null && maxAge < minAge ? minAge : maxAge })) },
);
const ageFilter = sometimes(fc.constantFrom(16, 18, 25, 30, 45, 70));
const instantNear = (day: string) =>
  fc.integer({ min: -180, max: 1440 + 180 }).map((minutes) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000));

const nameArbitrary = fc
  .array(fc.constantFrom(...NAME_ALPHABET), { minLength: 1, maxLength: 7 })
  .map((letters) => letters.join(""))
  .filter((name) => !/[aA][åÅäÄáÁàÀ]/.test(name) && name.trim() === name && name.length > 0);

const periodArbitrary = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  startMinute: fc.oneof(minuteOfDay, fc.constantFrom(90, 120, 150, 165, 180)),
  length: fc.integer({ min: 1, max: 64 }).map((quarters) => quarters * 15),
  staffing: fc.constantFrom("STAFFED" as const, "VOLUNTEERS" as const),
});

const centreArbitrary = fc.record({
  name: nameArbitrary,
  description: fc.constantFrom("Morgenmad og samvær.", "Nattecafé med suppe.", "Værksted og ro."),
  point: fc.oneof(
    fc.constantFrom(...SHARED_POINTS),
    fc.record({ latitude: fc.double({ min: 55.0, max: 56.0, noNaN: true }), longitude: fc.double({ min: 8.8, max: 10.4, noNaN: true }) }),
  ),
  targetGroups: fc.subarray(TARGET_GROUPS, { minLength: 1 }),
  offers: fc.subarray(OFFERS),
  accessibility: fc.subarray(FEATURES),
  languages: fc.subarray(LANGUAGES),
  isAnonymousWelcome: fc.boolean(),
  ages: ageLimitsArbitrary,
  publicHolidayPolicy: fc.constantFrom(...POLICIES),
  publicHolidayHours: fc.option(fc.tuple(minuteOfDay, minuteOfDay)),
  commonClosedDaysPolicy: fc.constantFrom(...POLICIES),
  commonClosedDaysHours: fc.option(fc.tuple(minuteOfDay, minuteOfDay)),
  periods: fc.array(periodArbitrary, { maxLength: 6 }),
  exceptions: fc.array(
    fc.record({
      dayOffset: fc.integer({ min: -2, max: 3 }),
      kind: fc.constantFrom("CLOSED" as const, "SPECIAL_HOURS" as const),
      hours: fc.option(fc.tuple(minuteOfDay, minuteOfDay), { freq: 4 }),
    }),
    { maxLength: 2 },
  ),
  activities: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("WEEKLY" as const), weekday: fc.integer({ min: 1, max: 7 }), startMinute: minuteOfDay, length: fc.integer({ min: 1, max: 12 }), offers: fc.subarray(OFFERS) }),
      fc.record({ kind: fc.constant("ONE_OFF" as const), startOffsetHours: fc.integer({ min: -30, max: 60 }), length: fc.integer({ min: 1, max: 6 }), offers: fc.subarray(OFFERS) }),
    ),
    { maxLength: 2 },
  ),
});

type CentreSetup = typeof centreArbitrary extends fc.Arbitrary<infer Value> ? Value : never;

const directoryArbitrary = fc.record({
  day: fc.constantFrom(...DAYS),
  centres: fc.uniqueArray(centreArbitrary, { minLength: 1, maxLength: 14, selector: (centre) => centre.name }),
});

const timeArbitrary = (day: string): fc.Arbitrary<Partial<CentreSearchFilter>> =>
  fc.oneof(
    fc.constant({}),
    instantNear(day).map((openAt) => ({ openAt })),
    fc.constant({ openAt: "NOW" as unknown as Date }),
    fc.tuple(instantNear(day), fc.integer({ min: 15, max: 3 * 1440 })).map(([from, minutes]) => ({
      openDuring: { from, to: new Date(from.getTime() + minutes * 60_000) },
    })),
    fc.constantFrom(...OPEN_PRESETS).map((openPreset) => ({ openPreset })),
  );

const filterArbitrary = (day: string, centreCount: number): fc.Arbitrary<CentreSearchFilter> =>
  fc
    .record({
      targetGroups: sometimes(fc.subarray(TARGET_GROUPS, { maxLength: 2 })),
      offers: sometimes(fc.subarray(OFFERS, { maxLength: 2 })),
      accessibility: sometimes(fc.subarray(FEATURES, { maxLength: 1 })),
      languages: sometimes(fc.subarray(LANGUAGES, { maxLength: 2 })),
      isAnonymousWelcome: sometimes(fc.boolean()),
      age: ageFilter,
      text: sometimes(fc.constantFrom("a", "E", "suppe", "ø")),
      near: sometimes(
        fc.oneof(
          fc.record({ latitude: fc.double({ min: 55.1, max: 55.9, noNaN: true }), longitude: fc.double({ min: 9.0, max: 10.2, noNaN: true }), radiusKm: fc.double({ min: 10, max: 90, noNaN: true }) }),
          fc.record({ centreIndex: fc.integer({ min: 0, max: centreCount - 1 }), radiusKm: fc.double({ min: 10, max: 90, noNaN: true }) }),
        ),
      ),
      time: timeArbitrary(day),
    })
    .map(({ time, near, ...rest }) => ({ ...rest, ...time, near: near as CentreSearchFilter["near"] }));

async function loadDirectory(day: string, centres: readonly CentreSetup[]): Promise<string[]> {
  const prisma = app.prisma;
  await prisma.$executeRawUnsafe(`TRUNCATE "Organisation", "Unit", "Centre", "Service", "OpeningPeriod", "OpeningException", "Activity" CASCADE`);
  const organisation = await prisma.organisation.create({ data: { name: "Tilfældig Kommune", kind: "MUNICIPAL" } });
  const ids = centres.map(() => randomUUID());
  const unitIds = centres.map(() => randomUUID());
  await prisma.unit.createMany({ data: centres.map((centre, index) => ({ id: unitIds[index]!, organisationId: organisation.id, kind: "CENTRE" as const, name: centre.name })) });
  await prisma.centre.createMany({
    data: centres.map((centre, index) => ({
      id: ids[index]!,
      unitId: unitIds[index]!,
      name: centre.name,
      description: centre.description,
      street: "Testvej 1",
      postalCode: "6000",
      city: "Kolding",
      latitude: centre.point.latitude,
      longitude: centre.point.longitude,
      targetGroups: centre.targetGroups,
      offers: centre.offers,
      accessibility: centre.accessibility,
      languages: centre.languages,
      isAnonymousWelcome: centre.isAnonymousWelcome,
      ...centre.ages,
      publicHolidayPolicy: centre.publicHolidayPolicy,
      publicHolidayStartMinute: centre.publicHolidayHours?.[0] ?? null,
      publicHolidayEndMinute: centre.publicHolidayHours?.[1] ?? null,
      commonClosedDaysPolicy: centre.commonClosedDaysPolicy,
      commonClosedDaysStartMinute: centre.commonClosedDaysHours?.[0] ?? null,
      commonClosedDaysEndMinute: centre.commonClosedDaysHours?.[1] ?? null,
    })),
  });
  await prisma.openingPeriod.createMany({
    data: centres.flatMap((centre, index) =>
      centre.periods.map((period) => {
        const end = period.startMinute + period.length;
        const isOvernight = end > 1440;
        return {
          centreId: ids[index]!,
          weekday: period.weekday,
          startMinute: period.startMinute,
          endMinute: isOvernight ? end - 1440 : end,
          isOvernight,
          staffing: period.staffing,
        };
      }),
    ),
  });
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  await prisma.openingException.createMany({
    data: centres.flatMap((centre, index) => {
      const seen = new Set<number>();
      return centre.exceptions.flatMap((exception) => {
        if (seen.has(exception.dayOffset)) return [];
        seen.add(exception.dayOffset);
        return [{
          centreId: ids[index]!,
          date: new Date(dayStart + exception.dayOffset * 86_400_000),
          kind: exception.kind,
          startMinute: exception.hours?.[0] ?? null,
          endMinute: exception.hours?.[1] ?? null,
        }];
      });
    }),
  });
  await prisma.activity.createMany({
    data: centres.flatMap((centre, index) =>
      centre.activities.map((activity, activityIndex) =>
        activity.kind === "WEEKLY"
          ? {
              centreId: ids[index]!,
              title: `Aktivitet ${activityIndex}`,
              recurrence: "WEEKLY" as const,
              weekday: activity.weekday,
              startMinute: activity.startMinute,
              endMinute: Math.min(1440, activity.startMinute + activity.length * 15),
              offers: activity.offers,
            }
          : {
              centreId: ids[index]!,
              title: `Udflugt ${activityIndex}`,
              recurrence: "ONE_OFF" as const,
              startsAt: new Date(dayStart + activity.startOffsetHours * 3_600_000),
              endsAt: new Date(dayStart + (activity.startOffsetHours + activity.length) * 3_600_000),
              offers: activity.offers,
            },
      ),
    ),
  });
  return ids;
}

const CENTRES = graphql(`query SearchCentres($filter: CentreFilter, $first: Int, $after: String) {
  centres(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { distanceKm reasons { kind da en } node { id } }
  }
}`);

interface Answer {
  id: string;
  distanceKm: number | null;
  reasons: { kind: string; da: string; en: string }[];
}

/** The reference's filter as the API takes it: its instants as ISO text, nothing else changes. */
function graphqlFilter<Filter>(filter: CentreSearchFilter | ServiceSearchFilter): Filter {
  return JSON.parse(JSON.stringify(filter)) as Filter;
}

async function centresAgree(numRuns: number): Promise<void> {
  let runs = 0;
  let rankedRuns = 0;
  await fc.assert(
    fc.asyncProperty(
      directoryArbitrary.chain((directory) =>
        fc.record({
          directory: fc.constant(directory),
          now: instantNear(directory.day),
          filter: filterArbitrary(directory.day, directory.centres.length),
          pageSize: fc.integer({ min: 1, max: 6 }),
        }),
      ),
      async ({ directory, now, filter: generated, pageSize }) => {
        const ids = await loadDirectory(directory.day, directory.centres);
        app.clock.set(now);
        const filter: CentreSearchFilter = { ...generated };
        if ((filter.openAt as unknown) === "NOW") filter.openAt = now;
        const near = generated.near as unknown as { centreIndex?: number; radiusKm: number } | undefined;
        if (near?.centreIndex !== undefined) filter.near = { centreId: ids[near.centreIndex]!, radiusKm: near.radiusKm };

        const ranked = await rankCentres(app.prisma, filter, now);
        const taxonomy = await loadTaxonomy(app.prisma);
        const activities = await app.prisma.activity.findMany({ where: { centreId: { in: ranked.map((entry) => entry.centre.id) } } });
        const expected: Answer[] = ranked.map((entry) => ({
          id: entry.centre.id,
          distanceKm: entry.distanceKm,
          reasons: centreReasons(entry, filter, now, activities.filter((activity) => activity.centreId === entry.centre.id), taxonomy),
        }));

        const actual: Answer[] = [];
        let after: string | null = null;
        for (let pageNumber = 0; pageNumber < 40; pageNumber++) {
          const data: ResultOf<typeof CENTRES> = await runOk(app.anonymous, CENTRES, { filter: graphqlFilter<VariablesOf<typeof CENTRES>["filter"]>(filter), first: pageSize, after });
          expect(data.centres.totalCount).toBe(expected.length);
          actual.push(...data.centres.edges.map((edge) => ({ id: edge.node.id, distanceKm: edge.distanceKm, reasons: edge.reasons })));
          if (!data.centres.pageInfo.hasNextPage) break;
          after = data.centres.pageInfo.endCursor;
        }
        expect(new Set(actual.map((answer) => answer.id)).size).toBe(actual.length);
        expect(actual).toEqual(expected);
        runs++;
        if (expected.length >= 2) rankedRuns++;
      },
    ),
    { numRuns, endOnFailure: true },
  );
  // The generator must give the ranking something to order, or agreement proves little. About
  // one run in six has two or more results (9–15 of 60 seen); the bound sits well below that so
  // a random seed cannot fail it by chance (binomial tail under 0.2 %), yet a generator that
  // stopped producing rankings would.
  expect(rankedRuns).toBeGreaterThanOrEqual(Math.max(2, Math.floor(runs / 20)));
}

describe("the database search agrees with the reference ranking", () => {
  // The search reads the materialised open intervals when the calendar holds the dates asked
  // about (beforeAll moves it over the test days), and computes opening hours otherwise.
  it("centres: same centres, same order, same reasons and distances, every page", async () => {
    await centresAgree(60);
  }, 600_000);

  it("centres, with tiers that fall back to the interval index after a walk of two centres", async () => {
    setTierWalkForTests(2);
    try {
      await centresAgree(60);
    } finally {
      setTierWalkForTests(null);
    }
  }, 600_000);

  it("centres, with the calendar not holding the dates: the computed opening-hours test", async () => {
    await withCalendar([], () => centresAgree(20));
  }, 600_000);

  it("open elsewhere: the same nearest open centres with the same reasons", async () => {
    let runs = 0;
    let answeredRuns = 0;
    const OPEN_ELSEWHERE = graphql(`query OpenElsewhere($centreId: ID!, $at: DateTime, $first: Int) {
      openElsewhere(centreId: $centreId, at: $at, first: $first) { distanceKm closesAt reasons { kind da en } centre { id } }
    }`);
    await fc.assert(
      fc.asyncProperty(
        directoryArbitrary.chain((directory) =>
          fc.record({
            directory: fc.constant(directory),
            at: instantNear(directory.day),
            index: fc.integer({ min: 0, max: directory.centres.length - 1 }),
            first: fc.integer({ min: 1, max: 6 }),
          }),
        ),
        async ({ directory, at, index, first }) => {
          const ids = await loadDirectory(directory.day, directory.centres);
          const expected = (await findOpenAlternatives(app.prisma, ids[index]!, at, first)).map((alternative) => ({
            distanceKm: alternative.distanceKm,
            closesAt: alternative.closesAt?.toISOString() ?? null,
            reasons: alternative.reasons,
            centre: { id: alternative.centre.id },
          }));
          const data = await runOk(app.anonymous, OPEN_ELSEWHERE, { centreId: ids[index]!, at: at.toISOString(), first });
          expect(data.openElsewhere).toEqual(expected);
          runs++;
          if (expected.length > 0) answeredRuns++;
        },
      ),
      { numRuns: 30, endOnFailure: true },
    );
    // The generator must give the comparison answers to compare. About a third of the runs have
    // one (7–12 of 30 seen); a bound of 2 cannot fail by chance (binomial tail about 1e-4), yet a
    // generator that stopped producing open alternatives would.
    expect(answeredRuns).toBeGreaterThanOrEqual(2);
  }, 600_000);

  it("coverage, with the calendar holding every week asked about: the materialised intervals", async () => {
    await withCalendar(WIDE_CALENDAR, () => coverageAgrees(12));
  }, 600_000);

  it("coverage, with the calendar not holding the week: the computed opening-hours test", async () => {
    await withCalendar([], () => coverageAgrees(12));
  }, 600_000);

  /** Runs the check with the materialised calendar holding these dates, then puts it back. */
  async function withCalendar(dates: readonly string[], check: () => Promise<void>) {
    await moveOpenIntervalCalendar(app.prisma, new Date(), dates);
    try {
      await check();
    } finally {
      await moveOpenIntervalCalendar(app.prisma, new Date(), TEST_CALENDAR);
    }
  }

  const COVERAGE_COUNTS = graphql(`query CoverageCounts($targetGroup: TargetGroup!, $weekOf: Date) {
    coverage(targetGroup: $targetGroup, weekOf: $weekOf) { days { hours { openCount } } gaps { weekday startHour endHour da en } }
  }`);

  async function coverageAgrees(numRuns: number) {
    const COVERAGE = graphql(`query Coverage($targetGroup: TargetGroup!, $weekOf: Date) {
      coverage(targetGroup: $targetGroup, weekOf: $weekOf) {
        targetGroup weekStart days { weekday date hours { hour openCount centreIds } } gaps { weekday startHour endHour da en }
      }
    }`);
    await fc.assert(
      fc.asyncProperty(directoryArbitrary, fc.constantFrom(...TARGET_GROUPS), async (directory, targetGroup) => {
        await loadDirectory(directory.day, directory.centres);
        const expected = await coverageForReference(app.prisma, targetGroup, directory.day);
        const { coverage } = await runOk(app.anonymous, COVERAGE, { targetGroup, weekOf: directory.day });
        expect(coverage.weekStart).toBe(expected.weekStart);
        expect(coverage.gaps).toEqual(expected.gaps);
        expect(coverage.days.map((day) => ({ ...day, hours: day.hours }))).toEqual(
          expected.days.map(({ weekday, date, hours }) => ({ weekday, date, hours })),
        );
        // Without the ids (the statement then counts only): the same counts and gaps.
        const { coverage: counts } = await runOk(app.anonymous, COVERAGE_COUNTS, { targetGroup, weekOf: directory.day });
        expect(counts.gaps).toEqual(expected.gaps);
        expect(counts.days.map((day) => day.hours.map((hour) => hour.openCount))).toEqual(
          expected.days.map((day) => day.hours.map((hour) => hour.openCount)),
        );
      }),
      { numRuns, endOnFailure: true },
    );
  }

  it("services: same services, same order, same reasons, every page", async () => {
    const SERVICES = graphql(`query SearchServices($filter: ServiceFilter, $first: Int, $after: String) {
      services(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { distanceKm reasons { kind da en } node { id } }
      }
    }`);
    const serviceArbitrary = fc.record({
      name: nameArbitrary,
      kind: fc.constantFrom(...SERVICE_KINDS),
      targetGroups: fc.subarray(TARGET_GROUPS),
      languages: fc.subarray(LANGUAGES),
      point: fc.option(fc.oneof(fc.constantFrom(...SHARED_POINTS), fc.record({ latitude: fc.double({ min: 55.0, max: 56.0, noNaN: true }), longitude: fc.double({ min: 8.8, max: 10.4, noNaN: true }) }))),
      isAnonymousWelcome: fc.boolean(),
      ages: ageLimitsArbitrary,
      isSignpostingOnly: fc.boolean(),
      intakeStatus: fc.constantFrom(...INTAKE),
      typicalWaitDays: fc.option(fc.integer({ min: 0, max: 60 })),
    });
    const filterArbitraryForServices: fc.Arbitrary<ServiceSearchFilter> = fc.record({
      kinds: sometimes(fc.subarray(SERVICE_KINDS, { maxLength: 2 })),
      targetGroups: sometimes(fc.subarray(TARGET_GROUPS, { maxLength: 2 })),
      languages: sometimes(fc.subarray(LANGUAGES, { maxLength: 2 })),
      intakeStatuses: sometimes(fc.subarray(INTAKE, { maxLength: 2 })),
      isAnonymousWelcome: sometimes(fc.boolean()),
      age: ageFilter,
      isSignpostingOnly: sometimes(fc.boolean()),
      text: sometimes(fc.constantFrom("a", "E", "ø")),
      near: sometimes(
        fc.record({ latitude: fc.double({ min: 55.1, max: 55.9, noNaN: true }), longitude: fc.double({ min: 9.0, max: 10.2, noNaN: true }), radiusKm: fc.double({ min: 10, max: 90, noNaN: true }) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(serviceArbitrary, { minLength: 1, maxLength: 12, selector: (service) => service.name }),
        filterArbitraryForServices,
        fc.integer({ min: 1, max: 5 }),
        async (services, filter, pageSize) => {
          const prisma = app.prisma;
          await prisma.$executeRawUnsafe(`TRUNCATE "Organisation", "Unit", "Centre", "Service" CASCADE`);
          const organisation = await prisma.organisation.create({ data: { name: "Tilfældig Kommune", kind: "MUNICIPAL" } });
          const unitIds = services.map(() => randomUUID());
          await prisma.unit.createMany({ data: services.map((service, index) => ({ id: unitIds[index]!, organisationId: organisation.id, kind: "SERVICE" as const, name: service.name })) });
          await prisma.service.createMany({
            data: services.map((service, index) => ({
              unitId: unitIds[index]!,
              name: service.name,
              kind: service.kind,
              description: "Hjælp og støtte.",
              targetGroups: service.targetGroups,
              languages: service.languages,
              latitude: service.point?.latitude ?? null,
              longitude: service.point?.longitude ?? null,
              isAnonymousWelcome: service.isAnonymousWelcome,
              ...service.ages,
              isSignpostingOnly: service.isSignpostingOnly,
              intakeStatus: service.intakeStatus,
              typicalWaitDays: service.typicalWaitDays,
            })),
          });
          const taxonomy = await loadTaxonomy(prisma);
          const expected = (await rankServices(prisma, filter)).map((entry) => ({
            id: entry.service.id,
            distanceKm: entry.distanceKm,
            reasons: serviceReasons(entry, filter, taxonomy),
          }));
          const actual: Answer[] = [];
          let after: string | null = null;
          for (let pageNumber = 0; pageNumber < 40; pageNumber++) {
            const data: ResultOf<typeof SERVICES> = await runOk(app.anonymous, SERVICES, { filter: graphqlFilter<VariablesOf<typeof SERVICES>["filter"]>(filter), first: pageSize, after });
            expect(data.services.totalCount).toBe(expected.length);
            actual.push(...data.services.edges.map((edge) => ({ id: edge.node.id, distanceKm: edge.distanceKm, reasons: edge.reasons })));
            if (!data.services.pageInfo.hasNextPage) break;
            after = data.services.pageInfo.endCursor;
          }
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 30, endOnFailure: true },
    );
  }, 600_000);
});

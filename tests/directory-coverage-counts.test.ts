// The coordinator's coverage counts are kept, not computed per request (issue #13): every way
// hours, target groups, centres and the calendar change moves "CentreHourMask" and
// "DirectoryCoverageHour" with it. After each change below, the stored masks equal the masks
// computed from scratch, the counts equal the sums over them, and coverage over GraphQL (the
// counts alone, so the kept counts answer) equals the TypeScript reference. The weeks include
// Christmas (holidays, commonly closed days) and Easter 2027, whose Sunday is also the
// spring-forward day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageForReference } from "../server/modules/directory/centre-hours.ts";
import { moveOpenIntervalCalendar } from "../server/modules/directory/open-intervals.ts";
import { addDays, isoWeekdayOf } from "../server/shared/copenhagen-time.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUnit, createUser } from "./support/world.ts";

const GROUPS = ["MENTAL_VULNERABILITY", "ADDICTION", "HOMELESSNESS", "LONELINESS"];

let app: TestApp;
let admin: Caller;
let adminId: string;
let organisationId: string;
/** Centres by role in the story below. */
const centre: Record<"weekdays" | "nights" | "holidays" | "doomed", string> = { weekdays: "", nights: "", holidays: "", doomed: "" };

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set("2026-12-20T10:00:00Z");
  organisationId = (await createOrganisation(app.prisma, { name: "Dækningskommune" })).id;
  const made = {
    weekdays: await createCentre(app.prisma, organisationId, { name: "Hverdagshuset", targetGroups: ["MENTAL_VULNERABILITY", "ADDICTION"] }),
    nights: await createCentre(app.prisma, organisationId, { name: "Natcaféen", targetGroups: ["ADDICTION"] }),
    holidays: await createCentre(app.prisma, organisationId, { name: "Helligdagshuset", targetGroups: ["HOMELESSNESS", "ADDICTION"] }),
    doomed: await createCentre(app.prisma, organisationId, { name: "Lukkehuset", targetGroups: ["MENTAL_VULNERABILITY"] }),
  };
  for (const [role, { centre: row }] of Object.entries(made)) centre[role as keyof typeof centre] = row.id;
  adminId = (await createUser(app.prisma, { memberships: Object.values(made).map(({ unit }) => ({ unitId: unit.id, role: "UNIT_ADMIN" as const })) })).id;
  admin = await app.as(adminId);
  // Hours before the calendar exists: the triggers have no days to materialise yet.
  await app.prisma.openingPeriod.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ centreId: centre.weekdays, weekday, startMinute: 9 * 60, endMinute: 15 * 60 })),
      { centreId: centre.nights, weekday: 5, startMinute: 20 * 60, endMinute: 2 * 60, isOvernight: true },
      { centreId: centre.nights, weekday: 7, startMinute: 22 * 60, endMinute: 60, isOvernight: true },
      ...[1, 3, 5].map((weekday) => ({ centreId: centre.holidays, weekday, startMinute: 10 * 60 + 30, endMinute: 13 * 60 })),
      ...[2, 4, 6].map((weekday) => ({ centreId: centre.doomed, weekday, startMinute: 12 * 60, endMinute: 18 * 60 + 15 })),
    ],
  });
  expect(await app.prisma.centreHourMask.count()).toBe(0);
}, 300_000);

afterAll(async () => {
  await app?.close();
});

const SET_PERIODS = graphql(`mutation CoverageSetPeriods($input: SetOpeningPeriodsInput!) { setOpeningPeriods(input: $input) { __typename } }`);
const ADD_EXCEPTION = graphql(`mutation CoverageAddException($input: AddOpeningExceptionInput!) {
  addOpeningException(input: $input) { __typename ... on AddOpeningExceptionSuccess { data { id } } }
}`);
const REMOVE_EXCEPTION = graphql(`mutation CoverageRemoveException($id: ID!) { removeOpeningException(input: { exceptionId: $id }) { __typename } }`);
const SET_POLICY = graphql(`mutation CoverageSetPolicy($input: SetHolidayPolicyInput!) { setHolidayPolicy(input: $input) { __typename } }`);
const UPDATE_PROFILE = graphql(`mutation CoverageUpdateProfile($input: UpdateCentreProfileInput!) { updateCentreProfile(input: $input) { __typename } }`);
// Without centreIds: the counts alone, which the kept counts answer.
const COVERAGE_COUNTS = graphql(`query CoverageKeptCounts($targetGroup: TargetGroup!, $weekOf: Date) {
  coverage(targetGroup: $targetGroup, weekOf: $weekOf) { weekStart days { date hours { hour openCount } } gaps { weekday startHour endHour } }
}`);

interface MaskRow {
  centreId: string;
  date: string;
  mask: number;
}

const byKey = <Row>(rows: readonly Row[], key: (row: Row) => string) => Object.fromEntries(rows.map((row) => [key(row), row]));

/** The counts the masks make: per target group, date and hour, the centres having the group and the hour's bit. */
function countsOf(masks: readonly MaskRow[], groupsOf: ReadonlyMap<string, readonly string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { centreId, date, mask } of masks) {
    for (const group of new Set(groupsOf.get(centreId) ?? [])) {
      for (let hour = 0; hour < 24; hour++) {
        if (mask & (1 << hour)) counts[`${group} ${date} ${hour}`] = (counts[`${group} ${date} ${hour}`] ?? 0) + 1;
      }
    }
  }
  return counts;
}

/** The whole check after a change (see the file's head). */
async function expectCountsInStep({ isSomethingOpen = true } = {}): Promise<void> {
  const calendar = new Set(
    (await app.prisma.$queryRawUnsafe<{ date: string }[]>(`SELECT "date"::text AS "date" FROM "DirectoryCalendarDay"`)).map((row) => row.date),
  );
  expect(calendar.size).toBeGreaterThan(0);
  const stored = await app.prisma.$queryRawUnsafe<MaskRow[]>(`SELECT "centreId", "date"::text AS "date", "mask" FROM "CentreHourMask"`);
  const fresh = await app.prisma.$queryRawUnsafe<MaskRow[]>(`SELECT "centreId", "date"::text AS "date", "mask" FROM directory_hour_masks(NULL, NULL)`);
  const kept = await app.prisma.$queryRawUnsafe<{ targetGroup: string; date: string; hour: number; count: number }[]>(
    `SELECT "targetGroup", "date"::text AS "date", "hour", "count" FROM "DirectoryCoverageHour"`,
  );
  const groupsOf = new Map((await app.prisma.centre.findMany({ select: { id: true, targetGroups: true } })).map((row) => [row.id, row.targetGroups]));
  const keptCounts = Object.fromEntries(kept.map((row) => [`${row.targetGroup} ${row.date} ${row.hour}`, Number(row.count)]));
  // A date's mask includes the night before's openings: computed from scratch, it is only
  // complete when the calendar holds the day before (the first day keeps what it had).
  const complete = (date: string) => calendar.has(addDays(date, -1));
  const completeOnly = <Row extends { date: string }>(rows: readonly Row[]) => rows.filter((row) => complete(row.date));
  const maskKey = (row: MaskRow) => `${row.centreId} ${row.date}`;
  expect(byKey(completeOnly(stored), maskKey)).toEqual(byKey(completeOnly(fresh), maskKey));
  expect(keptCounts).toEqual(countsOf(stored, groupsOf));
  const keptWhereComplete = Object.fromEntries(Object.entries(keptCounts).filter(([key]) => complete(key.split(" ")[1]!)));
  expect(keptWhereComplete).toEqual(countsOf(completeOnly(fresh), groupsOf));

  // Every week the counts can answer (the calendar holds it, the Sunday before and the Monday after).
  const weeks = [...calendar].filter(
    (date) => isoWeekdayOf(date) === 1 && Array.from({ length: 9 }, (_, index) => addDays(date, index - 1)).every((day) => calendar.has(day)),
  );
  expect(weeks.length).toBeGreaterThan(0);
  let open = 0;
  for (const weekOf of weeks) {
    for (const targetGroup of GROUPS) {
      const expected = await coverageForReference(app.prisma, targetGroup, weekOf);
      const { coverage } = await runOk(app.anonymous, COVERAGE_COUNTS, { targetGroup, weekOf });
      expect(coverage.weekStart).toBe(expected.weekStart);
      expect(coverage.days.map((day) => day.hours.map((hour) => hour.openCount))).toEqual(
        expected.days.map((day) => day.hours.map((hour) => hour.openCount)),
      );
      expect(coverage.gaps).toEqual(expected.gaps.map(({ weekday, startHour, endHour }) => ({ weekday, startHour, endHour })));
      open += expected.days.reduce((sum, day) => sum + day.hours.reduce((hours, hour) => hours + hour.openCount, 0), 0);
    }
  }
  // Until the end, the story keeps something open, so the comparisons compare counts.
  expect(open > 0).toBe(isSomethingOpen);
}

async function addException(input: { centreId: string; date: string; kind: "CLOSED" | "SPECIAL_HOURS"; startMinute?: number; endMinute?: number }) {
  const result = (await runOk(admin, ADD_EXCEPTION, { input })).addOpeningException;
  if (result.__typename !== "AddOpeningExceptionSuccess") return expect.fail(result.__typename);
  return result.data.id;
}

describe("coverage counts kept in step (Christmas 2026)", () => {
  it("builds masks and counts for every centre when the calendar is first laid", async () => {
    expect(await moveOpenIntervalCalendar(app.prisma, app.clock.now())).toBe(37);
    expect(await app.prisma.centreHourMask.count()).toBeGreaterThan(0);
    await expectCountsInStep();
  });

  it("after opening periods are replaced, with one past Sunday midnight", async () => {
    const result = await runOk(admin, SET_PERIODS, {
      input: {
        centreId: centre.nights,
        periods: [
          { weekday: 5, startMinute: 20 * 60, endMinute: 2 * 60, isOvernight: true },
          { weekday: 6, startMinute: 19 * 60 + 45, endMinute: 23 * 60 },
          { weekday: 7, startMinute: 21 * 60, endMinute: 3 * 60 + 30, isOvernight: true },
        ],
      },
    });
    expect(result.setOpeningPeriods.__typename).toBe("SetOpeningPeriodsSuccess");
    await expectCountsInStep();
  });

  it("after a period is updated in place and another deleted", async () => {
    const monday = await app.prisma.openingPeriod.findFirstOrThrow({ where: { centreId: centre.weekdays, weekday: 1 } });
    await app.prisma.openingPeriod.update({ where: { id: monday.id }, data: { startMinute: 7 * 60 + 15, endMinute: 23 * 60 + 59 } });
    await app.prisma.openingPeriod.deleteMany({ where: { centreId: centre.weekdays, weekday: 3 } });
    await expectCountsInStep();
  });

  it("after exceptions are added: overnight special hours and a closed day", async () => {
    await addException({ centreId: centre.weekdays, date: "2026-12-27", kind: "SPECIAL_HOURS", startMinute: 22 * 60, endMinute: 3 * 60 });
    await addException({ centreId: centre.doomed, date: "2026-12-29", kind: "CLOSED" });
    await expectCountsInStep();
  });

  it("after an exception is changed in place and another removed", async () => {
    await app.prisma.openingException.updateMany({ where: { centreId: centre.weekdays, date: new Date("2026-12-27") }, data: { endMinute: 5 * 60 } });
    const closed = await app.prisma.openingException.findFirstOrThrow({ where: { centreId: centre.doomed } });
    expect((await runOk(admin, REMOVE_EXCEPTION, { id: closed.id })).removeOpeningException.__typename).toBe("RemoveOpeningExceptionSuccess");
    await expectCountsInStep();
  });

  it("after holiday policies change: special hours past midnight on holidays, normal hours on closed days", async () => {
    const result = await runOk(admin, SET_POLICY, {
      input: {
        centreId: centre.holidays,
        publicHolidayPolicy: "SPECIAL_HOURS",
        publicHolidayStartMinute: 21 * 60,
        publicHolidayEndMinute: 2 * 60,
        commonClosedDaysPolicy: "NORMAL_HOURS",
      },
    });
    expect(result.setHolidayPolicy.__typename).toBe("SetHolidayPolicySuccess");
    await expectCountsInStep();
  });

  it("after a centre's target groups change", async () => {
    const result = await runOk(admin, UPDATE_PROFILE, { input: { centreId: centre.weekdays, targetGroups: ["LONELINESS", "ADDICTION"] } });
    expect(result.updateCentreProfile.__typename).toBe("UpdateCentreProfileSuccess");
    await expectCountsInStep();
  });

  it("after target groups and holiday hours change in the same statement", async () => {
    await app.prisma.centre.update({
      where: { id: centre.holidays },
      data: { targetGroups: ["MENTAL_VULNERABILITY", "HOMELESSNESS"], publicHolidayStartMinute: 8 * 60, publicHolidayEndMinute: 23 * 60 },
    });
    await expectCountsInStep();
  });

  it("after a centre is created with special holiday hours and another is deleted", async () => {
    const unit = await createUnit(app.prisma, organisationId, "CENTRE", "Nyt Hus");
    await app.prisma.centre.create({
      data: {
        unitId: unit.id,
        name: "Nyt Hus",
        description: "Åbent juleaften og nytårsaften.",
        street: "Nyvej 1",
        postalCode: "6999",
        city: "Fjordby",
        latitude: 55.5,
        longitude: 9.5,
        targetGroups: ["LONELINESS"],
        commonClosedDaysPolicy: "SPECIAL_HOURS",
        commonClosedDaysStartMinute: 18 * 60,
        commonClosedDaysEndMinute: 60,
      },
    });
    // The API has no way to delete a centre; an administrator's delete in the database cascades.
    await app.prisma.centre.delete({ where: { id: centre.doomed } });
    expect(await app.prisma.centreHourMask.count({ where: { centreId: centre.doomed } })).toBe(0);
    await expectCountsInStep();
  });

  it("after the calendar moves three days back (the old first day gains the night before it)", async () => {
    app.clock.set("2026-12-17T10:00:00Z");
    expect(await moveOpenIntervalCalendar(app.prisma, app.clock.now())).toBe(3);
    await expectCountsInStep();
  });
});

describe("coverage counts kept in step (Easter 2027, whose Sunday springs forward)", () => {
  it("after the calendar moves to new weeks", async () => {
    app.clock.set("2027-03-25T10:00:00Z");
    expect(await moveOpenIntervalCalendar(app.prisma, app.clock.now())).toBe(37);
    // A new session: the one from December has expired by the clock.
    admin = await app.as(adminId);
    await expectCountsInStep();
  });

  it("after overnight special hours into the nonexistent hour and a period across it", async () => {
    await addException({ centreId: centre.nights, date: "2027-03-27", kind: "SPECIAL_HOURS", startMinute: 23 * 60, endMinute: 4 * 60 });
    await addException({ centreId: centre.weekdays, date: "2027-03-29", kind: "SPECIAL_HOURS", startMinute: 0, endMinute: 2 * 60 });
    const result = await runOk(admin, SET_PERIODS, {
      input: { centreId: centre.holidays, periods: [{ weekday: 7, startMinute: 2 * 60, endMinute: 3 * 60 + 15 }, { weekday: 7, startMinute: 3 * 60 + 30, endMinute: 4 * 60 }] },
    });
    expect(result.setOpeningPeriods.__typename).toBe("SetOpeningPeriodsSuccess");
    await expectCountsInStep();
  });

  it("after every centre is deleted at once", async () => {
    await app.prisma.centre.deleteMany({});
    await expectCountsInStep({ isSomethingOpen: false });
    expect(await app.prisma.directoryCoverageHour.count()).toBe(0);
    expect(await app.prisma.centreHourMask.count()).toBe(0);
  });
});

// The demo data gives the dashboard sensible figures: visitors at every demo centre, Lyset's
// 2024 baseline and open 2026 follow-up side by side, and reseeding changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centres, seedDemoData, seedId } from "../prisma/seed.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

const AREA_FIGURES = graphql(`query AreaFigures {
  areaFigures(from: "2026-09-30", to: "2026-11-24") { centres { centreName figures { visitors { value display } activitiesHeld { value } } } totals { visitors { value } } }
}`);
const COMPARISON = graphql(`query Comparison($centreId: ID!) {
  surveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2026) {
    baseline { responseCount { value } } followUp { responseCount { value } }
    questions { baseline { mean { value } } followUp { mean { value } freeTextAnswers } meanChange { isSuppressed } }
  }
}`);
const SURVEYS = graphql(`query Surveys($centreId: ID!) { surveys(centreId: $centreId) { year isOpen } }`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.prisma, app.clock);
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe("insights demo data", () => {
  it("gives every demo centre eight weeks of tallies before today, and reseeding adds nothing", async () => {
    const before = { tallies: await app.prisma.visitorTally.count(), answers: await app.prisma.surveyAnswer.count() };
    await seedDemoData(app.prisma, app.clock);
    expect({ tallies: await app.prisma.visitorTally.count(), answers: await app.prisma.surveyAnswer.count() }).toEqual(before);
    const latest = await app.prisma.visitorTally.aggregate({ _max: { date: true }, _min: { date: true } });
    expect(latest._max.date?.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(latest._min.date?.toISOString().slice(0, 10)).toMatch(/^2026-(09-30|10-)/);
    const counts = await app.prisma.visitorTally.findMany({ select: { count: true } });
    expect(Math.max(...counts.map((tally) => tally.count))).toBeLessThanOrEqual(40);
    expect(counts.some((tally) => tally.count < 5)).toBe(true);
  });

  it("shows sensible visitor figures on the coordinator's dashboard", async () => {
    const coordinator = await app.as(seedId("user:coordinator"));
    const area = (await runOk(coordinator, AREA_FIGURES)).areaFigures;
    expect(area.centres).toHaveLength(centres.length);
    for (const row of area.centres) {
      expect(row.figures.visitors.value).toBeGreaterThan(20);
      expect(row.figures.activitiesHeld.value ?? 0).toBeGreaterThanOrEqual(0);
    }
    expect(area.totals.visitors.value).toBeGreaterThan(1000);
  });

  it("puts Lyset's 2024 baseline (30 responses) beside its open 2026 follow-up (12 responses)", async () => {
    const staff = await app.as(seedId("user:centre-staff"));
    const comparison = (await runOk(staff, COMPARISON, { centreId: seedId("centre:lyset") })).surveyComparison;
    expect(comparison.baseline?.responseCount.value).toBe(30);
    expect(comparison.followUp?.responseCount.value).toBe(12);
    expect(comparison.questions).toHaveLength(6);
    const first = comparison.questions[0];
    if (!first) return expect.fail("the comparison has no questions");
    expect(first.meanChange.isSuppressed).toBe(false);
    // A missing baseline mean counts as 0, as it did when this test read untyped data (null - 1.5).
    expect(first.followUp?.mean.value).toBeGreaterThan((first.baseline?.mean.value ?? 0) - 1.5);
    const surveys = (await runOk(staff, SURVEYS, { centreId: seedId("centre:lyset") })).surveys;
    expect(surveys).toEqual([{ year: 2026, isOpen: true }, { year: 2024, isOpen: false }]);
  });
});

// The steering demo: a coordinator compares Lyset's 2026 follow-up with the area's 2024
// baseline, sees demand by hour, and follows an initiative with its target and current value;
// an idea from Lyset's page is in the catalogue and a barrier is answered, both in public.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

const COMPARISON = graphql(`query Comparison($centreId: ID!) {
  centreAreaSurveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2026) {
    baselineResponseCount { value } questions { position centreFollowUp { mean { value } } areaBaseline { mean { value } } centreFollowUpVersusAreaBaseline { display isSuppressed } }
  }
}`);
const DEMAND = graphql(`query Demand { demandByHour(from: "2026-10-01", to: "2026-11-24") { cells { visitors { value } } } }`);
const INITIATIVES = graphql(`query Initiatives { initiatives { title status measures { targetValue current { value } } } }`);
const IDEAS = graphql(`query Ideas { ideas { kind source status answer centre { name } initiative { title status centres { name } } } }`);
const CATALOGUE = graphql(`query Catalogue { initiatives { title status idea { centre { name } } } }`);
const OPEN_IDEAS = graphql(`query OpenIdeas { openIdeas { source text } }`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.prisma, app.clock);
}, 180_000);
afterAll(async () => {
  await app.close();
});

describe("steering demo data", () => {
  it("compares Lyset's follow-up with the area's baseline on the common questions", async () => {
    const coordinator = await app.as(seedId("user:coordinator"));
    const comparison = (await runOk(coordinator, COMPARISON, { centreId: seedId("centre:lyset") })).centreAreaSurveyComparison;
    // Lyset 30 + Nattecaféen 18 + Kompasset 11; Havnen's 3 are suppressed and left out.
    expect(comparison.baselineResponseCount?.value).toBe(59);
    expect(comparison.questions).toHaveLength(5);
    for (const question of comparison.questions) {
      expect(question.centreFollowUp?.mean.value).toBeGreaterThan(1);
      expect(question.areaBaseline?.mean.value).toBeGreaterThan(1);
      expect(question.centreFollowUpVersusAreaBaseline.isSuppressed).toBe(false);
    }
  });

  it("shows demand by hour and an initiative with its target and current value, and reseeding adds nothing", async () => {
    const strategic = await app.as(seedId("user:strategic-group"));
    const demand = (await runOk(strategic, DEMAND)).demandByHour;
    expect(demand.cells.filter((cell) => (cell.visitors.value ?? 0) > 0).length).toBeGreaterThan(20);
    const initiatives = (await runOk(app.anonymous, INITIATIVES)).initiatives;
    const evening = initiatives.find((row) => row.title === "Aftenåbent med fællesspisning");
    if (!evening) return expect.fail("the evening initiative is not listed");
    expect(evening.status).toBe("RUNNING");
    expect(evening.measures[0]?.targetValue).toBe(900);
    expect(evening.measures[0]?.current.value).toBeGreaterThan(100);
    expect(evening.measures[1]?.current.value).toBeGreaterThan(1);
    const counts = async () => ({
      rounds: await app.prisma.areaSurveyRound.count(),
      answers: await app.prisma.surveyAnswer.count(),
      initiatives: await app.prisma.initiative.count(),
      ideas: await app.prisma.idea.count(),
    });
    const before = await counts();
    await seedDemoData(app.prisma, app.clock);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("has an idea from Lyset's public page qualified into the catalogue and a barrier answered, both public, and one idea waiting", async () => {
    const ideas = (await runOk(app.anonymous, IDEAS)).ideas;
    expect(ideas).toContainEqual(
      expect.objectContaining({
        kind: "IDEA",
        source: "PUBLIC_PAGE",
        status: "ACCEPTED",
        centre: { name: "Værestedet Lyset" },
        initiative: { title: "Søndagsbrunch på Lyset", status: "IDEA", centres: [{ name: "Værestedet Lyset" }] },
      }),
    );
    expect(ideas).toContainEqual(expect.objectContaining({ kind: "BARRIER", status: "ANSWERED", centre: { name: "Nattecaféen Trappen" }, initiative: null }));
    const catalogue = (await runOk(app.anonymous, CATALOGUE)).initiatives;
    expect(catalogue).toContainEqual({ title: "Søndagsbrunch på Lyset", status: "IDEA", idea: { centre: { name: "Værestedet Lyset" } } });
    const coordinator = await app.as(seedId("user:coordinator"));
    const open = (await runOk(coordinator, OPEN_IDEAS)).openIdeas;
    expect(open).toEqual([{ source: "CENTRE_VOLUNTEER", text: "En fast spilleaften om torsdagen, hvor brugerfrivillige lærer fra sig." }]);
  });
});

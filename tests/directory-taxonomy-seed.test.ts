// The demo municipality shows issue 18's taxonomy: the four target groups the strategy names and
// the fixed list lacked (added as a platform admin would), a service and a centre with age
// limits, and two offers outside the platform listed for signposting only. Reseeding adds nothing.
import { describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { demoApp } from "./support/demo.ts";
import { graphql, runOk } from "./support/graphql.ts";

const demo = demoApp();

const SERVICES = graphql(`query Services($filter: ServiceFilter) {
  services(filter: $filter, first: 50) { edges { reasons { kind da } node { name isSignpostingOnly minAge maxAge targetGroupTerms { code nameDa } phone website } } }
}`);
const TARGET_GROUPS = graphql(`query TargetGroups { taxonomyTerms(vocabulary: TARGET_GROUP) { code nameDa } }`);
const CENTRE_AGES = graphql(`query CentreAges($id: ID!) { centre(id: $id) { name minAge maxAge } }`);

describe("taxonomy demo data", () => {
  it("has the four added target groups after today's, and services and centres use them", async () => {
    const { taxonomyTerms } = await runOk(demo().anonymous, TARGET_GROUPS);
    expect(taxonomyTerms.slice(-4)).toEqual([
      { code: "PHYSICAL_DISABILITY", nameDa: "Fysisk funktionsnedsættelse" },
      { code: "FORMERLY_IN_CARE", nameDa: "Tidligere anbragte" },
      { code: "FORMER_ADDICTION", nameDa: "Tidligere misbrug" },
      { code: "SEX_WORKERS", nameDa: "Sexarbejdere" },
    ]);
    for (const code of ["PHYSICAL_DISABILITY", "FORMERLY_IN_CARE", "FORMER_ADDICTION", "SEX_WORKERS"]) {
      const { services } = await runOk(demo().anonymous, SERVICES, { filter: { targetGroups: [code] } });
      expect(services.edges.length, code).toBeGreaterThan(0);
    }
  });

  it("has an age-limited service and centre: a 35-year-old is not shown them, a 22-year-old is", async () => {
    const at35 = (await runOk(demo().anonymous, SERVICES, { filter: { age: 35 } })).services.edges.map((edge) => edge.node.name);
    expect(at35).not.toContain("Ungeteamet – rusmiddel og trivsel for unge");
    const at22 = (await runOk(demo().anonymous, SERVICES, { filter: { age: 22 } })).services.edges;
    const youth = at22.find((edge) => edge.node.name === "Ungeteamet – rusmiddel og trivsel for unge");
    if (!youth) return expect.fail("the youth service is not found at 22");
    expect(youth.node).toMatchObject({ minAge: 18, maxAge: 29 });
    expect(youth.reasons).toContainEqual({ kind: "AGE", da: "for 18–29 år" });
    const centre = (await runOk(demo().anonymous, CENTRE_AGES, { id: seedId("centre:kompasset") })).centre;
    expect(centre).toEqual({ name: "Ungestedet Kompasset", minAge: 18, maxAge: 30 });
  });

  it("lists two offers outside the platform for signposting only, with their contact details and no members", async () => {
    const { services } = await runOk(demo().anonymous, SERVICES, { filter: { isSignpostingOnly: true } });
    expect(services.edges.map((edge) => edge.node.name).sort()).toEqual(["Krolf for alle i Fjordby Krolfklub", "Ny Start – fællesskab efter misbrug"]);
    for (const edge of services.edges) {
      expect(edge.node.phone).toBeTruthy();
      expect(edge.node.website).toMatch(/^https:\/\//);
      expect(edge.reasons.map((reason) => reason.kind)).toContain("SIGNPOSTING");
    }
    const units = await demo().prisma.service.findMany({ where: { isSignpostingOnly: true }, select: { unitId: true } });
    expect(await demo().prisma.membership.count({ where: { unitId: { in: units.map((unit) => unit.unitId) } } })).toBe(0);
  });

  it("reseeding adds no term and no entry", async () => {
    const [terms, services] = [await demo().prisma.taxonomyTerm.count(), await demo().prisma.service.count()];
    await seedDemoData(demo().prisma, demo().clock);
    expect(await demo().prisma.taxonomyTerm.count()).toBe(terms);
    expect(await demo().prisma.service.count()).toBe(services);
  }, 120_000);
});

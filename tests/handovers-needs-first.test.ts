// Needs first (issue 18, the 1-2-3 model): proposeServices ranks the services that fit a
// citizen's coded needs — by kind, target group, intake status, distance and measured
// responsiveness — with the reasons each fits, and shows the same figures as
// serviceHandoverFigures. Responsiveness counts in the order only where it is shown (5 or more
// answered handovers in 90 days). GraphQL over HTTP into the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IntakeStatus, ServiceKind } from "../server/generated/prisma/enums.ts";
import { generateHandoverCode } from "../server/modules/handovers/handover-code.ts";
import { buildHandoverWorld, createUnit, type HandoverWorld } from "./support/world.ts";
import { graphql, run, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;
let areaId: string;
const unitIdOf: Record<string, string> = {};

// Midtby's point; 0.009° of latitude is about 1 km.
const MIDTBY = { latitude: 55.49, longitude: 9.47 };
const north = (km: number) => ({ latitude: MIDTBY.latitude + km * 0.009, longitude: MIDTBY.longitude });

async function addService(
  name: string,
  values: { kind?: ServiceKind; targetGroups?: string[]; intakeStatus?: IntakeStatus; at?: { latitude: number; longitude: number } },
) {
  const unit = await createUnit(app.prisma, world.organisationId, "SERVICE", name);
  await app.prisma.service.create({
    data: {
      unitId: unit.id,
      name,
      kind: values.kind ?? "HOUSING_SUPPORT",
      description: "Støtte.",
      targetGroups: values.targetGroups ?? ["ADULTS"],
      languages: ["da"],
      intakeStatus: values.intakeStatus ?? "OPEN",
      ...(values.at ? { street: "Vej 1", postalCode: "6999", city: "Fjordby", ...values.at } : {}),
    },
  });
  unitIdOf[name] = unit.id;
  return unit.id;
}

/** `count` handovers to the unit, sent `hours` before now and answered now (accepted unless declined). */
async function answeredHandovers(toUnitId: string, count: number, hours: number, declined = 0) {
  const now = app.clock.now();
  for (let index = 0; index < count; index++) {
    const isDeclined = index < declined;
    await app.prisma.handover.create({
      data: {
        code: generateHandoverCode(),
        fromUnitId: world.centreUnitId,
        toUnitId,
        createdById: world.userIds.staff,
        status: isDeclined ? "DECLINED" : "ACCEPTED",
        ...(isDeclined ? { declineCode: "FULL_OR_WAITING_LIST" as const } : {}),
        purpose: "Måling",
        helpCategories: ["HOUSING"],
        createdAt: new Date(now.getTime() - hours * 3_600_000),
        sentAt: new Date(now.getTime() - hours * 3_600_000),
        firstResponseAt: now,
      },
    });
  }
}

const ServiceFigures = graphql(`fragment ServiceFigures on ServiceHandoverFigures @_unmask {
  unitId isSuppressed handoversReceived { value display } medianHoursToFirstAnswer { value display isSuppressed } shareAccepted { value display isSuppressed }
}`);

const PROPOSE = graphql(
  `query ($needs: ServiceNeedsInput!, $first: Int) { proposeServices(needs: $needs, first: $first) {
    rank score distanceKm matchedNeeds
    service { name unitId kind intakeStatus }
    reasons { kind da en }
    figures { ...ServiceFigures }
  } }`,
  [ServiceFigures],
);

type Proposal = ResultOf<typeof PROPOSE>["proposeServices"][number];

async function propose(needs: VariablesOf<typeof PROPOSE>["needs"], first?: number): Promise<Proposal[]> {
  return (await runOk(world.staff, PROPOSE, { needs, first })).proposeServices;
}

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  areaId = (await app.prisma.area.create({ data: { name: "Midtby", ...MIDTBY } })).id;
  await addService("Bostøtte Nær", { targetGroups: ["HOMELESSNESS"], at: north(1) });
  await addService("Bostøtte Hurtig", { targetGroups: ["ADULTS"], at: north(3) });
  await addService("Bostøtte Venteliste", { targetGroups: ["HOMELESSNESS"], intakeStatus: "WAITING_LIST", at: north(2) });
  await addService("Bostøtte Fjern", { targetGroups: ["HOMELESSNESS"], at: north(100) });
  await addService("Lille Bostøtte", { targetGroups: ["ADULTS"] });
  await addService("Jobhuset", { kind: "JOB_CLARIFICATION", targetGroups: ["HOMELESSNESS"], at: north(1) });
  // Measured: six answered within 2 hours, all accepted. Small: three answered fast (suppressed).
  await answeredHandovers(unitIdOf["Bostøtte Hurtig"]!, 6, 2);
  await answeredHandovers(unitIdOf["Lille Bostøtte"]!, 3, 1);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

describe("proposeServices: needs first, ranked with reasons", { timeout: SLOW_TEST_MS }, () => {
  it("ranks the services that answer the need by target group, intake, distance and measured responsiveness", async () => {
    const proposals = await propose({ helpCategories: ["HOUSING"], targetGroups: ["HOMELESSNESS"], areaId, radiusKm: 25, fromUnitId: world.centreUnitId });
    expect(proposals.map((proposal) => [proposal.rank, proposal.service.name, proposal.score])).toEqual([
      // 3 kind + 3 open + 2 within 5 km + 2 answers within a day + 1 mostly accepts: measured speed lifts it past a closer fit.
      [1, "Bostøtte Hurtig", 11],
      // 3 kind + 2 shared target group + 3 open + 2 within 5 km.
      [2, "Bostøtte Nær", 10],
      // Waiting list: 1 instead of 3.
      [3, "Bostøtte Venteliste", 8],
      // No address: comes to the citizen (1). Equal points; the name decides.
      [4, "Bostøtten Test", 7],
      // Three fast answers are too few to show, so they do not count either.
      [5, "Lille Bostøtte", 7],
    ]);
    // Another kind of service (Jobhuset) and one 100 km away (Bostøtte Fjern) do not fit.
    expect(proposals.every((proposal) => proposal.service.kind === "HOUSING_SUPPORT" && proposal.matchedNeeds.join() === "HOUSING")).toBe(true);
  });

  it("says why each fits, in Danish and English: the need, target group, intake, distance and responsiveness", async () => {
    const proposals = await propose({ helpCategories: ["HOUSING"], targetGroups: ["HOMELESSNESS"], areaId });
    const byName = new Map(proposals.map((proposal) => [proposal.service.name, proposal]));
    expect(byName.get("Bostøtte Nær")!.reasons.map((reason) => reason.da)).toEqual([
      "bostøtte passer til behovet bolig",
      "for hjemløshed",
      "tager imod nye nu",
      "1,0 km",
      "ingen overleveringer de seneste 90 dage",
    ]);
    expect(byName.get("Bostøtte Hurtig")!.reasons.find((reason) => reason.kind === "RESPONSIVENESS")).toEqual({
      kind: "RESPONSIVENESS",
      da: "svarer typisk inden for 2 t, 100 % taget imod (90 dage)",
      en: "usually answers within 2 h, 100% accepted (90 days)",
    });
    expect(byName.get("Lille Bostøtte")!.reasons.slice(-2).map((reason) => reason.en)).toEqual(["comes to the citizen", "too few handovers to measure the response time"]);
    expect(byName.get("Bostøtte Venteliste")!.reasons.find((reason) => reason.kind === "INTAKE")!.en).toBe("waiting list");
  });

  it("shows the same figures as serviceHandoverFigures, suppressed below 5 and never about a person", async () => {
    const proposals = await propose({ helpCategories: ["HOUSING"], areaId });
    const unitIds = proposals.map((proposal) => proposal.service.unitId);
    const figures = (
      await runOk(world.staff, graphql(`query ($ids: [ID!]!) { serviceHandoverFigures(unitIds: $ids) { ...ServiceFigures } }`, [ServiceFigures]), { ids: unitIds })
    ).serviceHandoverFigures;
    expect(proposals.map((proposal) => proposal.figures)).toEqual(figures);
    const fast = proposals.find((proposal) => proposal.service.name === "Bostøtte Hurtig")!.figures;
    expect(fast).toMatchObject({ isSuppressed: false, medianHoursToFirstAnswer: { value: 2, display: "2 t" }, shareAccepted: { display: "100 %" } });
    const small = proposals.find((proposal) => proposal.service.name === "Lille Bostøtte")!.figures;
    expect(small).toMatchObject({ isSuppressed: true, medianHoursToFirstAnswer: { value: null, display: "<5" }, shareAccepted: { value: null, display: "<5" } });
  });

  it("without a place (and not sent from a centre), leaves distance out of the order and proposes services anywhere; maps a need to every kind that answers it", async () => {
    const proposals = await propose({ helpCategories: ["HOUSING", "WORK_EDUCATION"] }, 50);
    const names = proposals.map((proposal) => proposal.service.name);
    expect(names).toContain("Bostøtte Fjern");
    expect(names).toContain("Jobhuset");
    expect(proposals.every((proposal) => proposal.distanceKm === null && !proposal.reasons.some((reason) => reason.kind === "DISTANCE"))).toBe(true);
    expect(proposals.find((proposal) => proposal.service.name === "Jobhuset")!.matchedNeeds).toEqual(["WORK_EDUCATION"]);
  });

  it("measures distance from a centre too, and leaves the sender's own unit out", async () => {
    const proposals = await propose({ helpCategories: ["HOUSING"], centreId: world.centreId, radiusKm: 5, fromUnitId: world.serviceUnitId });
    const names = proposals.map((proposal) => proposal.service.name);
    expect(names).not.toContain("Bostøtten Test");
    expect(names).not.toContain("Bostøtte Fjern");
    expect(proposals.find((proposal) => proposal.service.name === "Bostøtte Nær")!.distanceKm).toBeCloseTo(1.0, 1);
    // Sent from a centre with no place given: from the centre itself.
    const fromCentre = await propose({ helpCategories: ["HOUSING"], fromUnitId: world.centreUnitId, radiusKm: 5 });
    expect(fromCentre.map((proposal) => proposal.service.name)).not.toContain("Bostøtte Fjern");
    expect(fromCentre.find((proposal) => proposal.service.name === "Bostøtte Nær")!.distanceKm).toBeCloseTo(1.0, 1);
  });

  it("gives at most `first` proposals", async () => {
    expect(await propose({ helpCategories: ["HOUSING"], areaId }, 2)).toHaveLength(2);
  });

  it("refuses no needs, an impossible radius or page size with a validation error naming the field, an unknown area with NOT_FOUND", async () => {
    const cases: [needs: VariablesOf<typeof PROPOSE>["needs"], first: number, field: string][] = [
      [{ helpCategories: [] }, 10, "needs.helpCategories"],
      [{ helpCategories: ["HOUSING"], radiusKm: 0 }, 10, "needs.radiusKm"],
      [{ helpCategories: ["HOUSING"] }, 500, "first"],
    ];
    for (const [needs, first, field] of cases) {
      const response = await run(world.staff, PROPOSE, { needs, first });
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("VALIDATION_FAILED");
      expect(response.errors?.[0]?.extensions?.["fields"]).toEqual([field]);
    }
    const unknown = await run(world.staff, PROPOSE, { needs: { helpCategories: ["HOUSING"], areaId: "00000000-0000-4000-8000-000000000000" } });
    expect(unknown.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
  });

  it("is for signed-in professionals only", async () => {
    const anonymous = await run(app.anonymous, PROPOSE, { needs: { helpCategories: ["HOUSING"] } });
    expect(anonymous.errors?.[0]?.extensions?.["code"]).toBe("NOT_AUTHENTICATED");
  });
});

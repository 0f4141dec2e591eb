// Centre figures on a known data set: every figure's value and display, suppression at 4 vs 5,
// rates suppressed on small bases, totals that reveal no suppressed cell, CSV, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandoverOutcome, HandoverStatus, VisitStatus } from "../server/generated/prisma/enums.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type ResultOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createService, createUnit, createUser } from "./support/world.ts";

let app: TestApp;
let centreA: { centreId: string; unitId: string };
let centreB: { centreId: string; unitId: string };
let centreC: { centreId: string; unitId: string };
let users: { memberA: string; memberB: string; adminA: string; orgAdmin: string; otherOrgAdmin: string; coordinator: string };
let handoverCounter = 0;

const HOUR = 3_600_000;

async function handover(
  fromUnitId: string,
  toUnitId: string,
  sentAt: string | null,
  status: HandoverStatus,
  options: { outcome?: HandoverOutcome; responseHours?: number } = {},
) {
  handoverCounter += 1;
  const sent = sentAt ? new Date(sentAt) : null;
  await app.prisma.handover.create({
    data: {
      code: `INS-${String(handoverCounter).padStart(4, "0")}`,
      fromUnitId,
      toUnitId,
      createdById: users.memberA,
      status,
      outcome: options.outcome ?? null,
      purpose: "Overlevering i testdata",
      sentAt: sent,
      firstResponseAt: sent && options.responseHours !== undefined ? new Date(sent.getTime() + options.responseHours * HOUR) : null,
    },
  });
}

async function visit(centreId: string, spaceId: string, serviceUnitId: string, startsAt: string, hours: number, status: VisitStatus) {
  const start = new Date(startsAt);
  await app.prisma.visit.create({
    data: { centreId, spaceId, serviceUnitId, bookedById: users.memberA, startsAt: start, endsAt: new Date(start.getTime() + hours * HOUR), status, title: "Jobkonsulent" },
  });
}

async function tally(centreId: string, date: string, count: number, byTargetGroup?: Record<string, number>) {
  await app.prisma.visitorTally.create({ data: { centreId, date: new Date(`${date}T00:00:00Z`), count, byTargetGroup, recordedById: users.memberA } });
}

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Indsigt Kommune" });
  const other = await createOrganisation(prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" });
  const a = await createCentre(prisma, organisation.id, { name: "A-stedet" });
  const b = await createCentre(prisma, other.id, { name: "B-stedet" });
  const c = await createCentre(prisma, organisation.id, { name: "C-stedet" });
  centreA = { centreId: a.centre.id, unitId: a.unit.id };
  centreB = { centreId: b.centre.id, unitId: b.unit.id };
  centreC = { centreId: c.centre.id, unitId: c.unit.id };
  const housing = await createService(prisma, organisation.id, { name: "Bostøtte" });
  const job = await createService(prisma, organisation.id, { name: "Jobafklaring" });
  await prisma.service.update({ where: { id: job.service.id }, data: { kind: "JOB_CLARIFICATION" } });
  const team = await createUnit(prisma, organisation.id, "CASEWORKER_TEAM", "Myndighed");
  users = {
    memberA: (await createUser(prisma, { memberships: [{ unitId: a.unit.id }] })).id,
    memberB: (await createUser(prisma, { memberships: [{ unitId: b.unit.id }] })).id,
    adminA: (await createUser(prisma, { memberships: [{ unitId: a.unit.id, role: "UNIT_ADMIN" }] })).id,
    orgAdmin: (await createUser(prisma, { organisationAdminOf: [organisation.id] })).id,
    otherOrgAdmin: (await createUser(prisma, { organisationAdminOf: [other.id] })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
  };

  // Visitors at A in October: 12 + 8 + 3 = 23 on two dates; September and November stay out.
  await tally(a.centre.id, "2026-10-01", 12, { ADDICTION: 5, LONELINESS: 3 });
  await tally(a.centre.id, "2026-10-02", 8);
  await tally(a.centre.id, "2026-10-02", 3);
  await tally(a.centre.id, "2026-09-30", 100);
  await tally(a.centre.id, "2026-11-01", 50);
  await tally(b.centre.id, "2026-10-10", 4);
  await tally(c.centre.id, "2026-10-10", 5);

  for (let day = 1; day <= 6; day += 1) {
    await prisma.activityHeld.create({ data: { centreId: a.centre.id, title: "Fællesspisning", date: new Date(`2026-10-0${day}T00:00:00Z`), recordedById: users.memberA } });
  }
  await prisma.activityHeld.create({ data: { centreId: a.centre.id, title: "Gåtur", date: new Date("2026-11-02T00:00:00Z"), recordedById: users.memberA } });

  // Ten handovers sent by A in October (Copenhagen time), and three around it that stay out.
  const A = a.unit.id;
  await handover(A, housing.unit.id, "2026-10-05T08:00:00Z", "COMPLETED", { outcome: "CONNECTED", responseHours: 2 });
  await handover(A, housing.unit.id, "2026-10-06T08:00:00Z", "COMPLETED", { outcome: "CONNECTED", responseHours: 4 });
  await handover(A, job.unit.id, "2026-10-07T08:00:00Z", "COMPLETED", { outcome: "DID_NOT_SHOW", responseHours: 6 });
  await handover(A, job.unit.id, "2026-10-08T08:00:00Z", "COMPLETED", { outcome: "REFERRED_ON", responseHours: 10 });
  await handover(A, housing.unit.id, "2026-10-09T08:00:00Z", "DECLINED", { responseHours: 1 });
  await handover(A, job.unit.id, "2026-10-10T08:00:00Z", "EXPIRED");
  await handover(A, housing.unit.id, "2026-10-11T08:00:00Z", "EXPIRED");
  await handover(A, housing.unit.id, "2026-10-12T08:00:00Z", "ACCEPTED", { responseHours: 3 });
  await handover(A, job.unit.id, "2026-10-13T08:00:00Z", "SENT");
  // 23:30 on 31 October in Copenhagen (winter time, UTC+1) is still October.
  await handover(A, housing.unit.id, "2026-10-31T22:30:00Z", "COMPLETED", { outcome: "CONNECTED", responseHours: 8 });
  // 23:30 on 30 September (summer time, UTC+2) and 00:30 on 1 November are outside.
  await handover(A, housing.unit.id, "2026-09-30T21:30:00Z", "COMPLETED", { outcome: "CONNECTED", responseHours: 1 });
  await handover(A, housing.unit.id, "2026-10-31T23:30:00Z", "EXPIRED");
  await handover(A, housing.unit.id, null, "DRAFT");
  // Five warm introductions received by A from a caseworker team.
  for (let index = 0; index < 5; index += 1) await handover(team.id, A, `2026-10-1${index}T09:00:00Z`, index < 3 ? "RECEIVED" : "COMPLETED", { outcome: index < 3 ? undefined : "CONNECTED", responseHours: 5 });

  // B: four closed handovers (rate base 1–4), C: five closed of which two completed (40 %).
  for (let index = 0; index < 4; index += 1) await handover(b.unit.id, housing.unit.id, `2026-10-1${index}T09:00:00Z`, "COMPLETED", { outcome: "CONNECTED", responseHours: 2 });
  for (let index = 0; index < 5; index += 1) {
    await handover(c.unit.id, housing.unit.id, `2026-10-2${index}T09:00:00Z`, index < 2 ? "COMPLETED" : "DECLINED", { outcome: index < 2 ? "CONNECTED" : undefined, responseHours: 10 + index });
  }

  // Visits at A: five confirmed in October (9,5 hours), plus requested, cancelled and November ones that do not count.
  const spaceA = await prisma.space.create({ data: { centreId: a.centre.id, name: "Samtalerummet" } });
  const spaceB = await prisma.space.create({ data: { centreId: b.centre.id, name: "Lokalet" } });
  await visit(a.centre.id, spaceA.id, job.unit.id, "2026-10-06T08:00:00Z", 2, "CONFIRMED");
  await visit(a.centre.id, spaceA.id, job.unit.id, "2026-10-13T08:00:00Z", 1.5, "CONFIRMED");
  await visit(a.centre.id, spaceA.id, job.unit.id, "2026-10-20T08:00:00Z", 3, "CONFIRMED");
  await visit(a.centre.id, spaceA.id, housing.unit.id, "2026-10-27T09:00:00Z", 2, "CONFIRMED");
  await visit(a.centre.id, spaceA.id, housing.unit.id, "2026-10-28T09:00:00Z", 1, "CONFIRMED");
  await visit(a.centre.id, spaceA.id, housing.unit.id, "2026-10-29T09:00:00Z", 2, "REQUESTED");
  await visit(a.centre.id, spaceA.id, housing.unit.id, "2026-10-30T09:00:00Z", 2, "CANCELLED");
  await visit(a.centre.id, spaceA.id, housing.unit.id, "2026-11-03T09:00:00Z", 2, "CONFIRMED");
  for (let index = 0; index < 4; index += 1) await visit(b.centre.id, spaceB.id, job.unit.id, `2026-10-0${index + 5}T08:00:00Z`, 2, "CONFIRMED");
}, 120_000);

afterAll(async () => {
  await app.close();
});

const FigureFields = graphql(`fragment FigureFields on Figure @_unmask { key unit value display isSuppressed }`);
const FigureSetFields = graphql(
  `fragment FigureSetFields on FigureSet @_unmask {
    visitors { ...FigureFields } tallyDays { ...FigureFields } activitiesHeld { ...FigureFields }
    handoversSent { ...FigureFields } handoversReceived { ...FigureFields } loopClosureRate { ...FigureFields }
    medianHoursToFirstResponse { ...FigureFields } expiryRate { ...FigureFields } visitingServiceHours { ...FigureFields }
    confirmedVisits { ...FigureFields } all { key display }
    visitorsByTargetGroup { key labelDa count { display } }
    handoversSentByCounterpart { key count { value display } } handoversSentByResult { key count { value display } }
    handoversReceivedByCounterpart { key count { value display } } handoversReceivedByResult { key count { value display } }
  }`,
  [FigureFields],
);
const CENTRE_FIGURES = graphql(
  `query ($centreId: ID!, $from: Date!, $to: Date!) {
    centreFigures(centreId: $centreId, from: $from, to: $to) { centreId centreName from to figures { ...FigureSetFields } }
  }`,
  [FigureSetFields],
);
const AREA_FIGURES = graphql(
  `query ($from: Date!, $to: Date!, $centreIds: [ID!]) {
    areaFigures(from: $from, to: $to, centreIds: $centreIds) { from to centres { centreName figures { ...FigureSetFields } } totals { ...FigureSetFields } }
  }`,
  [FigureSetFields],
);
const FIGURES_CSV = graphql(`query ($from: Date!, $to: Date!, $centreIds: [ID!]) { figuresCsv(from: $from, to: $to, centreIds: $centreIds) }`);
const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };

type Figure = ResultOf<typeof FigureFields>;
type Breakdown = ResultOf<typeof FigureSetFields>["handoversSentByCounterpart"];
const sliceOf = (items: Breakdown, key: string) => items.find((item) => item.key === key)?.count;

async function figuresOf(userId: string, centreId: string, period = OCTOBER) {
  return (await runOk(await app.as(userId), CENTRE_FIGURES, { centreId, ...period })).centreFigures;
}

describe("centre figures", () => {
  it("computes every figure of a centre on the known data set", async () => {
    const { centreName, from, figures } = await figuresOf(users.memberA, centreA.centreId);
    expect(centreName).toBe("A-stedet");
    expect(from).toBe("2026-10-01");
    const shown = (figure: Figure) => [figure.value, figure.display, figure.isSuppressed];
    expect(shown(figures.visitors)).toEqual([23, "23", false]);
    expect(shown(figures.tallyDays)).toEqual([null, "<5", true]);
    expect(shown(figures.activitiesHeld)).toEqual([6, "6", false]);
    expect(shown(figures.handoversSent)).toEqual([10, "10", false]);
    expect(shown(figures.handoversReceived)).toEqual([5, "5", false]);
    // 5 completed with an outcome of 8 closed.
    expect(shown(figures.loopClosureRate)).toEqual([62.5, "63 %", false]);
    expect(figures.loopClosureRate.unit).toBe("PERCENT");
    // Responses after 1, 2, 3, 4, 6, 8 and 10 hours.
    expect(shown(figures.medianHoursToFirstResponse)).toEqual([4, "4 t", false]);
    expect(shown(figures.expiryRate)).toEqual([25, "25 %", false]);
    expect(shown(figures.visitingServiceHours)).toEqual([9.5, "9,5 t", false]);
    expect(shown(figures.confirmedVisits)).toEqual([5, "5", false]);
    expect(figures.all.map((figure) => figure.key)).toEqual([
      "visitors", "tallyDays", "activitiesHeld", "handoversSent", "handoversReceived", "loopClosureRate",
      "medianHoursToFirstResponse", "expiryRate", "visitingServiceHours", "confirmedVisits",
    ]);
  });

  it("breaks handovers down by the other side's kind and by outcome, suppressing slices of 1–4", async () => {
    const { figures } = await figuresOf(users.memberA, centreA.centreId);
    expect(sliceOf(figures.handoversSentByCounterpart, "HOUSING_SUPPORT")).toEqual({ value: 6, display: "6" });
    expect(sliceOf(figures.handoversSentByCounterpart, "JOB_CLARIFICATION")).toEqual({ value: null, display: "<5" });
    expect(sliceOf(figures.handoversSentByCounterpart, "HEALTH")).toEqual({ value: 0, display: "0" });
    expect(sliceOf(figures.handoversSentByResult, "CONNECTED")).toEqual({ value: null, display: "<5" });
    expect(sliceOf(figures.handoversSentByResult, "WITHDRAWN")).toEqual({ value: 0, display: "0" });
    expect(sliceOf(figures.handoversReceivedByCounterpart, "CASEWORKER_TEAM")).toEqual({ value: 5, display: "5" });
    expect(figures.visitorsByTargetGroup.find((item) => item.key === "ADDICTION")).toMatchObject({ labelDa: "Misbrug og rusmidler", count: { display: "5" } });
    expect(figures.visitorsByTargetGroup.find((item) => item.key === "LONELINESS")!.count.display).toBe("<5");
  });

  it("shows a count of 4 as \"<5\" and a count of 5 as \"5\"", async () => {
    const b = await figuresOf(users.coordinator, centreB.centreId);
    const c = await figuresOf(users.coordinator, centreC.centreId);
    expect(b.figures.visitors).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    expect(c.figures.visitors).toMatchObject({ value: 5, display: "5", isSuppressed: false });
  });

  it("suppresses rates, medians and hours whose base is 1–4, and shows 0 and \"–\" when there is no base", async () => {
    const b = await figuresOf(users.coordinator, centreB.centreId);
    expect(b.figures.loopClosureRate).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    expect(b.figures.medianHoursToFirstResponse).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    expect(b.figures.visitingServiceHours).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    const c = await figuresOf(users.coordinator, centreC.centreId);
    expect(c.figures.loopClosureRate).toMatchObject({ value: 40, display: "40 %" });
    expect(c.figures.medianHoursToFirstResponse).toMatchObject({ value: 12, display: "12 t" });
    expect(c.figures.activitiesHeld).toMatchObject({ value: 0, display: "0", isSuppressed: false });
    expect(c.figures.visitingServiceHours).toMatchObject({ value: null, display: "–", isSuppressed: false });
  });

  it("counts nothing outside the period", async () => {
    const { figures } = await figuresOf(users.memberA, centreA.centreId, { from: "2026-12-01", to: "2026-12-31" });
    expect(figures.all.map((figure) => figure.display)).toEqual(["0", "0", "0", "0", "0", "–", "–", "–", "–", "0"]);
  });

  it("refuses a period that ends before it starts", async () => {
    const response = await run(await app.as(users.coordinator), CENTRE_FIGURES, { centreId: centreA.centreId, from: "2026-10-31", to: "2026-10-01" });
    expect(response.errors?.[0]?.extensions?.["code"]).toBe("VALIDATION_FAILED");
  });
});

describe("area figures", () => {
  it("gives coordinators a row per centre and totals built only from what the rows show", async () => {
    const area = (await runOk(await app.as(users.coordinator), AREA_FIGURES, {
      ...OCTOBER,
      centreIds: [centreA.centreId, centreB.centreId, centreC.centreId],
    })).areaFigures;
    expect(area.centres.map((row) => row.centreName)).toEqual(["A-stedet", "B-stedet", "C-stedet"]);
    // B's 4 visitors and 4 handovers are suppressed in its row, so they add nothing to the totals.
    expect(area.totals.visitors).toMatchObject({ value: 28, display: "28" });
    expect(area.totals.handoversSent).toMatchObject({ value: 15, display: "15" });
    // Pooled over A (5 of 8) and C (2 of 5), not B.
    expect(area.totals.loopClosureRate.value).toBeCloseTo((7 / 13) * 100, 6);
    expect(area.totals.loopClosureRate.display).toBe("54 %");
    expect(area.totals.visitingServiceHours).toMatchObject({ value: 9.5, display: "9,5 t" });
    expect(area.totals.confirmedVisits).toMatchObject({ value: 5, display: "5" });
    expect(sliceOf(area.totals.handoversSentByCounterpart, "HOUSING_SUPPORT")).toEqual({ value: 11, display: "11" });
  });

  it("covers every centre when no centres are named", async () => {
    const area = (await runOk(await app.as(users.coordinator), AREA_FIGURES, OCTOBER)).areaFigures;
    expect(area.centres.map((row) => row.centreName)).toEqual(["A-stedet", "B-stedet", "C-stedet"]);
  });

  it("exports CSV for Excel: BOM, semicolons, decimal comma, Danish header, \"<5\" cells and a total row", async () => {
    const { figuresCsv: csv } = await runOk(await app.as(users.coordinator), FIGURES_CSV, { ...OCTOBER, centreIds: [centreA.centreId, centreB.centreId] });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe("");
    const header = lines[0]!.split(";");
    expect(header.slice(0, 13)).toEqual([
      "Værested", "Fra", "Til", "Besøgende", "Dage med optælling", "Afholdte aktiviteter", "Sendte overleveringer",
      "Modtagne overleveringer", "Lukket sløjfe (%)", "Median svartid (timer)", "Udløbet uden svar (%)",
      "Timer med udgående tilbud (timer)", "Bekræftede besøg",
    ]);
    expect(header).toContain("Sendt til: Bostøtte");
    expect(lines[1]!.split(";").slice(0, 13)).toEqual(["A-stedet", "2026-10-01", "2026-10-31", "23", "<5", "6", "10", "5", "62,5", "4,0", "25,0", "9,5", "5"]);
    expect(lines[2]!.split(";").slice(0, 13)).toEqual(["B-stedet", "2026-10-01", "2026-10-31", "<5", "<5", "0", "<5", "0", "<5", "<5", "<5", "<5", "<5"]);
    expect(lines[3]!.split(";").slice(0, 4)).toEqual(["I alt", "2026-10-01", "2026-10-31", "23"]);
    expect(csv).not.toContain("Fællesspisning");
  });
});

describe("who may see figures", () => {
  it("lets the centre's members, its unit admin and its organisation's admin see its figures", async () => {
    for (const userId of [users.memberA, users.adminA, users.orgAdmin]) {
      expect((await figuresOf(userId, centreA.centreId)).figures.visitors.value).toBe(23);
    }
  });

  it("refuses a member of another centre and an admin of another organisation", async () => {
    for (const userId of [users.memberB, users.otherOrgAdmin]) {
      const response = await run(await app.as(userId), CENTRE_FIGURES, { centreId: centreA.centreId, ...OCTOBER });
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
      expect(response.data?.centreFigures ?? null).toBeNull();
    }
  });

  it("keeps area figures and CSV to coordinators", async () => {
    const member = await app.as(users.memberA);
    expect((await run(member, AREA_FIGURES, OCTOBER)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const csv = await run(app.anonymous, graphql(`query { figuresCsv(from: "2026-10-01", to: "2026-10-31") }`));
    expect(csv.errors?.[0]?.extensions?.["code"]).toBe("NOT_AUTHENTICATED");
  });

  it("publishes every figure's definition to anyone", async () => {
    const { figureDefinitions: definitions } = await runOk(app.anonymous, graphql(`{ figureDefinitions { key unit nameDa nameEn definitionDa definitionEn } }`));
    expect(definitions).toHaveLength(10);
    for (const definition of definitions) {
      expect(definition.definitionDa.length).toBeGreaterThan(40);
      expect(definition.definitionEn.length).toBeGreaterThan(40);
    }
    expect(definitions.find((definition) => definition.key === "loopClosureRate")).toMatchObject({ unit: "PERCENT", nameDa: "Lukket sløjfe" });
  });
});

describe("recording tallies and activities", () => {
  const RECORD_TALLY = graphql(`mutation ($input: RecordVisitorTallyInput!) {
    recordVisitorTally(input: $input) {
      __typename
      ... on RecordVisitorTallySuccess { tally { id date count byTargetGroup { targetGroup count } } }
      ... on Error { code }
      ... on ValidationError { issues { field } }
    }
  }`);

  it("records a tally for a member, and a second tally for the same day corrects it instead of adding", async () => {
    const member = await app.as(users.memberA);
    const first = (await runOk(member, RECORD_TALLY, { input: { centreId: centreA.centreId, date: "2026-11-20", count: 14, byTargetGroup: [{ targetGroup: "ADULTS", count: 6 }] } })).recordVisitorTally;
    if (first.__typename !== "RecordVisitorTallySuccess") expect.fail(first.__typename);
    expect(first.tally).toMatchObject({ date: "2026-11-20", count: 14, byTargetGroup: [{ targetGroup: "ADULTS", count: 6 }] });
    const second = (await runOk(member, RECORD_TALLY, { input: { centreId: centreA.centreId, date: "2026-11-20", count: 16 } })).recordVisitorTally;
    if (second.__typename !== "RecordVisitorTallySuccess") expect.fail(second.__typename);
    expect(second.tally).toMatchObject({ id: first.tally.id, count: 16, byTargetGroup: [] });
    const rows = await app.prisma.visitorTally.findMany({ where: { centreId: centreA.centreId, date: new Date("2026-11-20T00:00:00Z") } });
    expect(rows.map((row) => row.count)).toEqual([16]);
  });

  it("lists the raw tallies to the centre's own people but not to coordinators, who see only suppressed figures", async () => {
    const LIST = graphql(`query ($centreId: ID!) { visitorTallies(centreId: $centreId, from: "2026-10-01", to: "2026-10-31") { date count } }`);
    const tallies = (await runOk(await app.as(users.adminA), LIST, { centreId: centreA.centreId })).visitorTallies;
    expect(tallies.map((row) => [row.date, row.count]).sort()).toEqual([["2026-10-01", 12], ["2026-10-02", 3], ["2026-10-02", 8]]);
    const refused = await run(await app.as(users.coordinator), LIST, { centreId: centreA.centreId });
    expect(refused.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("refuses a split that adds up to more than the total, a count over 1000 and a future date", async () => {
    const member = await app.as(users.memberA);
    const tooMuchSplit = await runError(member, RECORD_TALLY, {
      input: { centreId: centreA.centreId, date: "2026-11-21", count: 5, byTargetGroup: [{ targetGroup: "ADULTS", count: 4 }, { targetGroup: "ADDICTION", count: 2 }] },
    }, "ValidationError");
    expect(tooMuchSplit).toMatchObject({ __typename: "ValidationError", issues: [{ field: "byTargetGroup" }] });
    const tooMany = await runError(member, RECORD_TALLY, { input: { centreId: centreA.centreId, date: "2026-11-21", count: 1001 } }, "ValidationError");
    expect(tooMany).toMatchObject({ __typename: "ValidationError", issues: [{ field: "count" }] });
    const future = await runError(member, RECORD_TALLY, { input: { centreId: centreA.centreId, date: "2026-11-26", count: 3 } }, "ValidationError");
    expect(future).toMatchObject({ __typename: "ValidationError", issues: [{ field: "date" }] });
    expect(await app.prisma.visitorTally.count({ where: { date: { gte: new Date("2026-11-21T00:00:00Z") } } })).toBe(0);
  });

  it("refuses a tally from a member of another centre with ForbiddenError", async () => {
    const result = await runError(await app.as(users.memberB), RECORD_TALLY, { input: { centreId: centreA.centreId, date: "2026-11-22", count: 3 } }, "ForbiddenError");
    expect(result.__typename).toBe("ForbiddenError");
  });

  it("records an activity held, and refuses a title holding a CPR number", async () => {
    const member = await app.as(users.memberA);
    const RECORD_ACTIVITY = graphql(`mutation ($input: RecordActivityHeldInput!) {
      recordActivityHeld(input: $input) { __typename ... on RecordActivityHeldSuccess { activityHeld { title date participants } } ... on Error { code } }
    }`);
    const held = (await runOk(member, RECORD_ACTIVITY, { input: { centreId: centreA.centreId, date: "2026-11-24", title: "Banko", participants: 11 } })).recordActivityHeld;
    expect(held).toEqual({ __typename: "RecordActivityHeldSuccess", activityHeld: { title: "Banko", date: "2026-11-24", participants: 11 } });
    const refused = await runError(member, RECORD_ACTIVITY, { input: { centreId: centreA.centreId, date: "2026-11-24", title: "Banko med 010190-1234" } }, "CprRefusedError");
    expect(refused).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED" });
    expect(await app.prisma.activityHeld.count({ where: { title: { contains: "010190" } } })).toBe(0);
  });
});

describe("CSV cells", () => {
  it("quotes a centre name holding a semicolon and defuses one that starts like a formula", async () => {
    const organisation = await createOrganisation(app.prisma);
    const tricky = await createCentre(app.prisma, organisation.id, { name: "=Stedet; \"det nye\"" });
    const { figuresCsv: csv } = await runOk(
      await app.as(users.coordinator),
      graphql(`query ($ids: [ID!]) { figuresCsv(from: "2026-10-01", to: "2026-10-31", centreIds: $ids) }`),
      { ids: [tricky.centre.id] },
    );
    expect(csv.split("\r\n")[1]).toMatch(/^"'=Stedet; ""det nye"""(;[^;]*){2};0;0;0;0;0;;;;;0;/);
  });
});

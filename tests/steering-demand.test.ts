// Demand by hour and target group: visitor tallies per opening period on a week × hour grid,
// overnight periods running into the next day, small counts suppressed, and the role split.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoursCovered } from "../server/modules/steering/demand.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let users: { strategic: string; member: string };

const RECORD = graphql(`mutation RecordTally($input: RecordVisitorTallyInput!) { recordVisitorTally(input: $input) { __typename ... on Error { code } } }`);
const DEMAND = graphql(`query Demand($targetGroup: TargetGroup) {
  demandByHour(from: "2026-11-16", to: "2026-11-25", targetGroup: $targetGroup) {
    targetGroup cells { weekday hour visitors { value display isSuppressed } } visitorsWithoutPeriod { value display isSuppressed }
  }
}`);

type Cell = ResultOf<typeof DEMAND>["demandByHour"]["cells"][number];
const at = (cells: Cell[], weekday: number, hour: number) => cells.find((cell) => cell.weekday === weekday && cell.hour === hour)!.visitors;

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  const first = await createCentre(app.prisma, organisation.id, { name: "Dagcafé" });
  const second = await createCentre(app.prisma, organisation.id, { name: "Natcafé" });
  const monday = await app.prisma.openingPeriod.create({ data: { centreId: first.centre.id, weekday: 1, startMinute: 600, endMinute: 840 } });
  const friday = await app.prisma.openingPeriod.create({ data: { centreId: first.centre.id, weekday: 5, startMinute: 1200, endMinute: 120, isOvernight: true } });
  const noon = await app.prisma.openingPeriod.create({ data: { centreId: second.centre.id, weekday: 1, startMinute: 720, endMinute: 810 } });
  const member = await createUser(app.prisma, { memberships: [{ unitId: first.unit.id }, { unitId: second.unit.id }] });
  users = { strategic: (await createUser(app.prisma, { globalRole: "STRATEGIC_GROUP" })).id, member: member.id };
  const caller = await app.as(member.id);
  const record = async (input: VariablesOf<typeof RECORD>["input"]) =>
    expect((await runOk(caller, RECORD, { input })).recordVisitorTally.__typename).toBe("RecordVisitorTallySuccess");
  await record({
    centreId: first.centre.id,
    date: "2026-11-23",
    openingPeriodId: monday.id,
    count: 12,
    byTargetGroup: [{ targetGroup: "ADDICTION", count: 6 }, { targetGroup: "HOMELESSNESS", count: 3 }],
  });
  await record({ centreId: first.centre.id, date: "2026-11-16", openingPeriodId: monday.id, count: 4 });
  await record({ centreId: first.centre.id, date: "2026-11-20", openingPeriodId: friday.id, count: 8 });
  await record({ centreId: second.centre.id, date: "2026-11-23", openingPeriodId: noon.id, count: 5, byTargetGroup: [{ targetGroup: "ADDICTION", count: 2 }] });
  await record({ centreId: second.centre.id, date: "2026-11-24", count: 3 });
});
afterAll(async () => {
  await app.close();
});

describe("hours an opening period covers", () => {
  it("includes every hour the period touches and runs overnight periods into the next day", () => {
    expect(hoursCovered({ weekday: 2, startMinute: 630, endMinute: 735, isOvernight: false })).toEqual([10, 11, 12].map((hour) => ({ weekday: 2, hour })));
    expect(hoursCovered({ weekday: 7, startMinute: 1380, endMinute: 60, isOvernight: true })).toEqual([
      { weekday: 7, hour: 23 },
      { weekday: 1, hour: 0 },
    ]);
  });
});

describe("demand by hour", () => {
  it("lays every tally on the hours of its opening period, across centres, with small counts suppressed", async () => {
    const grid = (await runOk(await app.as(users.strategic), DEMAND, {})).demandByHour;
    expect(grid.cells).toHaveLength(7 * 24);
    // Monday 10–14 at Dagcafé: 12 + 4 on two Mondays; Natcafé adds 5 from 12:00 to 13:30.
    expect(at(grid.cells, 1, 9)).toEqual({ value: 0, display: "0", isSuppressed: false });
    expect(at(grid.cells, 1, 10)).toEqual({ value: 16, display: "16", isSuppressed: false });
    expect(at(grid.cells, 1, 12).value).toBe(21);
    expect(at(grid.cells, 1, 13).value).toBe(21);
    expect(at(grid.cells, 1, 14).value).toBe(0);
    // Friday 20:00–02:00 runs into Saturday.
    expect(at(grid.cells, 5, 19).value).toBe(0);
    expect(at(grid.cells, 5, 23).value).toBe(8);
    expect(at(grid.cells, 6, 1).value).toBe(8);
    expect(at(grid.cells, 6, 2).value).toBe(0);
    expect(grid.visitorsWithoutPeriod).toEqual({ value: null, display: "<5", isSuppressed: true });
  });

  it("shows one target group's recorded split, suppressed below 5", async () => {
    const caller = await app.as(users.strategic);
    const addiction = (await runOk(caller, DEMAND, { targetGroup: "ADDICTION" })).demandByHour;
    expect(addiction.targetGroup).toBe("ADDICTION");
    expect(at(addiction.cells, 1, 10).value).toBe(6);
    expect(at(addiction.cells, 1, 12).value).toBe(8);
    expect(at(addiction.cells, 5, 23).value).toBe(0);
    const homeless = (await runOk(caller, DEMAND, { targetGroup: "HOMELESSNESS" })).demandByHour;
    expect(at(homeless.cells, 1, 10)).toEqual({ value: null, display: "<5", isSuppressed: true });
  });

  it("is for coordinators and the strategic group, not for a centre's staff", async () => {
    await runError(await app.as(users.member), DEMAND, {}, "FORBIDDEN");
  });
});

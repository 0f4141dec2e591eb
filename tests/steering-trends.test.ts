// Monthly trends: each figure month by month for the area and one centre, months cut at local
// (Europe/Copenhagen) midnight across month ends and both DST changes, suppression per month,
// and the CSV.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthsBetween } from "../server/modules/steering/trends.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runOk } from "./support/graphql.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

let app: TestApp;
let ids: { big: string; small: string; strategic: string; smallMember: string; bigMember: string };

const TREND = graphql(`query ($centreId: ID) {
  figureTrend(fromMonth: "2026-02", toMonth: "2026-11", centreId: $centreId) {
    scopeName months { month from to figures { visitors { value display isSuppressed } handoversSent { value display isSuppressed } } }
  }
}`);

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  const big = await createCentre(app.prisma, organisation.id, { name: "Store Værested" });
  const small = await createCentre(app.prisma, organisation.id, { name: "Lille Værested" });
  const service = await createService(app.prisma, organisation.id);
  const sender = await createUser(app.prisma, { memberships: [{ unitId: big.unit.id }] });
  ids = {
    big: big.centre.id,
    small: small.centre.id,
    strategic: (await createUser(app.prisma, { globalRole: "STRATEGIC_GROUP" })).id,
    smallMember: (await createUser(app.prisma, { memberships: [{ unitId: small.unit.id }] })).id,
    bigMember: sender.id,
  };
  // Five handovers at each instant, so a month boundary off by an hour would move all five.
  const instants = [
    "2026-03-29T00:30:00Z", // 01:30 CET on the spring-forward day → March
    "2026-03-31T21:30:00Z", // 23:30 CEST on 31 March → March
    "2026-03-31T22:30:00Z", // 00:30 CEST on 1 April → April
    "2026-10-25T00:30:00Z", // 02:30 CEST, the first of the repeated hour → October
    "2026-10-31T22:30:00Z", // 23:30 CET on 31 October → October
    "2026-10-31T23:30:00Z", // 00:30 CET on 1 November → November
  ];
  for (const instant of instants) {
    for (let index = 0; index < 5; index += 1) {
      const sentAt = new Date(Date.parse(instant) + index * 1000);
      await app.prisma.handover.create({
        data: {
          code: `T${randomUUID().slice(0, 8).toUpperCase()}`,
          fromUnitId: big.unit.id,
          toUnitId: service.unit.id,
          createdById: sender.id,
          status: "SENT",
          purpose: "Bolig",
          helpCategories: ["HOUSING"],
          sentAt,
          expiresAt: new Date(sentAt.getTime() + 5 * 86_400_000),
        },
      });
    }
  }
  const tally = (centreId: string, date: string, count: number) =>
    app.prisma.visitorTally.create({ data: { centreId, date: new Date(`${date}T00:00:00.000Z`), count, recordedById: sender.id } });
  await tally(big.centre.id, "2026-02-28", 7);
  await tally(big.centre.id, "2026-03-01", 9);
  await tally(small.centre.id, "2026-03-15", 3);
  await tally(small.centre.id, "2026-11-02", 6);
});
afterAll(async () => {
  await app.close();
});

describe("months", () => {
  it("ends each month on its last day, leap years included, and refuses a reversed or too long range", () => {
    expect(monthsBetween("2023-12", "2024-03")).toEqual([
      { month: "2023-12", from: "2023-12-01", to: "2023-12-31" },
      { month: "2024-01", from: "2024-01-01", to: "2024-01-31" },
      { month: "2024-02", from: "2024-02-01", to: "2024-02-29" },
      { month: "2024-03", from: "2024-03-01", to: "2024-03-31" },
    ]);
    expect(monthsBetween("2026-02", "2026-02")[0]!.to).toBe("2026-02-28");
    expect(() => monthsBetween("2026-05", "2026-04")).toThrow();
    expect(() => monthsBetween("2026-13", "2027-01")).toThrow();
    expect(() => monthsBetween("2020-01", "2023-01")).toThrow();
  });
});

describe("figure trends", () => {
  it("counts handovers in the local month they were sent, across month ends and both DST changes", async () => {
    const trend = (await runOk(await app.as(ids.strategic), TREND, {})).figureTrend;
    expect(trend.scopeName).toBe("Hele området");
    const months = trend.months;
    expect(months.map((month) => month.month)).toEqual(["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    const sent = Object.fromEntries(months.map((month) => [month.month, month.figures.handoversSent.value]));
    expect(sent).toMatchObject({ "2026-02": 0, "2026-03": 10, "2026-04": 5, "2026-05": 0, "2026-09": 0, "2026-10": 10, "2026-11": 5 });
  });

  it("cuts tallies at the month end and leaves a centre's suppressed month out of the area", async () => {
    const months = (await runOk(await app.as(ids.strategic), TREND, {})).figureTrend.months;
    const visitors = (month: string) => months.find((row) => row.month === month)!.figures.visitors;
    expect(visitors("2026-02")).toEqual({ value: 7, display: "7", isSuppressed: false });
    // March: the big centre's 9; the small centre's 3 is suppressed in its own row and adds nothing.
    expect(visitors("2026-03")).toEqual({ value: 9, display: "9", isSuppressed: false });
    expect(visitors("2026-11").value).toBe(6);

    const small = (await runOk(await app.as(ids.smallMember), TREND, { centreId: ids.small })).figureTrend;
    expect(small.scopeName).toBe("Lille Værested");
    const smallMarch = small.months.find((row) => row.month === "2026-03")!.figures.visitors;
    expect(smallMarch).toEqual({ value: null, display: "<5", isSuppressed: true });
  });

  it("writes the trend as CSV, one row per month, suppressed cells as <5", async () => {
    const csv = (
      await runOk(
        await app.as(ids.smallMember),
        graphql(`query ($centreId: ID) { figureTrendCsv(fromMonth: "2026-02", toMonth: "2026-04", centreId: $centreId) }`),
        { centreId: ids.small },
      )
    ).figureTrendCsv;
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Måned;Omfang;Besøgende;/);
    expect(lines[2]).toMatch(/^2026-03;Lille Værested;<5;/);
  });

  it("lets a centre's member see only their own centre's trend and not the area's", async () => {
    const member = await app.as(ids.smallMember);
    expect((await run(member, TREND, { centreId: ids.big })).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect((await run(member, TREND, {})).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const invalid = await run(await app.as(ids.strategic), graphql(`{ figureTrend(fromMonth: "2026-05", toMonth: "2026-04") { scopeName } }`));
    expect(invalid.errors?.[0]?.extensions?.["code"]).toBe("VALIDATION_FAILED");
  });
});

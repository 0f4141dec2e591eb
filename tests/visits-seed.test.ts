// The demo data shows something under "this week at the centre" whenever the demo starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // A Wednesday in winter time (CET).
  app.clock.set("2026-11-25T09:00:00.000Z");
  await seedDemoData(app.prisma, app.clock);
  // Seeding every module (and hashing the demo passwords) is slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

const THIS_WEEK = graphql(`query ThisWeekAtCentre($centreId: ID!, $weekOf: Date) { thisWeekAtCentre(centreId: $centreId, weekOf: $weekOf) {
  title startsAt endsAt serviceUnitName internalNote } }`);
const AREA = graphql(`query AreaCalendarWeek { areaCalendar(from: "2026-11-23", days: 7) { entries { kind title centreName startsAt } } }`);

describe("visits demo data", () => {
  it("shows the job counsellor and the housing support at Lyset this week, in Copenhagen time", async () => {
    const week = (await runOk(app.anonymous, THIS_WEEK, { centreId: seedId("centre:lyset") })).thisWeekAtCentre;
    expect(week).toEqual([
      {
        title: "Spørg jobkonsulenten – ingen tidsbestilling",
        startsAt: "2026-11-24T09:00:00.000Z", // Tuesday 10:00 CET
        endsAt: "2026-11-24T11:00:00.000Z",
        serviceUnitName: "Jobafklaring – Jobcenter Fjordby",
        internalNote: null,
      },
      {
        title: "Bostøtten er på besøg",
        startsAt: "2026-11-26T12:00:00.000Z", // Thursday 13:00 CET
        endsAt: "2026-11-26T13:00:00.000Z",
        serviceUnitName: "Bostøtten Fjordby",
        internalNote: null,
      },
    ]);
  });

  it("shows the street nurses at Broen and keeps the weekly series for 8 weeks", async () => {
    const broen = (await runOk(app.anonymous, THIS_WEEK, { centreId: seedId("centre:broen") })).thisWeekAtCentre;
    expect(broen.map((visit) => [visit.title, visit.startsAt])).toEqual([
      ["Gadesygeplejersken kigger forbi", "2026-11-25T09:00:00.000Z"],
    ]);
    const series = await app.prisma.visit.findMany({ where: { seriesId: seedId("visit-series:lyset-job") }, orderBy: { startsAt: "asc" } });
    expect(series).toHaveLength(8);
    expect(series.every((visit) => visit.status === "CONFIRMED")).toBe(true);
    expect(await app.prisma.trustedService.count({ where: { centreId: seedId("centre:lyset") } })).toBe(1);
  });

  it("can run again without duplicating anything", { timeout: 180_000 }, async () => {
    const before = await app.prisma.visit.count();
    await seedDemoData(app.prisma, app.clock);
    expect(await app.prisma.visit.count()).toBe(before);
    // 12 of issue 3 and the first round of issue 19, 4 answering Kompasset's wish, 1 on a holiday at Lyset.
    expect(before).toBe(17);
  });
});

describe("visit histories in the demo data (issue 19)", () => {
  it("has an expired old request that freed its slot and a rescheduled visit with a higher sequence", async () => {
    const expired = await app.prisma.visit.findUniqueOrThrow({ where: { id: seedId("visit:lyset-housing-expired") }, include: { events: { orderBy: { at: "asc" } } } });
    expect(expired.status).toBe("EXPIRED");
    expect(expired.events.map((event) => event.type)).toEqual(["REQUESTED", "EXPIRED"]);
    const moved = await app.prisma.visit.findUniqueOrThrow({ where: { id: seedId("visit:lyset-housing") }, include: { events: { orderBy: { at: "asc" } } } });
    expect(moved.status).toBe("CONFIRMED");
    expect(moved.sequence).toBe(3);
    expect(moved.events.map((event) => event.type)).toEqual(["REQUESTED", "CONFIRMED", "RESCHEDULED", "CONFIRMED"]);
    // Running the jobs at the seeded time expires nothing more: the demo's open request is recent.
    expect((await app.runJobs()).expireVisitRequests).toBe(0);
  });
});

describe("wishes, collisions and the area calendar in the demo data (issue 19)", () => {
  it("has a centre's wish answered by a service, and an open one for the housing-support worker", async () => {
    const answered = await app.prisma.visitWish.findUniqueOrThrow({ where: { id: seedId("visit-wish:kompasset-job") }, include: { visits: true } });
    expect(answered.status).toBe("OPEN");
    expect(answered.visits).toHaveLength(4);
    expect(answered.visits.every((visit) => visit.status === "CONFIRMED" && visit.serviceUnitId === seedId("unit:jobafklaring"))).toBe(true);
    const open = await app.prisma.visitWish.findUniqueOrThrow({ where: { id: seedId("visit-wish:havnen-housing") }, include: { visits: true } });
    expect(open.visits).toEqual([]);
  });

  it("shows a confirmed visit on Christmas Eve at Lyset as an upcoming collision", async () => {
    const collision = await app.prisma.visit.findUniqueOrThrow({ where: { id: seedId("visit:lyset-housing-holiday") } });
    expect(collision.startsAt.toISOString()).toBe("2026-12-24T13:00:00.000Z");
  });

  it("shows this week's meals and visiting services in the area calendar", async () => {
    const { entries } = (await runOk(app.anonymous, AREA)).areaCalendar;
    const kinds = new Set(entries.map((entry) => entry.kind));
    expect(kinds).toEqual(new Set(["MEAL", "ACTIVITY", "VISIT"]));
    expect(entries).toContainEqual({ kind: "MEAL", title: "Fællesspisning", centreName: "Værestedet Lyset", startsAt: "2026-11-26T16:30:00.000Z" });
    expect(entries).toContainEqual({ kind: "VISIT", title: "Jobsnak for unge – kom som du er", centreName: "Ungestedet Kompasset", startsAt: "2026-11-25T13:00:00.000Z" });
  });
});

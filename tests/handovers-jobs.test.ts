// Handover jobs with a set clock: expiry after the receiver's response window, and purging of
// personal data after closure plus the retention period (or when consent runs out). The
// database itself is checked: no personal data row survives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireHandovers, purgePersonalData } from "../server/modules/handovers/handover.jobs.ts";
import { buildHandoverWorld, type HandoverWorld, refreshSessions } from "./support/world.ts";
import { createHandover, getHandover, transitionOk, WITH_CONSENT } from "./support/handovers.ts";
import { dataOf, DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, TEST_START, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;
const start = Date.parse(TEST_START);
const at = (days: number, extraMs = 0) => new Date(start + days * DAY_MS + extraMs);

beforeAll(async () => {
  app = await startTestApp({ environment: { RETENTION_DAYS: "30" } });
  world = await buildHandoverWorld(app, { responseWindowDays: 3 });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

async function moveTo(date: Date) {
  app.clock.set(date);
  await refreshSessions(app, world);
}

describe("expireHandovers", { timeout: SLOW_TEST_MS }, () => {
  it("expires SENT and RECEIVED handovers after the service's response window, once, with an event; answered ones stay", async () => {
    await moveTo(at(0));
    const sent = await createHandover(world.staff, world, { send: true });
    const received = await createHandover(world.staff, world, { send: true });
    await transitionOk(world.worker, "markHandoverReceived", { handoverId: received.id });
    const accepted = await createHandover(world.staff, world, { send: true });
    await transitionOk(world.worker, "acceptHandover", { handoverId: accepted.id });
    const draft = await createHandover(world.staff, world, {});
    // A centre as receiver uses the default window of 5 days.
    const toCentre = await createHandover(world.worker, world, {
      fromUnitId: world.serviceUnitId,
      toUnitId: world.centreUnitId,
      send: true,
    });
    expect(Date.parse(sent.expiresAt!)).toBe(at(3).getTime());
    expect(Date.parse(toCentre.expiresAt!)).toBe(at(5).getTime());

    await moveTo(at(3, -1));
    expect((await app.runJobs())["expireHandovers"]).toBe(0);

    await moveTo(at(3));
    expect((await app.runJobs())["expireHandovers"]).toBe(2);
    const statuses = async () =>
      Object.fromEntries(
        (await app.prisma.handover.findMany({ where: { id: { in: [sent.id, received.id, accepted.id, draft.id, toCentre.id] } } })).map((row) => [
          row.id,
          row.status,
        ]),
      );
    expect(await statuses()).toEqual({
      [sent.id]: "EXPIRED",
      [received.id]: "EXPIRED",
      [accepted.id]: "ACCEPTED",
      [draft.id]: "DRAFT",
      [toCentre.id]: "SENT",
    });
    // Running again changes nothing: the job is idempotent.
    expect((await app.runJobs())["expireHandovers"]).toBe(0);
    expect(await app.prisma.handoverEvent.count({ where: { handoverId: sent.id, type: "EXPIRED" } })).toBe(1);
    const view = dataOf(await getHandover(world.staff, sent.id)).handover;
    expect(view.events.at(-1)).toMatchObject({ type: "EXPIRED", fromStatus: "SENT", toStatus: "EXPIRED", actorUnit: null });
    expect(view.closedAt).toBe(at(3).toISOString());

    await moveTo(at(5));
    await app.runJobs();
    expect((await statuses())[toCentre.id]).toBe("EXPIRED");
  });

  it("applies each expiry once when two runs race", async () => {
    await moveTo(at(10));
    await app.runJobs(); // settle anything left over from earlier tests
    const handovers = await Promise.all([1, 2, 3].map(() => createHandover(world.staff, world, { send: true })));
    await moveTo(at(14));
    const deps = { prisma: app.prisma, clock: app.clock, config: app.config, pubsub: app.live.pubsub };
    const [first, second] = await Promise.all([expireHandovers.run(deps), expireHandovers.run(deps)]);
    expect(first + second).toBe(3);
    const events = await app.prisma.handoverEvent.count({ where: { handoverId: { in: handovers.map((h) => h.id) }, type: "EXPIRED" } });
    expect(events).toBe(3);
  });
});

describe("purgePersonalData", { timeout: SLOW_TEST_MS }, () => {
  it("deletes personal data retentionDays after closure, sets personalDataPurgedAt and writes an event; open handovers keep theirs", async () => {
    await moveTo(at(20));
    const validUntil = at(200).toISOString();
    const completed = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(validUntil) });
    await transitionOk(world.worker, "acceptHandover", { handoverId: completed.id });
    await transitionOk(world.worker, "completeHandover", { handoverId: completed.id, outcome: "CONNECTED" });
    const declined = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(validUntil) });
    await transitionOk(world.worker, "declineHandover", { handoverId: declined.id, reason: "Ikke vores målgruppe" });
    const cancelled = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(validUntil) });
    await transitionOk(world.staff, "cancelHandover", { handoverId: cancelled.id, reason: "Borgeren flyttede" });
    const open = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(validUntil) });
    await transitionOk(world.worker, "acceptHandover", { handoverId: open.id });
    const closedIds = [completed.id, declined.id, cancelled.id];

    // Anonymous handovers closed by the tests above are purged along the way; count these three.
    const purgedOfThese = () => app.prisma.handover.count({ where: { id: { in: closedIds }, personalDataPurgedAt: { not: null } } });
    await moveTo(at(50, -1));
    await app.runJobs();
    expect(await purgedOfThese()).toBe(0);
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: { in: closedIds } } })).toBe(3);

    await moveTo(at(50));
    expect((await app.runJobs())["purgePersonalData"]).toBe(3);
    expect(await purgedOfThese()).toBe(3);
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: { in: closedIds } } })).toBe(0);
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: open.id } })).toBe(1);
    const rows = await app.prisma.handover.findMany({ where: { id: { in: closedIds } } });
    expect(rows.every((row) => row.personalDataPurgedAt?.getTime() === at(50).getTime())).toBe(true);
    expect(await app.prisma.handoverEvent.count({ where: { handoverId: { in: closedIds }, type: "PERSONAL_DATA_PURGED" } })).toBe(3);
    expect((await app.runJobs())["purgePersonalData"]).toBe(0);

    const view = dataOf(await getHandover(world.staff, completed.id)).handover;
    expect(view).toMatchObject({ status: "COMPLETED", outcome: "CONNECTED" });
    expect(view.events.at(-1)).toMatchObject({ type: "PERSONAL_DATA_PURGED", actorUnit: null });
  });

  it("purges expired handovers' personal data too, and personal data whose consent ran out even on an open handover", async () => {
    await moveTo(at(100));
    const expiring = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(at(300).toISOString()) });
    const shortConsent = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(at(101).toISOString()) });
    await transitionOk(world.worker, "acceptHandover", { handoverId: shortConsent.id });

    await moveTo(at(101));
    await app.runJobs();
    expect(await app.prisma.handoverPersonalData.findUnique({ where: { handoverId: shortConsent.id } })).toBeNull();
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: shortConsent.id } })).status).toBe("ACCEPTED");

    await moveTo(at(103));
    await app.runJobs();
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: expiring.id } })).status).toBe("EXPIRED");
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: expiring.id } })).toBe(1);

    await moveTo(at(133));
    await app.runJobs();
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: expiring.id } })).toBe(0);
  });

  it("leaves no personal data row of a closed handover once the retention period is over", async () => {
    await moveTo(at(400));
    await app.runJobs();
    const survivors = await app.prisma.handoverPersonalData.count({
      where: { handover: { status: { in: ["COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN"] } } },
    });
    expect(survivors).toBe(0);
    // Consents given above all ran out by now, so nothing survives at all.
    expect(await app.prisma.handoverPersonalData.count()).toBe(0);
  });

  it("purges each row once when two runs race", async () => {
    await moveTo(at(500));
    await app.runJobs();
    const handovers = await Promise.all([1, 2, 3].map(() => createHandover(world.staff, world, { send: true, ...WITH_CONSENT(at(501).toISOString()) })));
    await moveTo(at(502));
    const deps = { prisma: app.prisma, clock: app.clock, config: app.config, pubsub: app.live.pubsub };
    const [first, second] = await Promise.all([purgePersonalData.run(deps), purgePersonalData.run(deps)]);
    expect(first + second).toBe(3);
    expect(await app.prisma.handoverEvent.count({ where: { handoverId: { in: handovers.map((h) => h.id) }, type: "PERSONAL_DATA_PURGED" } })).toBe(3);
  });
});

describe("retention is configurable", { timeout: SLOW_TEST_MS }, () => {
  it("purges after RETENTION_DAYS", async () => {
    const short = await startTestApp({ environment: { RETENTION_DAYS: "2" } });
    try {
      const shortWorld = await buildHandoverWorld(short);
      const handover = await createHandover(shortWorld.staff, shortWorld, { send: true, ...WITH_CONSENT(at(100).toISOString()) });
      await transitionOk(shortWorld.staff, "cancelHandover", { handoverId: handover.id, reason: "Fortrudt" });
      short.clock.set(at(2, -1));
      await short.runJobs();
      expect(await short.prisma.handoverPersonalData.count()).toBe(1);
      short.clock.set(at(2));
      await short.runJobs();
      expect(await short.prisma.handoverPersonalData.count()).toBe(0);
    } finally {
      await short.close();
    }
  });
});


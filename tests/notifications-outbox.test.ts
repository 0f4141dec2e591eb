// The outbox loses nothing and sends nothing twice: a message committed by an instance that
// dies before sending is sent by the next one; two instances on one database send each message
// once; an SMTP server that refuses or stalls leads to retries with backoff, and a delivery
// gives up visibly after the last try. Mail is received over SMTP by a real server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MailCatcher } from "../server/modules/notifications/mail-catcher.ts";
import { metricValue } from "./support/server-process.ts";
import { openSharedDatabase, startCatcher, type SharedDatabase } from "./notifications.helpers.ts";
import { buildHandoverWorld, createUser, type HandoverWorld } from "./support/world.ts";
import { createHandover, transitionOk } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

const METRICS_TOKEN = "metrics-token-for-the-outbox-tests-01";
let shared: SharedDatabase;
let catcher: MailCatcher;
let environment: Record<string, string>;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  shared = await openSharedDatabase();
  ({ catcher, environment } = await startCatcher());
  environment = { ...environment, METRICS_TOKEN };
  first = await startTestApp({ environment, database: shared.first });
  second = await startTestApp({ environment, database: shared.second });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await first?.close();
  await second?.close();
  await catcher?.close();
  await shared?.close();
});
beforeEach(async () => {
  // Whatever an earlier test left pending goes out now, so each test counts only its own mail.
  await first.runJobs();
  catcher.messages.length = 0;
  Object.assign(catcher.behaviour, { refuseNext: 0, refuseCode: 554, stallNext: 0, stallMs: 0 });
  catcher.behaviour.rejectRecipients.clear();
});

async function workerEmail(app: TestApp, world: HandoverWorld): Promise<string> {
  return (await app.prisma.user.findUniqueOrThrow({ where: { id: world.userIds.worker } })).email;
}

/** Both instances share one clock reading, as two servers would. */
function advance(milliseconds: number): void {
  first.clock.advance(milliseconds);
  second.clock.set(first.clock.now());
}

function messagesTo(address: string) {
  return catcher.messages.filter((message) => message.to.includes(address));
}

function deliveriesTo(app: TestApp, address: string) {
  return app.prisma.notificationDelivery.findMany({ where: { address }, orderBy: { createdAt: "asc" } });
}

describe("the notification outbox", () => {
  it("writes the message in the handover's transaction and sends nothing until a worker runs", async () => {
    const world = await buildHandoverWorld(first);
    const handover = await createHandover(world.staff, world, { send: true });
    const events = await first.prisma.notificationEvent.findMany({ where: { subjectId: handover.id } });
    expect(events.map((event) => [event.kind, event.unitId])).toEqual([["HANDOVER_RECEIVED", world.serviceUnitId]]);
    expect(catcher.messages).toHaveLength(0);
  });

  it("a draft that is never sent tells no one", async () => {
    const world = await buildHandoverWorld(first);
    const draft = await createHandover(world.staff, world, { send: false });
    expect(await first.prisma.notificationEvent.count({ where: { subjectId: draft.id } })).toBe(0);
  });

  it("sends after a restart what an instance committed but never sent", async () => {
    const dying = await startTestApp({ environment, database: shared.first });
    const world = await buildHandoverWorld(dying);
    const handover = await createHandover(world.staff, world, { send: true });
    // The instance goes away between commit and send: no job ever ran on it.
    await dying.close();
    expect(catcher.messages).toHaveLength(0);

    const fresh = await startTestApp({ environment, database: shared.second });
    try {
      await fresh.runJobs();
      const address = await workerEmail(fresh, world);
      expect(messagesTo(address)).toHaveLength(1);
      expect(messagesTo(address)[0]!.subject).toBe("Ny henvendelse til Bostøtten Test");
      expect(messagesTo(address)[0]!.text).toContain(`https://traedesten.test/overleveringer/${handover.id}`);
      const [delivery] = await deliveriesTo(fresh, address);
      expect(delivery).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      await fresh.close();
    }
  }, SLOW_TEST_MS);

  it("sends again, once, a message whose sender died while sending (its lease runs out)", async () => {
    const world = await buildHandoverWorld(first);
    await createHandover(world.staff, world, { send: true });
    const address = await workerEmail(first, world);
    await first.runJobs();
    expect(messagesTo(address)).toHaveLength(1);
    catcher.messages.length = 0;
    // Another handover: an instance claims its delivery and dies before sending it.
    await createHandover(world.staff, world, { send: true });
    await second.runJobs();
    catcher.messages.length = 0;
    const [, claimed] = await deliveriesTo(first, address);
    await first.prisma.notificationDelivery.update({
      where: { id: claimed!.id },
      data: { status: "SENDING", attempts: 1, sentAt: null, leaseUntil: new Date(first.clock.now().getTime() + 600_000) },
    });
    await first.runJobs();
    expect(catcher.messages).toHaveLength(0);

    advance(601_000);
    await first.runJobs();
    await second.runJobs();
    expect(messagesTo(address).map((message) => message.headers["message-id"])).toEqual([`<${claimed!.id}@traedesten>`]);
    expect(await first.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: claimed!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  }, SLOW_TEST_MS);

  it("two instances on one database send each message exactly once", async () => {
    const world = await buildHandoverWorld(first);
    for (let index = 0; index < 4; index++) {
      await createUser(first.prisma, { memberships: [{ unitId: world.serviceUnitId }] });
    }
    for (let index = 0; index < 10; index++) await createHandover(world.staff, world, { send: true });
    await Promise.all([first.runJobs(), second.runJobs(), first.runJobs(), second.runJobs()]);
    await Promise.all([first.runJobs(), second.runJobs()]);

    const deliveries = await first.prisma.notificationDelivery.findMany({ where: { unitId: world.serviceUnitId } });
    expect(deliveries).toHaveLength(50);
    expect(deliveries.every((delivery) => delivery.status === "SENT" && delivery.attempts === 1)).toBe(true);
    const received = catcher.messages.map((message) => message.headers["message-id"]);
    expect(received).toHaveLength(50);
    expect(new Set(received)).toEqual(new Set(deliveries.map((delivery) => `<${delivery.id}@traedesten>`)));
    expect(await first.prisma.notification.count({ where: { unitId: world.serviceUnitId } })).toBe(50);
  }, SLOW_TEST_MS);

  it("retries with growing waits when the SMTP server refuses (5xx), then sends once", async () => {
    const world = await buildHandoverWorld(first);
    const address = await workerEmail(first, world);
    await createHandover(world.staff, world, { send: true });
    catcher.behaviour.refuseNext = 2;
    catcher.behaviour.refuseCode = 554;

    await first.runJobs();
    let [delivery] = await deliveriesTo(first, address);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastError: "554" });
    expect(delivery!.nextAttemptAt.getTime() - first.clock.now().getTime()).toBe(30_000);

    await first.runJobs(); // not yet due
    expect((await deliveriesTo(first, address))[0]!.attempts).toBe(1);

    advance(30_000);
    await second.runJobs();
    [delivery] = await deliveriesTo(first, address);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(delivery!.nextAttemptAt.getTime() - first.clock.now().getTime()).toBe(60_000);

    advance(60_000);
    await first.runJobs();
    expect(await deliveriesTo(first, address)).toMatchObject([{ status: "SENT", attempts: 3, lastError: null }]);
    expect(messagesTo(address)).toHaveLength(1);
    await Promise.all([first.runJobs(), second.runJobs()]);
    expect(messagesTo(address)).toHaveLength(1);
  }, SLOW_TEST_MS);

  it("retries when the SMTP server times out, then sends once", async () => {
    const world = await buildHandoverWorld(first);
    const address = await workerEmail(first, world);
    await createHandover(world.staff, world, { send: true });
    catcher.behaviour.stallNext = 1;
    catcher.behaviour.stallMs = 12_000;

    await first.runJobs();
    const [delivery] = await deliveriesTo(first, address);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastError: "ETIMEDOUT" });
    expect(catcher.messages).toHaveLength(0);

    advance(30_000);
    await first.runJobs();
    expect(await deliveriesTo(first, address)).toMatchObject([{ status: "SENT", attempts: 2 }]);
    expect(messagesTo(address)).toHaveLength(1);
  }, SLOW_TEST_MS);

  it("gives up after the last try and leaves the delivery FAILED, not lost", async () => {
    const world = await buildHandoverWorld(first);
    const address = await workerEmail(first, world);
    await createHandover(world.staff, world, { send: true });
    catcher.behaviour.refuseNext = 100;
    catcher.behaviour.refuseCode = 451;
    for (let attempt = 0; attempt < 6; attempt++) {
      await first.runJobs();
      advance(3_600_000);
    }
    expect(await deliveriesTo(first, address)).toMatchObject([{ status: "FAILED", attempts: 4, lastError: "451" }]);
    expect(catcher.messages).toHaveLength(0);
  }, SLOW_TEST_MS);

  it("counts sent and given-up deliveries in /metrics, the same on every instance", async () => {
    const counts = async (app: TestApp) => {
      const response = await app.anonymous.fetch("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      const text = await response.text();
      const value = (status: string) => metricValue(text, "notification_deliveries", { channel: "email", status });
      return { sent: value("sent"), failed: value("failed"), pending: value("pending"), text };
    };
    const before = await counts(first);
    // The series are there even at zero, so an alert on status="failed" always has something to watch.
    expect(before.text).toMatch(/^notification_deliveries\{[^}]*channel="sms"[^}]*status="failed"[^}]*\} \d+$/m);
    expect(await counts(second)).toMatchObject({ sent: before.sent, failed: before.failed });

    // One message that gets through, and one the SMTP server keeps refusing until the worker gives up.
    const delivered = await buildHandoverWorld(first);
    await createHandover(delivered.staff, delivered, { send: true });
    await first.runJobs();
    expect(messagesTo(await workerEmail(first, delivered))).toHaveLength(1);
    const refused = await buildHandoverWorld(first);
    await createHandover(refused.staff, refused, { send: true });
    catcher.behaviour.refuseNext = 100;
    catcher.behaviour.refuseCode = 451;
    await first.runJobs();
    const afterSend = await counts(second);
    expect(afterSend.sent).toBeGreaterThanOrEqual(before.sent + 1);
    expect(afterSend.pending).toBeGreaterThanOrEqual(1);
    for (let attempt = 0; attempt < 6; attempt++) {
      advance(3_600_000);
      await second.runJobs();
    }
    expect(await deliveriesTo(first, await workerEmail(first, refused))).toMatchObject([{ status: "FAILED" }]);
    // What /metrics says is what the outbox holds, on both instances; the give-up is counted.
    const truth = async (status: "SENT" | "FAILED" | "PENDING") => first.prisma.notificationDelivery.count({ where: { channel: "EMAIL", status } });
    for (const app of [first, second]) {
      const now = await counts(app);
      expect({ sent: now.sent, failed: now.failed, pending: now.pending }).toEqual({ sent: await truth("SENT"), failed: await truth("FAILED"), pending: await truth("PENDING") });
      expect(now.failed).toBeGreaterThanOrEqual(before.failed + 1);
    }
  }, SLOW_TEST_MS);

  it("flags a bounced address on the user and stops e-mailing it, keeping the in-app list", async () => {
    const world = await buildHandoverWorld(first);
    const address = await workerEmail(first, world);
    catcher.behaviour.rejectRecipients.add(address.toLowerCase());
    const handover = await createHandover(world.staff, world, { send: true });
    await first.runJobs();
    expect(await deliveriesTo(first, address)).toMatchObject([{ status: "FAILED", attempts: 1, lastError: "550" }]);
    const settings = await first.prisma.notificationSettings.findUniqueOrThrow({ where: { userId: world.userIds.worker } });
    expect(settings.emailBouncedAt).not.toBeNull();

    // A second later, so the two deliveries do not share the standing clock's time (their order is by time).
    advance(1000);
    await transitionOk(world.staff, "cancelHandover", { handoverId: handover.id, reason: "Borgeren har fundet en anden løsning" });
    await first.runJobs();
    const deliveries = await deliveriesTo(first, address);
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["FAILED", "SKIPPED"]);
    expect(await first.prisma.notification.count({ where: { userId: world.userIds.worker } })).toBe(2);
    expect(catcher.messages).toHaveLength(0);
  }, SLOW_TEST_MS);
});

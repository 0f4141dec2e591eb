// Live inbox updates over server-sent events: in-process on one instance, and across two
// instances sharing one database through the Redis on this machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../server/app.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { buildHandoverWorld, createHandover, subscribe, type EventStream, type HandoverWorld, HOOK_TIMEOUT_MS, SLOW_TEST_MS } from "./handovers.helpers.ts";

const REDIS_URL = "redis://127.0.0.1:6379";

/**
 * Mutates until the subscriber hears of it: a subscription only hears events published after
 * it is registered (with Redis, after its SUBSCRIBE is acknowledged), so the first attempt may
 * come too early.
 */
async function createUntilHeard(stream: EventStream, create: () => Promise<string>): Promise<{ event: any; createdIds: string[] }> {
  const createdIds: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    createdIds.push(await create());
    const event = await stream.next(1000);
    if (event) return { event, createdIds };
  }
  throw new Error("no event arrived");
}

describe("handoverChanged in process (no Redis)", { timeout: SLOW_TEST_MS }, () => {
  let app: TestApp;
  let world: HandoverWorld;
  beforeAll(async () => {
    app = await startTestApp();
    world = await buildHandoverWorld(app);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await app?.close();
  }, HOOK_TIMEOUT_MS);

  it("tells a member of the receiving unit when a handover is sent to it, without personal data", async () => {
    const stream = await subscribe(app.url, world.worker, world.serviceUnitId);
    try {
      const { event, createdIds } = await createUntilHeard(stream, async () => (await createHandover(world.staff, world, { send: true })).id);
      expect(event.errors).toBeUndefined();
      expect(createdIds).toContain(event.data.handoverChanged.handoverId);
      expect(event.data.handoverChanged).toMatchObject({ unitId: world.serviceUnitId, status: "SENT" });
      expect(Object.keys(event.data.handoverChanged).sort()).toEqual(["handoverId", "status", "unitId"]);
    } finally {
      stream.close();
    }
  });

  it("does not tell the receiving unit about drafts, nor other units about anything", async () => {
    const receiver = await subscribe(app.url, world.worker, world.serviceUnitId);
    const unrelated = await subscribe(app.url, world.unrelated, world.unrelatedUnitId);
    const sender = await subscribe(app.url, world.staff, world.centreUnitId);
    try {
      // The sender hears of its own draft: proof that the event was published.
      await createUntilHeard(sender, async () => (await createHandover(world.staff, world, {})).id);
      expect(await receiver.next(300)).toBeNull();
      expect(await unrelated.next(300)).toBeNull();
    } finally {
      receiver.close();
      unrelated.close();
      sender.close();
    }
  });

  it("refuses to subscribe to a unit the caller is not a member of", async () => {
    for (const caller of [world.unrelated, world.coordinator, world.organisationAdmin, world.platformAdmin, app.anonymous]) {
      const stream = await subscribe(app.url, caller, world.serviceUnitId);
      try {
        const first = await stream.next(2000);
        expect(first?.data ?? null).toBeNull();
        expect(["FORBIDDEN", "NOT_AUTHENTICATED"]).toContain(first?.errors?.[0]?.extensions?.code);
      } finally {
        stream.close();
      }
    }
  });
});

describe("handoverChanged across two instances through Redis", { timeout: SLOW_TEST_MS }, () => {
  let instanceA: TestApp;
  let instanceB: TestApp;
  let world: HandoverWorld;
  beforeAll(async () => {
    instanceA = await startTestApp({ redisUrl: REDIS_URL });
    instanceB = await startTestApp({ database: instanceA.database, redisUrl: REDIS_URL });
    world = await buildHandoverWorld(instanceA);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    // Let the servers finish unsubscribing the closed streams from Redis before disconnecting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await instanceB?.close();
    await instanceA?.close();
  }, HOOK_TIMEOUT_MS);

  it("delivers a change made on instance A to a subscriber on instance B", async () => {
    const stream = await subscribe(instanceB.url, world.worker, world.serviceUnitId);
    try {
      const { event, createdIds } = await createUntilHeard(stream, async () => (await createHandover(world.staff, world, { send: true })).id);
      expect(createdIds).toContain(event.data.handoverChanged.handoverId);
      expect(event.data.handoverChanged.status).toBe("SENT");

      // And a transition made on B reaches a subscriber of the other unit on A.
      const senderStream = await subscribe(instanceA.url, world.staff, world.centreUnitId);
      try {
        const handoverId = createdIds.at(-1)!;
        const accept = async () => {
          await instanceB.prisma.handover.findUniqueOrThrow({ where: { id: handoverId } });
          const response = await fetch(`${instanceB.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie: world.worker.cookie! },
            body: JSON.stringify({
              query: `mutation ($id: ID!) { markHandoverRead(handoverId: $id) { __typename } }`,
              variables: { id: handoverId },
            }),
          });
          expect(response.status).toBe(200);
          return handoverId;
        };
        // Opening the handover on B makes it RECEIVED, which A's subscriber hears of.
        const first = await accept();
        let heard = await senderStream.next(2000);
        // If A's subscription was not registered in time, nudge with a new handover.
        if (!heard) heard = (await createUntilHeard(senderStream, async () => (await createHandover(world.staff, world, { send: true })).id)).event;
        expect(heard.data.handoverChanged.unitId).toBe(world.centreUnitId);
        expect(first).toBe(handoverId);
      } finally {
        senderStream.close();
      }
    } finally {
      stream.close();
    }
  });
});

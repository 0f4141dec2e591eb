// Live inbox updates over server-sent events within one instance. Across instances through
// Redis: tests/instances.test.ts, with two real server processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, type EventStream, type HandoverChangedPayload, subscribe } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

/**
 * Mutates until the subscriber hears of it: a subscription only hears events published after
 * it is registered (with Redis, after its SUBSCRIBE is acknowledged), so the first attempt may
 * come too early.
 */
async function createUntilHeard(stream: EventStream, create: () => Promise<string>): Promise<{ event: HandoverChangedPayload; createdIds: string[] }> {
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
      const changed = event.data!.handoverChanged;
      expect(createdIds).toContain(changed.handoverId);
      expect(changed).toMatchObject({ unitId: world.serviceUnitId, status: "SENT" });
      expect(Object.keys(changed).sort()).toEqual(["handoverId", "status", "unitId"]);
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

// Across instances (two server processes, one PostgreSQL, one Redis): tests/instances.test.ts.

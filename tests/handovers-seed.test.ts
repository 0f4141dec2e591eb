// The demo handovers: idempotent, and both demo roles find items in their inboxes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS } from "./handovers.helpers.ts";
import { dataOf, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.prisma, app.clock);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const INBOX = `query ($unitId: ID!) {
  received: receivedHandovers(unitId: $unitId) { edges { node { id status kind isUnread events { type } } } }
  sent: sentHandovers(unitId: $unitId) { edges { node { id status outcome } } }
}`;

describe("demo handovers", { timeout: SLOW_TEST_MS }, () => {
  it("gives centre staff at Værestedet Lyset received and sent handovers in several states", async () => {
    const staff = await app.as(seedId("user:centre-staff"));
    const inbox = dataOf(await staff.graphql(INBOX, { unitId: seedId("unit:lyset") }));
    expect(inbox.received.edges.map((edge: any) => edge.node.kind)).toEqual(["WARM_INTRODUCTION"]);
    const statuses = inbox.sent.edges.map((edge: any) => edge.node.status).sort();
    expect(statuses).toEqual(["ACCEPTED", "COMPLETED", "DECLINED", "DRAFT", "EXPIRED", "SENT"]);
  });

  it("gives the service worker at Bostøtten an unread new handover and an accepted one with a consented alias", async () => {
    const worker = await app.as(seedId("user:service-worker"));
    const inbox = dataOf(await worker.graphql(INBOX, { unitId: seedId("unit:bostoette") }));
    const byStatus = Object.fromEntries(inbox.received.edges.map((edge: any) => [edge.node.status, edge.node]));
    expect(byStatus["SENT"].isUnread).toBe(true);
    expect(byStatus["ACCEPTED"].events.map((event: any) => event.type)).toEqual(["CREATED", "SENT", "RECEIVED", "ACCEPTED"]);
    const personal = await worker.graphql(`query ($id: ID!) { handover(id: $id) { personalData(reason: "Demo: første møde") { firstName } } }`, {
      id: byStatus["ACCEPTED"].id,
    });
    expect(dataOf(personal).handover.personalData.firstName).toBe("Kim (alias)");
  });

  it("is idempotent", async () => {
    const before = [await app.prisma.handover.count(), await app.prisma.handoverEvent.count()];
    await seedDemoData(app.prisma, app.clock);
    expect([await app.prisma.handover.count(), await app.prisma.handoverEvent.count()]).toEqual(before);
  });
});

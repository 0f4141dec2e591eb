// Inboxes: received and sent lists, filters, Relay pagination and unread counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, markReadOk, transitionOk } from "./support/handovers.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { type Caller, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  // Oldest first: a draft, two sent bridges, a warm introduction, one declined.
  ids["draft"] = (await createHandover(world.staff, world, { purpose: "Kladde" })).id;
  app.clock.advance(60_000);
  ids["sentA"] = (await createHandover(world.staff, world, { purpose: "A", send: true })).id;
  app.clock.advance(60_000);
  ids["sentB"] = (await createHandover(world.staff, world, { purpose: "B", send: true, helpCategories: ["WORK_EDUCATION"] })).id;
  app.clock.advance(60_000);
  ids["warm"] = (await createHandover(world.staff, world, { purpose: "Varm", send: true, kind: "WARM_INTRODUCTION", toUnitId: world.unrelatedUnitId })).id;
  app.clock.advance(60_000);
  ids["declined"] = (await createHandover(world.staff, world, { purpose: "Afvist", send: true })).id;
  app.clock.advance(60_000);
  await transitionOk(world.worker, "declineHandover", { handoverId: ids["declined"], reason: "Fuldt booket" });
  app.clock.advance(60_000);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

// One document per inbox: the two connections are distinct types with the same fields.
const INBOX = {
  receivedHandovers: graphql(`query Received($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
    receivedHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id purpose status kind isUnread } }
    }
  }`),
  sentHandovers: graphql(`query Sent($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
    sentHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id purpose status kind isUnread } }
    }
  }`),
};

async function inbox(caller: Caller, field: keyof typeof INBOX, variables: VariablesOf<typeof INBOX.sentHandovers>) {
  return field === "sentHandovers"
    ? (await runOk(caller, INBOX.sentHandovers, variables)).sentHandovers
    : (await runOk(caller, INBOX.receivedHandovers, variables)).receivedHandovers;
}

describe("inboxes", { timeout: SLOW_TEST_MS }, () => {
  it("shows the receiver every sent handover to its unit, newest first, but never a draft", async () => {
    const received = await inbox(world.worker, "receivedHandovers", { unitId: world.serviceUnitId });
    expect(received.edges.map((edge) => edge.node.purpose)).toEqual(["Afvist", "B", "A"]);
    expect(received.totalCount).toBe(3);
  });

  it("shows the sender its drafts and sent handovers", async () => {
    const sent = await inbox(world.staff, "sentHandovers", { unitId: world.centreUnitId });
    expect(sent.edges.map((edge) => edge.node.purpose)).toEqual(["Afvist", "Varm", "B", "A", "Kladde"]);
  });

  it("filters by status and by kind", async () => {
    const declined = await inbox(world.staff, "sentHandovers", { unitId: world.centreUnitId, filter: { statuses: ["DECLINED"] } });
    expect(declined.edges.map((edge) => edge.node.id)).toEqual([ids["declined"]]);
    const open = await inbox(world.worker, "receivedHandovers", { unitId: world.serviceUnitId, filter: { statuses: ["SENT", "RECEIVED"] } });
    expect(open.edges.map((edge) => edge.node.purpose)).toEqual(["B", "A"]);
    const warm = await inbox(world.staff, "sentHandovers", { unitId: world.centreUnitId, filter: { kinds: ["WARM_INTRODUCTION"] } });
    expect(warm.edges.map((edge) => edge.node.id)).toEqual([ids["warm"]]);
    expect(warm.totalCount).toBe(1);
  });

  it("pages with first/after cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await inbox(world.staff, "sentHandovers", { unitId: world.centreUnitId, first: 2, after });
      seen.push(...result.edges.map((edge) => edge.node.purpose));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(["Afvist", "Varm", "B", "A", "Kladde"]);
  });

  it("refuses the inbox of a unit the caller is not a member of", async () => {
    await runError(world.worker, INBOX.sentHandovers, { unitId: world.centreUnitId }, "FORBIDDEN");
  });
});

describe("unread", { timeout: SLOW_TEST_MS }, () => {
  const COUNTS = graphql(`query UnreadCounts { handoverUnreadCounts { unit { id name } receivedUnread sentUnread } }`);
  async function countsFor(caller: Caller, unitId: string) {
    const counts = (await runOk(caller, COUNTS)).handoverUnreadCounts;
    return counts.find((count) => count.unit.id === unitId);
  }

  it("counts what the other side changed since the unit last opened it, and clears on markHandoverRead", async () => {
    // Receiver: A, B and the declined one were never opened.
    expect(await countsFor(world.worker, world.serviceUnitId)).toMatchObject({ receivedUnread: 3, sentUnread: 0 });
    // Sender: only the declined handover changed on the other side.
    expect(await countsFor(world.staff, world.centreUnitId)).toMatchObject({ receivedUnread: 0, sentUnread: 1 });

    await markReadOk(world.worker, ids["sentA"]!);
    expect(await countsFor(world.worker, world.serviceUnitId)).toMatchObject({ receivedUnread: 2 });
    // Opening it made it RECEIVED: the sender now has something new.
    expect(await countsFor(world.staff, world.centreUnitId)).toMatchObject({ sentUnread: 2 });

    app.clock.advance(60_000);
    await markReadOk(world.staff, ids["sentA"]!);
    await markReadOk(world.staff, ids["declined"]!);
    expect(await countsFor(world.staff, world.centreUnitId)).toMatchObject({ sentUnread: 0 });

    // The sender's own action does not make its own unit's item unread, only the receiver's.
    app.clock.advance(60_000);
    await transitionOk(world.staff, "cancelHandover", { handoverId: ids["sentA"], reason: "Ikke længere aktuelt" });
    expect(await countsFor(world.staff, world.centreUnitId)).toMatchObject({ sentUnread: 0 });
    expect(await countsFor(world.worker, world.serviceUnitId)).toMatchObject({ receivedUnread: 3 });

    const node = (await inbox(world.worker, "receivedHandovers", { unitId: world.serviceUnitId })).edges.find(
      (edge) => edge.node.id === ids["sentA"],
    )?.node;
    expect(node?.isUnread).toBe(true);
  });

  it("gives a person with no units no counts, and anonymous callers nothing", async () => {
    expect((await runOk(world.coordinator, COUNTS)).handoverUnreadCounts).toEqual([]);
    await runError(app.anonymous, COUNTS, {}, "NOT_AUTHENTICATED");
  });
});

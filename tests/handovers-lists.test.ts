// The inbox and sent lists cost the page, not the table: keyset pages in (createdAt, id) order
// without gaps or repeats for every filter the client offers, a bounded number of SQL
// statements per page whatever its size, a capped totalCount, and unread state read from the
// handover rows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { HandoverKind, HandoverStatus } from "../server/generated/prisma/enums.ts";
import { TOTAL_COUNT_CAP } from "../server/modules/handovers/handover-lists.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, markRead } from "./support/handovers.ts";
import { graphql, run, runOk, type ResultOf, type VariablesOf } from "./support/graphql.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

// What the client's inbox asks for (useHandoverList.ts + HandoverListItem fragment); the two
// connections are distinct types with the same fields, so only the node's fields are shared.
const ListItem = graphql(`fragment ListItem on Handover @_unmask {
  id code kind status outcome purpose urgency isUnread hasConsent createdAt sentAt fromUnit { id name } toUnit { id name }
}`);
const RECEIVED = graphql(
  `query ($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
    receivedHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
      totalCount totalCountIsCapped pageInfo { hasNextPage endCursor } edges { cursor node { ...ListItem } } } }`,
  [ListItem],
);
const SENT = graphql(
  `query ($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
    sentHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
      totalCount totalCountIsCapped pageInfo { hasNextPage endCursor } edges { cursor node { ...ListItem } } } }`,
  [ListItem],
);
/** RECEIVED with a selection beyond the inbox's shape (the proposed visit). */
const RECEIVED_WIDER = graphql(
  `query ($unitId: ID!, $first: Int) {
    receivedHandovers(unitId: $unitId, first: $first) {
      totalCount totalCountIsCapped pageInfo { hasNextPage endCursor } edges { cursor node { ...ListItem proposedVisit { id } } } } }`,
  [ListItem],
);
const BACKWARD = graphql(`query ($unitId: ID!) { receivedHandovers(unitId: $unitId, last: 5) { totalCount } }`);
const HEALTH = graphql(`{ health }`);
type HandoverFilter = VariablesOf<typeof RECEIVED>["filter"];
type ReceivedPage = ResultOf<typeof RECEIVED>["receivedHandovers"];
type SentPage = ResultOf<typeof SENT>["sentHandovers"];

const STATUSES: HandoverStatus[] = ["SENT", "RECEIVED", "ACCEPTED", "COMPLETED", "DECLINED", "DRAFT"];
const KINDS: HandoverKind[] = ["BRIDGE", "WARM_INTRODUCTION"];

interface Seeded {
  id: string;
  createdAt: Date;
  status: HandoverStatus;
  kind: HandoverKind;
}

/** Bulk handovers from the centre to the service; every third shares a timestamp with the one before, so ties happen. */
async function seedHandovers(count: number, base = Date.parse("2026-10-01T08:00:00.000Z")): Promise<Seeded[]> {
  const rows: Seeded[] = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    createdAt: new Date(base + Math.floor(index - (index % 3 === 2 ? 1 : 0)) * 60_000),
    status: STATUSES[index % STATUSES.length]!,
    kind: KINDS[Math.floor(index / 4) % KINDS.length]!,
  }));
  await app.prisma.handover.createMany({
    data: rows.map((row) => ({
      id: row.id,
      code: randomUUID().slice(0, 9).toUpperCase(),
      kind: row.kind,
      status: row.status,
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      createdById: world.userIds.staff,
      purpose: "Bulk",
      helpCategories: ["HOUSING"],
      createdAt: row.createdAt,
    })),
  });
  return rows;
}

const newestFirst = (a: Seeded, b: Seeded) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

async function pageThrough(unitId: string, filter: HandoverFilter, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const connection: ReceivedPage = (await runOk(world.worker, RECEIVED, { unitId, filter, first, after })).receivedHandovers;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount: connection.totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error("did not reach the end");
}

describe("keyset pages", { timeout: SLOW_TEST_MS }, () => {
  let seeded: Seeded[];
  beforeAll(async () => {
    seeded = await seedHandovers(47);
  }, HOOK_TIMEOUT_MS);

  it("pages through the inbox newest first, ties broken by id, with no gaps or repeats; drafts stay out", async () => {
    const expected = seeded.filter((row) => row.status !== "DRAFT").sort(newestFirst).map((row) => row.id);
    const { ids, totalCount } = await pageThrough(world.serviceUnitId, null, 7);
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it("pages through a status filter, a kind filter and both, as the client sends them", async () => {
    const cases: { statuses: HandoverStatus[]; kinds: HandoverKind[] }[] = [
      { statuses: ["SENT", "RECEIVED"], kinds: [] },
      { statuses: [], kinds: ["WARM_INTRODUCTION"] },
      { statuses: ["ACCEPTED", "COMPLETED", "DECLINED"], kinds: ["BRIDGE"] },
    ];
    for (const filter of cases) {
      const expected = seeded
        .filter((row) => row.status !== "DRAFT")
        .filter((row) => filter.statuses.length === 0 || filter.statuses.includes(row.status))
        .filter((row) => filter.kinds.length === 0 || filter.kinds.includes(row.kind))
        .sort(newestFirst)
        .map((row) => row.id);
      const { ids, totalCount } = await pageThrough(world.serviceUnitId, filter, 4);
      expect(ids, JSON.stringify(filter)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    }
  });

  it("shows the sender its drafts too, in the sent list", async () => {
    const staffList = async (filter: HandoverFilter) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const connection: SentPage = (await runOk(world.staff, SENT, { unitId: world.centreUnitId, filter, first: 20, after })).sentHandovers;
        ids.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) return ids;
        after = connection.pageInfo.endCursor;
      }
    };
    expect(await staffList(null)).toEqual([...seeded].sort(newestFirst).map((row) => row.id));
    expect(await staffList({ statuses: ["DRAFT"] })).toEqual(seeded.filter((row) => row.status === "DRAFT").sort(newestFirst).map((row) => row.id));
  });

  it("refuses a malformed cursor and backward paging with ValidationError, changing nothing", async () => {
    const bad = await run(world.worker, RECEIVED, { unitId: world.serviceUnitId, first: 5, after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions?.["code"]).toBe("VALIDATION_FAILED");
    const backward = await run(world.worker, BACKWARD, { unitId: world.serviceUnitId });
    expect(backward.errors?.[0]?.extensions?.["code"]).toBe("VALIDATION_FAILED");
  });
});

describe("statements per page", { timeout: SLOW_TEST_MS }, () => {
  async function statementsFor(run: () => Promise<unknown>): Promise<number> {
    const before = app.database.statementCount();
    await run();
    return app.database.statementCount() - before;
  }

  it("an inbox page costs the same few statements for 5 rows and for 40, whatever is unread", async () => {
    // Some read, some unread, so isUnread is true and false on one page.
    const opened = await createHandover(world.staff, world, { send: true });
    await markRead(world.worker, opened.id);
    await createHandover(world.staff, world, { send: true });
    const small = await statementsFor(() => run(world.worker, RECEIVED, { unitId: world.serviceUnitId, first: 5 }));
    const large = await statementsFor(() => run(world.worker, RECEIVED, { unitId: world.serviceUnitId, first: 40 }));
    const filtered = await statementsFor(() =>
      run(world.worker, RECEIVED, { unitId: world.serviceUnitId, filter: { statuses: ["SENT", "RECEIVED"], kinds: [] }, first: 40 }),
    );
    const sent = await statementsFor(() => run(world.staff, SENT, { unitId: world.centreUnitId, first: 40 }));
    expect(large).toBe(small);
    // Beyond what any signed-in request costs (the session, itself one statement): the page's
    // rows joined with their units and consent, with the list's count in the same statement.
    const session = await statementsFor(() => run(world.worker, HEALTH));
    expect(session).toBe(1);
    for (const count of [small, large, filtered, sent]) expect(count - session).toBe(1);
  });

  it("a selection beyond the inbox's shape still costs a fixed handful of statements", async () => {
    const small = await statementsFor(() => run(world.worker, RECEIVED_WIDER, { unitId: world.serviceUnitId, first: 5 }));
    const large = await statementsFor(() => run(world.worker, RECEIVED_WIDER, { unitId: world.serviceUnitId, first: 40 }));
    expect(large).toBe(small);
    // page ids + rows + each relation batched for the page (two units, consent, visit and its
    // centre) + the count.
    expect(large - 1).toBeLessThanOrEqual(8);
  });

  it("the joined page gives the same rows as the general path, whatever the server's time zone", async () => {
    // The joined page and the session are read by the driver, not by Prisma: a timestamp read as
    // local time would shift every instant by the zone's offset here.
    const zone = process.env["TZ"];
    process.env["TZ"] = "Pacific/Auckland";
    onTestFinished(() => {
      if (zone === undefined) delete process.env["TZ"];
      else process.env["TZ"] = zone;
    });
    const joinedList = graphql(`query ($unitId: ID!, $after: String) { receivedHandovers(unitId: $unitId, first: 25, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id code kind status outcome purpose urgency isUnread hasConsent createdAt sentAt allowedActions viewerIsSender helpCategories wish fromUnit { id name } toUnit { id name } } } } }`);
    const generalList = graphql(`query ($unitId: ID!, $after: String) { receivedHandovers(unitId: $unitId, first: 25, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id code kind status outcome purpose urgency isUnread hasConsent createdAt sentAt allowedActions viewerIsSender helpCategories wish fromUnit { id name } toUnit { id name } proposedVisit { id } } } } }`);
    let after: string | null = null;
    type JoinedPage = ResultOf<typeof joinedList>["receivedHandovers"];
    let last: JoinedPage | null = null;
    let pages = 0;
    do {
      const joined: JoinedPage = (await runOk(world.worker, joinedList, { unitId: world.serviceUnitId, after })).receivedHandovers;
      const general = (await runOk(world.worker, generalList, { unitId: world.serviceUnitId, after })).receivedHandovers;
      expect(general.edges.map((edge) => ({ ...edge, node: { ...edge.node, proposedVisit: undefined } }))).toEqual(
        joined.edges.map((edge) => ({ ...edge, node: { ...edge.node, proposedVisit: undefined } })),
      );
      expect(general.pageInfo).toEqual(joined.pageInfo);
      expect(general.totalCount).toBe(joined.totalCount);
      expect(joined.edges.length).toBeGreaterThan(0);
      last = joined;
      after = joined.pageInfo.hasNextPage ? joined.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 100);
    expect(after).toBeNull();
    expect(pages).toBeGreaterThan(1);
    // Past the last row the page is empty and the count comes from its own statement.
    const beyond = (await runOk(world.worker, joinedList, { unitId: world.serviceUnitId, after: last!.pageInfo.endCursor })).receivedHandovers;
    expect(beyond.edges).toEqual([]);
    expect(beyond.totalCount).toBe(last!.totalCount);
  });

  it("the unread counts are one statement for all of the viewer's units", async () => {
    const query = graphql(`{ handoverUnreadCounts { unit { id } receivedUnread sentUnread } }`);
    const count = await statementsFor(() => run(world.worker, query));
    const session = await statementsFor(() => run(world.worker, HEALTH));
    expect(count - session).toBe(1);
  });
});

describe("totalCount", { timeout: SLOW_TEST_MS }, () => {
  it("is exact up to the cap and the cap above it, saying so", async () => {
    const other = await app.prisma.unit.findFirstOrThrow({ where: { id: world.unrelatedUnitId } });
    const before = (await runOk(world.staff, SENT, { unitId: world.centreUnitId, first: 1 })).sentHandovers;
    expect(before.totalCountIsCapped).toBe(false);
    await app.prisma.handover.createMany({
      data: Array.from({ length: TOTAL_COUNT_CAP + 5 - before.totalCount }, () => ({
        code: randomUUID().slice(0, 9).toUpperCase(),
        kind: "BRIDGE" as const,
        status: "SENT" as const,
        fromUnitId: world.centreUnitId,
        toUnitId: other.id,
        createdById: world.userIds.staff,
        purpose: "Bulk",
        helpCategories: ["HOUSING" as const],
      })),
    });
    const after = (await runOk(world.staff, SENT, { unitId: world.centreUnitId, first: 1 })).sentHandovers;
    expect(after.totalCount).toBe(TOTAL_COUNT_CAP);
    expect(after.totalCountIsCapped).toBe(true);
    expect(after.edges).toHaveLength(1);
  });
});

// Open requests to a group (issue 18): "any housing-support team in this area". The request is
// a handover in the one life-cycle table (OPEN, no receiver yet); the units of the group are told
// and see only coded facts; the first unit to claim it becomes the receiver — exactly one, by a
// conditional update in the database, proven with simultaneous claims over HTTP (on PGlite the
// claims queue on the one connection; on PostgreSQL they race on separate connections).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHandoverCode } from "../server/modules/handovers/handover-code.ts";
import { buildHandoverWorld, createUnit, createUser, type HandoverWorld } from "./support/world.ts";
import { createHandover, createHandoverError, createHandoverRaw, ErrorFields, errorCodes, getHandover, transition, WITH_CONSENT } from "./support/handovers.ts";
import { type Caller, dataOf, DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
let areaId: string;
let emptyAreaId: string;
/** Units of the group (HOUSING_SUPPORT near Midtby), each with a member. The world's service (no address) is one. */
const members: { unitId: string; caller: Caller }[] = [];
let farWorker: Caller;
let otherKindWorker: Caller;
let otherKindUnitId: string;

const MIDTBY = { latitude: 55.49, longitude: 9.47 };

async function serviceWithWorker(name: string, kind: "HOUSING_SUPPORT" | "JOB_CLARIFICATION", kmNorth: number | null) {
  const unit = await createUnit(app.prisma, world.organisationId, "SERVICE", name);
  await app.prisma.service.create({
    data: {
      unitId: unit.id,
      name,
      kind,
      description: "Støtte.",
      targetGroups: ["ADULTS"],
      languages: ["da"],
      ...(kmNorth === null ? {} : { street: "Vej 2", postalCode: "6999", city: "Fjordby", latitude: MIDTBY.latitude + kmNorth * 0.009, longitude: MIDTBY.longitude }),
    },
  });
  const user = await createUser(app.prisma, { name: `Medarbejder ${name}`, memberships: [{ unitId: unit.id }] });
  return { unitId: unit.id, caller: await app.as(user.id) };
}

const GROUP = () => ({ serviceKind: "HOUSING_SUPPORT", areaId });

async function openRequest(extra: Record<string, unknown> = {}) {
  return createHandover(world.staff, world, { toUnitId: null, toGroup: GROUP(), send: true, purpose: "Hjælp til at beholde lejligheden", ...extra });
}

const CLAIM = graphql(
  `mutation Claim($input: ClaimHandoverRequestInput!) { claimHandoverRequest(input: $input) {
    __typename ...ErrorFields ... on IllegalTransitionError { currentStatus }
    ... on ClaimHandoverRequestSuccess { data { id status purpose toUnit { id name } openRequest { claimedAt } events { type fromStatus toStatus note actorUnit { id } } } } } }`,
  [ErrorFields],
);
type ClaimInput = VariablesOf<typeof CLAIM>["input"];

/** The variables of a claim by the unit, with the optional note and meeting. */
function claimOf(handoverId: string, unitId: string, extra: Partial<ClaimInput> = {}): VariablesOf<typeof CLAIM> {
  return { input: { handoverId, unitId, ...extra } };
}

const CLAIMABLE = graphql(`query Claimable($unitId: ID!) { claimableHandoverRequests(unitId: $unitId) {
  handoverId kind helpCategories urgency sentAt expiresAt fromUnitName serviceKind areaName radiusKm } }`);
const OPEN_REQUEST_AS_SENT = graphql(`query OpenRequestAsSent($id: ID!) { handover(id: $id) { openRequest { serviceKind areaName radiusKm claimedAt } allowedActions } }`);
const INBOX = graphql(`query Inbox($unitId: ID!) { receivedHandovers(unitId: $unitId) { edges { node { id status } } } }`);

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  areaId = (await app.prisma.area.create({ data: { name: "Midtby", ...MIDTBY } })).id;
  emptyAreaId = (await app.prisma.area.create({ data: { name: "Yderø", latitude: 57.5, longitude: 10.5 } })).id;
  members.push({ unitId: world.serviceUnitId, caller: world.worker });
  for (const [index, km] of [1, 2, 4, 8].entries()) members.push(await serviceWithWorker(`Bostøtte ${index + 1}`, "HOUSING_SUPPORT", km));
  farWorker = (await serviceWithWorker("Bostøtte Langt Væk", "HOUSING_SUPPORT", 60)).caller;
  const otherKind = await serviceWithWorker("Jobhuset", "JOB_CLARIFICATION", 1);
  otherKindWorker = otherKind.caller;
  otherKindUnitId = otherKind.unitId;
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

describe("sending an open request to a group", { timeout: SLOW_TEST_MS }, () => {
  it("is OPEN with no receiver yet; the sender sees the group; each unit of the group is told, content-free", async () => {
    const request = await openRequest();
    expect(request).toMatchObject({ status: "OPEN", toUnit: null });
    expect(request.events.map((event: { type: string; toStatus: string }) => [event.type, event.toStatus])).toEqual([
      ["CREATED", "DRAFT"],
      ["SENT", "OPEN"],
    ]);
    const view = (await runOk(world.staff, OPEN_REQUEST_AS_SENT, { id: request.id })).handover;
    expect(view).toEqual({ openRequest: { serviceKind: "HOUSING_SUPPORT", areaName: "Midtby", radiusKm: 15, claimedAt: null }, allowedActions: ["CANCEL"] });
    const notices = await app.prisma.notificationEvent.findMany({ where: { subjectId: request.id, kind: "HANDOVER_OPEN_REQUEST" } });
    expect(notices.map((notice) => notice.unitId).sort()).toEqual(members.map((member) => member.unitId).sort());
    expect(notices.every((notice) => notice.secret === null)).toBe(true);
  });

  it("shows the group's units coded facts only, before anyone has claimed it; other units see nothing", async () => {
    const request = await openRequest({ helpCategories: ["HOUSING", "ECONOMY"], urgency: "HIGH", wish: "Vil gerne blive boende" });
    for (const member of members) {
      const listed = (await runOk(member.caller, CLAIMABLE, { unitId: member.unitId })).claimableHandoverRequests;
      expect(listed.find((row) => row.handoverId === request.id)).toMatchObject({
        kind: "BRIDGE",
        helpCategories: ["HOUSING", "ECONOMY"],
        urgency: "HIGH",
        fromUnitName: "Værestedet Test",
        serviceKind: "HOUSING_SUPPORT",
        areaName: "Midtby",
        radiusKm: 15,
      });
      // Need to know: the handover itself (purpose, wish) stays closed until the unit claims it.
      expect(errorCodes(await getHandover(member.caller, request.id))).toEqual(["FORBIDDEN"]);
    }
    expect((await runOk(otherKindWorker, CLAIMABLE, { unitId: otherKindUnitId })).claimableHandoverRequests).toEqual([]);
    // The raw response: exactly one error, FORBIDDEN.
    const outsider = await run(world.unrelated, CLAIMABLE, { unitId: members[1]!.unitId });
    expect(errorCodes(outsider)).toEqual(["FORBIDDEN"]);
  });

  it("refuses a group with no service, personal data, a draft, and a recipient and a group at once, with ValidationError naming the field", async () => {
    const base = { fromUnitId: world.centreUnitId, purpose: "Bolig", helpCategories: ["HOUSING"], send: true, toGroup: GROUP() };
    const cases: [Record<string, unknown>, string][] = [
      // No digital-help service anywhere near (and none without an address): nobody could take it.
      [{ ...base, toGroup: { serviceKind: "DIGITAL_HELP", areaId: emptyAreaId, radiusKm: 5 } }, "toGroup.areaId"],
      [{ ...base, ...WITH_CONSENT(new Date(app.clock.now().getTime() + 10 * DAY_MS).toISOString()) }, "consent"],
      [{ ...base, send: false }, "send"],
      [{ ...base, toUnitId: world.serviceUnitId }, "toUnitId"],
      [{ ...base, toGroup: undefined }, "toUnitId"],
    ];
    const before = await app.prisma.handover.count();
    for (const [input, field] of cases) {
      const result = await createHandoverError(world.staff, input, "ValidationError");
      expect(result.issues.map((issue) => issue.field)).toEqual([field]);
    }
    expect(await app.prisma.handover.count()).toBe(before);
  });
});

describe("claiming: the first unit of the group gets it, exactly one", { timeout: SLOW_TEST_MS }, () => {
  it("lets exactly one of five simultaneous claims win, round after round; the rest get ConflictError", async () => {
    for (let round = 0; round < 4; round++) {
      const request = await openRequest();
      // The raw responses: one claim wins and the rest fail, so neither runOk nor runError fits each.
      const answers = await Promise.all(members.map((member) => run(member.caller, CLAIM, claimOf(request.id, member.unitId))));
      const results = answers.map((answer) => dataOf(answer).claimHandoverRequest);
      const winners = results.filter((result) => result.__typename === "ClaimHandoverRequestSuccess");
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      expect(results.filter((result) => result.__typename === "ConflictError")).toHaveLength(members.length - 1);
      if (winners[0]?.__typename !== "ClaimHandoverRequestSuccess") return expect.fail(JSON.stringify(results));
      const winner = winners[0].data;
      const row = await app.prisma.handover.findUniqueOrThrow({ where: { id: request.id }, include: { openRequest: true } });
      expect(row).toMatchObject({ status: "ACCEPTED", toUnitId: winner.toUnit?.id });
      expect(row.openRequest?.claimedAt).not.toBeNull();
      const claims = await app.prisma.handoverEvent.findMany({ where: { handoverId: request.id, type: "CLAIMED" } });
      expect(claims).toHaveLength(1);
      expect(claims[0]).toMatchObject({ fromStatus: "OPEN", toStatus: "ACCEPTED", actorUnitId: winner.toUnit?.id });
      // The sender is told once that it was taken.
      expect(await app.prisma.notificationEvent.count({ where: { subjectId: request.id, kind: "HANDOVER_ACCEPTED", unitId: world.centreUnitId } })).toBe(1);
    }
  });

  it("makes the claiming unit the receiver: it reads the text and has the handover in its inbox; the others still cannot", async () => {
    const request = await openRequest();
    const member = members[2]!;
    const claimed = (
      await runOk(member.caller, CLAIM, claimOf(request.id, member.unitId, { note: "Vi tager den", proposedMeetingAt: new Date(app.clock.now().getTime() + 3 * DAY_MS).toISOString() }))
    ).claimHandoverRequest;
    if (claimed.__typename !== "ClaimHandoverRequestSuccess") return expect.fail(JSON.stringify(claimed));
    expect(claimed.data).toMatchObject({ status: "ACCEPTED", purpose: "Hjælp til at beholde lejligheden", toUnit: { id: member.unitId } });
    expect(claimed.data.events.at(-1)).toMatchObject({ type: "CLAIMED", note: "Vi tager den", actorUnit: { id: member.unitId } });
    const inbox = (await runOk(member.caller, INBOX, { unitId: member.unitId })).receivedHandovers;
    expect(inbox.edges.map((edge) => edge.node.id)).toContain(request.id);
    expect(errorCodes(await getHandover(members[3]!.caller, request.id))).toEqual(["FORBIDDEN"]);
    const listed = (await runOk(members[3]!.caller, CLAIMABLE, { unitId: members[3]!.unitId })).claimableHandoverRequests;
    expect(listed.map((row) => row.handoverId)).not.toContain(request.id);
    // From here on it is an ordinary accepted handover: the receiver completes it.
    const completed = await transition(member.caller, "completeHandover", { handoverId: request.id, outcome: "CONNECTED" });
    expect(completed.__typename).toBe("CompleteHandoverSuccess");
  });

  it("refuses a unit outside the group (too far, another kind, the sender) with ForbiddenError, and a non-member with FORBIDDEN", async () => {
    const request = await openRequest();
    const far = await app.prisma.service.findFirstOrThrow({ where: { name: "Bostøtte Langt Væk" } });
    await runError(farWorker, CLAIM, claimOf(request.id, far.unitId), "ForbiddenError");
    await runError(otherKindWorker, CLAIM, claimOf(request.id, otherKindUnitId), "ForbiddenError");
    await runError(world.staff, CLAIM, claimOf(request.id, world.centreUnitId), "ForbiddenError");
    await runError(world.unrelated, CLAIM, claimOf(request.id, members[0]!.unitId), "ForbiddenError");
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");
  });
});

describe("the database's own rules", { timeout: SLOW_TEST_MS }, () => {
  it("refuses a handover without a receiving unit unless it is an open request (a CHECK constraint)", async () => {
    const before = await app.prisma.handover.count();
    const base = { fromUnitId: world.centreUnitId, toUnitId: null, createdById: world.userIds.staff, purpose: "Uden modtager", helpCategories: ["HOUSING" as const] };
    for (const status of ["DRAFT", "SENT", "ACCEPTED"] as const) {
      await expect(app.prisma.handover.create({ data: { ...base, code: generateHandoverCode(), status } })).rejects.toThrow();
    }
    expect(await app.prisma.handover.count()).toBe(before);
    const open = await app.prisma.handover.create({ data: { ...base, code: generateHandoverCode(), status: "OPEN" } });
    // Claiming it behind the application's back still has to name a receiver to leave OPEN.
    await expect(app.prisma.handover.update({ where: { id: open.id }, data: { status: "ACCEPTED" } })).rejects.toThrow();
    await app.prisma.handover.delete({ where: { id: open.id } });
  });
});

describe("an open request's other ways out, in the same life-cycle table", { timeout: SLOW_TEST_MS }, () => {
  it("the sender cancels it; a claim afterwards is an illegal transition", async () => {
    const request = await openRequest();
    const cancelled = await transition(world.staff, "cancelHandover", { handoverId: request.id, reason: "Borgeren har fundet hjælp" });
    expect(cancelled).toMatchObject({ __typename: "CancelHandoverSuccess", data: { status: "CANCELLED" } });
    const late = await runError(members[0]!.caller, CLAIM, claimOf(request.id, members[0]!.unitId), "IllegalTransitionError");
    expect(late).toMatchObject({ __typename: "IllegalTransitionError", currentStatus: "CANCELLED" });
  });

  it("expires unclaimed after the response window, and the sender is told", async () => {
    const request = await openRequest();
    app.clock.advance(5 * DAY_MS + 60_000);
    await app.runJobs();
    const row = await app.prisma.handover.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "EXPIRED", toUnitId: null });
    const notices = await app.prisma.notificationEvent.findMany({ where: { subjectId: request.id, kind: "HANDOVER_EXPIRED" } });
    expect(notices.map((notice) => notice.unitId)).toEqual([world.centreUnitId]);
  });
});

// Handovers that follow real casework (issue 18): coded decline reasons with a suggested unit,
// counted per service; measured responsiveness per service, suppressed below 5.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, createService, createUser, type HandoverWorld } from "./support/world.ts";
import { createHandover, ErrorFields, transition, transitionOk } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runOk, runError } from "./support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
let betterServiceUnitId: string;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  betterServiceUnitId = (await createService(app.prisma, world.organisationId, { name: "Boligsocialt Netværk Test" })).unit.id;
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const DECLINE = graphql(
  `mutation Decline($input: DeclineHandoverInput!) { declineHandover(input: $input) {
    __typename ...ErrorFields ... on DeclineHandoverSuccess { data { id status declineCode declineReason suggestion suggestedUnit { id name } events { type note } } } } }`,
  [ErrorFields],
);
const DECLINE_AS_SENT = graphql(`query DeclineAsSent($id: ID!) { handover(id: $id) { declineCode suggestedUnit { name } } }`);

const FIGURES = graphql(`query ServiceFigures($ids: [ID!]!) { serviceHandoverFigures(unitIds: $ids) {
  unitId unitName windowDays isSuppressed
  handoversReceived { value display isSuppressed }
  medianHoursToFirstAnswer { value display isSuppressed }
  shareAccepted { value display isSuppressed }
  declined { value display isSuppressed }
  declinedByReason { code count { value display isSuppressed } } } }`);

describe("coded decline reasons", { timeout: SLOW_TEST_MS }, () => {
  it("declines with a code and a suggested unit from the directory, without any text; the sender sees both", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const result = (
      await runOk(world.worker, DECLINE, { input: { handoverId: handover.id, reasonCode: "ANOTHER_SERVICE_FITS_BETTER", suggestedUnitId: betterServiceUnitId } })
    ).declineHandover;
    if (result.__typename !== "DeclineHandoverSuccess") return expect.fail(JSON.stringify(result));
    expect(result.data).toMatchObject({
      status: "DECLINED",
      declineCode: "ANOTHER_SERVICE_FITS_BETTER",
      declineReason: null,
      suggestedUnit: { id: betterServiceUnitId, name: "Boligsocialt Netværk Test" },
    });
    const senderView = await runOk(world.staff, DECLINE_AS_SENT, { id: handover.id });
    expect(senderView.handover).toEqual({ declineCode: "ANOTHER_SERVICE_FITS_BETTER", suggestedUnit: { name: "Boligsocialt Netværk Test" } });
  });

  it("keeps the old way working: a text reason alone is coded OTHER", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const declined = await transitionOk(world.worker, "declineHandover", { handoverId: handover.id, reason: "Vi har ikke kapacitet" });
    const row = await app.prisma.handover.findUniqueOrThrow({ where: { id: declined.id } });
    expect(row.declineCode).toBe("OTHER");
    expect(row.declineReason).toBe("Vi har ikke kapacitet");
  });

  it("refuses OTHER without a text, and ANOTHER_SERVICE_FITS_BETTER without a suggestion, with ValidationError naming the field", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const other = await runError(world.worker, DECLINE, { input: { handoverId: handover.id, reasonCode: "OTHER" } }, "ValidationError");
    expect(other.issues.map((issue) => issue.field)).toEqual(["reason"]);
    const better = await runError(world.worker, DECLINE, { input: { handoverId: handover.id, reasonCode: "ANOTHER_SERVICE_FITS_BETTER" } }, "ValidationError");
    expect(better.issues.map((issue) => issue.field)).toEqual(["suggestion"]);
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("SENT");
  });

  it("refuses to suggest the sender itself, the receiver itself or a caseworker team", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    for (const suggestedUnitId of [world.centreUnitId, world.serviceUnitId]) {
      const result = await runError(world.worker, DECLINE, { input: { handoverId: handover.id, reasonCode: "ANOTHER_SERVICE_FITS_BETTER", suggestedUnitId } }, "ValidationError");
      expect(result.issues[0]?.field).toBe("suggestedUnitId");
    }
    const row = await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } });
    expect(row).toMatchObject({ status: "SENT", declineCode: null, suggestedUnitId: null });
  });

  it("refuses a CPR number in the optional decline text", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    await runError(world.worker, DECLINE, { input: { handoverId: handover.id, reasonCode: "FULL_OR_WAITING_LIST", reason: "Borger 0101901234 står på venteliste" } }, "CprRefusedError");
  });

  it("lets only the receiver decline with a code", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const result = await transition(world.staff, "declineHandover", { handoverId: handover.id, reasonCode: "FULL_OR_WAITING_LIST" });
    expect(result.__typename).toBe("ForbiddenError");
  });
});

describe("figures per service: responsiveness and decline reasons", { timeout: SLOW_TEST_MS }, () => {
  it("counts declines per code, the median time to first answer and the share accepted over the last 90 days; suppresses a service with 1–4", async () => {
    const service = await createService(app.prisma, world.organisationId, { name: "Målt Tilbud" });
    const worker = await app.as((await createUser(app.prisma, { memberships: [{ unitId: service.unit.id }] })).id);
    const small = await createService(app.prisma, world.organisationId, { name: "Lille Tilbud" });
    // One handover sent long ago (outside the window) must not count.
    const old = await createHandover(world.staff, world, { toUnitId: service.unit.id, send: true });
    await app.prisma.handover.update({ where: { id: old.id }, data: { sentAt: new Date(app.clock.now().getTime() - 120 * 86_400_000) } });
    const answers: [string, number][] = [
      ["accept", 2],
      ["accept", 4],
      ["accept", 6],
      ["FULL_OR_WAITING_LIST", 8],
      ["FULL_OR_WAITING_LIST", 10],
      ["FULL_OR_WAITING_LIST", 12],
      ["FULL_OR_WAITING_LIST", 14],
      ["FULL_OR_WAITING_LIST", 16],
      ["OUTSIDE_TARGET_GROUP", 18],
    ];
    for (const [answer, hours] of answers) {
      const handover = await createHandover(world.staff, world, { toUnitId: service.unit.id, send: true });
      // Sent `hours` ago (set-up), answered now over GraphQL.
      await app.prisma.handover.update({ where: { id: handover.id }, data: { sentAt: new Date(app.clock.now().getTime() - hours * 3_600_000) } });
      if (answer === "accept") await transitionOk(worker, "acceptHandover", { handoverId: handover.id });
      else await transitionOk(worker, "declineHandover", { handoverId: handover.id, reasonCode: answer });
    }
    await createHandover(world.staff, world, { toUnitId: service.unit.id, send: true }); // unanswered
    await createHandover(world.staff, world, { toUnitId: small.unit.id, send: true });

    const [measured, suppressed] = (await runOk(world.staff, FIGURES, { ids: [service.unit.id, small.unit.id] })).serviceHandoverFigures;
    expect(measured).toMatchObject({
      unitName: "Målt Tilbud",
      windowDays: 90,
      isSuppressed: false,
      handoversReceived: { value: 10 },
      medianHoursToFirstAnswer: { value: 10, display: "10 t" },
      shareAccepted: { display: "33 %" },
      declined: { value: 6 },
    });
    expect(Object.fromEntries(measured!.declinedByReason.map((row) => [row.code, row.count.display]))).toEqual({
      FULL_OR_WAITING_LIST: "5",
      OUTSIDE_TARGET_GROUP: "<5",
      COULD_NOT_REACH_CITIZEN: "0",
      ANOTHER_SERVICE_FITS_BETTER: "0",
      OTHER: "0",
    });
    expect(suppressed!.isSuppressed).toBe(true);
    for (const figure of [suppressed!.handoversReceived, suppressed!.medianHoursToFirstAnswer, suppressed!.shareAccepted, suppressed!.declined]) {
      expect(figure).toEqual({ value: null, display: "<5", isSuppressed: true });
    }
    expect(suppressed!.declinedByReason.every((row) => row.count.isSuppressed)).toBe(true);
  });

  it("is for signed-in professionals only", async () => {
    await runError(app.anonymous, FIGURES, { ids: [world.serviceUnitId] }, "NOT_AUTHENTICATED");
  });
});

/** The handover as the life-cycle tests read it. */
const Life = graphql(`fragment Life on Handover @_unmask {
  id status lookAgainAt noShowCount outcome proposedMeetingAt proposedMeetingPlace allowedActions events { type fromStatus toStatus note }
  referralChain { handoverId isThisHandover status outcome fromUnit { name } toUnit { name } }
}`);
const HOLD = graphql(
  `mutation Hold($input: HoldHandoverInput!) {
    holdHandover(input: $input) { __typename ...ErrorFields ... on IllegalTransitionError { currentStatus } ... on HoldHandoverSuccess { data { ...Life } } }
  }`,
  [ErrorFields, Life],
);
const RESUME = graphql(
  `mutation Resume($input: ResumeHandoverInput!) {
    resumeHandover(input: $input) { __typename ...ErrorFields ... on IllegalTransitionError { currentStatus } ... on ResumeHandoverSuccess { data { ...Life } } }
  }`,
  [ErrorFields, Life],
);
const RETRY = graphql(
  `mutation Retry($input: RetryHandoverAfterNoShowInput!) {
    retryHandoverAfterNoShow(input: $input) {
      __typename ...ErrorFields ... on IllegalTransitionError { currentStatus } ... on RetryHandoverAfterNoShowSuccess { data { ...Life } }
    }
  }`,
  [ErrorFields, Life],
);
const HOLD_AS_SENT = graphql(`query HoldAsSent($id: ID!) { handover(id: $id) { status lookAgainAt allowedActions } }`);
const CHAIN = graphql(`query Chain($id: ID!) { handover(id: $id) { ...Life } }`, [Life]);
const CHAIN_IDS = graphql(`query ChainIds($id: ID!) { handover(id: $id) { referralChain { handoverId } } }`);
const CHAIN_STATUSES = graphql(`query ChainStatuses($id: ID!) { handover(id: $id) { referralChain { status } } }`);
const HANDOVER_ID = graphql(`query HandoverId($id: ID!) { handover(id: $id) { id } }`);
const CREATE_REFERRAL = graphql(
  `mutation CreateReferral($input: CreateHandoverInput!) { createHandover(input: $input) { __typename ...ErrorFields ... on IllegalTransitionError { currentStatus } } }`,
  [ErrorFields],
);

const inDays = (days: number) => new Date(app.clock.now().getTime() + days * 86_400_000).toISOString();

describe("life cycle for real life", { timeout: SLOW_TEST_MS }, () => {
  it("puts an accepted handover on hold with a date to look again, and resumes it; both as events in the one table", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    const held = (await runOk(world.worker, HOLD, { input: { handoverId: handover.id, lookAgainAt: inDays(14), note: "Venter på at borgeren er tilbage fra ophold" } })).holdHandover;
    if (held.__typename !== "HoldHandoverSuccess") return expect.fail(JSON.stringify(held));
    expect(held.data).toMatchObject({ status: "ON_HOLD", lookAgainAt: inDays(14) });
    expect(held.data.allowedActions).toEqual(["COMPLETE", "RESUME", "RETRY", "REFER"]);
    expect(held.data.events.at(-1)).toMatchObject({ type: "ON_HOLD", fromStatus: "ACCEPTED", toStatus: "ON_HOLD" });
    // The sender sees the hold and may still cancel.
    const senderView = (await runOk(world.staff, HOLD_AS_SENT, { id: handover.id })).handover;
    expect(senderView).toEqual({ status: "ON_HOLD", lookAgainAt: inDays(14), allowedActions: ["CANCEL"] });
    // Only the receiver holds or resumes.
    await runError(world.staff, RESUME, { input: { handoverId: handover.id } }, "ForbiddenError");
    const resumed = (await runOk(world.worker, RESUME, { input: { handoverId: handover.id } })).resumeHandover;
    if (resumed.__typename !== "ResumeHandoverSuccess") return expect.fail(JSON.stringify(resumed));
    expect(resumed.data).toMatchObject({ status: "ACCEPTED", lookAgainAt: null });
    expect(resumed.data.events.at(-1)).toMatchObject({ type: "RESUMED", fromStatus: "ON_HOLD", toStatus: "ACCEPTED" });
  });

  it("refuses a hold on a handover not yet accepted, and a look-again date in the past", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const early = await runError(world.worker, HOLD, { input: { handoverId: handover.id, lookAgainAt: inDays(3) } }, "IllegalTransitionError");
    expect(early).toMatchObject({ __typename: "IllegalTransitionError", currentStatus: "SENT" });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    await runError(world.worker, HOLD, { input: { handoverId: handover.id, lookAgainAt: inDays(-1) } }, "ValidationError");
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("ACCEPTED");
    await runError(world.worker, HOLD, { input: { handoverId: handover.id, lookAgainAt: inDays(3), note: "cpr 010190-1234" } }, "CprRefusedError");
  });

  it("records a no-show and proposes a new meeting on the same handover (also from on hold), counting the retries", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id, proposedMeetingAt: inDays(1), proposedMeetingPlace: "Værestedet" });
    const retried = (
      await runOk(world.worker, RETRY, { input: { handoverId: handover.id, proposedMeetingAt: inDays(7), proposedMeetingPlace: "Bostøttens kontor" } })
    ).retryHandoverAfterNoShow;
    if (retried.__typename !== "RetryHandoverAfterNoShowSuccess") return expect.fail(JSON.stringify(retried));
    expect(retried.data).toMatchObject({ status: "ACCEPTED", noShowCount: 1, proposedMeetingAt: inDays(7), proposedMeetingPlace: "Bostøttens kontor" });
    expect(retried.data.events.at(-1)).toMatchObject({ type: "NO_SHOW_RETRIED", fromStatus: "ACCEPTED", toStatus: "ACCEPTED" });
    await runOk(world.worker, HOLD, { input: { handoverId: handover.id, lookAgainAt: inDays(10) } });
    const again = (await runOk(world.worker, RETRY, { input: { handoverId: handover.id, proposedMeetingAt: inDays(12) } })).retryHandoverAfterNoShow;
    if (again.__typename !== "RetryHandoverAfterNoShowSuccess") return expect.fail(JSON.stringify(again));
    expect(again.data).toMatchObject({ status: "ACCEPTED", noShowCount: 2, lookAgainAt: null });
    expect(await app.prisma.handover.count({ where: { id: handover.id } })).toBe(1);
    await runError(world.worker, RETRY, { input: { handoverId: handover.id, proposedMeetingAt: inDays(-1) } }, "ValidationError");
  });

  it("refers on: the receiver sends a new handover linked to the one it received, which completes as REFERRED_ON; both see the chain, units and statuses only", async () => {
    const first = await createHandover(world.staff, world, { send: true, wish: "Hemmelig tekst om borgeren" });
    await transitionOk(world.worker, "acceptHandover", { handoverId: first.id });
    const next = await createHandover(world.worker, world, {
      fromUnitId: world.serviceUnitId,
      toUnitId: betterServiceUnitId,
      purpose: "Videre til boligsocialt netværk",
      send: true,
      referredFromHandoverId: first.id,
    });
    const previous = await app.prisma.handover.findUniqueOrThrow({ where: { id: first.id }, include: { events: true } });
    expect(previous).toMatchObject({ status: "COMPLETED", outcome: "REFERRED_ON" });
    expect(previous.events.map((event) => event.type)).toContain("COMPLETED");
    // The original sender sees the chain: its own handover with an id, the next one without.
    const senderChain = (await runOk(world.staff, CHAIN, { id: first.id })).handover?.referralChain;
    expect(senderChain).toEqual([
      { handoverId: first.id, isThisHandover: true, status: "COMPLETED", outcome: "REFERRED_ON", fromUnit: { name: "Værestedet Test" }, toUnit: { name: "Bostøtten Test" } },
      { handoverId: null, isThisHandover: false, status: "SENT", outcome: null, fromUnit: { name: "Bostøtten Test" }, toUnit: { name: "Boligsocialt Netværk Test" } },
    ]);
    // The referring unit is on both and sees both ids; the original sender cannot open the next one.
    const workerChain = (await runOk(world.worker, CHAIN_IDS, { id: next.id })).handover?.referralChain;
    expect(workerChain?.map((link) => link.handoverId)).toEqual([first.id, next.id]);
    await runError(world.staff, HANDOVER_ID, { id: next.id }, "FORBIDDEN");
    // Outsiders see nothing of either (the raw response: no handover, whether or not with an error).
    expect((await run(world.unrelated, CHAIN_STATUSES, { id: first.id })).data?.handover ?? null).toBeNull();
  });

  it("refuses to refer on from a handover the unit did not receive, or one not accepted yet, and creates nothing", async () => {
    const first = await createHandover(world.staff, world, { send: true });
    const before = await app.prisma.handover.count();
    await runError(
      world.staff,
      CREATE_REFERRAL,
      { input: { fromUnitId: world.centreUnitId, toUnitId: betterServiceUnitId, purpose: "x", helpCategories: ["HOUSING"], referredFromHandoverId: first.id } },
      "ForbiddenError",
    );
    const notAccepted = await runError(
      world.worker,
      CREATE_REFERRAL,
      { input: { fromUnitId: world.serviceUnitId, toUnitId: betterServiceUnitId, purpose: "x", helpCategories: ["HOUSING"], referredFromHandoverId: first.id } },
      "IllegalTransitionError",
    );
    expect(notAccepted).toMatchObject({ __typename: "IllegalTransitionError", currentStatus: "SENT" });
    expect(await app.prisma.handover.count()).toBe(before);
  });
});

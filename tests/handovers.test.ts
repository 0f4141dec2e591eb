// Handovers (issue 5): life cycle, consent, withdrawal, need to know, audit, CPR guard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOVER_CODE_ALPHABET } from "../server/modules/handovers/handover-code.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, createHandoverError, createHandoverRaw, errorCodes, getHandover, markRead, readPersonalData, transition, transitionOk, WITH_CONSENT } from "./support/handovers.ts";
import { dataOf, DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
const inThirtyDays = new Date(Date.parse(TEST_START) + 30 * DAY_MS).toISOString();

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
const BY_CODE = graphql(`query ByCode($code: String!) { handoverByCode(code: $code) { id } }`);
const RECEIVED_IDS = graphql(`query ReceivedIds($unitId: ID!) { receivedHandovers(unitId: $unitId) { edges { node { id } } } }`);
const SENT_IDS = graphql(`query SentIds($unitId: ID!) { sentHandovers(unitId: $unitId) { edges { node { id } } } }`);
/** Leaves out the required outcome, which the schema's input type refuses before any resolver runs. */
const COMPLETE_WITHOUT_OUTCOME = graphql(`mutation CompleteWithoutOutcome($handoverId: ID!) { completeHandover(input: { handoverId: $handoverId }) { __typename } }`);

afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

function advance(minutes: number) {
  app.clock.advance(minutes * 60_000);
}

describe("handover life cycle", { timeout: SLOW_TEST_MS }, () => {
  it("runs DRAFT → SENT → RECEIVED → ACCEPTED → COMPLETED with a timeline both sides see and an outcome for the sender", async () => {
    const draft = await createHandover(world.staff, world, { wish: "Vil gerne have hjælp til at søge bolig", urgency: "HIGH" });
    expect(draft.status).toBe("DRAFT");
    expect(draft.code).toMatch(new RegExp(`^[${HANDOVER_CODE_ALPHABET}]{4}-[${HANDOVER_CODE_ALPHABET}]{4}$`));
    expect(draft.allowedActions).toEqual(["SEND", "CANCEL"]);
    // The receiver does not see a draft at all.
    expect(errorCodes(await getHandover(world.worker, draft.id))).toEqual(["NOT_FOUND"]);

    advance(5);
    const sent = await transitionOk(world.staff, "sendHandover", { handoverId: draft.id });
    expect(sent.status).toBe("SENT");
    expect(Date.parse(sent.expiresAt!) - Date.parse(sent.sentAt!)).toBe(5 * DAY_MS);

    advance(5);
    const received = await transitionOk(world.worker, "markHandoverReceived", { handoverId: draft.id });
    expect(received.status).toBe("RECEIVED");
    expect(received.allowedActions).toEqual(["ACCEPT", "DECLINE"]);

    advance(5);
    const accepted = await transitionOk(world.worker, "acceptHandover", {
      handoverId: draft.id,
      note: "Vi mødes gerne på værestedet",
      proposedMeetingAt: "2026-12-01T10:00:00.000Z",
      proposedMeetingPlace: "Værestedet, mødelokalet",
    });
    expect(accepted).toMatchObject({ status: "ACCEPTED", proposedMeetingPlace: "Værestedet, mødelokalet", proposedMeetingAt: "2026-12-01T10:00:00.000Z" });
    expect(accepted.firstResponseAt).not.toBeNull();

    advance(5);
    const completed = await transitionOk(world.worker, "completeHandover", { handoverId: draft.id, outcome: "CONNECTED", note: "Første møde holdt" });
    expect(completed.status).toBe("COMPLETED");
    expect(completed.closedAt).not.toBeNull();
    expect(completed.allowedActions).toEqual([]);

    const senderView = dataOf(await getHandover(world.staff, draft.id)).handover;
    expect(senderView.outcome).toBe("CONNECTED");
    const timeline = senderView.events.map((event) => [event.type, event.fromStatus, event.toStatus, event.actorUnit?.name]);
    expect(timeline).toEqual([
      ["CREATED", null, "DRAFT", "Værestedet Test"],
      ["SENT", "DRAFT", "SENT", "Værestedet Test"],
      ["RECEIVED", "SENT", "RECEIVED", "Bostøtten Test"],
      ["ACCEPTED", "RECEIVED", "ACCEPTED", "Bostøtten Test"],
      ["COMPLETED", "ACCEPTED", "COMPLETED", "Bostøtten Test"],
    ]);
    expect(senderView.events[3]!.note).toBe("Vi mødes gerne på værestedet");
    expect(senderView.events[4]!.actorUserName).toBe("Bo Bostøtte");
    const receiverView = dataOf(await getHandover(world.worker, draft.id)).handover;
    expect(receiverView.events).toEqual(senderView.events);

    const eventRows = await app.prisma.handoverEvent.count({ where: { handoverId: draft.id } });
    expect(eventRows).toBe(5);
  });

  it("sends at once with send: true and lets the receiver decline with a reason and a suggestion", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    expect(handover.status).toBe("SENT");
    expect(handover.events.map((event) => event.type)).toEqual(["CREATED", "SENT"]);
    advance(1);
    const declined = await transitionOk(world.worker, "declineHandover", {
      handoverId: handover.id,
      reason: "Vi har ikke kapacitet før februar",
      suggestion: "Prøv Boligsocialt Netværk",
    });
    expect(declined).toMatchObject({ status: "DECLINED", declineReason: "Vi har ikke kapacitet før februar", suggestion: "Prøv Boligsocialt Netværk" });
    const senderView = dataOf(await getHandover(world.staff, handover.id)).handover;
    expect(senderView.suggestion).toBe("Prøv Boligsocialt Netværk");
    expect(senderView.events.at(-1)).toMatchObject({ type: "DECLINED", note: "Vi har ikke kapacitet før februar" });
  });

  it("lets the sender cancel with a reason, and the receiver sees it", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const cancelled = await transitionOk(world.staff, "cancelHandover", { handoverId: handover.id, reason: "Borgeren har selv fundet hjælp" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(dataOf(await getHandover(world.worker, handover.id)).handover.status).toBe("CANCELLED");
  });

  it("refuses illegal transitions with IllegalTransitionError and changes nothing", async () => {
    const handover = await createHandover(world.staff, world, {});
    const completeDraft = await transition(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED" });
    // The receiver may not act on a draft (and cannot read it: see below).
    expect(completeDraft.__typename).toBe("ForbiddenError");
    await transitionOk(world.staff, "sendHandover", { handoverId: handover.id });
    const sendAgain = await transition(world.staff, "sendHandover", { handoverId: handover.id });
    expect(sendAgain).toMatchObject({ __typename: "IllegalTransitionError", code: "ILLEGAL_TRANSITION", currentStatus: "SENT" });
    const completeSent = await transition(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED" });
    expect(completeSent).toMatchObject({ __typename: "IllegalTransitionError", currentStatus: "SENT" });
    await transitionOk(world.worker, "declineHandover", { handoverId: handover.id, reason: "Ikke vores område" });
    const acceptDeclined = await transition(world.worker, "acceptHandover", { handoverId: handover.id });
    expect(acceptDeclined).toMatchObject({ __typename: "IllegalTransitionError", currentStatus: "DECLINED" });
    const cancelDeclined = await transition(world.staff, "cancelHandover", { handoverId: handover.id, reason: "for sent" });
    expect(cancelDeclined.__typename).toBe("IllegalTransitionError");
    const row = await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } });
    expect(row.status).toBe("DECLINED");
    expect(await app.prisma.handoverEvent.count({ where: { handoverId: handover.id } })).toBe(3);
  });

  it("refuses an action from the wrong side with ForbiddenError", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    expect((await transition(world.staff, "acceptHandover", { handoverId: handover.id })).__typename).toBe("ForbiddenError");
    expect((await transition(world.worker, "cancelHandover", { handoverId: handover.id, reason: "Nej" })).__typename).toBe("ForbiddenError");
    expect((await transition(world.unrelated, "acceptHandover", { handoverId: handover.id })).__typename).toBe("ForbiddenError");
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("SENT");
  });

  it("declines a handover without a reason with ValidationError", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const result = await transition(world.worker, "declineHandover", { handoverId: handover.id, reason: "   " });
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "reason" }] });
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("SENT");
  });

  it("cancels without a reason with ValidationError", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const result = await transition(world.staff, "cancelHandover", { handoverId: handover.id, reason: "" });
    expect(result.__typename).toBe("ValidationError");
  });

  it("completes only with one of the four outcomes", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    const missing = await run(world.worker, COMPLETE_WITHOUT_OUTCOME, { handoverId: handover.id });
    expect(missing.errors?.length).toBeGreaterThan(0);
    const done = await transitionOk(world.worker, "completeHandover", { handoverId: handover.id, outcome: "DID_NOT_SHOW" });
    expect(done.outcome).toBe("DID_NOT_SHOW");
  });

  it("receives automatically when the receiver opens a sent handover (markHandoverRead)", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    advance(1);
    const opened = dataOf(await markRead(world.worker, handover.id)).markHandoverRead;
    expect(opened).toMatchObject({ __typename: "MarkHandoverReadSuccess", data: { status: "RECEIVED", isUnread: false } });
    // The sender opening it does not receive it for the receiver.
    const other = await createHandover(world.staff, world, { send: true });
    expect(dataOf(await markRead(world.staff, other.id)).markHandoverRead).toMatchObject({ __typename: "MarkHandoverReadSuccess", data: { status: "SENT" } });
  });

  it("refuses a unit sending to itself or to a caseworker team", async () => {
    const self = dataOf(
      await createHandoverRaw(world.staff, { fromUnitId: world.centreUnitId, toUnitId: world.centreUnitId, purpose: "x", helpCategories: ["OTHER"] }),
    ).createHandover;
    expect(self.__typename).toBe("ValidationError");
    const team = await app.prisma.unit.create({ data: { organisationId: world.organisationId, kind: "CASEWORKER_TEAM", name: "Team" } });
    const toTeam = dataOf(
      await createHandoverRaw(world.staff, { fromUnitId: world.centreUnitId, toUnitId: team.id, purpose: "x", helpCategories: ["OTHER"] }),
    ).createHandover;
    expect(toTeam.__typename).toBe("ValidationError");
  });

  it("refuses to create a handover from a unit the sender does not belong to", async () => {
    const result = dataOf(
      await createHandoverRaw(world.worker, { fromUnitId: world.centreUnitId, toUnitId: world.serviceUnitId, purpose: "x", helpCategories: ["OTHER"] }),
    ).createHandover;
    expect(result.__typename).toBe("ForbiddenError");
  });
});

describe("proposed first meeting at a visiting session", { timeout: SLOW_TEST_MS }, () => {
  async function visit(status: "CONFIRMED" | "REQUESTED", serviceUnitId = world.serviceUnitId, startsInDays = 3) {
    const space = await app.prisma.space.create({ data: { centreId: world.centreId, name: `Mødelokale ${Math.random()}` } });
    const startsAt = new Date(app.clock.now().getTime() + startsInDays * DAY_MS);
    return app.prisma.visit.create({
      data: {
        centreId: world.centreId,
        spaceId: space.id,
        serviceUnitId,
        bookedById: world.userIds.worker,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        status,
        title: "Bostøtten på besøg",
      },
    });
  }

  it("accepts a confirmed visit at the centre and shows it to both sides", async () => {
    const confirmed = await visit("CONFIRMED");
    const handover = await createHandover(world.staff, world, { send: true });
    const accepted = await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id, proposedVisitId: confirmed.id });
    expect(accepted.proposedVisit).toMatchObject({ id: confirmed.id, centreName: "Værestedet Test" });
  });

  it("refuses a visit that is not confirmed with ValidationError", async () => {
    const requested = await visit("REQUESTED");
    const result = dataOf(
      await createHandoverRaw(world.staff, {
        fromUnitId: world.centreUnitId,
        toUnitId: world.serviceUnitId,
        purpose: "Bolig",
        helpCategories: ["HOUSING"],
        proposedVisitId: requested.id,
      }),
    ).createHandover;
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "proposedVisitId" }] });
    const handover = await createHandover(world.staff, world, { send: true });
    const accept = await transition(world.worker, "acceptHandover", { handoverId: handover.id, proposedVisitId: requested.id });
    expect(accept.__typename).toBe("ValidationError");
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("SENT");
  });
});

describe("anonymous by default, personal data only within consent", { timeout: SLOW_TEST_MS }, () => {
  it("creates a handover with no personal data at all, and no personal data row", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    expect(handover.consent).toBeNull();
    expect(handover.hasConsent).toBe(false);
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: handover.id } })).toBe(0);
    expect(dataOf(await readPersonalData(world.worker, handover.id)).handover.personalData).toBeNull();
  });

  it("stores consented personal data apart from the handover and shows the receiver only the consented fields", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    expect(handover.consent).toMatchObject({ fields: ["FIRST_NAME", "PHONE"], method: "VERBAL", withdrawnAt: null });
    const row = await app.prisma.handoverPersonalData.findUniqueOrThrow({ where: { handoverId: handover.id } });
    expect(row).toMatchObject({ firstName: "Kim (alias)", phone: "+45 20 30 40 50", email: null, note: null });
    const consent = await app.prisma.consent.findUniqueOrThrow({ where: { handoverId: handover.id } });
    expect(consent).toMatchObject({ recipientUnitId: world.serviceUnitId, recordedById: world.userIds.staff });
    const personal = dataOf(await readPersonalData(world.worker, handover.id)).handover.personalData;
    expect(personal).toEqual({ fields: ["FIRST_NAME", "PHONE"], firstName: "Kim (alias)", phone: "+45 20 30 40 50", email: null, note: null });
  });

  it("refuses a personal field outside the consent with ConsentMissingError naming the field, and stores nothing", async () => {
    const before = await app.prisma.handover.count();
    const result = await createHandoverError(
      world.staff,
      {
        fromUnitId: world.centreUnitId,
        toUnitId: world.serviceUnitId,
        purpose: "Bolig",
        helpCategories: ["HOUSING"],
        consent: { fields: ["FIRST_NAME"], purpose: "Kontakt", method: "WRITTEN", validUntil: inThirtyDays },
        personalData: { firstName: "Kim (alias)", email: "kim@example.org" },
      },
      "ConsentMissingError",
    );
    expect(result).toMatchObject({ code: "CONSENT_MISSING", field: "EMAIL" });
    expect(result.messageDa).toContain("e-mail");
    expect(await app.prisma.handover.count()).toBe(before);
  });

  it("refuses personal data without any consent", async () => {
    const result = dataOf(
      await createHandoverRaw(world.staff, {
        fromUnitId: world.centreUnitId,
        toUnitId: world.serviceUnitId,
        purpose: "Bolig",
        helpCategories: ["HOUSING"],
        personalData: { phone: "20304050" },
      }),
    ).createHandover;
    expect(result).toMatchObject({ __typename: "ConsentMissingError", field: "PHONE" });
  });

  it("refuses a consent that has already run out", async () => {
    const result = dataOf(
      await createHandoverRaw(world.staff, {
        fromUnitId: world.centreUnitId,
        toUnitId: world.serviceUnitId,
        purpose: "Bolig",
        helpCategories: ["HOUSING"],
        consent: { fields: ["FIRST_NAME"], purpose: "Kontakt", method: "IN_PERSON", validUntil: "2026-11-01T00:00:00.000Z" },
        personalData: { firstName: "Kim (alias)" },
      }),
    ).createHandover;
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "consent.validUntil" }] });
  });
});

describe("withdrawing consent", { timeout: SLOW_TEST_MS }, () => {
  it("deletes the personal data row at once, moves the handover to WITHDRAWN and the receiver sees it", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    advance(1);
    const withdrawn = await transitionOk(world.staff, "withdrawConsent", { handoverId: handover.id, note: "Borgeren ringede" });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.consent?.withdrawnAt).not.toBeNull();
    expect(await app.prisma.handoverPersonalData.findUnique({ where: { handoverId: handover.id } })).toBeNull();

    const receiverView = dataOf(await getHandover(world.worker, handover.id)).handover;
    expect(receiverView.status).toBe("WITHDRAWN");
    expect(receiverView.isUnread).toBe(true);
    expect(receiverView.hasConsent).toBe(false);
    // The anonymous history stays; the free text about the citizen goes (tests/purge-columns.test.ts).
    expect(receiverView.purpose).toBe("");
    expect(receiverView.events.map((event) => event.type)).toEqual(["CREATED", "SENT", "WITHDRAWN"]);
    expect(dataOf(await readPersonalData(world.worker, handover.id)).handover.personalData).toBeNull();
    expect((await transition(world.staff, "withdrawConsent", { handoverId: handover.id })).__typename).toBe("IllegalTransitionError");
  });

  it("deletes the personal data of a completed handover too, keeping its status and outcome", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    await transitionOk(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED" });
    const after = await transitionOk(world.staff, "withdrawConsent", { handoverId: handover.id });
    expect(after).toMatchObject({ status: "COMPLETED", outcome: "CONNECTED" });
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: handover.id } })).toBe(0);
  });

  it("lets only the sending side record a withdrawal", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    expect((await transition(world.worker, "withdrawConsent", { handoverId: handover.id })).__typename).toBe("ForbiddenError");
    expect(await app.prisma.handoverPersonalData.count({ where: { handoverId: handover.id } })).toBe(1);
  });
});

describe("need to know", { timeout: SLOW_TEST_MS }, () => {
  let handoverId: string;
  let code: string;
  beforeAll(async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    handoverId = handover.id;
    code = handover.code;
  }, HOOK_TIMEOUT_MS);

  it("lets members of both units see the handover, by id and by code (typed loosely)", async () => {
    expect(dataOf(await getHandover(world.staff, handoverId)).handover.id).toBe(handoverId);
    expect(dataOf(await getHandover(world.worker, handoverId)).handover.id).toBe(handoverId);
    const loose = ` ${code.toLowerCase().replace("-", " ")} `;
    const byCode = await runOk(world.worker, BY_CODE, { code: loose });
    expect(byCode.handoverByCode?.id).toBe(handoverId);
  });

  for (const persona of ["unrelated", "coordinator", "organisationAdmin", "platformAdmin"] as const) {
    it(`hides the handover, the inboxes, the code lookup and the personal data from ${persona}`, async () => {
      const caller = world[persona];
      expect(errorCodes(await getHandover(caller, handoverId))).toContain("FORBIDDEN");
      expect(errorCodes(await readPersonalData(caller, handoverId))).toContain("FORBIDDEN");
      const byCode = await run(caller, BY_CODE, { code });
      // Not FORBIDDEN: that would confirm the code exists.
      expect(errorCodes(byCode)).toEqual(["NOT_FOUND"]);
      await runError(caller, RECEIVED_IDS, { unitId: world.serviceUnitId }, "FORBIDDEN");
      await runError(caller, SENT_IDS, { unitId: world.centreUnitId }, "FORBIDDEN");
    });
  }

  it("writes no audit row for refused reads", async () => {
    const rows = await app.prisma.personalDataAccess.count({ where: { handoverId } });
    expect(rows).toBe(0);
  });

  it("answers NOT_FOUND for a code that does not exist or is malformed", async () => {
    for (const wrong of ["XXXX-XXXX", "0000-0000", "short"]) {
      const response = await run(world.worker, BY_CODE, { code: wrong });
      expect(errorCodes(response)).toEqual(["NOT_FOUND"]);
    }
  });
});

describe("audit of personal data reads", { timeout: SLOW_TEST_MS }, () => {
  it("records every read (who, which handover, which fields, why) in the same request, and shows the unit admin the trail without values", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    advance(1);
    dataOf(await readPersonalData(world.worker, handover.id, "Aftaler første møde"));
    advance(1);
    dataOf(await readPersonalData(world.staff, handover.id, "Tjekker kontaktoplysninger"));
    const rows = await app.prisma.personalDataAccess.findMany({ where: { handoverId: handover.id }, orderBy: { at: "asc" } });
    expect(rows.map((row) => [row.userId, row.unitId, row.fields, row.reason])).toEqual([
      [world.userIds.worker, world.serviceUnitId, ["FIRST_NAME", "PHONE"], "Aftaler første møde"],
      [world.userIds.staff, world.centreUnitId, ["FIRST_NAME", "PHONE"], "Tjekker kontaktoplysninger"],
    ]);

    const trailQuery = graphql(`query AuditTrail($unitId: ID!) {
      handoverAuditTrail(unitId: $unitId, first: 50) { edges { node { at fields reason handoverId handoverCode userName unit { name } } } }
    }`);
    const trail = (await runOk(world.centreAdmin, trailQuery, { unitId: world.centreUnitId })).handoverAuditTrail.edges.map((edge) => edge.node);
    const forThis = trail.filter((node) => node.handoverId === handover.id);
    expect(forThis.map((node) => [node.userName, node.unit.name, node.reason])).toEqual([
      ["Mette Medarbejder", "Værestedet Test", "Tjekker kontaktoplysninger"],
      ["Bo Bostøtte", "Bostøtten Test", "Aftaler første møde"],
    ]);
    expect(JSON.stringify(trail)).not.toContain("Kim (alias)");
    expect(JSON.stringify(trail)).not.toContain("20 30 40 50");

    for (const caller of [world.staff, world.worker, world.organisationAdmin, world.platformAdmin, world.coordinator]) {
      await runError(caller, trailQuery, { unitId: world.centreUnitId }, "FORBIDDEN");
    }
  });

  it("requires a reason for reading personal data, and refuses a CPR number in it", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inThirtyDays) });
    expect(errorCodes(await readPersonalData(world.worker, handover.id, " "))).toContain("VALIDATION_FAILED");
    expect(errorCodes(await readPersonalData(world.worker, handover.id, "Borger 010190-1234 ringede"))).toContain("CPR_NUMBER_REFUSED");
    expect(await app.prisma.personalDataAccess.count({ where: { handoverId: handover.id } })).toBe(0);
  });

  it("returns null and writes no audit row once the consent has run out", async () => {
    const soon = new Date(app.clock.now().getTime() + DAY_MS).toISOString();
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(soon) });
    const start = app.clock.now();
    app.clock.set(new Date(start.getTime() + DAY_MS + 1000));
    try {
      const caller = await app.as(world.userIds.worker);
      expect(dataOf(await readPersonalData(caller, handover.id)).handover.personalData).toBeNull();
      expect(await app.prisma.personalDataAccess.count({ where: { handoverId: handover.id } })).toBe(0);
    } finally {
      app.clock.set(start);
    }
  });
});

describe("CPR guard on free text", { timeout: SLOW_TEST_MS }, () => {
  const base = () => ({ fromUnitId: world.centreUnitId, toUnitId: world.serviceUnitId, helpCategories: ["OTHER"], purpose: "Bolig" });

  for (const [field, input] of [
    ["purpose", { purpose: "Borger med cpr 010190-1234" }],
    ["wish", { wish: "Nummer 0101901234 står på kortet" }],
    ["personalData.note", { consent: { fields: ["NOTE"], purpose: "x", method: "VERBAL", validUntil: inThirtyDays }, personalData: { note: "cpr 311299-4321" } }],
  ] as const) {
    it(`refuses a CPR-like number in ${field} with a clear error, and stores nothing`, async () => {
      const before = await app.prisma.handover.count();
      const result = await createHandoverError(world.staff, { ...base(), ...input }, "CprRefusedError");
      expect(result).toMatchObject({ code: "CPR_NUMBER_REFUSED", fields: [field] });
      expect(result.message).toContain("CPR");
      expect(result.message).not.toMatch(/\d{6}/);
      expect(await app.prisma.handover.count()).toBe(before);
    });
  }

  it("refuses a CPR-like number in transition notes and reasons", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    expect((await transition(world.worker, "declineHandover", { handoverId: handover.id, reason: "Se 010190 1234" })).__typename).toBe("CprRefusedError");
    expect((await transition(world.worker, "acceptHandover", { handoverId: handover.id, note: "cpr: 2412261234" })).__typename).toBe("CprRefusedError");
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("SENT");
  });

  it("accepts near-misses: phone numbers, dates, times, opening hours and prices", async () => {
    const handover = await createHandover(world.staff, world, {
      purpose: "Ring på +45 20 30 40 50 eller 20304050 efter 24-12-2026",
      wish: "Mødes kl. 10:00-14:00, åbent man-fre 9-15, husleje 1.250,00 kr. om måneden",
      preferredContactTime: "Hverdage 10:00-14:00",
      send: true,
    });
    expect(handover.purpose).toContain("+45 20 30 40 50");
    const accepted = await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id, note: "Møde 24-12-2026 kl. 10:00, pris 1.250,00 kr." });
    expect(accepted.status).toBe("ACCEPTED");
  });
});

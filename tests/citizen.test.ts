// The citizen's own page (J5): opened by link or by code + PIN without signing in, it shows
// status, recipient, meeting and the NAMES of the data shared, never a value; the citizen can
// withdraw (the same withdrawal as the sender's, checked in the database) and answer one
// question afterwards, counted per service and month with small counts suppressed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashLinkToken } from "../server/modules/citizen/citizen-link.ts";
import { buildHandoverWorld, type HandoverWorld, refreshSessions } from "./support/world.ts";
import { createHandover, ErrorFields, getHandover, transitionOk, WITH_CONSENT } from "./support/handovers.ts";
import { type Caller, dataOf, DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
const start = Date.parse(TEST_START);
const inDays = (days: number) => new Date(start + days * DAY_MS).toISOString();

const CitizenLookupFields = graphql(`
  fragment CitizenLookupFields on CitizenHandoverResult @_unmask {
    __typename
    ... on CitizenAccessDeniedError { code message messageDa }
    ... on CitizenHandoverSuccess { view {
    __typename
    ... on CitizenHandover {
      handoverCode status contactChannel sentAt answerBy firstResponseAt closedAt
      sender { name isCentre phone address } receiver { name isCentre phone address }
      meeting { startsAt endsAt place address }
      consent { fields recipient { name } purposes method givenAt validUntil }
      canWithdrawConsent canSayNoLongerNeeded canAnswerFeedback hasAnsweredFeedback
    }
    ... on ClosedCitizenHandover { isClosed }
    } }
  }
`);
const ISSUE_ACCESS = graphql(
  `mutation IssueCitizenAccess($input: IssueCitizenAccessInput!) { issueCitizenAccess(input: $input) {
    __typename ...ErrorFields ... on IssueCitizenAccessSuccess { receipt { url code pin qrCodeSvg } } } }`,
  [ErrorFields],
);
const LOOKUP = graphql(`query CitizenHandover($access: CitizenAccessInput!) { citizenHandover(access: $access) { ...CitizenLookupFields } }`, [
  CitizenLookupFields,
]);
const CLOSE_AS_CITIZEN = graphql(`mutation CloseHandoverAsCitizen($input: CloseHandoverAsCitizenInput!) { closeHandoverAsCitizen(input: $input) {
  __typename ... on Error { code } ... on CloseHandoverAsCitizenSuccess { isClosed } } }`);
const ANSWER = graphql(`mutation AnswerCitizenFeedback($input: AnswerCitizenFeedbackInput!) { answerCitizenFeedback(input: $input) {
  __typename ... on Error { code } ... on AnswerCitizenFeedbackSuccess { isRecorded } } }`);
const CITIZEN_ACTIONS = graphql(`query HandoverCitizenActions($id: ID!) { handover(id: $id) { events { type citizenAction } } }`);
const CITIZEN_ACTIONS_WITH_STATUS = graphql(`query HandoverStatusAndCitizenActions($id: ID!) {
  handover(id: $id) { status events { type citizenAction actorUnit { id } } } }`);
const FEEDBACK_FIGURES = graphql(`query CitizenFeedbackFigures($fromMonth: String!, $toMonth: String!) {
  citizenFeedbackFigures(fromMonth: $fromMonth, toMonth: $toMonth) { unitName yes { display value isSuppressed } no { display } total { display value } } }`);
type CitizenAccess = VariablesOf<typeof LOOKUP>["access"];

async function issueAccess(caller: Caller, handoverId: string) {
  return dataOf(await run(caller, ISSUE_ACCESS, { input: { handoverId } })).issueCitizenAccess;
}

async function issueOk(caller: Caller, handoverId: string) {
  const result = await issueAccess(caller, handoverId);
  expect(result.__typename, JSON.stringify(result)).toBe("IssueCitizenAccessSuccess");
  if (result.__typename !== "IssueCitizenAccessSuccess") return expect.fail(result.__typename);
  const receipt = result.receipt;
  return { ...receipt, token: receipt.url.split("/h/")[1]! };
}

function lookup(access: CitizenAccess) {
  return run(app.anonymous, LOOKUP, { access });
}

/** The view (CitizenHandover or ClosedCitizenHandover), or the denial itself. */
async function lookupData(access: CitizenAccess) {
  const result = dataOf(await lookup(access)).citizenHandover;
  return result.__typename === "CitizenHandoverSuccess" ? result.view : result;
}

/** The open handover's view, failing the test when the lookup is denied or the handover closed. */
async function lookupOpen(access: CitizenAccess) {
  const view = await lookupData(access);
  if (view.__typename !== "CitizenHandover") return expect.fail(JSON.stringify(view));
  return view;
}

async function closeAsCitizen(access: CitizenAccess, action: "WITHDREW_CONSENT" | "NO_LONGER_NEEDED") {
  return dataOf(await run(app.anonymous, CLOSE_AS_CITIZEN, { input: { access, action } })).closeHandoverAsCitizen;
}

async function answer(access: CitizenAccess, value: "YES" | "NO") {
  return dataOf(await run(app.anonymous, ANSWER, { input: { access, answer: value } })).answerCitizenFeedback;
}

async function personalDataRows(handoverId: string): Promise<number> {
  const rows = await app.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "HandoverPersonalData" WHERE "handoverId" = ${handoverId}`;
  return rows[0]!.count;
}

beforeAll(async () => {
  app = await startTestApp({ environment: { RETENTION_DAYS: "30", PUBLIC_URL: "https://traedesten.example" } });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

describe("issuing the citizen's link and PIN", { timeout: SLOW_TEST_MS }, () => {
  it("gives the sender a link with at least 128 random bits, a 4-digit PIN and a QR code, and stores only hashes", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inDays(30)) });
    const receipt = await issueOk(world.staff, handover.id);
    expect(receipt.url).toMatch(/^https:\/\/traedesten\.example\/h\/[A-Za-z0-9_-]{24}$/);
    expect(Buffer.from(receipt.token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(receipt.pin).toMatch(/^\d{4}$/);
    expect(receipt.code).toBe(handover.code);
    expect(receipt.qrCodeSvg).toContain("<svg");
    const row = await app.prisma.citizenAccess.findUniqueOrThrow({ where: { handoverId: handover.id } });
    expect(row.tokenHash).toBe(hashLinkToken(receipt.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.pinHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(receipt.token);
    expect(JSON.stringify(row)).not.toContain(`"${receipt.pin}"`);
  });

  it("replaces the link and PIN when issued again: the old link stops working", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const first = await issueOk(world.staff, handover.id);
    const second = await issueOk(world.centreAdmin, handover.id);
    expect((await lookupData({ token: first.token })).__typename).toBe("CitizenAccessDeniedError");
    expect((await lookupData({ token: second.token })).__typename).toBe("CitizenHandover");
  });

  it("refuses the receiving unit and outsiders, and changes nothing", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    expect((await issueAccess(world.worker, handover.id)).__typename).toBe("ForbiddenError");
    expect((await issueAccess(world.unrelated, handover.id)).__typename).toBe("ForbiddenError");
    expect((await issueAccess(world.coordinator, handover.id)).__typename).toBe("ForbiddenError");
    expect(await app.prisma.citizenAccess.count({ where: { handoverId: handover.id } })).toBe(0);
  });
});

describe("the citizen's page", { timeout: SLOW_TEST_MS }, () => {
  it("shows where the handover went, its status, the meeting and the consent receipt, and no personal value or free text", async () => {
    const handover = await createHandover(world.staff, world, {
      send: true,
      wish: "Vil gerne have hjælp til at søge lejlighed",
      preferredChannel: "VIA_SENDER",
      languageNeeds: "Taler arabisk",
      ...WITH_CONSENT(inDays(30)),
    });
    const { token, code, pin } = await issueOk(world.staff, handover.id);
    const sent = await lookupData({ token });
    expect(sent).toMatchObject({
      __typename: "CitizenHandover",
      handoverCode: handover.code,
      status: "SENT",
      contactChannel: "VIA_SENDER",
      sender: { name: "Værestedet Test", isCentre: true },
      receiver: { name: "Bostøtten Test", isCentre: false },
      meeting: null,
      consent: { fields: ["FIRST_NAME", "PHONE"], recipient: { name: "Bostøtten Test" }, purposes: ["HOUSING"], method: "VERBAL" },
      canWithdrawConsent: true,
      canSayNoLongerNeeded: true,
      canAnswerFeedback: false,
    });
    if (sent.__typename !== "CitizenHandover") return expect.fail(sent.__typename);
    expect(sent.answerBy).toBe(handover.expiresAt);

    await transitionOk(world.worker, "acceptHandover", {
      handoverId: handover.id,
      note: "Kim virker motiveret",
      proposedMeetingAt: inDays(2),
      proposedMeetingPlace: "Værestedet Lyset",
    });
    const accepted = await lookupData({ code, pin });
    expect(accepted).toMatchObject({ status: "ACCEPTED", meeting: { startsAt: inDays(2), endsAt: null, place: "Værestedet Lyset" } });

    const everything = JSON.stringify([sent, accepted]);
    for (const secret of ["Kim", "20 30 40 50", "lejlighed", "arabisk", "motiveret", "Hjælp til at finde en bolig", "Kontakt om bostøtte"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("opens by code and PIN with case, spaces and dashes forgiven, and refuses a wrong PIN with the one denial", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const { code, pin } = await issueOk(world.staff, handover.id);
    expect((await lookupOpen({ code: ` ${code.replace("-", " ").toLowerCase()} `, pin })).status).toBe("SENT");
    const wrongPin = String((Number(pin) + 1) % 10_000).padStart(4, "0");
    const denied = await lookupData({ code, pin: wrongPin });
    expect(denied).toEqual({
      __typename: "CitizenAccessDeniedError",
      code: "CITIZEN_ACCESS_DENIED",
      message: expect.stringContaining("We cannot find"),
      messageDa: expect.stringContaining("Vi kan ikke finde"),
    });
    expect(await lookupData({ token: "not-a-token" })).toEqual(denied);
    expect(await lookupData({ token: "A".repeat(24) })).toEqual(denied);
  });
});

describe("withdrawal by the citizen", { timeout: SLOW_TEST_MS }, () => {
  it("purges the personal data at once like the sender's withdrawal, records an event without personal data, and both units see it", async () => {
    const byCitizen = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inDays(30)) });
    const bySender = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inDays(30)) });
    const { token } = await issueOk(world.staff, byCitizen.id);
    expect(await personalDataRows(byCitizen.id)).toBe(1);

    expect(await closeAsCitizen({ token }, "WITHDREW_CONSENT")).toEqual({ __typename: "CloseHandoverAsCitizenSuccess", isClosed: true });
    await transitionOk(world.staff, "withdrawConsent", { handoverId: bySender.id });

    // The same rule, checked in the database for both: no personal data row, consent marked
    // withdrawn, status WITHDRAWN and closed, one WITHDRAWN event.
    const state = async (id: string) => {
      const [row] = await app.prisma.$queryRaw<Record<string, unknown>[]>`
        SELECT handover.status::text AS status, handover."closedAt" IS NOT NULL AS "isClosed",
               consent."withdrawnAt" IS NOT NULL AS "isWithdrawn",
               (SELECT count(*)::int FROM "HandoverPersonalData" WHERE "handoverId" = handover.id) AS "personalRows",
               (SELECT count(*)::int FROM "HandoverEvent" WHERE "handoverId" = handover.id AND type = 'WITHDRAWN') AS "withdrawnEvents"
        FROM "Handover" AS handover JOIN "Consent" AS consent ON consent."handoverId" = handover.id
        WHERE handover.id = ${id}`;
      return row;
    };
    expect(await state(byCitizen.id)).toEqual({ status: "WITHDRAWN", isClosed: true, isWithdrawn: true, personalRows: 0, withdrawnEvents: 1 });
    expect(await state(byCitizen.id)).toEqual(await state(bySender.id));

    const [event] = await app.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT "actorUserId", "actorUnitId", note, "citizenAction"::text AS "citizenAction" FROM "HandoverEvent"
      WHERE "handoverId" = ${byCitizen.id} AND type = 'WITHDRAWN'`;
    expect(event).toEqual({ actorUserId: null, actorUnitId: null, note: null, citizenAction: "WITHDREW_CONSENT" });

    for (const caller of [world.staff, world.worker]) {
      const seen = dataOf(await getHandover(caller, byCitizen.id)).handover;
      const withdrawn = seen.events.find((entry) => entry.type === "WITHDRAWN");
      expect(withdrawn).toMatchObject({ actorUnit: null, actorUserName: null, note: null });
      const withAction = (await runOk(caller, CITIZEN_ACTIONS, { id: byCitizen.id })).handover;
      expect(withAction.events).toContainEqual({ type: "WITHDRAWN", citizenAction: "WITHDREW_CONSENT" });
    }

    // The link now says only that the handover is closed; a second withdrawal changes nothing.
    expect(await lookupData({ token })).toEqual({ __typename: "ClosedCitizenHandover", isClosed: true });
    expect((await closeAsCitizen({ token }, "WITHDREW_CONSENT")).__typename).toBe("IllegalTransitionError");
  });

  it("closes an anonymous handover when the citizen no longer needs it, and refuses to withdraw a consent it does not have", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const access = await issueOk(world.staff, handover.id);
    expect((await closeAsCitizen({ token: access.token }, "WITHDREW_CONSENT")).__typename).toBe("IllegalTransitionError");
    expect((await closeAsCitizen({ code: access.code, pin: access.pin }, "NO_LONGER_NEEDED")).__typename).toBe("CloseHandoverAsCitizenSuccess");
    const seen = (await runOk(world.worker, CITIZEN_ACTIONS_WITH_STATUS, { id: handover.id })).handover;
    expect(seen.status).toBe("WITHDRAWN");
    expect(seen.events).toContainEqual({ type: "WITHDRAWN", citizenAction: "NO_LONGER_NEEDED", actorUnit: null });
  });

  it("changes nothing for a wrong link", async () => {
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inDays(30)) });
    await issueOk(world.staff, handover.id);
    expect((await closeAsCitizen({ token: "B".repeat(24) }, "WITHDREW_CONSENT")).__typename).toBe("CitizenAccessDeniedError");
    expect(await personalDataRows(handover.id)).toBe(1);
  });
});

describe("the link after the personal data is purged", { timeout: SLOW_TEST_MS }, () => {
  it("says only that the handover is closed once the retention period has purged the data", async () => {
    app.clock.set(TEST_START);
    await refreshSessions(app, world);
    const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(inDays(60)) });
    const { token } = await issueOk(world.staff, handover.id);
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    await transitionOk(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED" });
    app.clock.set(inDays(29));
    expect((await lookupOpen({ token })).status).toBe("COMPLETED");
    app.clock.set(inDays(31));
    await app.runJobs();
    expect(await personalDataRows(handover.id)).toBe(0);
    expect(await lookupData({ token })).toEqual({ __typename: "ClosedCitizenHandover", isClosed: true });
    app.clock.set(TEST_START);
    await refreshSessions(app, world);
  });
});

describe("the one question afterwards", { timeout: SLOW_TEST_MS }, () => {
  it("is asked once after completion, counted per service and month, and shown to coordinators with small counts suppressed", async () => {
    const tokens: string[] = [];
    for (let index = 0; index < 5; index++) {
      const handover = await createHandover(world.staff, world, { send: true });
      tokens.push((await issueOk(world.staff, handover.id)).token);
      if (index === 0) expect((await answer({ token: tokens[0]! }, "YES")).__typename).toBe("IllegalTransitionError");
      await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
      await transitionOk(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED" });
    }
    expect((await lookupOpen({ token: tokens[0]! })).canAnswerFeedback).toBe(true);
    expect(await answer({ token: tokens[0]! }, "YES")).toEqual({ __typename: "AnswerCitizenFeedbackSuccess", isRecorded: true });
    expect((await answer({ token: tokens[0]! }, "NO")).__typename).toBe("ConflictError");
    expect(await lookupData({ token: tokens[0]! })).toMatchObject({ canAnswerFeedback: false, hasAnsweredFeedback: true });

    const figures = async () => (await runOk(world.coordinator, FEEDBACK_FIGURES, { fromMonth: "2026-11", toMonth: "2026-11" })).citizenFeedbackFigures;
    expect(await figures()).toEqual([
      { unitName: "Bostøtten Test", yes: { display: "<5", value: null, isSuppressed: true }, no: { display: "0" }, total: { display: "<5", value: null } },
    ]);
    for (const token of tokens.slice(1)) await answer({ token }, "YES");
    expect(await figures()).toEqual([{ unitName: "Bostøtten Test", yes: { display: "5", value: 5, isSuppressed: false }, no: { display: "0" }, total: { display: "5", value: 5 } }]);

    // Only counts are stored: nothing links an answer to a handover.
    const columns = await app.prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'CitizenFeedbackCount' ORDER BY column_name`;
    expect(columns.map((column) => column.column_name)).toEqual(["answer", "count", "month", "unitId"]);

    await runError(world.coordinator, FEEDBACK_FIGURES, { fromMonth: "2026-12", toMonth: "2026-11" }, "VALIDATION_FAILED");
  });
});

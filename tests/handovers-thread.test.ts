// The conversation thread on a handover (issue 18, item 5), over HTTP into a real database:
// only the two units read and write it; outsiders, coordinators and admins are refused; a CPR
// number and an over-long text are refused; a new message tells the other unit without its
// text; each read of a thread that holds text is written to the access log; and purging the
// personal data (here: consent withdrawn) blanks every message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "./support/app.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, ErrorFields, errorCodes, transitionOk, WITH_CONSENT } from "./support/handovers.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";
import { dataOf, DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

let app: TestApp;
let world: HandoverWorld;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const POST = graphql(
  `mutation Post($input: PostHandoverMessageInput!) {
    postHandoverMessage(input: $input) {
      __typename ...ErrorFields
      ... on PostHandoverMessageSuccess { data { id text at authorUnit { id name } authorUserName fromViewerSide } }
    }
  }`,
  [ErrorFields],
);
const THREAD = graphql(`query Thread($id: ID!) { handoverThread(handoverId: $id) { id text authorUnit { id } authorUserName fromViewerSide } }`);

/** Posts a message; the result, whichever member it is. */
async function post(caller: Caller, handoverId: string, text: string) {
  return dataOf(await run(caller, POST, { input: { handoverId, text } })).postHandoverMessage;
}

async function sentHandover(withConsent = true) {
  const validUntil = new Date(app.clock.now().getTime() + 30 * DAY_MS).toISOString();
  return createHandover(world.staff, world, { send: true, ...(withConsent ? WITH_CONSENT(validUntil) : {}) });
}

describe("handover thread", { timeout: SLOW_TEST_MS }, () => {
  it("both units write and read the thread, oldest first; the other unit gets a notice without the text", async () => {
    const handover = await sentHandover();
    const first = await post(world.staff, handover.id, "Borgeren foretrækker at blive ringet op om formiddagen.");
    if (first.__typename !== "PostHandoverMessageSuccess") expect.fail(JSON.stringify(first));
    expect(first.data).toMatchObject({ authorUnit: { id: world.centreUnitId, name: "Værestedet Test" }, authorUserName: "Mette Medarbejder", fromViewerSide: true });
    const answer = await post(world.worker, handover.id, "  Tak, vi ringer torsdag.  ");
    if (answer.__typename !== "PostHandoverMessageSuccess") expect.fail(answer.__typename);
    expect(answer.data.text).toBe("Tak, vi ringer torsdag.");

    const notices = await app.prisma.notificationEvent.findMany({ where: { kind: "HANDOVER_MESSAGE", subjectId: handover.id }, orderBy: { createdAt: "asc" } });
    expect(notices.map((notice) => notice.unitId)).toEqual([world.serviceUnitId, world.centreUnitId]);
    // Content-free: only ids, no text or secret.
    for (const notice of notices) expect(notice.secret).toBeNull();

    for (const caller of [world.staff, world.centreAdmin, world.worker]) {
      const thread = (await runOk(caller, THREAD, { id: handover.id })).handoverThread;
      expect(thread.map((message) => message.text)).toEqual([
        "Borgeren foretrækker at blive ringet op om formiddagen.",
        "Tak, vi ringer torsdag.",
      ]);
    }
    const seenByWorker = (await runOk(world.worker, THREAD, { id: handover.id })).handoverThread;
    expect(seenByWorker.map((message) => message.fromViewerSide)).toEqual([false, true]);
  });

  it("outsiders, coordinators and admins can neither read nor write; unknown handovers are NOT_FOUND", async () => {
    const handover = await sentHandover();
    expect((await post(world.staff, handover.id, "Første besked")).__typename).toBe("PostHandoverMessageSuccess");
    for (const caller of [world.unrelated, world.coordinator, world.organisationAdmin, world.platformAdmin]) {
      const read = await run(caller, THREAD, { id: handover.id });
      expect(read.data?.handoverThread ?? null).toBeNull();
      expect(errorCodes(read)).toEqual(["FORBIDDEN"]);
      const write = await post(caller, handover.id, "Må jeg være med?");
      expect(write.__typename).toBe("ForbiddenError");
    }
    expect(await app.prisma.handoverMessage.count({ where: { handoverId: handover.id } })).toBe(1);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "HANDOVER_MESSAGE", subjectId: handover.id, unitId: world.unrelatedUnitId } })).toBe(0);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(errorCodes(await run(world.staff, THREAD, { id: unknown }))).toEqual(expect.arrayContaining([expect.stringMatching(/NOT_FOUND|FORBIDDEN/)]));
    expect(["NotFoundError", "ForbiddenError"]).toContain((await post(world.staff, unknown, "Hej")).__typename);
  });

  it("a draft has no thread for the receiver and takes no messages", async () => {
    const draft = await createHandover(world.staff, world, { send: false });
    expect(errorCodes(await run(world.worker, THREAD, { id: draft.id }))).toEqual(["FORBIDDEN"]);
    const refused = await runError(world.staff, POST, { input: { handoverId: draft.id, text: "Kladde" } }, "ValidationError");
    expect(refused.__typename).toBe("ValidationError");
    expect(refused.issues[0]!.field).toBe("handoverId");
    expect(await app.prisma.handoverMessage.count({ where: { handoverId: draft.id } })).toBe(0);
  });

  it("refuses a CPR number, an empty and an over-long message, with nothing stored", async () => {
    const handover = await sentHandover();
    for (const text of ["Hun har cpr 010190-1234", "Nummer 0101901234 til sagen"]) {
      const refused = await runError(world.staff, POST, { input: { handoverId: handover.id, text } }, "CprRefusedError");
      expect(refused.__typename, JSON.stringify(refused)).toBe("CprRefusedError");
      expect(refused.messageDa).toMatch(/CPR/);
    }
    expect((await post(world.staff, handover.id, "   ")).__typename).toBe("ValidationError");
    const long = await runError(world.staff, POST, { input: { handoverId: handover.id, text: "x".repeat(1001) } }, "ValidationError");
    expect(long.__typename).toBe("ValidationError");
    expect(long.issues[0]!.field).toBe("text");
    expect((await post(world.staff, handover.id, "y".repeat(1000))).__typename).toBe("PostHandoverMessageSuccess");
    expect(await app.prisma.handoverMessage.count({ where: { handoverId: handover.id } })).toBe(1);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "HANDOVER_MESSAGE", subjectId: handover.id } })).toBe(1);
  });

  it("each read of a thread that holds text is written to the access log; an empty thread is not", async () => {
    const handover = await sentHandover();
    const log = () => app.prisma.personalDataAccess.findMany({ where: { handoverId: handover.id }, orderBy: { at: "asc" } });
    expect((await runOk(world.worker, THREAD, { id: handover.id })).handoverThread).toEqual([]);
    expect(await log()).toEqual([]);
    await post(world.staff, handover.id, "Ring gerne efter klokken ti.");
    await runOk(world.worker, THREAD, { id: handover.id });
    await runOk(world.staff, THREAD, { id: handover.id });
    const rows = await log();
    expect(rows.map((row) => [row.userId, row.unitId])).toEqual([
      [world.userIds.worker, world.serviceUnitId],
      [world.userIds.staff, world.centreUnitId],
    ]);
    expect(rows.every((row) => row.fields.length === 0 && row.reason.length > 0)).toBe(true);
    // The unit administrator sees the reads in the audit trail.
    const trail = (
      await runOk(
        world.centreAdmin,
        graphql(`query ($unitId: ID!) { handoverAuditTrail(unitId: $unitId, first: 50) { edges { node { handoverId reason userName } } } }`),
        { unitId: world.centreUnitId },
      )
    ).handoverAuditTrail.edges.filter((edge) => edge.node.handoverId === handover.id);
    expect(trail.map((edge) => edge.node.userName).sort()).toEqual(["Bo Bostøtte", "Mette Medarbejder"]);
  });

  it("purging the personal data blanks every message, stops audit rows and refuses new messages", async () => {
    const handover = await sentHandover();
    await post(world.staff, handover.id, "Borgeren bor hos sin søster lige nu.");
    await post(world.worker, handover.id, "Vi skriver til søsteren.");
    await transitionOk(world.staff, "withdrawConsent", { handoverId: handover.id });
    const rows = await app.prisma.handoverMessage.findMany({ where: { handoverId: handover.id } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.text === "")).toBe(true);
    const accessBefore = await app.prisma.personalDataAccess.count({ where: { handoverId: handover.id } });
    const thread = (await runOk(world.worker, THREAD, { id: handover.id })).handoverThread;
    expect(thread.map((message) => message.text)).toEqual(["", ""]);
    expect(await app.prisma.personalDataAccess.count({ where: { handoverId: handover.id } })).toBe(accessBefore);
    const refused = await post(world.worker, handover.id, "En sidste besked");
    expect(refused.__typename).toBe("ValidationError");
    expect(await app.prisma.handoverMessage.count({ where: { handoverId: handover.id } })).toBe(2);
  });
});

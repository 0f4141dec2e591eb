// On hold "with a date to look again" (issue 18): when the date comes, a job tells the holding
// (receiving) unit once, through the notifications outbox, content-free; a new date reminds
// again, a resumed handover is not reminded. Time comes from the settable clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, type HandoverWorld, refreshSessions } from "./support/world.ts";
import { createHandover, ErrorFields, transitionOk } from "./support/handovers.ts";
import { DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

const HOLD = graphql(
  `mutation Hold($input: HoldHandoverInput!) { holdHandover(input: $input) { __typename ...ErrorFields ... on HoldHandoverSuccess { data { status lookAgainAt } } } }`,
  [ErrorFields],
);
const RESUME = graphql(`mutation Resume($input: ResumeHandoverInput!) { resumeHandover(input: $input) { __typename } }`);
const NOTIFICATIONS = graphql(`query Notifications { notifications { kind textDa text path } }`);

let app: TestApp;
let world: HandoverWorld;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const at = (days: number) => new Date(app.clock.now().getTime() + days * DAY_MS).toISOString();

async function hold(handoverId: string, lookAgainAt: string) {
  const result = (await runOk(world.worker, HOLD, { input: { handoverId, lookAgainAt, note: "Borgeren er på ophold; Kim (alias) ringer selv" } })).holdHandover;
  expect(result.__typename, JSON.stringify(result)).toBe("HoldHandoverSuccess");
}

const reminders = (handoverId: string) => app.prisma.notificationEvent.findMany({ where: { kind: "HANDOVER_LOOK_AGAIN", subjectId: handoverId } });

async function heldHandover(days: number): Promise<string> {
  const handover = await createHandover(world.staff, world, { send: true, wish: "Vil gerne have hjælp til at søge bolig" });
  await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
  await hold(handover.id, at(days));
  return handover.id;
}

describe("the date to look again", { timeout: SLOW_TEST_MS }, () => {
  it("tells the holding unit once when the date comes, not before, and nobody else", async () => {
    const handoverId = await heldHandover(2);
    const resumedId = await heldHandover(2);
    await runOk(world.worker, RESUME, { input: { handoverId: resumedId } });

    app.clock.advance(1 * DAY_MS);
    await app.runJobs();
    expect(await reminders(handoverId)).toEqual([]);

    app.clock.advance(1 * DAY_MS + 60_000);
    const first = await app.runJobs();
    expect(first["remindLookAgain"]).toBe(1);
    const sent = await reminders(handoverId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ unitId: world.serviceUnitId, audience: "MEMBERS", secret: null });
    expect(await reminders(resumedId)).toEqual([]);

    // A second run, and a second instance's run, find nothing more to do.
    expect((await app.runJobs())["remindLookAgain"]).toBe(0);
    expect(await reminders(handoverId)).toHaveLength(1);

    // The holding unit's member sees it in the list; the words say only what and where.
    await refreshSessions(app, world);
    const list = (await runOk(world.worker, NOTIFICATIONS)).notifications;
    const notice = list.find((item) => item.kind === "HANDOVER_LOOK_AGAIN");
    expect(notice).toEqual({
      kind: "HANDOVER_LOOK_AGAIN",
      textDa: "En henvendelse, som Bostøtten Test har sat i bero, skal ses på igen nu.",
      text: "A referral that Bostøtten Test put on hold is due to be looked at again now.",
      path: `/overleveringer/${handoverId}`,
    });
    const senderList = (await runOk(world.staff, NOTIFICATIONS)).notifications;
    expect(senderList.map((item) => item.kind)).not.toContain("HANDOVER_LOOK_AGAIN");
  });

  it("reminds again when the unit, having looked, holds the handover with a new date", async () => {
    await refreshSessions(app, world);
    const handoverId = await heldHandover(1);
    app.clock.advance(1 * DAY_MS + 60_000);
    await app.runJobs();
    expect(await reminders(handoverId)).toHaveLength(1);
    await refreshSessions(app, world);
    await runOk(world.worker, RESUME, { input: { handoverId } });
    await hold(handoverId, at(3));
    app.clock.advance(3 * DAY_MS + 60_000);
    await app.runJobs();
    expect(await reminders(handoverId)).toHaveLength(2);
  });
});

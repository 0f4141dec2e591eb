// The demo handovers: idempotent, and both demo roles find items in their inboxes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.prisma, app.clock);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const INBOX = graphql(`query DemoInbox($unitId: ID!) {
  received: receivedHandovers(unitId: $unitId) { edges { node { id status kind isUnread events { type } } } }
  sent: sentHandovers(unitId: $unitId) { edges { node { id status outcome } } }
}`);

describe("demo handovers", { timeout: SLOW_TEST_MS }, () => {
  it("gives centre staff at Værestedet Lyset received and sent handovers in several states", async () => {
    const staff = await app.as(seedId("user:centre-staff"));
    const inbox = await runOk(staff, INBOX, { unitId: seedId("unit:lyset") });
    expect(inbox.received.edges.map((edge) => edge.node.kind)).toEqual(["WARM_INTRODUCTION"]);
    const statuses = inbox.sent.edges.map((edge) => edge.node.status).sort();
    expect(statuses).toEqual(["ACCEPTED", "COMPLETED", "DECLINED", "DRAFT", "EXPIRED", "SENT"]);
  });

  it("gives the service worker at Bostøtten an unread new handover and an accepted one with a consented alias", async () => {
    const worker = await app.as(seedId("user:service-worker"));
    const inbox = await runOk(worker, INBOX, { unitId: seedId("unit:bostoette") });
    const byStatus = Object.fromEntries(inbox.received.edges.map((edge) => [edge.node.status, edge.node]));
    const accepted = inbox.received.edges.find((edge) => edge.node.id === seedId("handover:lyset-bostoette-accepted"))!.node;
    expect(byStatus["SENT"]?.isUnread).toBe(true);
    expect(accepted.events.map((event) => event.type)).toEqual(["CREATED", "SENT", "RECEIVED", "ACCEPTED"]);
    const personal = await runOk(worker, graphql(`query DemoPersonal($id: ID!) { handover(id: $id) { personalData(reason: "Demo: første møde") { firstName } } }`), {
      id: accepted.id,
    });
    expect(personal.handover.personalData?.firstName).toBe("Kim (alias)");
  });

  it("shows a coded decline with a suggested service, and Bostøtten's measured responsiveness (issue 18)", async () => {
    const staff = await app.as(seedId("user:centre-staff"));
    const declined = (
      await runOk(staff, graphql(`query DemoDeclined($id: ID!) { handover(id: $id) { status declineCode suggestedUnit { name } } }`), {
        id: seedId("handover:lyset-jobafklaring-declined"),
      })
    ).handover;
    expect(declined).toEqual({ status: "DECLINED", declineCode: "ANOTHER_SERVICE_FITS_BETTER", suggestedUnit: { name: "Fyrtårnets Weekendhus" } });
    const [figures] = (
      await runOk(
        staff,
        graphql(`query DemoFigures($ids: [ID!]!) {
          serviceHandoverFigures(unitIds: $ids) { isSuppressed handoversReceived { value } shareAccepted { value } medianHoursToFirstAnswer { value } }
        }`),
        { ids: [seedId("unit:bostoette")] },
      )
    ).serviceHandoverFigures;
    expect(figures?.isSuppressed).toBe(false);
    expect(figures?.handoversReceived.value).toBeGreaterThanOrEqual(5);
    expect(figures?.medianHoursToFirstAnswer.value).toBeGreaterThan(0);
    expect(figures?.shareAccepted.value).toBeGreaterThan(0);
  });

  it("shows a handover on hold, a no-show with a new meeting and a referred-on chain (issue 18)", async () => {
    const worker = await app.as(seedId("user:service-worker"));
    const ONE = graphql(`query DemoOne($id: ID!) {
      handover(id: $id) { status lookAgainAt noShowCount events { type } referralChain { handoverId status toUnit { name } } }
    }`);
    const one = async (key: string) => (await runOk(worker, ONE, { id: seedId(`handover:${key}`) })).handover;
    const held = await one("team-bostoette-on-hold");
    expect(held.status).toBe("ON_HOLD");
    expect(Date.parse(held.lookAgainAt!)).toBeGreaterThan(app.clock.now().getTime());
    const noShow = await one("team-bostoette-no-show");
    expect(noShow).toMatchObject({ status: "ACCEPTED", noShowCount: 1 });
    expect(noShow.events.at(-1)?.type).toBe("NO_SHOW_RETRIED");
    const referred = await one("team-bostoette-referred");
    expect(referred.referralChain.map((link) => [link.status, link.toUnit?.name])).toEqual([
      ["COMPLETED", "Bostøtten Fjordby"],
      ["ACCEPTED", "Boligsocialt team – hjemløseindsatsen"],
    ]);
  });

  it("shows a short thread between the two units on the accepted handover (issue 18)", async () => {
    const staff = await app.as(seedId("user:centre-staff"));
    const thread = (
      await runOk(staff, graphql(`query DemoThread($id: ID!) { handoverThread(handoverId: $id) { text authorUnit { name } fromViewerSide } }`), {
        id: seedId("handover:lyset-bostoette-accepted"),
      })
    ).handoverThread;
    expect(thread.map((message) => [message.authorUnit.name, message.fromViewerSide])).toEqual([
      ["Bostøtten Fjordby", false],
      ["Værestedet Lyset", true],
    ]);
  });

  it("shows an open request waiting for a housing-support team, one the Boligsocialt team claimed, and a date to look again that has come (issue 18)", async () => {
    const worker = await app.as(seedId("user:service-worker"));
    const claimable = (
      await runOk(worker, graphql(`query DemoClaimable($unitId: ID!) { claimableHandoverRequests(unitId: $unitId) { handoverId areaName serviceKind urgency } }`), {
        unitId: seedId("unit:bostoette"),
      })
    ).claimableHandoverRequests;
    expect(claimable).toContainEqual({ handoverId: seedId("handover:team-open-request-waiting"), areaName: "Fjordby Centrum", serviceKind: "HOUSING_SUPPORT", urgency: "HIGH" });
    const caseworker = await app.as(seedId("user:caseworker"));
    const claimed = (
      await runOk(caseworker, graphql(`query DemoClaimed($id: ID!) { handover(id: $id) { status toUnit { name } openRequest { areaName claimedAt } events { type } } }`), {
        id: seedId("handover:team-open-request-claimed"),
      })
    ).handover;
    expect(claimed).toMatchObject({ status: "ACCEPTED", toUnit: { name: "Boligsocialt team – hjemløseindsatsen" }, openRequest: { areaName: "Fjordby Havn" } });
    expect(claimed.events.map((event) => event.type)).toEqual(["CREATED", "SENT", "CLAIMED"]);
    const waiting = (
      await runOk(caseworker, graphql(`query DemoWaiting($id: ID!) { handover(id: $id) { status toUnit { name } } }`), { id: seedId("handover:team-open-request-waiting") })
    ).handover;
    expect(waiting).toEqual({ status: "OPEN", toUnit: null });
    // The date to look again has come: the first run of the jobs tells Bostøtten, once.
    await app.runJobs();
    await app.runJobs();
    const due = { kind: "HANDOVER_LOOK_AGAIN" as const, subjectId: seedId("handover:team-bostoette-look-again-due"), unitId: seedId("unit:bostoette") };
    expect(await app.prisma.notificationEvent.count({ where: due })).toBe(1);
  });

  it("is idempotent", async () => {
    const counts = () => Promise.all([app.prisma.handover.count(), app.prisma.handoverEvent.count(), app.prisma.handoverMessage.count()]);
    const before = await counts();
    await seedDemoData(app.prisma, app.clock);
    expect(await counts()).toEqual(before);
  });
});

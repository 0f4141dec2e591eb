// Recruiting and keeping volunteers through GraphQL: calls for volunteers, public applications
// (consent, CPR guard, retention), accepting into a volunteer account, and the shift calendar feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { buildVolunteersWorld, signInAgain, type VolunteersWorld } from "./support/world.ts";
import { GENERATE_ROTA, SIGN_UP } from "./support/rota.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";

let app: TestApp;
let world: VolunteersWorld;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildVolunteersWorld(app);
});
afterAll(async () => {
  await app.close();
});

const SAVE_CALL = graphql(`
  mutation ($input: SaveVolunteerCallInput!) {
    saveVolunteerCall(input: $input) { __typename ... on SaveVolunteerCallSuccess { call { id title isPublished } } ... on Error { code } }
  }`);
const APPLY = graphql(`
  mutation ($input: ApplyToVolunteerInput!) {
    applyToVolunteer(input: $input) {
      __typename
      ... on ApplyToVolunteerSuccess { receipt { deleteAfter } }
      ... on CprRefusedError { fields }
      ... on Error { code }
    }
  }`);
const APPLICATIONS = graphql(`query ($centreId: ID!) { volunteerApplications(centreId: $centreId) { id name email message status deleteAfter } }`);
const ACCEPT = graphql(`
  mutation ($input: VolunteerApplicationIdInput!) {
    acceptVolunteerApplication(input: $input) {
      __typename
      ... on AcceptVolunteerApplicationSuccess { invitation { passwordLinkUrl application { status message } } }
      ... on Error { code }
    }
  }`);

let callId: string;
let consentVersion: string;

type Application = VariablesOf<typeof APPLY>["input"];
function application(overrides: Partial<Application> = {}): Application {
  return { centreId: world.centreId, callId, name: "Sofie Hansen", email: "Sofie@Example.dk", message: "Jeg kan lave mad.", consentVersion, ...overrides };
}

describe("calls for volunteers", () => {
  it("lets the centre admin publish a call that shows on the public list and the centre page", async () => {
    const saved = (
      await runOk(world.as.admin, SAVE_CALL, {
        input: { centreId: world.centreId, title: "Køkkenhjælp", whenText: "Torsdage 16–19", skills: "Glad for mad", isPublished: true },
      })
    ).saveVolunteerCall;
    if (saved.__typename !== "SaveVolunteerCallSuccess") expect.fail(saved.__typename);
    callId = saved.call.id;
    await runOk(world.as.admin, SAVE_CALL, { input: { centreId: world.centreId, title: "Kladde", whenText: "Senere", isPublished: false } });

    const list = (await runOk(app.anonymous, graphql(`{ volunteerCalls { title whenText skills centre { name } } }`))).volunteerCalls;
    expect(list).toEqual([{ title: "Køkkenhjælp", whenText: "Torsdage 16–19", skills: "Glad for mad", centre: { name: "Lyset" } }]);
    const page = (await runOk(app.anonymous, graphql(`query ($id: ID!) { centre(id: $id) { volunteerCalls { title } } }`), { id: world.centreId })).centre;
    expect(page!.volunteerCalls).toEqual([{ title: "Køkkenhjælp" }]);
  });

  it("does not let staff or volunteers publish calls", async () => {
    for (const caller of [world.as.staff, world.as.volunteer]) {
      const result = await runError(caller, SAVE_CALL, { input: { centreId: world.centreId, title: "X", whenText: "Y", isPublished: true } }, "ForbiddenError");
      expect(result.__typename).toBe("ForbiddenError");
    }
  });
});

describe("applying to volunteer", () => {
  it("shows the consent text with the retention window", async () => {
    const text = (await runOk(app.anonymous, graphql(`{ volunteerConsentText { version da en } }`))).volunteerConsentText;
    consentVersion = text.version;
    expect(text.da).toContain("slettet automatisk efter 30 dage");
  });

  it("refuses an application without consent, and one with a CPR number, storing nothing", async () => {
    const noConsent = await runError(app.anonymous, APPLY, { input: application({ consentVersion: "" }) }, "ValidationError");
    expect(noConsent.code).toBe("VALIDATION_FAILED");
    const withCpr = await runError(app.anonymous, APPLY, { input: application({ message: "Mit nummer er 010190-1234" }) }, "CprRefusedError");
    expect(withCpr).toEqual({ __typename: "CprRefusedError", fields: ["message"], code: "CPR_NUMBER_REFUSED" });
    expect(await app.prisma.volunteerApplication.count()).toBe(0);
  });

  it("accepts a public application that lands with the centre admin only, to be deleted after 30 days", async () => {
    const receipt = (await runOk(app.anonymous, APPLY, { input: application() })).applyToVolunteer;
    expect(receipt).toEqual({ __typename: "ApplyToVolunteerSuccess", receipt: { deleteAfter: "2026-12-25T09:00:00.000Z" } });
    const seen = (await runOk(world.as.admin, APPLICATIONS, { centreId: world.centreId })).volunteerApplications;
    expect(seen).toEqual([
      { id: expect.any(String), name: "Sofie Hansen", email: "sofie@example.dk", message: "Jeg kan lave mad.", status: "RECEIVED", deleteAfter: "2026-12-25T09:00:00.000Z" },
    ]);
    for (const caller of [world.as.staff, world.as.volunteer, world.as.coordinator]) {
      const response = await run(caller, APPLICATIONS, { centreId: world.centreId });
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    }
  });

  it("deletes applications nobody accepted once the retention window has passed, and keeps accepted ones", async () => {
    await runOk(app.anonymous, APPLY, { input: application({ name: "Anders", email: "anders@example.dk" }) });
    const applications = await app.prisma.volunteerApplication.findMany({ orderBy: { name: "asc" } });
    const anders = applications.find((row) => row.name === "Anders")!;
    const sofie = applications.find((row) => row.name === "Sofie Hansen")!;

    const accepted = (await runOk(world.as.admin, ACCEPT, { input: { applicationId: anders.id } })).acceptVolunteerApplication;
    if (accepted.__typename !== "AcceptVolunteerApplicationSuccess") expect.fail(accepted.__typename);
    expect(accepted.invitation.application).toEqual({ status: "ACCEPTED", message: null });

    app.clock.set(new Date(sofie.deleteAfter.getTime() - 1000));
    expect((await app.runJobs())["deleteExpiredVolunteerApplications"]).toBe(0);
    app.clock.set(new Date(sofie.deleteAfter.getTime() + 1000));
    try {
      expect((await app.runJobs())["deleteExpiredVolunteerApplications"]).toBe(1);
      expect((await app.prisma.volunteerApplication.findMany()).map((row) => row.name)).toEqual(["Anders"]);
    } finally {
      app.clock.set(new Date(TEST_START));
      await signInAgain(app, world);
    }
  });

  it("turns an accepted application into a volunteer account through the set-password link", async () => {
    await runOk(app.anonymous, APPLY, { input: application({ name: "Bodil", email: "bodil@example.dk" }) });
    const bodil = await app.prisma.volunteerApplication.findFirstOrThrow({ where: { name: "Bodil" } });
    const result = (await runOk(world.as.admin, ACCEPT, { input: { applicationId: bodil.id } })).acceptVolunteerApplication;
    if (result.__typename !== "AcceptVolunteerApplicationSuccess") expect.fail(result.__typename);
    const token = new URL(result.invitation.passwordLinkUrl!).hash.replace("#token=", "");

    const set = (
      await runOk(app.anonymous, graphql(`mutation ($input: SetPasswordInput!) { setPassword(input: $input) { __typename } }`), {
        input: { token, password: "frivillig-kodeord-2026" },
      })
    ).setPassword;
    expect(set.__typename).toBe("SetPasswordSuccess");
    const user = await app.prisma.user.findUniqueOrThrow({ where: { email: "bodil@example.dk" }, include: { memberships: true } });
    expect(user.memberships.map((membership) => [membership.unitId, membership.role])).toEqual([[world.unitId, "VOLUNTEER"]]);

    const again = await runError(world.as.admin, ACCEPT, { input: { applicationId: bodil.id } }, "ConflictError");
    expect(again.code).toBe("CONFLICT");
  });

  it("declining deletes the application at once", async () => {
    await runOk(app.anonymous, APPLY, { input: application({ name: "Carl", email: "carl@example.dk" }) });
    const carl = await app.prisma.volunteerApplication.findFirstOrThrow({ where: { name: "Carl" } });
    const declined = (
      await runOk(world.as.admin, graphql(`mutation ($input: VolunteerApplicationIdInput!) { declineVolunteerApplication(input: $input) { __typename } }`), {
        input: { applicationId: carl.id },
      })
    ).declineVolunteerApplication;
    expect(declined.__typename).toBe("DeclineVolunteerApplicationSuccess");
    expect(await app.prisma.volunteerApplication.findUnique({ where: { id: carl.id } })).toBeNull();
  });
});

describe("the shift calendar feed", () => {
  it("serves the volunteer's own shifts behind a secret link, and 404 once revoked", async () => {
    await runOk(world.as.staff, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate: "2026-11-30", toDate: "2026-12-06" } });
    const wednesday = await app.prisma.shift.findFirstOrThrow({ where: { centreId: world.centreId, date: new Date("2026-12-02T00:00:00.000Z") } });
    await runOk(world.as.keyHolder, SIGN_UP, { input: { shiftId: wednesday.id, role: "KEY_HOLDER" } });

    const created = (await runOk(world.as.keyHolder, graphql(`mutation { createShiftFeedLink { __typename ... on CreateShiftFeedLinkSuccess { link { url } } } }`)))
      .createShiftFeedLink;
    if (created.__typename !== "CreateShiftFeedLinkSuccess") expect.fail(created.__typename);
    const link = created.link;
    const path = new URL(link.url).pathname;
    const feed = await app.anonymous.fetch(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toBe("private, no-store");
    const body = await feed.text();
    expect(body).toContain("SUMMARY:Vagt på Lyset (nøglebærer)");
    expect(body).toContain("DTSTART;TZID=Europe/Copenhagen:20261202T170000");
    expect(body).not.toContain("Vagn");

    expect((await runOk(world.as.keyHolder, graphql(`{ hasShiftFeedLink }`))).hasShiftFeedLink).toBe(true);
    await runOk(world.as.keyHolder, graphql(`mutation { revokeShiftFeedLink { __typename } }`));
    expect((await app.anonymous.fetch(path)).status).toBe(404);
    expect((await app.anonymous.fetch("/calendar/volunteer/not-a-token.ics")).status).toBe(404);
  });
});

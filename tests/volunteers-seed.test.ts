// The demo rota: one key-holder gap at Lyset that the demo volunteer can close.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoData, seedId } from "../prisma/seed.ts";
import { CSRF_HEADER } from "../server/app.ts";
import { print } from "graphql";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk, type ResultOf } from "./support/graphql.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // A Wednesday in winter time (CET).
  app.clock.set("2026-11-25T09:00:00.000Z");
  await seedDemoData(app.prisma, app.clock);
  // Seeding every module (and hashing the demo passwords) is slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

const GAPS = graphql(`query DemoGaps { rotaGaps(fromDate: "2026-11-25", toDate: "2027-01-05") { id centre { name } } }`);
const SIGN_IN = graphql(`mutation DemoSignIn($input: SignInInput!) { signIn(input: $input) { __typename } }`);
const OPEN_SHIFTS = graphql(`query DemoOpenShifts { openShifts(days: 28) { id isKeyHolderGap mayBeCancelled } }`);
const SIGN_UP = graphql(`mutation DemoSignUp($input: SignUpForShiftInput!) { signUpForShift(input: $input) { __typename } }`);
const UNREAD = graphql(`query DemoUnread { handoverUnreadCounts { receivedUnread } }`);

describe("volunteers demo data", () => {
  it("has a rota at Lyset and Fyrtårnets Weekendhus with exactly one key-holder gap, at Lyset", async () => {
    const coordinator = await app.as(seedId("user:coordinator"));
    const gaps = (await runOk(coordinator, GAPS)).rotaGaps;
    expect(gaps.map((gap) => gap.centre.name)).toEqual(["Værestedet Lyset"]);
    expect(await app.prisma.shift.count({ where: { centreId: seedId("centre:fyrtaarnet") } })).toBeGreaterThan(10);
  });

  it("seeding again changes nothing", async () => {
    const before = await app.prisma.shiftAssignment.count();
    await seedDemoData(app.prisma, app.clock);
    expect(await app.prisma.shiftAssignment.count()).toBe(before);
  }, 180_000);

  it("lets the demo volunteer sign in, take the gap as key holder, and the gap leaves the coordinator's view", async () => {
    const signIn = await app.anonymous.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({ query: print(SIGN_IN), variables: { input: { email: "frivillig@lyset.example", password: DEMO_PASSWORD } } }),
    });
    expect(((await signIn.json()) as { data?: ResultOf<typeof SIGN_IN> }).data?.signIn.__typename).toBe("SignInSuccess");
    const volunteer = app.withCookie(signIn.headers.get("set-cookie")!.split(";")[0]!);

    const gap = (await runOk(volunteer, OPEN_SHIFTS)).openShifts.find((shift) => shift.isKeyHolderGap);
    expect(gap?.mayBeCancelled).toBe(true);
    const taken = await runOk(volunteer, SIGN_UP, { input: { shiftId: gap!.id, role: "KEY_HOLDER" } });
    expect(taken.signUpForShift.__typename).toBe("SignUpForShiftSuccess");

    const coordinator = await app.as(seedId("user:coordinator"));
    expect((await runOk(coordinator, GAPS)).rotaGaps).toEqual([]);
    // Still no handover for a volunteer.
    expect((await runOk(volunteer, UNREAD)).handoverUnreadCounts).toEqual([]);
  });
});

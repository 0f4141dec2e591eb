// The demo rota: one key-holder gap at Lyset that the demo volunteer can close.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoData, seedId } from "../prisma/seed.ts";
import { CSRF_HEADER } from "../server/app.ts";
import { dataOf, startTestApp, type TestApp } from "./support/app.ts";

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

const GAPS = `{ rotaGaps(fromDate: "2026-11-25", toDate: "2027-01-05") { id centre { name } } }`;

describe("volunteers demo data", () => {
  it("has a rota at Lyset and Fyrtårnets Weekendhus with exactly one key-holder gap, at Lyset", async () => {
    const coordinator = await app.as(seedId("user:coordinator"));
    const gaps = dataOf(await coordinator.graphql(GAPS)).rotaGaps;
    expect(gaps.map((gap: any) => gap.centre.name)).toEqual(["Værestedet Lyset"]);
    expect(await app.prisma.shift.count({ where: { centreId: seedId("centre:fyrtaarnet") } })).toBeGreaterThan(10);
  });

  it("seeding again changes nothing", async () => {
    const before = await app.prisma.shiftAssignment.count();
    await seedDemoData(app.prisma, app.clock);
    expect(await app.prisma.shiftAssignment.count()).toBe(before);
  }, 180_000);

  it("lets the demo volunteer sign in, take the gap as key holder, and the gap leaves the coordinator's view", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({
        query: `mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }`,
        variables: { input: { email: "frivillig@lyset.example", password: DEMO_PASSWORD } },
      }),
    });
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    expect(((await response.json()) as any).data.signIn.__typename).toBe("SignInSuccess");
    const graphql = async (query: string, variables?: Record<string, unknown>) =>
      (await (
        await fetch(`${app.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as any;

    const open = (await graphql(`{ openShifts(days: 28) { id isKeyHolderGap mayBeCancelled } }`)).data.openShifts;
    const gap = open.find((shift: any) => shift.isKeyHolderGap);
    expect(gap.mayBeCancelled).toBe(true);
    const taken = await graphql(`mutation ($input: SignUpForShiftInput!) { signUpForShift(input: $input) { __typename } }`, {
      input: { shiftId: gap.id, role: "KEY_HOLDER" },
    });
    expect(taken.data.signUpForShift.__typename).toBe("SignUpForShiftSuccess");

    const coordinator = await app.as(seedId("user:coordinator"));
    expect(dataOf(await coordinator.graphql(GAPS)).rotaGaps).toEqual([]);
    // Still no handover for a volunteer.
    expect((await graphql(`{ handoverUnreadCounts { receivedUnread } }`)).data.handoverUnreadCounts).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run } from "./support/graphql.ts";
import { createUser } from "./support/world.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe("account housekeeping jobs", () => {
  it("deletes sessions that ended more than a week ago, keeps live ones", async () => {
    const user = await createUser(app.prisma);
    const live = await app.as(user.id);
    const now = app.clock.now().getTime();
    await app.prisma.session.create({
      data: { id: "ended-long-ago", userId: user.id, expiresAt: new Date(now - 8 * 86_400_000), createdAt: new Date(now - 9 * 86_400_000) },
    });
    const results = await app.runJobs();
    expect(results["pruneEndedSessions"]).toBe(1);
    expect(await app.prisma.session.findUnique({ where: { id: "ended-long-ago" } })).toBeNull();
    const me = await run(live, graphql(`query MeUserId { me { user { id } } }`));
    expect(me.data?.me?.user.id).toBe(user.id);
  });
});

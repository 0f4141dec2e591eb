import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { createUser } from "./support/factories.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe("account housekeeping jobs", () => {
  it("deletes sign-in attempts older than a day and keeps recent ones", async () => {
    const now = app.clock.now().getTime();
    await app.prisma.loginAttempt.createMany({
      data: [
        { email: "old@test.example", ip: "127.0.0.1", succeeded: false, at: new Date(now - 25 * 3_600_000) },
        { email: "recent@test.example", ip: "127.0.0.1", succeeded: false, at: new Date(now - 10 * 60_000) },
      ],
    });
    const results = await app.runJobs();
    expect(results["pruneLoginAttempts"]).toBe(1);
    const remaining = await app.prisma.loginAttempt.findMany({ select: { email: true } });
    expect(remaining.map((attempt) => attempt.email)).toEqual(["recent@test.example"]);
  });

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
    const me = await live.graphql<{ me: { user: { id: string } } | null }>("{ me { user { id } } }");
    expect(me.data?.me?.user.id).toBe(user.id);
  });
});

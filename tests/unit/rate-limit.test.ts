// The shared rate-limit helper, in memory and in Redis (127.0.0.1:6379 when REDIS_URL or the
// local server is there): consume, check, record and reset.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "../../server/shared/errors.ts";
import { createRateLimiter, createRateLimitStore, type RateLimitStore } from "../../server/shared/rate-limit.ts";

const stores: RateLimitStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

for (const kind of ["memory", "redis"] as const) {
  describe(`a limiter in ${kind}`, () => {
    const store = () => {
      const created = createRateLimitStore(kind === "redis" ? (process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379") : undefined, `test-${randomUUID()}`);
      stores.push(created);
      return created;
    };

    it("allows the points, then throws a typed RateLimitedError with the wait", async () => {
      const limiter = createRateLimiter(store(), { name: "consume", points: 3, durationSeconds: 60 });
      for (let attempt = 0; attempt < 3; attempt++) await limiter.consume("key");
      const refused = await limiter.consume("key").catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(55);
      expect((refused as RateLimitedError).code).toBe("RATE_LIMITED");
      await limiter.consume("other key");
    });

    it("checks without counting, records after the fact and resets", async () => {
      const limiter = createRateLimiter(store(), { name: "record", points: 2, durationSeconds: 60, blockDurationSeconds: 120 });
      await limiter.check("key");
      expect(await limiter.record("key")).toEqual({ exhausted: false });
      expect(await limiter.record("key")).toEqual({ exhausted: true });
      await expect(limiter.check("key")).rejects.toBeInstanceOf(RateLimitedError);
      await limiter.reset("key");
      await limiter.check("key");
    });
  });
}

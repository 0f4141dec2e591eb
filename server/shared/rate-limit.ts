// Rate limits on rate-limiter-flexible: counted in Redis when REDIS_URL is set (shared by every
// instance), in memory otherwise. A limiter counts points per key within a window; once a key
// has used up its points it is refused (with RateLimitedError) until the window, or the block
// that follows it, has passed.
//
//   const limiter = createRateLimiter(context.rateLimitStore, { name: "citizen-page", points: 30, durationSeconds: 60 });
//   await limiter.consume(`address:${context.request.ip}`); // throws RateLimitedError when over
//
// The library keeps its own time (the wall clock), not the application's injectable clock:
// tests give short windows through AppDependencies.rateLimits instead of moving the clock.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimitedError } from "./errors.ts";

export interface RateLimitStore {
  kind: "memory" | "redis";
  /** Present for kind "redis". */
  redis: Redis | null;
  /** Prefix of every key, so several apps (or test files) can share one Redis. */
  prefix: string;
  close(): Promise<void>;
}

/** Redis when a URL is given, memory otherwise. */
export function createRateLimitStore(redisUrl: string | undefined, prefix = "traedesten"): RateLimitStore {
  if (!redisUrl) return { kind: "memory", redis: null, prefix, close: async () => {} };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: false });
  // Without a listener ioredis reports connection problems as unhandled 'error' events; while
  // Redis is unreachable the limiters fall back to memory (insuranceLimiter below).
  redis.on("error", () => {});
  return {
    kind: "redis",
    redis,
    prefix,
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}

export interface RateLimitRule {
  /** Part of the key prefix; unique per limiter. */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  /** Window length. Whole seconds (Redis expiry). */
  durationSeconds: number;
  /** Once the points are used up, refuse for this long (default: the rest of the window). */
  blockDurationSeconds?: number;
}

export interface RateLimiter {
  readonly rule: RateLimitRule;
  /** Counts an attempt; throws RateLimitedError when the key had no points left. */
  consume(key: string, points?: number): Promise<void>;
  /** Throws RateLimitedError when the key has no points left, without counting anything. */
  check(key: string): Promise<void>;
  /** Counts an attempt that has already happened; `exhausted` when it used up the last point. */
  record(key: string, points?: number): Promise<{ exhausted: boolean }>;
  /** Forgets the key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

export function createRateLimiter(store: RateLimitStore, rule: RateLimitRule): RateLimiter {
  const options = {
    keyPrefix: `${store.prefix}:rl:${rule.name}`,
    points: rule.points,
    duration: rule.durationSeconds,
    blockDuration: rule.blockDurationSeconds ?? 0,
  };
  const memory = new RateLimiterMemory(options);
  const limiter: RateLimiterAbstract = store.redis
    ? new RateLimiterRedis({ ...options, storeClient: store.redis, insuranceLimiter: memory, rejectIfRedisNotReady: true })
    : memory;

  const refuse = (res: RateLimiterRes) => new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
  const hasNoPointsLeft = (res: RateLimiterRes | null) => res !== null && res.consumedPoints >= rule.points;

  return {
    rule,
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw refuse(error);
        throw error;
      }
    },
    async check(key) {
      const res = await limiter.get(key);
      if (res && hasNoPointsLeft(res)) throw refuse(res);
    },
    async record(key, points = 1) {
      try {
        const res = await limiter.consume(key, points);
        return { exhausted: hasNoPointsLeft(res) };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { exhausted: true };
        throw error;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

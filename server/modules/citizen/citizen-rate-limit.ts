// Limits on code + PIN lookups of the citizen's page, the only way in that a person can guess
// at. Three budgets, all counted on every attempt before the database is asked:
// - per client address, so one machine cannot try many codes;
// - globally, so many machines together cannot either;
// - per typed code, so one known code cannot have its PIN tried more than a few times.
// In Redis when REDIS_URL is set (all instances share the counts), in memory otherwise.
// A small wrapper on purpose: server/shared/rate-limit.ts is meant to absorb it later.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "../../config.ts";

export interface LookupBudget {
  points: number;
  durationSeconds: number;
}

export interface CitizenLookupLimits {
  perAddress: LookupBudget;
  global: LookupBudget;
  perCode: LookupBudget;
}

export const DEFAULT_CITIZEN_LOOKUP_LIMITS: CitizenLookupLimits = {
  perAddress: { points: 10, durationSeconds: 15 * 60 },
  global: { points: 600, durationSeconds: 60 },
  perCode: { points: 5, durationSeconds: 24 * 60 * 60 },
};

export interface CitizenLookupLimiter {
  /** Counts one attempt; false when any budget is spent (the caller then answers as for a wrong PIN). */
  tryAttempt(address: string, code: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A limiter over `store`: memory when no Redis client is given. */
export function createCitizenLookupLimiter(
  options: { redis?: Redis; keyPrefix?: string; limits?: CitizenLookupLimits } = {},
): CitizenLookupLimiter {
  const limits = options.limits ?? DEFAULT_CITIZEN_LOOKUP_LIMITS;
  const prefix = options.keyPrefix ?? "traedesten:citizen-lookup";
  const make = (name: keyof CitizenLookupLimits): RateLimiterAbstract => {
    const settings = { points: limits[name].points, duration: limits[name].durationSeconds, keyPrefix: `${prefix}:${name}` };
    if (!options.redis) return new RateLimiterMemory(settings);
    // If Redis is unreachable, count in memory rather than letting every guess through.
    return new RateLimiterRedis({ ...settings, storeClient: options.redis, insuranceLimiter: new RateLimiterMemory(settings) });
  };
  const budgets = { perAddress: make("perAddress"), global: make("global"), perCode: make("perCode") };

  const consume = async (limiter: RateLimiterAbstract, key: string): Promise<boolean> => {
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  };

  return {
    async tryAttempt(address, code) {
      // All three are counted (no short-circuit), so a spent budget takes as long as an open one.
      const results = await Promise.all([
        consume(budgets.perAddress, address),
        consume(budgets.global, "all"),
        consume(budgets.perCode, code),
      ]);
      return results.every(Boolean);
    },
    async close() {
      await options.redis?.quit().catch(() => {});
    },
  };
}

// One limiter per running application (its Config object), so test apps do not share counts.
const limiters = new WeakMap<Config, CitizenLookupLimiter>();

/** The application's limiter: in Redis when REDIS_URL is set, in memory otherwise. */
export function citizenLookupLimiterFor(config: Config): CitizenLookupLimiter {
  let limiter = limiters.get(config);
  if (!limiter) {
    let redis: Redis | undefined;
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
      // Without a listener ioredis reports connection problems as unhandled 'error' events.
      redis.on("error", () => {});
    }
    limiter = createCitizenLookupLimiter(redis ? { redis } : {});
    limiters.set(config, limiter);
  }
  return limiter;
}

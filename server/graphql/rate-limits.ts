// The product's rate limits in one table, built once per app and handed to resolvers through
// the context. Counted in Redis when REDIS_URL is set, so every instance sees the same counts.
import { createRateLimiter, type RateLimiter, type RateLimitRule, type RateLimitStore } from "../shared/rate-limit.ts";

export const RATE_LIMIT_RULES = {
  /** Failed sign-ins from one client address. */
  signInAddress: { name: "sign-in:address", points: 30, durationSeconds: 15 * 60 },
  /** Failed sign-ins for one account; the fifth locks the account (User.lockedUntil). */
  signInAccount: { name: "sign-in:account", points: 5, durationSeconds: 15 * 60 },
  /** Failed sign-ins across all accounts and addresses: slows spraying from many addresses. */
  signInGlobal: { name: "sign-in:global", points: 300, durationSeconds: 60, blockDurationSeconds: 60 },
  /** Handover-code lookups (each alias counts) per session, per address and in total. */
  codeLookupSession: { name: "code-lookup:session", points: 30, durationSeconds: 10 * 60, blockDurationSeconds: 10 * 60 },
  codeLookupAddress: { name: "code-lookup:address", points: 100, durationSeconds: 10 * 60, blockDurationSeconds: 10 * 60 },
  codeLookupGlobal: { name: "code-lookup:global", points: 2000, durationSeconds: 10 * 60 },
  /** Ideas and barriers raised anonymously through a centre's public page, per address and in total. */
  raiseIdeaAddress: { name: "raise-idea:address", points: 10, durationSeconds: 60 * 60, blockDurationSeconds: 60 * 60 },
  raiseIdeaGlobal: { name: "raise-idea:global", points: 500, durationSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMIT_RULES;
export type RateLimitOverrides = Partial<Record<RateLimitName, Partial<Omit<RateLimitRule, "name">>>>;

export type RateLimits = Record<RateLimitName, RateLimiter> & { store: RateLimitStore };

export function createRateLimits(store: RateLimitStore, overrides: RateLimitOverrides = {}): RateLimits {
  const limits = Object.fromEntries(
    Object.entries(RATE_LIMIT_RULES).map(([name, rule]) => [
      name,
      createRateLimiter(store, { ...rule, ...overrides[name as RateLimitName] }),
    ]),
  ) as Record<RateLimitName, RateLimiter>;
  return { ...limits, store };
}

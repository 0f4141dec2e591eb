// Abuse resistance of the citizen's code + PIN lookup: 1,000 guesses from one address are cut
// off after the budget, every answer is the same (no existing handover's status leaks), a known
// code's PIN cannot be tried more than a few times, and the global budget holds across
// addresses, in memory and in Redis.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHandoverCode } from "../server/modules/handovers/handover-code.ts";
import { CODE_LOOKUP_FLOOR_MS } from "../server/modules/citizen/citizen.commands.ts";
import { createCitizenLookupLimiter, DEFAULT_CITIZEN_LOOKUP_LIMITS } from "../server/modules/citizen/citizen-rate-limit.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, transitionOk } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runOk } from "./support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;

const LOOKUP = graphql(`query CitizenHandover($access: CitizenAccessInput!) {
  citizenHandover(access: $access) {
    __typename
    ... on CitizenAccessDeniedError { code message messageDa }
    ... on CitizenHandoverSuccess { view { __typename ... on CitizenHandover { status } } }
  }
}`);
const ISSUE_ACCESS = graphql(`mutation IssueCitizenAccess($input: IssueCitizenAccessInput!) {
  issueCitizenAccess(input: $input) { __typename ... on IssueCitizenAccessSuccess { receipt { code pin } } } }`);

async function issue(handoverId: string): Promise<{ code: string; pin: string }> {
  const result = (await runOk(world.staff, ISSUE_ACCESS, { input: { handoverId } })).issueCitizenAccess;
  if (result.__typename !== "IssueCitizenAccessSuccess") return expect.fail(result.__typename);
  return result.receipt;
}

/** One lookup: the raw response body text and how long it took. */
async function guess(target: TestApp, code: string, pin: string): Promise<{ body: string; ms: number }> {
  const started = performance.now();
  const response = await run(target.anonymous, LOOKUP, { access: { code, pin } });
  return { body: JSON.stringify(response.data ?? response.errors), ms: performance.now() - started };
}

const otherPin = (pin: string, step = 1) => String((Number(pin) + step) % 10_000).padStart(4, "0");

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

// 1,000 requests that each wait for the timing floor: allow for a busy shared machine.
describe("1,000 code + PIN guesses from one address", { timeout: 5 * SLOW_TEST_MS }, () => {
  it("are cut off after the per-address budget, all get the same answer, and even the right pair is then refused", async () => {
    // Existing handovers in different states: a guess must not tell them apart from nothing.
    const known: { code: string; pin: string }[] = [];
    for (const state of ["SENT", "ACCEPTED", "DECLINED"] as const) {
      const handover = await createHandover(world.staff, world, { send: true });
      if (state === "ACCEPTED") await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
      if (state === "DECLINED") await transitionOk(world.worker, "declineHandover", { handoverId: handover.id, reason: "Fuldt booket" });
      known.push(await issue(handover.id));
    }
    // A fresh server on the same database: its own limiter, untouched by set-up.
    const attacked = await startTestApp({ database: app.database });
    try {
      const guesses: { code: string; pin: string }[] = [];
      for (let index = 0; index < 1000; index++) {
        const target = known[index % known.length]!;
        // Wrong PINs for real codes, and random codes that do not exist.
        guesses.push(index % 2 === 0 ? { code: target.code, pin: otherPin(target.pin, 1 + (index % 9_000)) } : { code: generateHandoverCode(), pin: "1234" });
      }
      const answers: { body: string; ms: number }[] = [];
      for (let batch = 0; batch < guesses.length; batch += 50) {
        answers.push(...(await Promise.all(guesses.slice(batch, batch + 50).map((pair) => guess(attacked, pair.code, pair.pin)))));
      }
      const bodies = new Set(answers.map((answer) => answer.body));
      expect(bodies.size).toBe(1);
      const [only] = [...bodies];
      expect(only).toContain("CITIZEN_ACCESS_DENIED");
      for (const status of ["SENT", "ACCEPTED", "DECLINED", "CitizenHandover"]) expect(only).not.toContain(status);
      for (const answer of answers) expect(answer.ms).toBeGreaterThanOrEqual(CODE_LOOKUP_FLOOR_MS - 5);

      // The budget is spent: the right code and PIN are refused from this address, with the same answer.
      for (const pair of known) expect((await guess(attacked, pair.code, pair.pin)).body).toBe(only);
      // A server with a fresh budget opens the same pair, so the refusal above was the limiter.
      const fresh = await startTestApp({ database: app.database });
      try {
        expect((await guess(fresh, known[0]!.code, known[0]!.pin)).body).toContain('"status":"SENT"');
      } finally {
        await fresh.close();
      }
    } finally {
      await attacked.close();
    }
  });

  it("locks a known code after a few wrong PINs, with the same answer and timing as a wrong code and a wrong PIN", async () => {
    const target = await startTestApp({ database: app.database });
    try {
      const handover = await createHandover(world.staff, world, { send: true });
      const { code, pin } = await issue(handover.id);
      const wrongPin: number[] = [];
      const bodies = new Set<string>();
      for (let attempt = 0; attempt < DEFAULT_CITIZEN_LOOKUP_LIMITS.perCode.points; attempt++) {
        const answer = await guess(target, code, otherPin(pin, attempt + 1));
        wrongPin.push(answer.ms);
        bodies.add(answer.body);
      }
      const locked = await guess(target, code, pin);
      const wrongCode = await guess(target, generateHandoverCode(), pin);
      bodies.add(locked.body).add(wrongCode.body);
      expect(bodies.size).toBe(1);
      for (const ms of [...wrongPin, locked.ms, wrongCode.ms]) expect(ms).toBeGreaterThanOrEqual(CODE_LOOKUP_FLOOR_MS - 5);
      // Same timing within what a busy shared machine allows: each answer waits for the floor.
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      expect(Math.abs(locked.ms - median(wrongPin))).toBeLessThan(200);
      expect(Math.abs(wrongCode.ms - median(wrongPin))).toBeLessThan(200);
    } finally {
      await target.close();
    }
  });
});

describe("the global budget", { timeout: SLOW_TEST_MS }, () => {
  const limits = { perAddress: { points: 3, durationSeconds: 60 }, global: { points: 20, durationSeconds: 60 }, perCode: { points: 3, durationSeconds: 60 } };

  async function spendFromManyAddresses(limiter: ReturnType<typeof createCitizenLookupLimiter>) {
    const allowed: boolean[] = [];
    // 100 addresses, 2 attempts each, each on its own code: only the global budget can stop them.
    for (let address = 0; address < 100; address++) {
      for (let attempt = 0; attempt < 2; attempt++) allowed.push(await limiter.tryAttempt(`10.0.${address}.1`, `CODE-${address}-${attempt}`));
    }
    return allowed;
  }

  it("stops guesses spread over many addresses, in memory", async () => {
    const allowed = await spendFromManyAddresses(createCitizenLookupLimiter({ limits }));
    expect(allowed.filter(Boolean)).toHaveLength(20);
    expect(allowed.slice(20).every((value) => !value)).toBe(true);
  });

  it("stops them in Redis too, shared by every limiter on the same keys (as several server instances are)", async () => {
    const keyPrefix = `traedesten-test:${randomUUID()}`;
    const first = createCitizenLookupLimiter({ redis: new Redis("redis://127.0.0.1:6379"), keyPrefix, limits });
    const second = createCitizenLookupLimiter({ redis: new Redis("redis://127.0.0.1:6379"), keyPrefix, limits });
    try {
      const fromFirst = await spendFromManyAddresses(first);
      expect(fromFirst.filter(Boolean)).toHaveLength(20);
      // Another instance sees the same spent budget.
      expect(await second.tryAttempt("192.168.1.1", "ANOTHER")).toBe(false);
      // And a new prefix (another budget) is open, so the refusal came from the shared count.
      const third = createCitizenLookupLimiter({ redis: new Redis("redis://127.0.0.1:6379"), keyPrefix: `${keyPrefix}:other`, limits });
      expect(await third.tryAttempt("192.168.1.1", "ANOTHER")).toBe(true);
      await third.close();
    } finally {
      await first.close();
      await second.close();
    }
  });
});

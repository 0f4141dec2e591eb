// Finding 8 as an attack over HTTP: guessing handover codes with 15 aliases per request. Each
// alias counts, per session, per address and in total, so a session gets 30 guesses in ten
// minutes, and fresh sessions from one address get 100 between them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, type HandoverWorld } from "../support/world.ts";
import { createHandover } from "../support/handovers.ts";
import { type Caller, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from "../support/app.ts";
import { graphql, runOk } from "../support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
beforeAll(async () => {
  app = await startTestApp({ environment: { NODE_ENV: "production" } });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const HANDOVER_BY_CODE = graphql(`query HandoverByCode($code: String!) { handoverByCode(code: $code) { id } }`);

const guesses = (count: number, offset: number) =>
  `{ ${Array.from({ length: count }, (_, index) => `g${index}: handoverByCode(code: "ZZZZ-${String(offset + index).padStart(4, "0")}") { id }`).join(" ")} }`;

// handoverByCode is non-null, so the first failing alias nulls the answer and graphql-js reports
// that one error; every alias has been resolved (and counted) all the same.
async function firstCode(caller: Caller, offset: number): Promise<string> {
  // A plain string on purpose: the attack's document is generated, 15 aliases of guessed codes.
  const response = await caller.graphql(guesses(15, offset));
  expect(response.status).toBe(200);
  return String(response.errors?.[0]?.extensions?.["code"]);
}

describe("handover-code lookups", () => {
  it("are limited per session, counting each alias, and the limit holds for the real code too", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    const attacker = world.unrelated;
    // Two requests of 15 aliases use up the session's 30 lookups: counted once per request, the
    // third would still answer NOT_FOUND.
    expect(await firstCode(attacker, 0)).toBe("NOT_FOUND");
    expect(await firstCode(attacker, 15)).toBe("NOT_FOUND");
    expect(await firstCode(attacker, 30)).toBe("RATE_LIMITED");
    // The sender's own session is not affected by another session's guessing.
    const own = await runOk(world.staff, HANDOVER_BY_CODE, { code: handover.code });
    expect(own.handoverByCode.id).toBe(handover.id);
  });

  it("are limited per address across fresh sessions", async () => {
    const answers: string[] = [];
    for (let session = 0; session < 8; session++) {
      const caller = await app.as(world.userIds.unrelated);
      answers.push(await firstCode(caller, 1000 + session * 15));
    }
    // Each fresh session is far below its own 30; the address has 100 in the window, of which the
    // test above used about 31. The first three fresh sessions (to about 76) pass; from the sixth
    // on (past 100) every request is refused.
    expect(answers.slice(0, 3)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(answers.slice(5)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
  });
});

// Personal data never reaches a log: run a handover with consented personal data, a refused
// CPR number and an audited read through a server whose log lines we capture, then search them.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandover, createHandoverRaw, readPersonalData, transitionOk, WITH_CONSENT } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run } from "./support/graphql.ts";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

const MALFORMED_HANDOVER_ID = graphql(`query MalformedHandoverId { handover(id: "not-a-uuid") { id } }`);
const CITIZEN_HANDOVER = graphql(`query CitizenHandover($access: CitizenAccessInput!) { citizenHandover(access: $access) { __typename } }`);

let app: TestApp;
let world: HandoverWorld;
beforeAll(async () => {
  app = await startTestApp({ logger: pino({ level: "trace" }, sink) });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app.close();
});

describe("logs", () => {
  it("hold request lines but no personal data, free text or CPR-like numbers", async () => {
    const validUntil = new Date(app.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const handover = await createHandover(world.staff, world, {
      ...WITH_CONSENT(validUntil),
      wish: "Vil gerne have hjælp til at søge lejlighed i Nørre Fjordby",
      send: true,
    });
    await readPersonalData(world.worker, handover.id, "Ringer borgeren op om første møde");
    const refused = await createHandoverRaw(world.staff, {
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      purpose: "Borgerens nummer er 010203-1234",
      helpCategories: ["HOUSING"],
    });
    expect(JSON.stringify(refused.data)).toContain("CPR_NUMBER_REFUSED");
    // An unexpected failure: a malformed id reaches the database layer.
    await run(world.worker, MALFORMED_HANDOVER_ID);
    await transitionOk(world.staff, "withdrawConsent", { handoverId: handover.id, note: "Borgeren ønsker ikke at dele mere" });

    const log = lines.join("");
    expect(lines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(4);
    for (const secret of ["Kim (alias)", "20 30 40 50", "010203", "Nørre Fjordby", "Ringer borgeren", "ønsker ikke at dele", handover.code]) {
      expect(log, `log contains "${secret}"`).not.toContain(secret);
    }
  }, SLOW_TEST_MS);
});

describe("logs of the citizen's page", () => {
  it("never hold the citizen's link token", async () => {
    const token = "Zq3vT8mPx2LkW9aRbY7cN4dE";
    await app.anonymous.fetch(`/h/${token}`);
    await run(app.anonymous, CITIZEN_HANDOVER, { access: { token } });
    const log = lines.join("");
    expect(log).toContain('"path":"/h/[token]"');
    expect(log).not.toContain(token);
  });
});

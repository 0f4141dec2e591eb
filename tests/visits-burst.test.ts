// Contention gives typed answers: a burst of concurrent overlapping bookings (hundreds on
// PostgreSQL, through a small pool) books exactly one visit, and every loser gets
// VisitConflictError or the typed, retryable BUSY error with HTTP 503, never "Unexpected error".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { isPostgres } from "./support/database.ts";
import { run } from "./support/graphql.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";
import { buildVisitsWorld, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildVisitsWorld(app);
}, 180_000);
afterAll(async () => {
  await app?.close();
}, 180_000);

// PGlite is one connection in this process: the burst queues on it, so a smaller one suffices.
const BURST = isPostgres ? 300 : 60;

describe("a burst of overlapping bookings", () => {
  it(`books exactly one of ${BURST} concurrent overlapping requests and answers every other with a typed error`, { timeout: 300_000 }, async () => {
    const responses = await Promise.all(
      Array.from({ length: BURST }, (_, index) => {
        const startsAt = new Date(Date.parse("2026-12-02T09:00:00.000Z") + (index % 60) * 60_000);
        const endsAt = new Date(startsAt.getTime() + 70 * 60_000);
        return run(world.serviceMember, BookVisit, { input: bookingInput(world, startsAt.toISOString(), endsAt.toISOString(), { title: `Forsøg ${index}` }) });
      }),
    );
    const tally = { success: 0, conflict: 0, busy: 0, other: [] as unknown[] };
    for (const response of responses) {
      const result = response.data?.bookVisit;
      if (result?.__typename === "BookVisitSuccess") tally.success += 1;
      else if (result?.__typename === "VisitConflictError") tally.conflict += 1;
      else if (response.errors?.[0]?.extensions?.["code"] === "BUSY" && response.status === 503) {
        expect(response.errors[0]!.extensions!["messageDa"]).toMatch(/travlt/);
        expect(response.errors[0]!.extensions!["retryable"]).toBe(true);
        tally.busy += 1;
      } else tally.other.push(response.errors ?? result);
    }
    console.info(`burst of ${BURST}: ${tally.success} booked, ${tally.conflict} VisitConflictError, ${tally.busy} BUSY, ${tally.other.length} other`);
    expect(tally.other).toEqual([]);
    expect(tally.success).toBe(1);
    expect(tally.conflict + tally.busy).toBe(BURST - 1);
    expect(await app.prisma.visit.count({ where: { spaceId: world.spaceId } })).toBe(1);
  });
});

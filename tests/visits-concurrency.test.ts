// No double booking, enforced by the database: many parallel attempts at one slot, exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type TestApp } from "./support/app.ts";
import { run } from "./support/graphql.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";
import { buildVisitsWorld, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildVisitsWorld(app);
});
afterAll(async () => {
  await app.close();
});

describe("double booking under concurrency", () => {
  // 50 requests queue on PGlite's single connection; allow for a slow, busy machine.
  it("lets exactly one of 50 parallel overlapping bookings succeed; the other 49 get VisitConflictError naming it", { timeout: 60_000 }, async () => {
    // Tuesday 1 December 2026 from 10:00 Copenhagen, each attempt shifted by a minute so the
    // ranges differ but all overlap one another.
    const attempts = Array.from({ length: 50 }, (_, index) => {
      const startsAt = new Date(Date.parse("2026-12-01T09:00:00.000Z") + index * 60_000);
      const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000 - 50 * 60_000);
      return run(world.serviceMember, BookVisit, {
        input: bookingInput(world, startsAt.toISOString(), endsAt.toISOString(), { title: `Forsøg ${index}` }),
      });
    });
    const results = (await Promise.all(attempts)).map((response) => dataOf(response).bookVisit);

    const winners = results.filter((result) => result.__typename === "BookVisitSuccess");
    const conflicts = results.filter((result) => result.__typename === "VisitConflictError");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const winner = winners[0]!.data;
    for (const conflict of conflicts) {
      expect(conflict.code).toBe("VISIT_CONFLICT");
      expect(conflict.conflictingVisit).toEqual({
        id: winner.id,
        title: winner.title,
        serviceUnitName: "Jobafklaring Test",
        startsAt: winner.startsAt,
        endsAt: winner.endsAt,
      });
    }
    expect(await app.prisma.visit.count({ where: { spaceId: world.spaceId } })).toBe(1);
  });

  it("refuses a raw SQL insert of an overlapping CONFIRMED visit: the database enforces it, not only the code", async () => {
    const existing = await app.prisma.visit.findFirstOrThrow({ where: { spaceId: world.spaceId } });
    const insert = app.database.sql.query(
      `INSERT INTO "Visit" ("id", "centreId", "spaceId", "serviceUnitId", "bookedById", "startsAt", "endsAt", "status", "title", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'CONFIRMED', 'Smuglet booking', now())`,
      [
        "raw-sql-visit",
        world.centreId,
        world.spaceId,
        world.otherServiceUnitId,
        world.serviceMemberId,
        new Date(existing.startsAt.getTime() + 30 * 60_000).toISOString(),
        new Date(existing.endsAt.getTime() + 30 * 60_000).toISOString(),
      ],
    );
    await expect(insert).rejects.toMatchObject({ code: "23P01" });
    await expect(insert).rejects.toThrow(/Visit_no_overlap_in_space/);
    expect(await app.prisma.visit.count({ where: { spaceId: world.spaceId } })).toBe(1);
  });

  it("accepts an overlapping booking once the first is cancelled, and a booking in another space", async () => {
    const existing = await app.prisma.visit.findFirstOrThrow({ where: { spaceId: world.spaceId } });
    const otherSpace = await app.prisma.space.create({ data: { centreId: world.centreId, name: "Køkkenet" } });
    const elsewhere = await run(world.serviceMember, BookVisit, {
      input: bookingInput(world, existing.startsAt.toISOString(), existing.endsAt.toISOString(), { spaceId: otherSpace.id }),
    });
    expect(dataOf(elsewhere).bookVisit.__typename).toBe("BookVisitSuccess");

    await app.prisma.visit.update({ where: { id: existing.id }, data: { status: "CANCELLED", cancelReason: "Test" } });
    const again = await run(world.serviceMember, BookVisit, {
      input: bookingInput(world, existing.startsAt.toISOString(), existing.endsAt.toISOString()),
    });
    expect(dataOf(again).bookVisit.__typename).toBe("BookVisitSuccess");
  });
});

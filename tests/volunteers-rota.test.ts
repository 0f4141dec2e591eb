// The rota through GraphQL: generating shifts from opening hours, signing up (and the race for
// the last place), key holders and gaps, swaps, exceptions and holidays touching shifts, and
// DST and overnight periods.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { buildVolunteersWorld, createUser, type VolunteersWorld } from "./support/world.ts";
import { CENTRE_ROTA, GENERATE_ROTA, ROTA_GAPS, SIGN_UP } from "./support/rota.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";

let app: TestApp;
let world: VolunteersWorld;
beforeAll(async () => {
  app = await startTestApp();
  world = await buildVolunteersWorld(app);
});
afterAll(async () => {
  await app.close();
});

async function generate(fromDate: string, toDate: string) {
  const result = (await runOk(world.as.staff, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate, toDate } })).generateRota;
  if (result.__typename !== "GenerateRotaSuccess") return expect.fail(result.__typename);
  return result.summary;
}

async function rota(fromDate: string, toDate: string, caller = world.as.staff) {
  return (await runOk(caller, CENTRE_ROTA, { centreId: world.centreId, fromDate, toDate })).centreRota;
}

async function shiftOn(date: string) {
  const shifts = (await rota(date, date)).filter((shift) => shift.date === date);
  expect(shifts).toHaveLength(1);
  return shifts[0]!;
}

describe("generating the rota from opening hours", () => {
  it("creates one shift per opening with the places its staffing needs, and repeating changes nothing", async () => {
    // Monday 30 November – Sunday 13 December 2026: two weeks of Monday, Wednesday and Saturday.
    expect(await generate("2026-11-30", "2026-12-13")).toEqual({ created: 6, updated: 0, cancelled: 0 });
    expect(await generate("2026-11-30", "2026-12-13")).toEqual({ created: 0, updated: 0, cancelled: 0 });
    const shifts = await rota("2026-11-30", "2026-12-06");
    expect(shifts.map((shift) => [shift.date, shift.staffing, shift.keyHolderPlaces, shift.volunteerPlaces, shift.staffPlaces])).toEqual([
      ["2026-11-30", "STAFFED", 0, 0, 1],
      ["2026-12-02", "VOLUNTEERS", 1, 2, 0],
      ["2026-12-05", "VOLUNTEERS", 1, 2, 0],
    ]);
    // Wednesday 17:00–21:00 Copenhagen (winter time, UTC+1).
    expect(shifts[1]).toMatchObject({ startsAt: "2026-12-02T16:00:00.000Z", endsAt: "2026-12-02T20:00:00.000Z", isKeyHolderGap: true, isExtra: false });
  });

  it("refuses a range longer than 92 days with ValidationError and creates nothing", async () => {
    const before = await app.prisma.shift.count();
    const result = await runError(world.as.staff, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate: "2027-01-01", toDate: "2027-06-01" } }, "ValidationError");
    expect(result.code).toBe("VALIDATION_FAILED");
    expect(await app.prisma.shift.count()).toBe(before);
  });

  it("does not let a volunteer generate or change the rota", async () => {
    const result = dataOf(
      await run(world.as.volunteer, GENERATE_ROTA, { input: { centreId: world.centreId, fromDate: "2026-11-30", toDate: "2026-12-06" } }),
    ).generateRota;
    expect(result.__typename).toBe("ForbiddenError");
  });
});

describe("signing up, key holders and gaps", () => {
  it("shows the rota to the centre's volunteers but not to a volunteer of another centre", async () => {
    expect(await rota("2026-11-30", "2026-12-06", world.as.volunteer)).toHaveLength(3);
    const response = await run(world.as.otherVolunteer, CENTRE_ROTA, { centreId: world.centreId, fromDate: "2026-11-30", toDate: "2026-12-06" });
    expect(response.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("refuses a key-holder place to an untrained volunteer with NotKeyHolderError", async () => {
    const wednesday = await shiftOn("2026-12-02");
    const result = await runError(world.as.volunteer, SIGN_UP, { input: { shiftId: wednesday.id, role: "KEY_HOLDER" } }, "NotKeyHolderError");
    expect(result.messageDa).toContain("nøglebærer");
    expect(await app.prisma.shiftAssignment.count({ where: { shiftId: wednesday.id } })).toBe(0);
  });

  it("closes the gap in the coordinator's view when a trained key holder signs up", async () => {
    const gapsBefore = dataOf(await run(world.as.coordinator, ROTA_GAPS, { fromDate: "2026-12-02", toDate: "2026-12-02" })).rotaGaps;
    const wednesday = await shiftOn("2026-12-02");
    expect(gapsBefore.map((gap) => gap.id)).toContain(wednesday.id);

    const result = dataOf(await run(world.as.keyHolder, SIGN_UP, { input: { shiftId: wednesday.id, role: "KEY_HOLDER" } })).signUpForShift;
    expect(result).toMatchObject({ __typename: "SignUpForShiftSuccess", assignment: { role: "KEY_HOLDER", place: 0 } });

    const gapsAfter = dataOf(await run(world.as.coordinator, ROTA_GAPS, { fromDate: "2026-12-02", toDate: "2026-12-02" })).rotaGaps;
    expect(gapsAfter.map((gap) => gap.id)).not.toContain(wednesday.id);
    expect(await shiftOn("2026-12-02")).toMatchObject({ isKeyHolderGap: false, freePlaces: { keyHolder: 0, volunteer: 2, staff: 0 } });
  });

  it("does not show rota gaps to centre staff or volunteers (coordinators only)", async () => {
    for (const caller of [world.as.staff, world.as.volunteer]) {
      const response = await run(caller, ROTA_GAPS, { fromDate: "2026-12-02", toDate: "2026-12-02" });
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    }
  });

  it("lets exactly one of two people take the last place; the other gets ShiftFullError", async () => {
    const saturday = await shiftOn("2026-12-05");
    await app.prisma.shift.update({ where: { id: saturday.id }, data: { volunteerPlaces: 2 } });
    dataOf(await run(world.as.volunteer, SIGN_UP, { input: { shiftId: saturday.id, role: "VOLUNTEER" } }));
    const newcomer = await app.as((await createUser(app.prisma, { name: "Nina Ny", memberships: [{ unitId: world.unitId, role: "VOLUNTEER" }] })).id);
    const [first, second] = await Promise.all(
      [world.as.volunteer2, newcomer].map(async (caller) =>
        dataOf(await run(caller, SIGN_UP, { input: { shiftId: saturday.id, role: "VOLUNTEER" } })).signUpForShift,
      ),
    );
    const typenames = [first!.__typename, second!.__typename].sort();
    expect(typenames).toEqual(["ShiftFullError", "SignUpForShiftSuccess"]);
    expect(await app.prisma.shiftAssignment.count({ where: { shiftId: saturday.id, role: "VOLUNTEER" } })).toBe(2);
  });

  it("lets exactly one of eight parallel sign-ups win a single place", { timeout: 60_000 }, async () => {
    const shift = await app.prisma.shift.create({
      data: {
        centreId: world.centreId,
        date: new Date("2026-12-10T00:00:00.000Z"),
        startsAt: new Date("2026-12-10T09:00:00.000Z"),
        endsAt: new Date("2026-12-10T12:00:00.000Z"),
        staffing: "VOLUNTEERS",
        volunteerPlaces: 1,
      },
    });
    const callers = await Promise.all(
      Array.from({ length: 8 }, async () => app.as((await createUser(app.prisma, { memberships: [{ unitId: world.unitId, role: "VOLUNTEER" }] })).id)),
    );
    const results = await Promise.all(
      callers.map(async (caller) => dataOf(await run(caller, SIGN_UP, { input: { shiftId: shift.id, role: "VOLUNTEER" } })).signUpForShift),
    );
    expect(results.filter((result) => result.__typename === "SignUpForShiftSuccess")).toHaveLength(1);
    expect(results.filter((result) => result.__typename === "ShiftFullError")).toHaveLength(7);
    expect(await app.prisma.shiftAssignment.count({ where: { shiftId: shift.id } })).toBe(1);
  });

  it("refuses a raw SQL insert into a taken place: the database enforces it, not only the code", async () => {
    const taken = await app.prisma.shiftAssignment.findFirstOrThrow({ where: { role: "KEY_HOLDER" } });
    const insert = app.database.sql.query(
      `INSERT INTO "ShiftAssignment" ("id", "shiftId", "userId", "role", "place", "assignedById") VALUES ($1, $2, $3, 'KEY_HOLDER', $4, $3)`,
      ["raw-sql-assignment", taken.shiftId, world.ids.staff, taken.place],
    );
    await expect(insert).rejects.toThrow(/ShiftAssignment_shiftId_role_place_key|duplicate key/);
  });

  const LEAVE_SHIFT = graphql(`mutation LeaveShift($input: ShiftIdInput!) { leaveShift(input: $input) { __typename } }`);

  it("lets a volunteer leave a shift, which frees the place", async () => {
    const saturday = await shiftOn("2026-12-05");
    const leave = (await runOk(world.as.volunteer, LEAVE_SHIFT, { input: { shiftId: saturday.id } })).leaveShift;
    expect(leave.__typename).toBe("LeaveShiftSuccess");
    expect((await shiftOn("2026-12-05")).freePlaces.volunteer).toBe(1);
  });

  it("lists the viewer's own upcoming shifts and the open shifts of their centres", async () => {
    const mine = (await runOk(world.as.keyHolder, graphql(`query MyShifts { myShifts { date myAssignment { role } } }`))).myShifts;
    expect(mine.map((shift) => shift.date)).toContain("2026-12-02");
    const open = (await runOk(world.as.volunteer, graphql(`query OpenShifts { openShifts(days: 14) { date centre { name } } }`))).openShifts;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((shift) => shift.centre.name === "Lyset")).toBe(true);
    const elsewhere = (await runOk(world.as.otherVolunteer, graphql(`query OpenShiftsElsewhere { openShifts { id } }`))).openShifts;
    expect(elsewhere).toEqual([]);
  });
});

describe("swaps", () => {
  const REQUEST = graphql(`mutation RequestShiftSwap($input: ShiftIdInput!) {
    requestShiftSwap(input: $input) { __typename ... on RequestShiftSwapSuccess { swap { id status } } } }`);
  const ACCEPT = graphql(`mutation AcceptShiftSwap($input: ShiftSwapIdInput!) {
    acceptShiftSwap(input: $input) { __typename ... on AcceptShiftSwapSuccess { swap { status } } ... on Error { code } } }`);
  const OPEN_SWAPS = graphql(`query OpenShiftSwaps { openShiftSwaps { id assignment { role shift { date } } } }`);

  it("moves a key-holder place to another trained key holder who accepts the swap, and refuses an untrained one", async () => {
    const wednesday = await shiftOn("2026-12-02");
    const requested = (await runOk(world.as.keyHolder, REQUEST, { input: { shiftId: wednesday.id } })).requestShiftSwap;
    if (requested.__typename !== "RequestShiftSwapSuccess") return expect.fail(requested.__typename);
    const swap = requested.swap;
    expect(swap.status).toBe("OPEN");

    const offered = (await runOk(world.as.volunteer2, OPEN_SWAPS)).openShiftSwaps;
    expect(offered).toEqual([{ id: swap.id, assignment: { role: "KEY_HOLDER", shift: { date: "2026-12-02" } } }]);

    await runError(world.as.volunteer2, ACCEPT, { input: { swapId: swap.id } }, "NotKeyHolderError");

    await app.prisma.trainedKeyHolder.create({ data: { unitId: world.unitId, userId: world.ids.volunteer2, grantedById: world.ids.admin } });
    expect((await runOk(world.as.volunteer2, ACCEPT, { input: { swapId: swap.id } })).acceptShiftSwap).toEqual({
      __typename: "AcceptShiftSwapSuccess",
      swap: { status: "ACCEPTED" },
    });
    const people = (await shiftOn("2026-12-02")).assignments;
    expect(people).toEqual([{ role: "KEY_HOLDER", place: 0, personName: "Vera Frivillig", isMine: false }]);
    // A second acceptance finds the swap closed.
    expect((await runError(world.as.keyHolder, ACCEPT, { input: { swapId: swap.id } }, "CONFLICT")).code).toBe("CONFLICT");
  });
});

describe("exceptions and holidays touching shifts", () => {
  const ADD_EXCEPTION = graphql(`
    mutation AddOpeningException($input: AddOpeningExceptionInput!) {
      addOpeningException(input: $input) { __typename ... on AddOpeningExceptionSuccess { data { id } } }
    }`);
  const SPLIT_SHIFT = graphql(`mutation SplitShift($input: SplitShiftInput!) {
    splitShift(input: $input) { __typename ... on SplitShiftSuccess { shifts { startsAt endsAt } } } }`);

  it("cancels the shift of a day the centre closes, keeps its people, and reopens it when the closure is removed", async () => {
    const added = dataOf(
      await run(world.as.admin, ADD_EXCEPTION, { input: { centreId: world.centreId, date: "2026-12-09", kind: "CLOSED", reason: "Personaledag" } }),
    ).addOpeningException;
    expect(added.__typename).toBe("AddOpeningExceptionSuccess");
    const before = await shiftOn("2026-12-09");
    await app.prisma.shiftAssignment.create({ data: { shiftId: before.id, userId: world.ids.volunteer, role: "VOLUNTEER", place: 0, assignedById: world.ids.staff } });

    await app.runJobs();
    expect(await shiftOn("2026-12-09")).toMatchObject({ status: "CANCELLED", cancelReason: "CENTRE_CLOSED", isKeyHolderGap: false });
    expect((await shiftOn("2026-12-09")).assignments).toHaveLength(1);

    await app.prisma.openingException.deleteMany({ where: { centreId: world.centreId, date: new Date("2026-12-09T00:00:00.000Z") } });
    expect(await generate("2026-12-07", "2026-12-13")).toMatchObject({ updated: 1, cancelled: 0 });
    expect(await shiftOn("2026-12-09")).toMatchObject({ status: "PLANNED", cancelReason: null, startsAt: "2026-12-09T16:00:00.000Z" });
  });

  it("moves a shift to the special hours of an exception", async () => {
    dataOf(
      await run(world.as.admin, ADD_EXCEPTION, {
        input: { centreId: world.centreId, date: "2026-12-12", kind: "SPECIAL_HOURS", startMinute: 1200, endMinute: 1380, reason: "Julefrokost" },
      }),
    );
    expect(await generate("2026-12-07", "2026-12-13")).toMatchObject({ updated: 1, cancelled: 0 });
    // Saturday 20:00–23:00 instead of 22:00–04:00.
    expect(await shiftOn("2026-12-12")).toMatchObject({ status: "PLANNED", startsAt: "2026-12-12T19:00:00.000Z", endsAt: "2026-12-12T22:00:00.000Z" });
  });

  it("generates no shift on Christmas Eve or a public holiday when the centre's holiday policy closes it", async () => {
    await app.prisma.openingPeriod.create({ data: { centreId: world.centreId, weekday: 4, startMinute: 600, endMinute: 840, staffing: "VOLUNTEERS" } });
    await generate("2026-12-14", "2027-01-03");
    const dates = (await rota("2026-12-14", "2027-01-03")).map((shift) => shift.date);
    expect(dates).toContain("2026-12-17");
    expect(dates).not.toContain("2026-12-24");
    expect(dates).not.toContain("2026-12-31");
    expect(dates).not.toContain("2026-12-26");
  });

  it("keeps split parts in step: both halves move with the special hours", async () => {
    await generate("2027-01-04", "2027-01-10");
    const thursday = await shiftOn("2027-01-07");
    const split = (await runOk(world.as.staff, SPLIT_SHIFT, { input: { shiftId: thursday.id, at: "2027-01-07T11:00:00.000Z" } })).splitShift;
    if (split.__typename !== "SplitShiftSuccess") return expect.fail(split.__typename);
    expect(split.shifts).toEqual([
      { startsAt: "2027-01-07T09:00:00.000Z", endsAt: "2027-01-07T11:00:00.000Z" },
      { startsAt: "2027-01-07T11:00:00.000Z", endsAt: "2027-01-07T13:00:00.000Z" },
    ]);
    // Special hours 11:00–15:00 local: the morning half keeps one hour, the afternoon half grows.
    await app.prisma.openingException.create({
      data: { centreId: world.centreId, date: new Date("2027-01-07T00:00:00.000Z"), kind: "SPECIAL_HOURS", startMinute: 660, endMinute: 900 },
    });
    await generate("2027-01-04", "2027-01-10");
    const halves = (await rota("2027-01-07", "2027-01-07")).filter((shift) => shift.date === "2027-01-07");
    expect(halves.map((shift) => [shift.startsAt, shift.endsAt])).toEqual([
      ["2027-01-07T10:00:00.000Z", "2027-01-07T11:00:00.000Z"],
      ["2027-01-07T11:00:00.000Z", "2027-01-07T14:00:00.000Z"],
    ]);
  });
});

describe("gaps across DST and overnight periods", () => {
  it("gives the Saturday night across the autumn change 7 real hours and shows it as a gap on the Sunday too", async () => {
    await generate("2026-10-19", "2026-10-25");
    const saturday = await shiftOn("2026-10-24");
    // 22:00 summer time (UTC+2) to 04:00 winter time (UTC+1): seven hours.
    expect(saturday).toMatchObject({ startsAt: "2026-10-24T20:00:00.000Z", endsAt: "2026-10-25T03:00:00.000Z", isKeyHolderGap: true });
    const sunday = dataOf(await run(world.as.coordinator, ROTA_GAPS, { fromDate: "2026-10-25", toDate: "2026-10-25" })).rotaGaps;
    expect(sunday.map((gap) => gap.id)).toContain(saturday.id);
    const friday = dataOf(await run(world.as.coordinator, ROTA_GAPS, { fromDate: "2026-10-23", toDate: "2026-10-23" })).rotaGaps;
    expect(friday.map((gap) => gap.id)).not.toContain(saturday.id);
  });

  it("gives the Saturday night across the spring change 5 real hours", async () => {
    await generate("2027-03-22", "2027-03-28");
    // 22:00 winter time (UTC+1) to 04:00 summer time (UTC+2): five hours.
    expect(await shiftOn("2027-03-27")).toMatchObject({ startsAt: "2027-03-27T21:00:00.000Z", endsAt: "2027-03-28T02:00:00.000Z", isKeyHolderGap: true });
    // The Wednesday after the change is at 17:00 summer time.
    await generate("2027-03-29", "2027-04-04");
    expect(await shiftOn("2027-03-31")).toMatchObject({ startsAt: "2027-03-31T15:00:00.000Z", endsAt: "2027-03-31T19:00:00.000Z" });
  });
});

describe("\"kan blive aflyst\"", () => {
  const MARK = graphql(`mutation SetShiftMayBeCancelled($input: SetShiftMayBeCancelledInput!) {
    setShiftMayBeCancelled(input: $input) { __typename ... on Error { code } } }`);
  const PUBLIC = graphql(`query CentreMayBeCancelledShifts($id: ID!) { centre(id: $id) { mayBeCancelledShifts { startsAt endsAt } } }`);

  it("lets the admin mark a gap, shows it on the public centre page, and clears it when a key holder signs up", async () => {
    const saturday = await shiftOn("2026-12-05");
    await runError(world.as.staff, MARK, { input: { shiftId: saturday.id, mayBeCancelled: true } }, "ForbiddenError");
    expect((await runOk(world.as.admin, MARK, { input: { shiftId: saturday.id, mayBeCancelled: true } })).setShiftMayBeCancelled.__typename).toBe(
      "SetShiftMayBeCancelledSuccess",
    );
    const publicPage = (await runOk(app.anonymous, PUBLIC, { id: world.centreId })).centre;
    expect(publicPage!.mayBeCancelledShifts).toEqual([{ startsAt: saturday.startsAt, endsAt: saturday.endsAt }]);

    dataOf(await run(world.as.keyHolder, SIGN_UP, { input: { shiftId: saturday.id, role: "KEY_HOLDER" } }));
    expect((await runOk(app.anonymous, PUBLIC, { id: world.centreId })).centre!.mayBeCancelledShifts).toEqual([]);
    expect((await shiftOn("2026-12-05")).mayBeCancelled).toBe(false);
  });

  it("refuses to mark a shift that has a key holder with ConflictError", async () => {
    const saturday = await shiftOn("2026-12-05");
    expect((await runError(world.as.admin, MARK, { input: { shiftId: saturday.id, mayBeCancelled: true } }, "CONFLICT")).code).toBe("CONFLICT");
  });
});

describe("volunteers' hours and what a volunteer is not", () => {
  const VOLUNTEER_HOURS = graphql(`query VolunteerHours($id: ID!) { volunteerHours(centreId: $id, months: 2) { month hours shifts } }`);
  const VOLUNTEER_HOURS_ONLY = graphql(`query VolunteerHoursOnly($id: ID!) { volunteerHours(centreId: $id) { hours } }`);
  const ME = graphql(`query MeAsVolunteer { me { memberships { id } activeUnit { id } volunteerCentres { name } } }`);

  it("sums the hours volunteers gave per month for the centre, without naming anyone", async () => {
    app.clock.set(new Date("2026-12-20T12:00:00.000Z"));
    try {
      // Sessions idle out when the clock jumps; sign in again at the new time.
      const staff = await app.as(world.ids.staff);
      const volunteer = await app.as(world.ids.volunteer);
      const months = (await runOk(staff, VOLUNTEER_HOURS, { id: world.centreId })).volunteerHours;
      // December until the 20th: Wednesday 2 (one person, 4 h), Saturday night 5 (a volunteer and
      // the key holder, 6 h each), Wednesday 9 (one, 4 h), the extra Thursday 10 (one, 3 h).
      expect(months).toEqual([
        { month: "2026-11", hours: 0, shifts: 0 },
        { month: "2026-12", hours: 23, shifts: 4 },
      ]);
      await runError(volunteer, VOLUNTEER_HOURS_ONLY, { id: world.centreId }, "FORBIDDEN");
    } finally {
      app.clock.set(new Date(TEST_START));
    }
  });

  it("gives a volunteer no staff membership in `me`, but lists the centre under volunteerCentres", async () => {
    const me = (await runOk(world.as.volunteer, ME)).me;
    expect(me).toEqual({ memberships: [], activeUnit: null, volunteerCentres: [{ name: "Lyset" }] });
  });
});

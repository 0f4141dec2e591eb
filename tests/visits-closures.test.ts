// Closures meet bookings (issue 19): a closed day, special hours or a day closed to visits that
// covers live visits is refused with the visits listed until the centre decides; cancelling
// writes the reason on each visit, an event and a content-free message to each service, in the
// closure's transaction; keeping them leaves them listed as upcoming collisions, as are visits on
// days the calendar rules close (public holidays, commonly closed days) under the centre's policy.
import { describe, expect, it } from "vitest";
import { graphql, run, runError, runOk } from "./support/graphql.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";
import { freshVisitsWorldEachTest } from "./support/world.ts";

const state = freshVisitsWorldEachTest();

const CollisionFields = graphql(`fragment CollisionFields on VisitCollision @_unmask { date cause nameDa nameEn visit { id title status startsAt serviceUnitName } }`);
const ADD_EXCEPTION = graphql(
  `mutation ($input: AddOpeningExceptionInput!) { addOpeningException(input: $input) {
    __typename
    ... on AddOpeningExceptionSuccess { data { id date kind } }
    ... on ClosureHasVisitsError { code messageDa collisions { ...CollisionFields } }
    ... on ValidationError { issues { field } }
    ... on Error { code } } }`,
  [CollisionFields],
);
const ADD_CLOSURE = graphql(
  `mutation ($input: AddVisitWindowClosureInput!) { addVisitWindowClosure(input: $input) {
    __typename
    ... on AddVisitWindowClosureSuccess { data { id date } }
    ... on ClosureHasVisitsError { collisions { ...CollisionFields } }
    ... on Error { code } } }`,
  [CollisionFields],
);
const UPCOMING = graphql(`query ($centreId: ID!, $days: Int) { upcomingVisitCollisions(centreId: $centreId, days: $days) { ...CollisionFields } }`, [CollisionFields]);
const CANCEL_COLLIDING = graphql(`mutation ($input: CancelCollidingVisitsInput!) { cancelCollidingVisits(input: $input) {
  __typename ... on CancelCollidingVisitsSuccess { data { id status cancelReason } } ... on Error { code } } }`);
const CONFIRM = graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`);

/** Books (and confirms) a visit on a Copenhagen date and time range, in minutes. */
async function visitOn(date: string, start: number, end: number, confirm = true): Promise<string> {
  const startsAt = zoned(date, start);
  const endsAt = zoned(date, end);
  const result = (await runOk(state.world.serviceMember, BookVisit, { input: bookingInput(state.world, startsAt, endsAt) })).bookVisit;
  if (result.__typename !== "BookVisitSuccess") expect.fail(result.__typename);
  if (confirm) await run(state.world.centreMember, CONFIRM, { input: { visitId: result.data.id } });
  return result.data.id;
}

/** Copenhagen wall-clock → ISO instant (winter time: UTC+1; the dates below are in winter). */
function zoned(date: string, minute: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minute - 60) * 60_000).toISOString();
}

describe("a closure that covers booked visits", () => {
  it("is refused with the visits listed, and nothing is saved", async () => {
    const visitId = await visitOn("2026-12-08", 600, 720);
    const result = await runError(state.world.centreAdmin, ADD_EXCEPTION, { input: { centreId: state.world.centreId, date: "2026-12-08", kind: "CLOSED", reason: "Personaledag" } }, "ClosureHasVisitsError");
    expect(result.__typename).toBe("ClosureHasVisitsError");
    expect(result.code).toBe("CLOSURE_HAS_VISITS");
    expect(result.collisions).toEqual([
      { date: "2026-12-08", cause: "OPENING_EXCEPTION", nameDa: "Personaledag", nameEn: "Personaledag", visit: expect.objectContaining({ id: visitId, status: "CONFIRMED", serviceUnitName: "Jobafklaring Test" }) },
    ]);
    expect(await state.app.prisma.openingException.count({ where: { centreId: state.world.centreId } })).toBe(0);
  });

  it("cancels them with the reason, an event each and a content-free message to the service, in one transaction", async () => {
    const confirmed = await visitOn("2026-12-08", 600, 720);
    const requested = await visitOn("2026-12-08", 780, 840, false);
    const other = await visitOn("2026-12-09", 600, 720);
    state.app.clock.set("2026-11-25T09:30:00.000Z");
    const reason = "Værestedet holder lukket for personaledag.";
    const result = (await runOk(state.world.centreAdmin, ADD_EXCEPTION, {
      input: { centreId: state.world.centreId, date: "2026-12-08", kind: "CLOSED", reason: "Personaledag", collidingVisits: { cancel: true, reason } },
    })).addOpeningException;
    expect(result.__typename).toBe("AddOpeningExceptionSuccess");
    const visits = await state.app.prisma.visit.findMany({ where: { id: { in: [confirmed, requested, other] } }, orderBy: { startsAt: "asc" } });
    expect(visits.map((visit) => [visit.id, visit.status, visit.cancelReason])).toEqual([
      [confirmed, "CANCELLED", reason],
      [requested, "CANCELLED", reason],
      [other, "CONFIRMED", null],
    ]);
    const events = await state.app.prisma.visitEvent.findMany({ where: { visitId: { in: [confirmed, requested] }, type: "CANCELLED" } });
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.reason === reason && event.actorUnitId === state.world.centreUnitId && event.at.toISOString() === "2026-11-25T09:30:00.000Z")).toBe(true);
    const messages = await state.app.prisma.notificationEvent.findMany({ where: { kind: "VISIT_CANCELLED", subjectId: { in: [confirmed, requested] } } });
    expect(messages.map((message) => message.unitId)).toEqual([state.world.serviceUnitId, state.world.serviceUnitId]);
    // The message row holds ids and a kind only: no title, no reason.
    expect(JSON.stringify(messages)).not.toContain("personaledag");
  });

  it("requires a reason to cancel, and keeps the visits when asked (they stay listed as collisions)", async () => {
    const visitId = await visitOn("2026-12-08", 600, 720);
    const noReason = await runError(state.world.centreAdmin, ADD_EXCEPTION, {
      input: { centreId: state.world.centreId, date: "2026-12-08", kind: "CLOSED", collidingVisits: { cancel: true } },
    }, "ValidationError");
    expect(noReason).toMatchObject({ __typename: "ValidationError", issues: [{ field: "collidingVisits.reason" }] });
    const kept = (await runOk(state.world.centreAdmin, ADD_EXCEPTION, {
      input: { centreId: state.world.centreId, date: "2026-12-08", kind: "CLOSED", reason: "Personaledag", collidingVisits: { cancel: false } },
    })).addOpeningException;
    expect(kept.__typename).toBe("AddOpeningExceptionSuccess");
    expect((await state.app.prisma.visit.findUniqueOrThrow({ where: { id: visitId } })).status).toBe("CONFIRMED");
    const upcoming = (await runOk(state.world.centreMember, UPCOMING, { centreId: state.world.centreId })).upcomingVisitCollisions;
    expect(upcoming).toEqual([expect.objectContaining({ date: "2026-12-08", cause: "OPENING_EXCEPTION", nameDa: "Personaledag", visit: expect.objectContaining({ id: visitId }) })]);
  });

  it("with special hours, covers only the visits outside them", async () => {
    const inside = await visitOn("2026-12-08", 600, 660);
    const outside = await visitOn("2026-12-08", 780, 840);
    const result = await runError(state.world.centreAdmin, ADD_EXCEPTION, {
      input: { centreId: state.world.centreId, date: "2026-12-08", kind: "SPECIAL_HOURS", startMinute: 540, endMinute: 720, reason: "Kort dag" },
    }, "ClosureHasVisitsError");
    expect(result.collisions.map((collision) => collision.visit.id)).toEqual([outside]);
    expect(result.collisions.map((collision) => collision.visit.id)).not.toContain(inside);
  });

  it("applies to a day closed to visits too", async () => {
    const visitId = await visitOn("2026-12-10", 600, 720);
    const refused = await runError(state.world.centreAdmin, ADD_CLOSURE, { input: { centreId: state.world.centreId, date: "2026-12-10", reason: "Lokalet males" } }, "ClosureHasVisitsError");
    expect(refused.collisions).toEqual([expect.objectContaining({ cause: "VISIT_CLOSURE", nameDa: "Lokalet males", visit: expect.objectContaining({ id: visitId }) })]);
    const done = (await runOk(state.world.centreAdmin, ADD_CLOSURE, {
      input: { centreId: state.world.centreId, date: "2026-12-10", reason: "Lokalet males", collidingVisits: { cancel: true, reason: "Lokalet males den dag." } },
    })).addVisitWindowClosure;
    expect(done.__typename).toBe("AddVisitWindowClosureSuccess");
    expect((await state.app.prisma.visit.findUniqueOrThrow({ where: { id: visitId } })).status).toBe("CANCELLED");
    // A date with no visits closes at once.
    const empty = (await runOk(state.world.centreAdmin, ADD_CLOSURE, { input: { centreId: state.world.centreId, date: "2026-12-11" } })).addVisitWindowClosure;
    expect(empty.__typename).toBe("AddVisitWindowClosureSuccess");
  });
});

describe("upcoming collisions computed by the calendar rules", () => {
  it("lists visits on public holidays and commonly closed days the centre closes, in advance", async () => {
    // Christmas Eve (commonly closed, default policy CLOSED) is a Thursday in 2026; 2nd Christmas Day a Saturday.
    await state.app.prisma.visitWindow.createMany({ data: [6].map((weekday) => ({ centreId: state.world.centreId, weekday, startMinute: 540, endMinute: 960 })) });
    const christmasEve = await visitOn("2026-12-24", 600, 720);
    const secondChristmasDay = await visitOn("2026-12-26", 600, 720);
    const ordinary = await visitOn("2026-12-23", 600, 720);
    const upcoming = (await runOk(state.world.centreMember, UPCOMING, { centreId: state.world.centreId })).upcomingVisitCollisions;
    expect(upcoming.map((collision) => [collision.visit.id, collision.date, collision.cause, collision.nameDa, collision.nameEn])).toEqual([
      [christmasEve, "2026-12-24", "COMMONLY_CLOSED_DAY", "Juleaftensdag", "Christmas Eve"],
      [secondChristmasDay, "2026-12-26", "PUBLIC_HOLIDAY", "2. juledag", "Second Day of Christmas"],
    ]);
    expect(upcoming.map((collision) => collision.visit.id)).not.toContain(ordinary);

    // Normal hours on commonly closed days: Christmas Eve no longer collides. Special holiday hours 10–11: the visit 10–12 does.
    await state.app.prisma.centre.update({ where: { id: state.world.centreId }, data: { commonClosedDaysPolicy: "NORMAL_HOURS", publicHolidayPolicy: "SPECIAL_HOURS", publicHolidayStartMinute: 600, publicHolidayEndMinute: 660 } });
    const afterPolicy = (await runOk(state.world.centreMember, UPCOMING, { centreId: state.world.centreId })).upcomingVisitCollisions;
    expect(afterPolicy.map((collision) => collision.visit.id)).toEqual([secondChristmasDay]);

    // Beyond the horizon asked for, nothing.
    expect((await runOk(state.world.centreMember, UPCOMING, { centreId: state.world.centreId, days: 7 })).upcomingVisitCollisions).toEqual([]);
    // The centre's staff only.
    const denied = await run(state.world.serviceMember, UPCOMING, { centreId: state.world.centreId });
    expect(denied.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("lets the centre cancel listed collisions with one reason; each service is told", async () => {
    const christmasEve = await visitOn("2026-12-24", 600, 720);
    const result = (await runOk(state.world.centreMember, CANCEL_COLLIDING, {
      input: { centreId: state.world.centreId, visitIds: [christmasEve], reason: "Vi holder lukket juleaftensdag." },
    })).cancelCollidingVisits;
    if (result.__typename !== "CancelCollidingVisitsSuccess") expect.fail(result.__typename);
    expect(result.data).toEqual([{ id: christmasEve, status: "CANCELLED", cancelReason: "Vi holder lukket juleaftensdag." }]);
    expect(await state.app.prisma.notificationEvent.count({ where: { kind: "VISIT_CANCELLED", subjectId: christmasEve, unitId: state.world.serviceUnitId } })).toBe(1);
    expect((await runOk(state.world.centreMember, UPCOMING, { centreId: state.world.centreId })).upcomingVisitCollisions).toEqual([]);
    // Not the service's to cancel through the centre's list.
    const foreign = await runError(state.world.serviceMember, CANCEL_COLLIDING, { input: { centreId: state.world.centreId, visitIds: [christmasEve], reason: "x" } }, "ForbiddenError");
    expect(foreign.__typename).toBe("ForbiddenError");
  });
});

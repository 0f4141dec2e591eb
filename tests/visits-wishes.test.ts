// Centres ask for services (issue 19): a centre posts a standing wish, services of the wished
// kind (and a target group it names) see it, one answers with a booking proposal that the centre
// confirms like any request, and the coordinator sees open wishes across the area.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { startTestApp, TEST_START, type Caller, type TestApp } from "./support/app.ts";
import { buildVisitsWorld, createUser, type VisitsWorld } from "./support/world.ts";

let app: TestApp;
let world: VisitsWorld;
let coordinator: Caller;
beforeAll(async () => {
  app = await startTestApp();
  coordinator = await app.as((await createUser(app.prisma, { globalRole: "COORDINATOR" })).id);
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  app.clock.set(TEST_START);
  world = await buildVisitsWorld(app);
  // The booking service is a job counsellor for young adults; the other one is housing support.
  await app.prisma.service.update({ where: { unitId: world.serviceUnitId }, data: { kind: "JOB_CLARIFICATION", targetGroups: ["YOUNG_ADULTS", "ADULTS"] } });
});

const WishFields = graphql(`fragment WishFields on VisitWish @_unmask {
  id status serviceKind targetGroups weekday startMinute endMinute whenDa whenEn description answerCount centre { id name }
  answers { id status title startsAt seriesId }
}`);
const POST = graphql(
  `mutation ($input: PostVisitWishInput!) { postVisitWish(input: $input) {
    __typename ... on PostVisitWishSuccess { data { ...WishFields } } ... on ValidationError { issues { field } } ... on Error { code } } }`,
  [WishFields],
);
const FOR_SERVICE = graphql(`query ($serviceUnitId: ID!) { visitWishesForService(serviceUnitId: $serviceUnitId) { ...WishFields } }`, [WishFields]);
const OF_CENTRE = graphql(`query ($centreId: ID!) { centreVisitWishes(centreId: $centreId) { ...WishFields } }`, [WishFields]);
const AREA = graphql(`query ($status: VisitWishStatus) { areaVisitWishes(status: $status) { ...WishFields } }`, [WishFields]);
const ANSWER = graphql(`mutation ($input: AnswerVisitWishInput!) { answerVisitWish(input: $input) {
  __typename
  ... on AnswerVisitWishSuccess { data { series { id } visits { id status title startsAt } } }
  ... on VisitConflictError { conflictingVisit { title } }
  ... on ValidationError { issues { field } }
  ... on Error { code } } }`);
const CLOSE = graphql(`mutation ($input: CloseVisitWishInput!) { closeVisitWish(input: $input) { __typename ... on CloseVisitWishSuccess { data { status closedAt } } ... on Error { code } } }`);
const CONFIRM = graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename ... on ConfirmVisitSuccess { data { status } } } }`);

type PostInput = VariablesOf<typeof POST>["input"];
type AnswerInput = VariablesOf<typeof ANSWER>["input"];

async function postWish(overrides: Partial<PostInput> = {}) {
  const result = (
    await runOk(world.centreMember, POST, {
      input: {
        centreId: world.centreId,
        serviceKind: "JOB_CLARIFICATION",
        targetGroups: ["YOUNG_ADULTS"],
        weekday: 2,
        startMinute: 600,
        endMinute: 720,
        description: "En jobkonsulent, som de unge kan tale med uden aftale.",
        ...overrides,
      },
    })
  ).postVisitWish;
  if (result.__typename !== "PostVisitWishSuccess") expect.fail(result.__typename);
  return result.data;
}

function answerInput(wishId: string, overrides: Partial<AnswerInput> = {}): AnswerInput {
  return {
    wishId,
    serviceUnitId: world.serviceUnitId,
    spaceId: world.spaceId,
    // Tuesday 1 December 2026, 10:00–12:00 Copenhagen.
    firstDate: "2026-12-01",
    startMinute: 600,
    endMinute: 720,
    title: "Spørg jobkonsulenten",
    publicDescription: "Uden tidsbestilling.",
    ...overrides,
  };
}

describe("a centre's wish for a visiting service", () => {
  it("is posted by the centre's staff with a readable time and is refused when the time is half given", async () => {
    const wish = await postWish();
    expect(wish).toMatchObject({ status: "OPEN", serviceKind: "JOB_CLARIFICATION", targetGroups: ["YOUNG_ADULTS"], whenDa: "tirsdag 10:00–12:00", whenEn: "Tuesday 10:00–12:00", answerCount: 0 });
    const halfTime = await runError(world.centreMember, POST, {
      input: { centreId: world.centreId, serviceKind: "JOB_CLARIFICATION", weekday: 2, description: "Tirsdage" },
    }, "ValidationError");
    expect(halfTime).toMatchObject({ __typename: "ValidationError", issues: [{ field: "weekday" }] });
    const notStaff = await runError(world.serviceMember, POST, { input: { centreId: world.centreId, serviceKind: "HEALTH", description: "Sygeplejerske" } }, "ForbiddenError");
    expect(notStaff.__typename).toBe("ForbiddenError");
  });

  it("is seen by services of the wished kind serving a wished target group, not by others", async () => {
    // Wishes of earlier tests' centres are in the same database: look at this centre's only.
    const ofThisCentre = (wishes: { id: string; centre: { id: string } }[]) => wishes.filter((item) => item.centre.id === world.centreId);
    const wish = await postWish();
    const anyGroup = await postWish({ targetGroups: [], weekday: null, startMinute: null, endMinute: null, description: "Jobkonsulent, gerne om eftermiddagen." });
    const otherKind = await postWish({ serviceKind: "HOUSING_SUPPORT", targetGroups: [] });
    const seen = ofThisCentre((await runOk(world.serviceMember, FOR_SERVICE, { serviceUnitId: world.serviceUnitId })).visitWishesForService);
    expect(seen.map((item) => item.id).sort()).toEqual([wish.id, anyGroup.id].sort());
    const housing = ofThisCentre((await runOk(world.otherServiceMember, FOR_SERVICE, { serviceUnitId: world.otherServiceUnitId })).visitWishesForService);
    expect(housing.map((item) => item.id)).toEqual([otherKind.id]);
    // A job counsellor for adults only does not see the wish for young adults.
    await app.prisma.service.update({ where: { unitId: world.serviceUnitId }, data: { targetGroups: ["ADULTS"] } });
    const adultsOnly = ofThisCentre((await runOk(world.serviceMember, FOR_SERVICE, { serviceUnitId: world.serviceUnitId })).visitWishesForService);
    expect(adultsOnly.map((item) => item.id)).toEqual([anyGroup.id]);
    // Someone else's service list is not for them.
    const foreign = await run(world.otherServiceMember, FOR_SERVICE, { serviceUnitId: world.serviceUnitId });
    expect(foreign.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("is answered with a proposal the centre confirms, and the answer is linked to the wish on both sides", async () => {
    const wish = await postWish();
    const answer = (await runOk(world.serviceMember, ANSWER, { input: answerInput(wish.id) })).answerVisitWish;
    if (answer.__typename !== "AnswerVisitWishSuccess") expect.fail(answer.__typename);
    expect(answer.data.series).toBeNull();
    expect(answer.data.visits).toEqual([expect.objectContaining({ status: "REQUESTED", title: "Spørg jobkonsulenten", startsAt: "2026-12-01T09:00:00.000Z" })]);
    const visitId = answer.data.visits[0]!.id;
    // The centre is told as of any request (content-free), and sees the proposal on its wish.
    expect(await app.prisma.notificationEvent.count({ where: { kind: "VISIT_REQUESTED", subjectId: visitId, unitId: world.centreUnitId } })).toBe(1);
    const [ofCentre] = (await runOk(world.centreMember, OF_CENTRE, { centreId: world.centreId })).centreVisitWishes;
    expect(ofCentre).toMatchObject({ id: wish.id, answerCount: 1, answers: [{ id: visitId, status: "REQUESTED" }] });
    const confirmed = (await runOk(world.centreMember, CONFIRM, { input: { visitId } })).confirmVisit;
    if (confirmed.__typename !== "ConfirmVisitSuccess") expect.fail(confirmed.__typename);
    expect(confirmed.data.status).toBe("CONFIRMED");
    const ofService = (await runOk(world.serviceMember, FOR_SERVICE, { serviceUnitId: world.serviceUnitId })).visitWishesForService.find((item) => item.id === wish.id);
    expect(ofService!.answers).toEqual([expect.objectContaining({ id: visitId, status: "CONFIRMED" })]);
  });

  it("can be answered with a weekly series, and a taken time names the visit in the way", async () => {
    const wish = await postWish();
    const series = (await runOk(world.serviceMember, ANSWER, { input: answerInput(wish.id, { weeks: 4 }) })).answerVisitWish;
    if (series.__typename !== "AnswerVisitWishSuccess") expect.fail(series.__typename);
    expect(series.data.series).not.toBeNull();
    expect(series.data.visits).toHaveLength(4);
    expect(await app.prisma.visit.count({ where: { wishId: wish.id } })).toBe(4);
    const again = await runError(world.serviceMember, ANSWER, { input: answerInput(wish.id) }, "VisitConflictError");
    expect(again).toMatchObject({ __typename: "VisitConflictError", conflictingVisit: { title: "Spørg jobkonsulenten" } });
  });

  it("cannot be answered by a service of another kind, by outsiders, or once closed", async () => {
    const wish = await postWish();
    const otherKind = await runError(world.otherServiceMember, ANSWER, { input: answerInput(wish.id, { serviceUnitId: world.otherServiceUnitId }) }, "ValidationError");
    expect(otherKind).toMatchObject({ __typename: "ValidationError", issues: [{ field: "serviceUnitId" }] });
    const outsider = await runError(world.outsider, ANSWER, { input: answerInput(wish.id) }, "ForbiddenError");
    expect(outsider.__typename).toBe("ForbiddenError");
    const closed = (await runOk(world.centreMember, CLOSE, { input: { wishId: wish.id } })).closeVisitWish;
    if (closed.__typename !== "CloseVisitWishSuccess") expect.fail(closed.__typename);
    expect(closed.data.status).toBe("CLOSED");
    const late = await runError(world.serviceMember, ANSWER, { input: answerInput(wish.id) }, "IllegalTransitionError");
    expect(late).toEqual({ __typename: "IllegalTransitionError", code: "ILLEGAL_TRANSITION" });
    const twice = await runError(world.centreMember, CLOSE, { input: { wishId: wish.id } }, "IllegalTransitionError");
    expect(twice.code).toBe("ILLEGAL_TRANSITION");
    // Closed wishes leave the services' list.
    const left = (await runOk(world.serviceMember, FOR_SERVICE, { serviceUnitId: world.serviceUnitId })).visitWishesForService;
    expect(left.map((item) => item.id)).not.toContain(wish.id);
  });

  it("is listed for the coordinator across the area with its answer count, but not its requested answers", async () => {
    const wish = await postWish();
    await run(world.serviceMember, ANSWER, { input: answerInput(wish.id) });
    const open = (await runOk(coordinator, AREA, {})).areaVisitWishes;
    const mine = open.find((item) => item.id === wish.id);
    expect(mine).toMatchObject({ status: "OPEN", answerCount: 1, answers: [], centre: { id: world.centreId } });
    const denied = await run(world.centreMember, AREA, {});
    expect(denied.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});

// Idempotent creation: a create mutation sent again with the same idempotencyKey by the same
// caller returns the first result and makes no second row. The lost response is simulated the
// honest simple way: the first request commits and its answer is thrown away, then the client
// sends the same request again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildHandoverWorld,
  buildVisitsWorld,
  createCentre,
  createOrganisation,
  createUser,
  type HandoverWorld,
  type VisitsWorld,
} from "./support/world.ts";
import { createHandoverOk, createHandoverRaw, ErrorFields } from "./support/handovers.ts";
import { dataOf, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runOk, type VariablesOf } from "./support/graphql.ts";
import { BookVisit, bookingInput } from "./support/visits.ts";

let app: TestApp;
let world: HandoverWorld;
let visits: VisitsWorld;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  visits = await buildVisitsWorld(app, { centreName: "Værestedet Besøg" });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const BOOK_SERIES = graphql(`mutation BookVisitSeries($input: BookVisitSeriesInput!) { bookVisitSeries(input: $input) {
  __typename ... on BookVisitSeriesSuccess { data { series { id } visits { id } } } ... on Error { code } } }`);
const CREATE_USER = graphql(
  `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) {
    __typename ...ErrorFields ... on CreateUserSuccess { passwordLink { user { id } url } } } }`,
  [ErrorFields],
);
const CREATE_SURVEY = graphql(`mutation CreateSurvey($input: CreateSurveyInput!) { createSurvey(input: $input) {
  __typename ... on CreateSurveySuccess { survey { id publicUrl questions { id } } } } }`);
const SUBMIT_SURVEY = graphql(`mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) { __typename ... on Error { code } } }`);

const handoverInput = (idempotencyKey: string | null, purpose: string) => ({
  fromUnitId: world.centreUnitId,
  toUnitId: world.serviceUnitId,
  purpose,
  helpCategories: ["HOUSING"],
  send: true,
  idempotencyKey,
});

describe("idempotent creation", { timeout: SLOW_TEST_MS }, () => {
  it("createHandover: a retry after a lost response returns the first handover, and there is one row", async () => {
    const key = randomUUID();
    const first = await createHandoverOk(world.staff, handoverInput(key, "Første forsøg"));
    // The answer never reached the client; it sends the same submission again.
    const retry = await createHandoverOk(world.staff, handoverInput(key, "Første forsøg"));
    expect(retry.id).toBe(first.id);
    expect(retry.code).toBe(first.code);
    expect(await app.prisma.handover.count({ where: { purpose: "Første forsøg" } })).toBe(1);
    expect(await app.prisma.handoverEvent.count({ where: { handoverId: first.id } })).toBe(2);
  });

  it("createHandover: twins sent at the same moment with one key make one handover and both get it", async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => createHandoverOk(world.staff, handoverInput(key, "Tvillinger"))));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await app.prisma.handover.count({ where: { purpose: "Tvillinger" } })).toBe(1);
  });

  it("createHandover: without a key, or with a new key, each submission makes its own handover", async () => {
    await createHandoverRaw(world.staff, handoverInput(null, "Uden nøgle"));
    await createHandoverRaw(world.staff, handoverInput(null, "Uden nøgle"));
    await createHandoverRaw(world.staff, handoverInput(randomUUID(), "Uden nøgle"));
    expect(await app.prisma.handover.count({ where: { purpose: "Uden nøgle" } })).toBe(3);
  });

  it("scopes a key to its caller: another user's request with the same key is a new handover", async () => {
    const key = randomUUID();
    const colleague = await app.as((await createUser(app.prisma, { memberships: [{ unitId: world.centreUnitId }] })).id);
    const mine = await createHandoverOk(world.staff, handoverInput(key, "To brugere"));
    const theirs = await createHandoverOk(colleague, handoverInput(key, "To brugere"));
    expect(theirs.id).not.toBe(mine.id);
    expect(await app.prisma.handover.count({ where: { purpose: "To brugere" } })).toBe(2);
  });

  it("refuses a malformed key with ValidationError and creates nothing", async () => {
    const result = dataOf(await createHandoverRaw(world.staff, handoverInput("kort", "Dårlig nøgle"))).createHandover;
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "idempotencyKey" }] });
    expect(await app.prisma.handover.count({ where: { purpose: "Dårlig nøgle" } })).toBe(0);
  });

  it("bookVisit: a retry returns the booked visit instead of a conflict with itself", async () => {
    const key = randomUUID();
    const withoutKey = bookingInput(visits, "2026-12-01T09:00:00.000Z", "2026-12-01T10:00:00.000Z");
    const input = { ...withoutKey, idempotencyKey: key };
    const first = dataOf(await run(visits.serviceMember, BookVisit, { input })).bookVisit;
    expect(first.__typename).toBe("BookVisitSuccess");
    const retry = dataOf(await run(visits.serviceMember, BookVisit, { input })).bookVisit;
    expect(retry.__typename).toBe("BookVisitSuccess");
    if (first.__typename !== "BookVisitSuccess" || retry.__typename !== "BookVisitSuccess") return expect.fail(`${first.__typename}, ${retry.__typename}`);
    expect(retry.data.id).toBe(first.data.id);
    expect(await app.prisma.visit.count({ where: { spaceId: visits.spaceId } })).toBe(1);
    // Without the key the same request is, rightly, a conflict with the first booking.
    expect(dataOf(await run(visits.serviceMember, BookVisit, { input: withoutKey })).bookVisit.__typename).toBe("VisitConflictError");
  });

  it("bookVisitSeries: a retry returns the same series and visits", async () => {
    const input = {
      centreId: visits.centreId,
      spaceId: visits.spaceId,
      serviceUnitId: visits.serviceUnitId,
      firstDate: "2027-01-05",
      startMinute: 13 * 60,
      endMinute: 14 * 60,
      weeks: 3,
      title: "Jobkonsulenten",
      idempotencyKey: randomUUID(),
    };
    const first = dataOf(await run(visits.serviceMember, BOOK_SERIES, { input })).bookVisitSeries;
    expect(first.__typename).toBe("BookVisitSeriesSuccess");
    const retry = dataOf(await run(visits.serviceMember, BOOK_SERIES, { input })).bookVisitSeries;
    if (first.__typename !== "BookVisitSeriesSuccess" || retry.__typename !== "BookVisitSeriesSuccess") return expect.fail(`${first.__typename}, ${retry.__typename}`);
    expect(retry.data.series!.id).toBe(first.data.series!.id);
    expect(retry.data.visits.map((visit) => visit.id)).toEqual(first.data.visits.map((visit) => visit.id));
    expect(await app.prisma.visitSeries.count({ where: { spaceId: visits.spaceId } })).toBe(1);
  });

  it("createUser: a retry returns the same user (with a fresh link), not a conflict or a second user", async () => {
    const input: VariablesOf<typeof CREATE_USER>["input"] = { email: "ny.kollega@test.example", name: "Ny Kollega", unitId: world.centreUnitId, role: "MEMBER", idempotencyKey: randomUUID() };
    const first = dataOf(await run(world.centreAdmin, CREATE_USER, { input })).createUser;
    expect(first.__typename).toBe("CreateUserSuccess");
    const retry = dataOf(await run(world.centreAdmin, CREATE_USER, { input })).createUser;
    expect(retry.__typename).toBe("CreateUserSuccess");
    if (first.__typename !== "CreateUserSuccess" || retry.__typename !== "CreateUserSuccess") return expect.fail(`${first.__typename}, ${retry.__typename}`);
    expect(retry.passwordLink.user.id).toBe(first.passwordLink.user.id);
    expect(await app.prisma.user.count({ where: { email: "ny.kollega@test.example" } })).toBe(1);
  });

  it("submitSurveyResponse: an anonymous retry records one response", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { centre, unit } = await createCentre(app.prisma, organisation.id, { name: "Værestedet Undersøgelse" });
    const admin = await app.as((await createUser(app.prisma, { memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] })).id);
    const created = dataOf(
      await run(admin, CREATE_SURVEY, {
          input: {
            centreId: centre.id,
            title: "Hvordan er det her?",
            round: "FOLLOW_UP",
            year: 2026,
            opensAt: "2026-11-20T00:00:00.000Z",
            closesAt: "2026-12-20T00:00:00.000Z",
            questions: [
              { kind: "LIKERT", textDa: "Jeg føler mig velkommen her." },
              { kind: "LIKERT", textDa: "Jeg har nogen at tale med her." },
              { kind: "LIKERT", textDa: "Stedet hjælper mig videre." },
              { kind: "LIKERT", textDa: "Jeg ved, hvor jeg kan få hjælp." },
              { kind: "FREE_TEXT", textDa: "Hvad kunne gøre stedet bedre?" },
            ],
          },
        }),
    ).createSurvey;
    if (created.__typename !== "CreateSurveySuccess") return expect.fail(created.__typename);
    const token = String(created.survey.publicUrl).split("/").pop()!;
    const input = { token, answers: [{ questionId: created.survey.questions[0]!.id, likert: 4 }], idempotencyKey: randomUUID() };
    expect(dataOf(await run(app.anonymous, SUBMIT_SURVEY, { input })).submitSurveyResponse.__typename).toBe("SubmitSurveyResponseSuccess");
    expect(dataOf(await run(app.anonymous, SUBMIT_SURVEY, { input })).submitSurveyResponse.__typename).toBe("SubmitSurveyResponseSuccess");
    expect(await app.prisma.surveyResponse.count({ where: { surveyId: created.survey.id } })).toBe(1);
  });
});

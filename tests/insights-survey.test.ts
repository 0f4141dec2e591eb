// The anonymous user-experience survey: opening it with link and QR code, answering without
// signing in, refusals, aggregation with suppression, free text for the centre only, and
// baseline beside follow-up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let centreId: string;
let users: { member: string; admin: string; orgAdmin: string; coordinator: string; platformAdmin: string; otherMember: string };

const CREATE_SURVEY = graphql(`mutation CreateSurvey($input: CreateSurveyInput!) {
  createSurvey(input: $input) {
    __typename
    ... on CreateSurveySuccess { survey { id title round year isOpen publicUrl qrCodeSvg questions { id position kind textDa textEn } responseCount { display } } }
    ... on Error { code }
    ... on ValidationError { issues { field } }
  }
}`);
const SUBMIT = graphql(`mutation Submit($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) { __typename ... on SubmitSurveyResponseSuccess { isRecorded } ... on Error { code } }
}`);
const RESULTS = graphql(`query Results($surveyId: ID!) {
  surveyResults(surveyId: $surveyId) {
    title round year responseCount { value display isSuppressed }
    questions { position kind answerCount { value display } mean { value display isSuppressed } distribution { value count { value display } } freeTextAnswers }
  }
}`);
const BY_TOKEN = graphql(`query ByToken($token: String!) { surveyByToken(token: $token) { title centreName isOpen questions { position kind textDa textEn } } }`);
const COMPARISON = graphql(`query Comparison($centreId: ID!) {
  surveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2030) {
    baseline { year round responseCount { display } } followUp { year round responseCount { display } }
    questions { position textDa baseline { mean { display } } followUp { mean { display } } meanChange { value display isSuppressed } }
  }
}`);
const COMPARISON_2031 = graphql(`query Comparison2031($centreId: ID!) {
  surveyComparison(centreId: $centreId, baselineYear: 2031, followUpYear: 2032) { questions { followUp { mean { display } } meanChange { display isSuppressed } } }
}`);
const SURVEYS = graphql(`query Surveys($centreId: ID!) { surveys(centreId: $centreId) { year round responseCount { display } } }`);
const SURVEY_IDS = graphql(`query SurveyIds($centreId: ID!) { surveys(centreId: $centreId) { id } }`);

type SurveyInput = VariablesOf<typeof CREATE_SURVEY>["input"];
type AnswerInput = VariablesOf<typeof SUBMIT>["input"]["answers"][number];

const QUESTIONS: SurveyInput["questions"] = [
  { kind: "LIKERT", textDa: "Jeg føler mig velkommen her.", textEn: "I feel welcome here." },
  { kind: "LIKERT", textDa: "Jeg har nogen at tale med her." },
  { kind: "LIKERT", textDa: "Stedet hjælper mig videre." },
  { kind: "LIKERT", textDa: "Jeg ved, hvor jeg kan få hjælp." },
  { kind: "FREE_TEXT", textDa: "Hvad kunne gøre stedet bedre?", textEn: "What could make the place better?" },
];

/** The variables of createSurvey: this centre's follow-up survey with QUESTIONS, changed by the overrides. */
function surveyInput(overrides: Partial<SurveyInput> = {}): VariablesOf<typeof CREATE_SURVEY> {
  return {
    input: {
      centreId,
      title: "Hvordan er det at komme her?",
      round: "FOLLOW_UP",
      year: 2026,
      opensAt: "2026-11-20T00:00:00.000Z",
      closesAt: "2026-12-20T00:00:00.000Z",
      questions: QUESTIONS,
      ...overrides,
    },
  };
}

async function openSurvey(overrides: Partial<SurveyInput> = {}) {
  const result = (await runOk(await app.as(users.admin), CREATE_SURVEY, surveyInput(overrides))).createSurvey;
  expect(result.__typename).toBe("CreateSurveySuccess");
  if (result.__typename !== "CreateSurveySuccess") return expect.fail(result.__typename);
  const survey = result.survey;
  return { survey, token: survey.publicUrl.split("/").at(-1) ?? "" };
}
type Survey = Awaited<ReturnType<typeof openSurvey>>["survey"];

/** The variables of an anonymous answer: likert values for questions 1–4 and optional free text. */
function answerVariables(token: string, survey: Survey, likert: number[], text?: string): VariablesOf<typeof SUBMIT> {
  const answers: AnswerInput[] = likert.map((value, index) => ({ questionId: survey.questions[index]!.id, likert: value }));
  if (text !== undefined) answers.push({ questionId: survey.questions[4]!.id, text });
  return { input: { token, answers } };
}

/** Answers as an anonymous caller and asserts the answer was taken. */
async function answer(token: string, survey: Survey, likert: number[], text?: string) {
  return (await runOk(app.anonymous, SUBMIT, answerVariables(token, survey, likert, text))).submitSurveyResponse;
}

async function resultsAs(caller: Caller, surveyId: string) {
  return (await runOk(caller, RESULTS, { surveyId })).surveyResults;
}

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma);
  const centre = await createCentre(prisma, organisation.id, { name: "Værestedet Lyset" });
  const other = await createCentre(prisma, organisation.id, { name: "Andet Værested" });
  centreId = centre.centre.id;
  users = {
    member: (await createUser(prisma, { memberships: [{ unitId: centre.unit.id }] })).id,
    admin: (await createUser(prisma, { memberships: [{ unitId: centre.unit.id, role: "UNIT_ADMIN" }] })).id,
    orgAdmin: (await createUser(prisma, { organisationAdminOf: [organisation.id] })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
    platformAdmin: (await createUser(prisma, { globalRole: "PLATFORM_ADMIN" })).id,
    otherMember: (await createUser(prisma, { memberships: [{ unitId: other.unit.id }] })).id,
  };
});

afterAll(async () => {
  await app.close();
});

describe("opening a survey", () => {
  it("gives the centre's admin a public link and a QR code for it", async () => {
    const { survey, token } = await openSurvey();
    expect(survey.publicUrl).toBe(`${app.config.publicUrl}/undersoegelse/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(survey.qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(survey.isOpen).toBe(true);
    expect(survey.questions.map((question) => [question.position, question.kind])).toEqual([[1, "LIKERT"], [2, "LIKERT"], [3, "LIKERT"], [4, "LIKERT"], [5, "FREE_TEXT"]]);
    // A question without English text shows the Danish text in English.
    expect(survey.questions[1]!.textEn).toBe("Jeg har nogen at tale med her.");
  });

  it("refuses fewer than 5 or more than 8 questions", async () => {
    const admin = await app.as(users.admin);
    expect(await runError(admin, CREATE_SURVEY, surveyInput({ questions: QUESTIONS.slice(0, 4) }), "ValidationError")).toMatchObject({ __typename: "ValidationError", issues: [{ field: "questions" }] });
    expect(await runError(admin, CREATE_SURVEY, surveyInput({ questions: [...QUESTIONS, ...QUESTIONS] }), "ValidationError")).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "questions" }],
    });
  });

  it("refuses a question holding a CPR number", async () => {
    const questions: SurveyInput["questions"] = [...QUESTIONS.slice(0, 4), { kind: "FREE_TEXT", textDa: "Skriv fx 010190-1234" }];
    expect(await runError(await app.as(users.admin), CREATE_SURVEY, surveyInput({ questions }), "CprRefusedError")).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED" });
  });

  it("lets only the centre's admins open a survey", async () => {
    await runError(await app.as(users.member), CREATE_SURVEY, surveyInput(), "ForbiddenError");
    await runError(await app.as(users.coordinator), CREATE_SURVEY, surveyInput(), "ForbiddenError");
    expect((await runOk(await app.as(users.orgAdmin), CREATE_SURVEY, surveyInput())).createSurvey.__typename).toBe("CreateSurveySuccess");
  });
});

describe("answering a survey", () => {
  it("shows the survey behind a public link to anyone, without ids of the centre", async () => {
    const { token } = await openSurvey();
    const { surveyByToken } = await runOk(app.anonymous, BY_TOKEN, { token });
    expect(surveyByToken).toMatchObject({ title: "Hvordan er det at komme her?", centreName: "Værestedet Lyset", isOpen: true });
    expect(surveyByToken?.questions).toHaveLength(5);
    expect((await runOk(app.anonymous, BY_TOKEN, { token: "nope" })).surveyByToken).toBeNull();
  });

  it("records an anonymous answer without a cookie, keeping only the date", async () => {
    const { survey, token } = await openSurvey();
    expect(app.anonymous.cookie).toBeNull();
    app.clock.set("2026-11-25T22:30:00.000Z"); // 23:30 in Copenhagen
    try {
      expect(await answer(token, survey, [4, 5, 3, 4], "Mere kaffe")).toEqual({ __typename: "SubmitSurveyResponseSuccess", isRecorded: true });
    } finally {
      app.clock.set("2026-11-25T09:00:00.000Z");
    }
    const responses = await app.prisma.surveyResponse.findMany({ where: { surveyId: survey.id }, include: { answers: true } });
    expect(responses).toHaveLength(1);
    // The local date, at midnight: no time of day survives.
    expect(responses[0]!.submittedOn.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(Object.keys(responses[0]!).sort()).toEqual(["answers", "id", "submittedOn", "surveyId"]);
    expect(responses[0]!.answers.map((row) => row.likert ?? row.text).sort()).toEqual([3, 4, 4, 5, "Mere kaffe"].sort());
  });

  it("refuses answers before the survey opens and after it closes", async () => {
    const { survey, token } = await openSurvey({ opensAt: "2026-12-01T00:00:00.000Z", closesAt: "2026-12-15T00:00:00.000Z" });
    expect(await runError(app.anonymous, SUBMIT, answerVariables(token, survey, [3, 3, 3, 3]), "SurveyClosedError")).toEqual({ __typename: "SurveyClosedError", code: "SURVEY_CLOSED" });
    app.clock.set("2026-12-15T00:00:00.000Z");
    try {
      expect(await runError(app.anonymous, SUBMIT, answerVariables(token, survey, [3, 3, 3, 3]), "SurveyClosedError")).toEqual({ __typename: "SurveyClosedError", code: "SURVEY_CLOSED" });
    } finally {
      app.clock.set("2026-11-25T09:00:00.000Z");
    }
    expect(await app.prisma.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  });

  it("refuses free text holding a CPR number and stores nothing of that response", async () => {
    const { survey, token } = await openSurvey();
    expect(await runError(app.anonymous, SUBMIT, answerVariables(token, survey, [4, 4, 4, 4], "Mit cpr er 0101901234"), "CprRefusedError")).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED" });
    expect(await app.prisma.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  });

  it("refuses a value outside 1–5, text over 1000 characters, and an answer of the wrong kind", async () => {
    const { survey, token } = await openSurvey();
    expect(await runError(app.anonymous, SUBMIT, answerVariables(token, survey, [6]), "ValidationError")).toMatchObject({ __typename: "ValidationError" });
    expect(await runError(app.anonymous, SUBMIT, answerVariables(token, survey, [], "x".repeat(1001)), "ValidationError")).toMatchObject({ __typename: "ValidationError" });
    await runError(app.anonymous, SUBMIT, { input: { token, answers: [{ questionId: survey.questions[0]!.id, text: "godt" }] } }, "ValidationError");
    expect(await app.prisma.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  });
});

describe("survey results", () => {
  it("suppresses every count and mean below 5 responses, and shows no free text", async () => {
    const { survey, token } = await openSurvey();
    for (let index = 0; index < 4; index += 1) await answer(token, survey, [5, 4, 3, 2], `Svar ${index}`);
    const results = await resultsAs(await app.as(users.member), survey.id);
    expect(results.responseCount).toEqual({ value: null, display: "<5", isSuppressed: true });
    expect(results.questions[0]?.mean).toEqual({ value: null, display: "<5", isSuppressed: true });
    expect(results.questions[0]?.distribution.find((bucket) => bucket.value === 5)?.count).toEqual({ value: null, display: "<5" });
    expect(results.questions[4]?.freeTextAnswers).toBeNull();
  });

  it("aggregates 5 or more responses per question: mean, distribution and answer count", async () => {
    const { survey, token } = await openSurvey();
    // Question 1: 5, 5, 5, 5, 5, 4, 2 → mean 31/7 ≈ 4,4; five 5s, one 4, one 2.
    const firstAnswers = [5, 5, 5, 5, 5, 4, 2];
    for (const [index, value] of firstAnswers.entries()) await answer(token, survey, [value, 3], index < 2 ? `Tekst ${2 - index}` : undefined);
    const results = await resultsAs(await app.as(users.member), survey.id);
    expect(results.responseCount).toEqual({ value: 7, display: "7", isSuppressed: false });
    const first = results.questions[0];
    if (!first) return expect.fail("the results have no questions");
    expect(first.answerCount).toEqual({ value: 7, display: "7" });
    expect(first.mean.value).toBeCloseTo(31 / 7, 6);
    expect(first.mean.display).toBe("4,4");
    expect(first.distribution.map((bucket) => [bucket.value, bucket.count.display])).toEqual([
      [1, "0"], [2, "<5"], [3, "0"], [4, "<5"], [5, "5"],
    ]);
    expect(results.questions[1]?.mean).toEqual({ value: 3, display: "3,0", isSuppressed: false });
    expect(results.questions[2]?.mean).toEqual({ value: null, display: "–", isSuppressed: false });
    // Free text: the survey has 7 responses, so the centre's own people see the answers, alphabetically.
    expect(results.questions[4]?.answerCount).toEqual({ value: null, display: "<5" });
    expect(results.questions[4]?.freeTextAnswers).toEqual(["Tekst 1", "Tekst 2"]);
    expect((await resultsAs(await app.as(users.orgAdmin), survey.id)).questions[4]?.freeTextAnswers).toEqual(["Tekst 1", "Tekst 2"]);
  });

  it("never shows free text to coordinators or platform admins, and refuses other centres' members", async () => {
    const { survey, token } = await openSurvey();
    for (let index = 0; index < 5; index += 1) await answer(token, survey, [4], `Tekst ${index}`);
    for (const userId of [users.coordinator, users.platformAdmin]) {
      const results = await resultsAs(await app.as(userId), survey.id);
      expect(results.responseCount.value).toBe(5);
      expect(results.questions[4]?.freeTextAnswers).toBeNull();
    }
    await runError(await app.as(users.otherMember), RESULTS, { surveyId: survey.id }, "FORBIDDEN");
  });

  it("compares the baseline with the follow-up question by question", async () => {
    const baseline = await openSurvey({ round: "BASELINE", year: 2024, opensAt: "2024-03-01T00:00:00.000Z", closesAt: "2024-04-01T00:00:00.000Z" });
    const followUp = await openSurvey({ round: "FOLLOW_UP", year: 2030 });
    // Baseline answers are loaded straight into the database: its survey closed in 2024.
    for (let index = 0; index < 6; index += 1) {
      await app.prisma.surveyResponse.create({
        data: {
          surveyId: baseline.survey.id,
          submittedOn: new Date("2024-03-10T00:00:00Z"),
          answers: { create: [{ questionId: baseline.survey.questions[0]!.id, likert: 3 }, { questionId: baseline.survey.questions[1]!.id, likert: index < 3 ? 2 : 4 }] },
        },
      });
    }
    for (let index = 0; index < 5; index += 1) await answer(followUp.token, followUp.survey, [4, index === 0 ? 5 : 3]);
    const comparison = (await runOk(await app.as(users.coordinator), COMPARISON, { centreId })).surveyComparison;
    expect(comparison.baseline).toEqual({ year: 2024, round: "BASELINE", responseCount: { display: "6" } });
    expect(comparison.followUp).toEqual({ year: 2030, round: "FOLLOW_UP", responseCount: { display: "5" } });
    expect(comparison.questions).toHaveLength(5);
    expect(comparison.questions[0]).toMatchObject({ position: 1, baseline: { mean: { display: "3,0" } }, followUp: { mean: { display: "4,0" } }, meanChange: { value: 1, display: "+1,0" } });
    expect(comparison.questions[1]?.meanChange.display).toBe("+0,4");
    // Nobody answered question 3 in either round.
    expect(comparison.questions[2]?.meanChange).toEqual({ value: null, display: "–", isSuppressed: false });
  });

  it("suppresses the change when either round has fewer than 5 answers to a question", async () => {
    await openSurvey({ round: "BASELINE", year: 2031 });
    const followUp = await openSurvey({ round: "FOLLOW_UP", year: 2032 });
    for (let index = 0; index < 4; index += 1) await answer(followUp.token, followUp.survey, [5]);
    const comparison = (await runOk(await app.as(users.member), COMPARISON_2031, { centreId })).surveyComparison;
    expect(comparison.questions[0]).toEqual({ followUp: { mean: { display: "<5" } }, meanChange: { display: "<5", isSuppressed: true } });
  });

  it("lists a centre's surveys with their response counts for the centre's people", async () => {
    const surveys = (await runOk(await app.as(users.member), SURVEYS, { centreId })).surveys;
    expect(surveys.length).toBeGreaterThan(5);
    expect(surveys[0]?.year).toBe(2032);
    await runError(await app.as(users.otherMember), SURVEY_IDS, { centreId }, "FORBIDDEN");
  });
});

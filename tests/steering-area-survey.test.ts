// Steering the area: a centre's core task, the common area survey in rounds with the centres'
// own questions after the common ones, the area roll-up and centre-versus-area comparison with
// suppression that totals cannot undo, and the CSV import of a baseline with a dry run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let centres: { big: string; small: string; other: string };
let names: { big: string; small: string };
let users: { coordinator: string; strategic: string; bigAdmin: string; bigMember: string; smallMember: string };

const SET_CORE_TASK = `mutation ($input: SetCentreCoreTaskInput!) {
  setCentreCoreTask(input: $input) {
    __typename
    ... on SetCentreCoreTaskSuccess { centre { coreTask guidingPrinciples } }
    ... on Error { code }
  }
}`;
const CREATE_ROUND = `mutation ($input: CreateAreaSurveyRoundInput!) {
  createAreaSurveyRound(input: $input) {
    __typename
    ... on CreateAreaSurveyRoundSuccess { round { id round year questions { position kind textDa } } }
    ... on Error { code }
  }
}`;
const ADD_QUESTIONS = `mutation ($input: AddCentreSurveyQuestionsInput!) {
  addCentreSurveyQuestions(input: $input) {
    __typename
    ... on AddCentreSurveyQuestionsSuccess { survey { id questions { position textDa } } }
    ... on Error { code }
  }
}`;
const IMPORT = `mutation ($input: ImportAreaSurveyBaselineInput!) {
  importAreaSurveyBaseline(input: $input) {
    __typename
    ... on ImportAreaSurveyBaselineSuccess { report { isDryRun acceptedRowCount importedResponseCount refusedRows { line reasonDa reasonEn } } }
    ... on ValidationError { issues { field } }
    ... on Error { code }
  }
}`;
const SUMMARY = "answerCount { value display isSuppressed } mean { value display isSuppressed } distribution { value count { value isSuppressed } }";
const ROLLUP = `query ($roundId: ID!) {
  areaSurveyRollup(roundId: $roundId) {
    year round responseCount { value display }
    questions { position area { ${SUMMARY} } centres { centreName answerCount { value display isSuppressed } mean { value display isSuppressed } } }
  }
}`;
const COMPARISON = `query ($centreId: ID!) {
  centreAreaSurveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2026) {
    centreName
    questions {
      position
      centreBaseline { mean { value display isSuppressed } }
      centreFollowUp { mean { value display isSuppressed } }
      areaBaseline { mean { value display } answerCount { value } }
      areaFollowUp { mean { value display } }
      centreFollowUpVersusAreaBaseline { value display isSuppressed }
      centreChange { value display isSuppressed }
    }
  }
}`;
const SUBMIT = `mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename ... on Error { code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  const big = await createCentre(app.prisma, organisation.id, { name: "Fyrtårnet" });
  const small = await createCentre(app.prisma, organisation.id, { name: "Lille Hus" });
  const other = await createCentre(app.prisma, organisation.id, { name: "Åen" });
  centres = { big: big.centre.id, small: small.centre.id, other: other.centre.id };
  names = { big: big.centre.name, small: small.centre.name };
  users = {
    coordinator: (await createUser(app.prisma, { globalRole: "COORDINATOR" })).id,
    strategic: (await createUser(app.prisma, { globalRole: "STRATEGIC_GROUP" })).id,
    bigAdmin: (await createUser(app.prisma, { memberships: [{ unitId: big.unit.id, role: "UNIT_ADMIN" }] })).id,
    bigMember: (await createUser(app.prisma, { memberships: [{ unitId: big.unit.id }] })).id,
    smallMember: (await createUser(app.prisma, { memberships: [{ unitId: small.unit.id }] })).id,
  };
});
afterAll(async () => {
  await app.close();
});

async function createRound(input: Record<string, unknown>) {
  const result = dataOf(await (await app.as(users.coordinator)).graphql(CREATE_ROUND, { input })).createAreaSurveyRound;
  expect(result.__typename).toBe("CreateAreaSurveyRoundSuccess");
  return result.round as { id: string; questions: { position: number; kind: string }[] };
}

async function importCsv(roundId: string, csv: string, dryRun: boolean) {
  return dataOf(await (await app.as(users.coordinator)).graphql(IMPORT, { input: { roundId, csv, dryRun } })).importAreaSurveyBaseline;
}

async function answerAt(centreId: string, roundId: string, values: number[]) {
  const survey = await app.prisma.survey.findFirstOrThrow({ where: { centreId, areaRoundId: roundId }, include: { questions: { orderBy: { position: "asc" } } } });
  const answers = values.map((likert, index) => ({ questionId: survey.questions[index]!.id, likert }));
  const result = dataOf(await app.anonymous.graphql(SUBMIT, { input: { token: survey.publicToken, answers } })).submitSurveyResponse;
  expect(result.__typename).toBe("SubmitSurveyResponseSuccess");
}

describe("core task", () => {
  it("lets the centre's admin state the core task and principles, shown publicly and beside the figures", async () => {
    const admin = await app.as(users.bigAdmin);
    const result = dataOf(
      await admin.graphql(SET_CORE_TASK, {
        input: { centreId: centres.big, coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE", "PART_OF_THE_WHOLE"] },
      }),
    ).setCentreCoreTask;
    expect(result).toEqual({ __typename: "SetCentreCoreTaskSuccess", centre: { coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"] } });
    const publicView = dataOf(await app.anonymous.graphql(`query ($id: ID!) { centre(id: $id) { coreTask guidingPrinciples } }`, { id: centres.big })) as { centre: unknown };
    expect(publicView.centre).toEqual({ coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"] });
    const figures = dataOf(
      await (await app.as(users.coordinator)).graphql(`{ areaFigures(from: "2026-11-01", to: "2026-11-25") { centres { centreName coreTask guidingPrincipleKeys } } }`),
    ) as { areaFigures: { centres: { centreName: string; coreTask: string | null; guidingPrincipleKeys: string[] }[] } };
    expect(figures.areaFigures.centres.find((row) => row.centreName === "Fyrtårnet")).toEqual({
      centreName: "Fyrtårnet",
      coreTask: "Et trygt fristed med fællesskab og hjælp videre.",
      guidingPrincipleKeys: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"],
    });
  });

  it("refuses a CPR number in the core task and a plain member of the centre", async () => {
    const admin = await app.as(users.bigAdmin);
    const refused = dataOf(await admin.graphql(SET_CORE_TASK, { input: { centreId: centres.big, coreTask: "Ring til 010190-1234", guidingPrinciples: ["MEANINGFUL_COMMUNITIES"] } })).setCentreCoreTask;
    expect(refused).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED" });
    const member = await app.as(users.bigMember);
    const forbidden = dataOf(await member.graphql(SET_CORE_TASK, { input: { centreId: centres.big, coreTask: "Noget andet", guidingPrinciples: ["MEANINGFUL_COMMUNITIES"] } })).setCentreCoreTask;
    expect(forbidden.code).toBe("FORBIDDEN");
    const stored = await app.prisma.centre.findUniqueOrThrow({ where: { id: centres.big } });
    expect(stored.coreTask).toBe("Et trygt fristed med fællesskab og hjælp videre.");
  });
});

describe("common area survey", () => {
  let baseline: { id: string; questions: { position: number; kind: string }[] };
  let followUp: { id: string };

  it("starts a baseline round with the municipality's questions at every centre, common questions first", async () => {
    baseline = await createRound({ title: "Brugerundersøgelse 2024", round: "BASELINE", year: 2024, opensAt: "2024-03-01T08:00:00.000Z", closesAt: "2024-04-30T21:00:00.000Z" });
    expect(baseline.questions.map((question) => question.kind)).toEqual(["LIKERT", "LIKERT", "LIKERT", "LIKERT", "LIKERT"]);
    const surveys = await app.prisma.survey.findMany({ where: { areaRoundId: baseline.id }, include: { questions: true } });
    expect(surveys.map((survey) => survey.centreId).sort()).toEqual(Object.values(centres).sort());
    expect(surveys.every((survey) => survey.questions.length === 5 && survey.round === "BASELINE" && survey.year === 2024)).toBe(true);
    expect(new Set(surveys.map((survey) => survey.publicToken)).size).toBe(3);
  });

  it("refuses a second round of the same kind and year", async () => {
    const result = dataOf(
      await (await app.as(users.coordinator)).graphql(CREATE_ROUND, {
        input: { title: "Igen", round: "BASELINE", year: 2024, opensAt: "2024-03-01T08:00:00.000Z", closesAt: "2024-04-30T21:00:00.000Z" },
      }),
    ).createAreaSurveyRound;
    expect(result.code).toBe("VALIDATION_FAILED");
  });

  it("dry-runs a baseline CSV, reporting each refused row by line, and writes nothing", async () => {
    const lines = [
      "værested;1;2;3;4;5",
      ...Array.from({ length: 6 }, (_, index) => `${names.big};${(index % 3) + 2};3;4;;5`),
      `${names.small};4;4;4;4;4`,
      `${names.small};5;5;5;5;5`,
      "Findes Ikke;3;3;3;3;3",
      `${names.big};7;3;3;3;3`,
      `${names.big};3;3`,
      `${names.big};;;;;`,
      `${names.big};010190-1234;3;3;3;3`,
      "",
    ];
    const report = await importCsv(baseline.id, lines.join("\r\n"), true);
    expect(report.__typename).toBe("ImportAreaSurveyBaselineSuccess");
    expect(report.report.isDryRun).toBe(true);
    expect(report.report.acceptedRowCount).toBe(8);
    expect(report.report.importedResponseCount).toBe(0);
    expect(report.report.refusedRows.map((row: { line: number; reasonEn: string }) => [row.line, row.reasonEn])).toEqual([
      [10, "The centre does not exist."],
      [11, "An answer must be a whole number from 1 to 5, or empty."],
      [12, "Wrong number of columns."],
      [13, "The row has no answers."],
      [14, "The row holds something that looks like a CPR number."],
    ]);
    // The CPR-like value is never echoed back.
    expect(JSON.stringify(report)).not.toContain("010190");
    expect(await app.prisma.surveyResponse.count({ where: { survey: { areaRoundId: baseline.id } } })).toBe(0);

    const imported = await importCsv(baseline.id, lines.join("\n"), false);
    expect(imported.report).toMatchObject({ isDryRun: false, acceptedRowCount: 8, importedResponseCount: 8 });
    expect(await app.prisma.surveyResponse.count({ where: { survey: { areaRoundId: baseline.id, centreId: centres.big } } })).toBe(6);
    expect(await app.prisma.surveyResponse.count({ where: { survey: { areaRoundId: baseline.id, centreId: centres.small } } })).toBe(2);

    // Importing the same file again is refused row by row: the centres already have answers
    // (the 8 imported rows and the two malformed rows of centres that now have answers).
    const again = await importCsv(baseline.id, lines.join("\n"), false);
    expect(again.report.importedResponseCount).toBe(0);
    expect(again.report.acceptedRowCount).toBe(0);
    expect(again.report.refusedRows.filter((row: { reasonEn: string }) => row.reasonEn.includes("already has answers"))).toHaveLength(10);
    expect(await app.prisma.surveyResponse.count({ where: { survey: { areaRoundId: baseline.id } } })).toBe(8);
  });

  it("refuses a header that does not name the round's scale questions", async () => {
    const result = await importCsv(baseline.id, "navn;1;2\nFyrtårnet;3;3", true);
    expect(result).toEqual({ __typename: "ValidationError", code: "VALIDATION_FAILED", issues: [{ field: "csv" }] });
    const wrongPosition = await importCsv(baseline.id, "værested;1;9\nFyrtårnet;3;3", true);
    expect(wrongPosition.__typename).toBe("ValidationError");
  });

  it("rolls the baseline up: a suppressed centre adds nothing to the area, so totals reveal nothing", async () => {
    const caller = await app.as(users.strategic);
    const rollup = dataOf(await caller.graphql(ROLLUP, { roundId: baseline.id })).areaSurveyRollup;
    expect(rollup.responseCount).toEqual({ value: 6, display: "6" });
    const first = rollup.questions[0];
    const big = first.centres.find((row: { centreName: string }) => row.centreName === "Fyrtårnet");
    const small = first.centres.find((row: { centreName: string }) => row.centreName === "Lille Hus");
    const none = first.centres.find((row: { centreName: string }) => row.centreName === "Åen");
    // Fyrtårnet: 2,3,4,2,3,4 → mean 3.0 over 6 answers; Lille Hus has 2 answers → suppressed.
    expect(big.answerCount).toEqual({ value: 6, display: "6", isSuppressed: false });
    expect(big.mean).toEqual({ value: 3, display: "3,0", isSuppressed: false });
    expect(small.answerCount).toEqual({ value: null, display: "<5", isSuppressed: true });
    expect(small.mean.isSuppressed).toBe(true);
    expect(none.answerCount.value).toBe(0);
    // The area equals what the rows show: Lille Hus's 4 and 5 are not pooled into the mean.
    expect(first.area.answerCount).toEqual({ value: 6, display: "6", isSuppressed: false });
    expect(first.area.mean).toEqual({ value: 3, display: "3,0", isSuppressed: false });
    // Each value bucket of Fyrtårnet holds 2 answers (suppressed) → the area's buckets are 0, not 2.
    expect(first.area.distribution.map((bucket: { count: { value: number | null } }) => bucket.count.value)).toEqual([0, 0, 0, 0, 0]);
    // Question 4 was left empty by Fyrtårnet's rows: only Lille Hus (suppressed) answered it.
    expect(rollup.questions[3].area.answerCount.value).toBe(0);
    expect(rollup.questions[3].area.mean.display).toBe("–");
  });

  it("runs a follow-up round where a centre adds its own questions after the common ones", async () => {
    followUp = await createRound({
      title: "Brugerundersøgelse 2026",
      round: "FOLLOW_UP",
      year: 2026,
      opensAt: "2026-11-01T08:00:00.000Z",
      closesAt: "2026-12-20T21:00:00.000Z",
    });
    const survey = await app.prisma.survey.findFirstOrThrow({ where: { areaRoundId: followUp.id, centreId: centres.big } });
    const admin = await app.as(users.bigAdmin);
    const added = dataOf(
      await admin.graphql(ADD_QUESTIONS, { input: { surveyId: survey.id, questions: [{ kind: "LIKERT", textDa: "Jeg kan lide vores madklub." }, { kind: "FREE_TEXT", textDa: "Hvad savner du?" }] } }),
    ).addCentreSurveyQuestions;
    expect(added.__typename).toBe("AddCentreSurveyQuestionsSuccess");
    expect(added.survey.questions.map((question: { position: number }) => question.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const otherSurvey = await app.prisma.survey.findFirstOrThrow({ where: { areaRoundId: followUp.id, centreId: centres.small } });
    const forbidden = dataOf(await admin.graphql(ADD_QUESTIONS, { input: { surveyId: otherSurvey.id, questions: [{ kind: "LIKERT", textDa: "Andet sted" }] } })).addCentreSurveyQuestions;
    expect(forbidden.code).toBe("FORBIDDEN");

    for (const value of [4, 4, 5, 4, 5, 4, 3]) await answerAt(centres.big, followUp.id, [value, 4, 4, 4, 4, 5]);
    await answerAt(centres.small, followUp.id, [1, 1, 1, 1, 1]);
  });

  it("compares one centre's follow-up with the area's baseline, suppressed where either side is", async () => {
    const comparison = dataOf(await (await app.as(users.bigMember)).graphql(COMPARISON, { centreId: centres.big })).centreAreaSurveyComparison;
    expect(comparison.centreName).toBe("Fyrtårnet");
    expect(comparison.questions.map((question: { position: number }) => question.position)).toEqual([1, 2, 3, 4, 5]);
    const first = comparison.questions[0];
    expect(first.centreBaseline.mean.value).toBe(3);
    expect(first.centreFollowUp.mean.value).toBeCloseTo(29 / 7);
    expect(first.areaBaseline.mean.value).toBe(3);
    // The follow-up area leaves out Lille Hus's single answer of 1.
    expect(first.areaFollowUp.mean.value).toBeCloseTo(29 / 7);
    expect(first.centreFollowUpVersusAreaBaseline).toEqual({ value: 29 / 7 - 3, display: "+1,1", isSuppressed: false });
    expect(first.centreChange.display).toBe("+1,1");
    // Question 4: nothing shown in the baseline → no difference can be computed.
    expect(comparison.questions[3].centreFollowUpVersusAreaBaseline).toEqual({ value: null, display: "–", isSuppressed: false });

    const small = dataOf(await (await app.as(users.smallMember)).graphql(COMPARISON, { centreId: centres.small })).centreAreaSurveyComparison;
    expect(small.questions[0].centreFollowUp.mean.isSuppressed).toBe(true);
    expect(small.questions[0].centreFollowUpVersusAreaBaseline).toEqual({ value: null, display: "<5", isSuppressed: true });
  });

  it("gives the strategic group the area but not a centre member's own survey data", async () => {
    const strategic = await app.as(users.strategic);
    const comparison = await strategic.graphql(COMPARISON, { centreId: centres.big });
    expect(comparison.errors).toBeUndefined();
    const raw = await strategic.graphql(`query ($centreId: ID!) { visitorTallies(centreId: $centreId, from: "2026-11-01", to: "2026-11-25") { count } }`, { centreId: centres.big });
    expect(raw.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const freeText = await strategic.graphql(`query ($centreId: ID!) { surveys(centreId: $centreId) { id } }`, { centreId: centres.big });
    expect(freeText.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const member = await app.as(users.smallMember);
    const rollup = await member.graphql(ROLLUP, { roundId: followUp.id });
    expect(rollup.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});

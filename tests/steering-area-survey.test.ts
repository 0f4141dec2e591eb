// Steering the area: a centre's core task, the common area survey in rounds with the centres'
// own questions after the common ones, the area roll-up and centre-versus-area comparison with
// suppression that totals cannot undo, and the CSV import of a baseline with a dry run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let centres: { big: string; small: string; other: string };
let names: { big: string; small: string };
let users: { coordinator: string; strategic: string; bigAdmin: string; bigMember: string; smallMember: string };

const SET_CORE_TASK = graphql(`mutation SetCoreTask($input: SetCentreCoreTaskInput!) {
  setCentreCoreTask(input: $input) {
    __typename
    ... on SetCentreCoreTaskSuccess { centre { coreTask guidingPrinciples } }
    ... on Error { code }
  }
}`);
const CREATE_ROUND = graphql(`mutation CreateRound($input: CreateAreaSurveyRoundInput!) {
  createAreaSurveyRound(input: $input) {
    __typename
    ... on CreateAreaSurveyRoundSuccess { round { id round year questions { position kind textDa } } }
    ... on Error { code }
  }
}`);
const ADD_QUESTIONS = graphql(`mutation AddQuestions($input: AddCentreSurveyQuestionsInput!) {
  addCentreSurveyQuestions(input: $input) {
    __typename
    ... on AddCentreSurveyQuestionsSuccess { survey { id questions { position textDa } } }
    ... on Error { code }
  }
}`);
const IMPORT = graphql(`mutation ImportBaseline($input: ImportAreaSurveyBaselineInput!) {
  importAreaSurveyBaseline(input: $input) {
    __typename
    ... on ImportAreaSurveyBaselineSuccess { report { isDryRun acceptedRowCount importedResponseCount refusedRows { line reasonDa reasonEn } } }
    ... on ValidationError { issues { field } }
    ... on Error { code }
  }
}`);
const ROLLUP = graphql(`query Rollup($roundId: ID!) {
  areaSurveyRollup(roundId: $roundId) {
    year round responseCount { value display }
    questions {
      position
      area { answerCount { value display isSuppressed } mean { value display isSuppressed } distribution { value count { value isSuppressed } } }
      centres { centreName answerCount { value display isSuppressed } mean { value display isSuppressed } }
    }
  }
}`);
const COMPARISON = graphql(`query Comparison($centreId: ID!) {
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
}`);
const SUBMIT = graphql(`mutation Submit($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename ... on Error { code } } }`);
const PUBLIC_CORE_TASK = graphql(`query PublicCoreTask($id: ID!) { centre(id: $id) { coreTask guidingPrinciples } }`);
const FIGURES = graphql(`query FiguresCoreTask { areaFigures(from: "2026-11-01", to: "2026-11-25") { centres { centreName coreTask guidingPrincipleKeys } } }`);
const TALLIES = graphql(`query Tallies($centreId: ID!) { visitorTallies(centreId: $centreId, from: "2026-11-01", to: "2026-11-25") { count } }`);
const SURVEYS = graphql(`query Surveys($centreId: ID!) { surveys(centreId: $centreId) { id } }`);

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

async function createRound(input: VariablesOf<typeof CREATE_ROUND>["input"]) {
  const result = (await runOk(await app.as(users.coordinator), CREATE_ROUND, { input })).createAreaSurveyRound;
  expect(result.__typename).toBe("CreateAreaSurveyRoundSuccess");
  if (result.__typename !== "CreateAreaSurveyRoundSuccess") return expect.fail(result.__typename);
  return result.round;
}

/** Imports a CSV that the round accepts as a file (rows may still be refused one by one). */
async function importCsv(roundId: string, csv: string, dryRun: boolean) {
  const result = (await runOk(await app.as(users.coordinator), IMPORT, { input: { roundId, csv, dryRun } })).importAreaSurveyBaseline;
  if (result.__typename !== "ImportAreaSurveyBaselineSuccess") return expect.fail(result.__typename);
  return result;
}

/** Imports a CSV the round refuses as a whole. */
async function refuseCsv(roundId: string, csv: string, dryRun: boolean) {
  return runError(await app.as(users.coordinator), IMPORT, { input: { roundId, csv, dryRun } }, "ValidationError");
}

async function answerAt(centreId: string, roundId: string, values: number[]) {
  const survey = await app.prisma.survey.findFirstOrThrow({ where: { centreId, areaRoundId: roundId }, include: { questions: { orderBy: { position: "asc" } } } });
  const answers = values.map((likert, index) => ({ questionId: survey.questions[index]!.id, likert }));
  const result = (await runOk(app.anonymous, SUBMIT, { input: { token: survey.publicToken, answers } })).submitSurveyResponse;
  expect(result.__typename).toBe("SubmitSurveyResponseSuccess");
}

describe("core task", () => {
  it("lets the centre's admin state the core task and principles, shown publicly and beside the figures", async () => {
    const admin = await app.as(users.bigAdmin);
    const result = (
      await runOk(admin, SET_CORE_TASK, {
        input: { centreId: centres.big, coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE", "PART_OF_THE_WHOLE"] },
      })
    ).setCentreCoreTask;
    expect(result).toEqual({ __typename: "SetCentreCoreTaskSuccess", centre: { coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"] } });
    const publicView = await runOk(app.anonymous, PUBLIC_CORE_TASK, { id: centres.big });
    expect(publicView.centre).toEqual({ coreTask: "Et trygt fristed med fællesskab og hjælp videre.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"] });
    const figures = await runOk(await app.as(users.coordinator), FIGURES);
    expect(figures.areaFigures.centres.find((row) => row.centreName === "Fyrtårnet")).toEqual({
      centreName: "Fyrtårnet",
      coreTask: "Et trygt fristed med fællesskab og hjælp videre.",
      guidingPrincipleKeys: ["FREE_SPACE_AND_DEVELOPMENT", "PART_OF_THE_WHOLE"],
    });
  });

  it("refuses a CPR number in the core task and a plain member of the centre", async () => {
    const admin = await app.as(users.bigAdmin);
    const refused = await runError(admin, SET_CORE_TASK, { input: { centreId: centres.big, coreTask: "Ring til 010190-1234", guidingPrinciples: ["MEANINGFUL_COMMUNITIES"] } }, "CprRefusedError");
    expect(refused).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED" });
    const member = await app.as(users.bigMember);
    await runError(member, SET_CORE_TASK, { input: { centreId: centres.big, coreTask: "Noget andet", guidingPrinciples: ["MEANINGFUL_COMMUNITIES"] } }, "FORBIDDEN");
    const stored = await app.prisma.centre.findUniqueOrThrow({ where: { id: centres.big } });
    expect(stored.coreTask).toBe("Et trygt fristed med fællesskab og hjælp videre.");
  });
});

describe("common area survey", () => {
  let baseline: Awaited<ReturnType<typeof createRound>>;
  let followUp: Awaited<ReturnType<typeof createRound>>;

  it("starts a baseline round with the municipality's questions at every centre, common questions first", async () => {
    baseline = await createRound({ title: "Brugerundersøgelse 2024", round: "BASELINE", year: 2024, opensAt: "2024-03-01T08:00:00.000Z", closesAt: "2024-04-30T21:00:00.000Z" });
    expect(baseline.questions.map((question) => question.kind)).toEqual(["LIKERT", "LIKERT", "LIKERT", "LIKERT", "LIKERT"]);
    const surveys = await app.prisma.survey.findMany({ where: { areaRoundId: baseline.id }, include: { questions: true } });
    expect(surveys.map((survey) => survey.centreId).sort()).toEqual(Object.values(centres).sort());
    expect(surveys.every((survey) => survey.questions.length === 5 && survey.round === "BASELINE" && survey.year === 2024)).toBe(true);
    expect(new Set(surveys.map((survey) => survey.publicToken)).size).toBe(3);
  });

  it("refuses a second round of the same kind and year", async () => {
    await runError(
      await app.as(users.coordinator),
      CREATE_ROUND,
      { input: { title: "Igen", round: "BASELINE", year: 2024, opensAt: "2024-03-01T08:00:00.000Z", closesAt: "2024-04-30T21:00:00.000Z" } },
      "VALIDATION_FAILED",
    );
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
    expect(report.report.refusedRows.map((row) => [row.line, row.reasonEn])).toEqual([
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
    expect(again.report.refusedRows.filter((row) => row.reasonEn.includes("already has answers"))).toHaveLength(10);
    expect(await app.prisma.surveyResponse.count({ where: { survey: { areaRoundId: baseline.id } } })).toBe(8);
  });

  it("refuses a header that does not name the round's scale questions", async () => {
    const result = await refuseCsv(baseline.id, "navn;1;2\nFyrtårnet;3;3", true);
    expect(result).toEqual({ __typename: "ValidationError", code: "VALIDATION_FAILED", issues: [{ field: "csv" }] });
    await refuseCsv(baseline.id, "værested;1;9\nFyrtårnet;3;3", true);
  });

  it("rolls the baseline up: a suppressed centre adds nothing to the area, so totals reveal nothing", async () => {
    const caller = await app.as(users.strategic);
    const rollup = (await runOk(caller, ROLLUP, { roundId: baseline.id })).areaSurveyRollup;
    expect(rollup.responseCount).toEqual({ value: 6, display: "6" });
    const first = rollup.questions[0];
    if (!first) return expect.fail("the rollup has no questions");
    const big = first.centres.find((row) => row.centreName === "Fyrtårnet");
    const small = first.centres.find((row) => row.centreName === "Lille Hus");
    const none = first.centres.find((row) => row.centreName === "Åen");
    // Fyrtårnet: 2,3,4,2,3,4 → mean 3.0 over 6 answers; Lille Hus has 2 answers → suppressed.
    expect(big?.answerCount).toEqual({ value: 6, display: "6", isSuppressed: false });
    expect(big?.mean).toEqual({ value: 3, display: "3,0", isSuppressed: false });
    expect(small?.answerCount).toEqual({ value: null, display: "<5", isSuppressed: true });
    expect(small?.mean.isSuppressed).toBe(true);
    expect(none?.answerCount.value).toBe(0);
    // The area equals what the rows show: Lille Hus's 4 and 5 are not pooled into the mean.
    expect(first.area.answerCount).toEqual({ value: 6, display: "6", isSuppressed: false });
    expect(first.area.mean).toEqual({ value: 3, display: "3,0", isSuppressed: false });
    // Each value bucket of Fyrtårnet holds 2 answers (suppressed) → the area's buckets are 0, not 2.
    expect(first.area.distribution.map((bucket) => bucket.count.value)).toEqual([0, 0, 0, 0, 0]);
    // Question 4 was left empty by Fyrtårnet's rows: only Lille Hus (suppressed) answered it.
    expect(rollup.questions[3]?.area.answerCount.value).toBe(0);
    expect(rollup.questions[3]?.area.mean.display).toBe("–");
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
    const added = (
      await runOk(admin, ADD_QUESTIONS, { input: { surveyId: survey.id, questions: [{ kind: "LIKERT", textDa: "Jeg kan lide vores madklub." }, { kind: "FREE_TEXT", textDa: "Hvad savner du?" }] } })
    ).addCentreSurveyQuestions;
    if (added.__typename !== "AddCentreSurveyQuestionsSuccess") return expect.fail(added.__typename);
    expect(added.survey.questions.map((question) => question.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const otherSurvey = await app.prisma.survey.findFirstOrThrow({ where: { areaRoundId: followUp.id, centreId: centres.small } });
    await runError(admin, ADD_QUESTIONS, { input: { surveyId: otherSurvey.id, questions: [{ kind: "LIKERT", textDa: "Andet sted" }] } }, "FORBIDDEN");

    for (const value of [4, 4, 5, 4, 5, 4, 3]) await answerAt(centres.big, followUp.id, [value, 4, 4, 4, 4, 5]);
    await answerAt(centres.small, followUp.id, [1, 1, 1, 1, 1]);
  });

  it("compares one centre's follow-up with the area's baseline, suppressed where either side is", async () => {
    const comparison = (await runOk(await app.as(users.bigMember), COMPARISON, { centreId: centres.big })).centreAreaSurveyComparison;
    expect(comparison.centreName).toBe("Fyrtårnet");
    expect(comparison.questions.map((question) => question.position)).toEqual([1, 2, 3, 4, 5]);
    const first = comparison.questions[0];
    if (!first) return expect.fail("the comparison has no questions");
    expect(first.centreBaseline?.mean.value).toBe(3);
    expect(first.centreFollowUp?.mean.value).toBeCloseTo(29 / 7);
    expect(first.areaBaseline?.mean.value).toBe(3);
    // The follow-up area leaves out Lille Hus's single answer of 1.
    expect(first.areaFollowUp?.mean.value).toBeCloseTo(29 / 7);
    expect(first.centreFollowUpVersusAreaBaseline).toEqual({ value: 29 / 7 - 3, display: "+1,1", isSuppressed: false });
    expect(first.centreChange.display).toBe("+1,1");
    // Question 4: nothing shown in the baseline → no difference can be computed.
    expect(comparison.questions[3]?.centreFollowUpVersusAreaBaseline).toEqual({ value: null, display: "–", isSuppressed: false });

    const small = (await runOk(await app.as(users.smallMember), COMPARISON, { centreId: centres.small })).centreAreaSurveyComparison;
    expect(small.questions[0]?.centreFollowUp?.mean.isSuppressed).toBe(true);
    expect(small.questions[0]?.centreFollowUpVersusAreaBaseline).toEqual({ value: null, display: "<5", isSuppressed: true });
  });

  it("gives the strategic group the area but not a centre member's own survey data", async () => {
    const strategic = await app.as(users.strategic);
    await runOk(strategic, COMPARISON, { centreId: centres.big });
    await runError(strategic, TALLIES, { centreId: centres.big }, "FORBIDDEN");
    await runError(strategic, SURVEYS, { centreId: centres.big }, "FORBIDDEN");
    const member = await app.as(users.smallMember);
    await runError(member, ROLLUP, { roundId: followUp.id }, "FORBIDDEN");
  });
});

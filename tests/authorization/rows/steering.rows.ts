// Steering: the core task for the centre's admins; area survey rounds for coordinators; the
// roll-up for coordinators and the strategic group; one centre beside the area for whoever
// reads the centre's figures and the strategic group. Ideas and barriers: anyone raises one
// and reads the answers; coordinators see the open ones and qualify or delete them.
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];
const AREA_READERS: Persona[] = [...COORDINATORS, "strategicGroup"];
const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const CENTRE_READERS_AND_AREA: Persona[] = ["sendingMember", "unitAdmin", "organisationAdmin", "coordinator", "platformAdmin", "strategicGroup"];

/** The matrix's baseline round of 2024 (created once, reused by every cell). */
async function baselineRound({ app }: MatrixContext) {
  const existing = await app.prisma.areaSurveyRound.findUnique({ where: { round_year: { round: "BASELINE", year: 2024 } } });
  return (
    existing ??
    app.prisma.areaSurveyRound.create({
      data: {
        title: "Matrix-førmåling",
        round: "BASELINE",
        year: 2024,
        opensAt: new Date("2024-03-01T08:00:00.000Z"),
        closesAt: new Date("2024-04-30T21:00:00.000Z"),
        questions: { create: [{ position: 1, kind: "LIKERT", textDa: "Velkommen?", textEn: "Welcome?" }] },
      },
    })
  );
}

/** A survey at the sending centre that is part of the matrix round. */
async function roundSurveyAtSendingCentre(context: MatrixContext) {
  const round = await baselineRound(context);
  return context.app.prisma.survey.create({
    data: {
      centreId: context.world.sendingCentre.centreId,
      areaRoundId: round.id,
      title: round.title,
      round: "BASELINE",
      year: 2024,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      publicToken: `matrix-${Math.random().toString(36).slice(2)}`,
      questions: { create: [{ position: 1, kind: "LIKERT", textDa: "Velkommen?", textEn: "Welcome?" }] },
    },
  });
}

let nextRoundYear = 2090;

/** A fresh open idea at the sending centre, so each cell qualifies or deletes its own. */
async function openIdea({ app, world }: MatrixContext) {
  return app.prisma.idea.create({
    data: { centreId: world.sendingCentre.centreId, kind: "IDEA", source: "PUBLIC_PAGE", text: "Matrix-idé", raisedOn: new Date("2026-11-25T00:00:00.000Z") },
  });
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.ideas",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($centreId: ID) { ideas(centreId: $centreId) { id text answer } }`), { centreId: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.openIdeas",
    allowed: COORDINATORS,
    request: async () => matrixRequest(graphql(`{ openIdeas { id text } }`)),
  },
  {
    operation: "Mutation.raiseIdea",
    allowed: EVERYONE,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: RaiseIdeaInput!) { raiseIdea(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, kind: "BARRIER", text: "Døren er tung." } },
      ),
  },
  {
    operation: "Mutation.qualifyIdea",
    allowed: COORDINATORS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: QualifyIdeaInput!) { qualifyIdea(input: $input) { __typename } }`),
        { input: { ideaId: (await openIdea(context)).id, decision: "ANSWER", answer: "Tak for idéen." } },
      ),
  },
  {
    operation: "Mutation.deleteIdea",
    allowed: COORDINATORS,
    request: async (context) =>
      matrixRequest(graphql(`mutation ($id: ID!) { deleteIdea(id: $id) { __typename } }`), { id: (await openIdea(context)).id }),
  },
  {
    operation: "Query.initiativeEditorOptions",
    allowed: ["organisationAdmin", "coordinator", "platformAdmin"],
    request: async () => matrixRequest(graphql(`{ initiativeEditorOptions { organisations { id } centres { id } } }`)),
  },
  {
    operation: "Query.initiatives",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ initiatives { id title measures { current { display } } } }`)),
  },
  {
    operation: "Mutation.saveInitiative",
    allowed: ["organisationAdmin", "coordinator", "platformAdmin"],
    request: async ({ world }) =>
      matrixRequest(graphql(`mutation ($input: SaveInitiativeInput!) { saveInitiative(input: $input) { __typename } }`), {
        input: {
          title: "Matrix-initiativ",
          description: "Et initiativ.",
          kind: "COLLABORATION",
          status: "IDEA",
          ownerOrganisationId: world.organisationId,
          centreIds: [world.sendingCentre.centreId],
          quickEffect: 1,
          maturity: 1,
          resourceDraw: 1,
          measures: [{ kind: "FIGURE", figureKey: "visitors", targetValue: 10 }],
        },
      }),
  },
  {
    operation: "Mutation.setCentreCoreTask",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: SetCentreCoreTaskInput!) { setCentreCoreTask(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, coreTask: "Et fristed.", guidingPrinciples: ["FREE_SPACE_AND_DEVELOPMENT"] } },
      ),
  },
  {
    operation: "Query.demandByHour",
    allowed: AREA_READERS,
    request: async () => matrixRequest(graphql(`{ demandByHour(from: "2026-11-01", to: "2026-11-25") { cells { hour visitors { display } } } }`)),
  },
  {
    operation: "Query.figureTrend",
    allowed: AREA_READERS,
    request: async () =>
      matrixRequest(graphql(`{ figureTrend(fromMonth: "2026-09", toMonth: "2026-11") { months { month figures { visitors { display } } } } }`)),
  },
  {
    operation: "Query.figureTrendCsv",
    allowed: CENTRE_READERS_AND_AREA,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { figureTrendCsv(fromMonth: "2026-09", toMonth: "2026-11", centreId: $centreId) }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.areaSurveyRounds",
    allowed: AREA_READERS,
    request: async () => matrixRequest(graphql(`{ areaSurveyRounds { id } }`)),
  },
  {
    operation: "Query.areaSurveyRollup",
    allowed: AREA_READERS,
    request: async (context) =>
      matrixRequest(
        graphql(`query ($roundId: ID!) { areaSurveyRollup(roundId: $roundId) { responseCount { display } } }`),
        { roundId: (await baselineRound(context)).id },
      ),
  },
  {
    operation: "Query.centreAreaSurveyComparison",
    allowed: CENTRE_READERS_AND_AREA,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { centreAreaSurveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2026) { questions { position } } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Mutation.createAreaSurveyRound",
    allowed: COORDINATORS,
    request: async () =>
      matrixRequest(
        graphql(`mutation ($input: CreateAreaSurveyRoundInput!) { createAreaSurveyRound(input: $input) { __typename } }`),
        { input: { title: "Opfølgning", round: "FOLLOW_UP", year: nextRoundYear++, opensAt: "2099-03-01T08:00:00.000Z", closesAt: "2099-04-30T21:00:00.000Z" } },
      ),
  },
  {
    operation: "Mutation.addCentreSurveyQuestions",
    allowed: CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: AddCentreSurveyQuestionsInput!) { addCentreSurveyQuestions(input: $input) { __typename } }`),
        { input: { surveyId: (await roundSurveyAtSendingCentre(context)).id, questions: [{ kind: "LIKERT", textDa: "Vores madklub?" }] } },
      ),
  },
  {
    operation: "Mutation.importAreaSurveyBaseline",
    allowed: COORDINATORS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: ImportAreaSurveyBaselineInput!) { importAreaSurveyBaseline(input: $input) { __typename } }`),
        { input: { roundId: (await baselineRound(context)).id, csv: "værested;1\nAfsendende Værested;4", dryRun: true } },
      ),
  },
];

// Insights: figures for a centre's own people, its organisation's admins and coordinators;
// area figures and CSV for coordinators; surveys answered by anyone through a public token.
import { randomBytes } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const CENTRE_READERS: Persona[] = ["sendingMember", "unitAdmin", "organisationAdmin", "coordinator", "platformAdmin"];
const CENTRE_MEMBERS: Persona[] = ["sendingMember", "unitAdmin"];
const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const CENTRE_STAFF: Persona[] = ["sendingMember", "unitAdmin", "organisationAdmin", "platformAdmin"];
const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];
/** Area figures: coordinators and the strategic group (suppressed aggregates only). */
const AREA_READERS: Persona[] = [...COORDINATORS, "strategicGroup"];

const QUESTIONS = ["Velkommen?", "Tryg?", "Hjælp videre?", "Nogen at tale med?"].map((textDa) => ({ kind: "LIKERT" as const, textDa }));

/** A throwaway open survey at the sending centre. */
async function createOpenSurvey({ app, world }: MatrixContext) {
  const now = app.clock.now();
  return app.prisma.survey.create({
    data: {
      centreId: world.sendingCentre.centreId,
      title: "Matrix-undersøgelse",
      round: "FOLLOW_UP",
      year: 2026,
      publicToken: randomBytes(16).toString("base64url"),
      opensAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 86_400_000),
      questions: { create: [...QUESTIONS, { kind: "FREE_TEXT" as const, textDa: "Andet?" }].map((question, index) => ({ ...question, textEn: question.textDa, position: index + 1 })) },
    },
    include: { questions: true },
  });
}

export const rows: MatrixRow[] = [
  { operation: "Query.figureDefinitions", allowed: EVERYONE, request: async () => matrixRequest(graphql(`{ figureDefinitions { key } }`)) },
  {
    operation: "Query.centreFigures",
    allowed: CENTRE_READERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { centreFigures(centreId: $centreId, from: "2026-10-01", to: "2026-10-31") { figures { visitors { display } } } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.visitorTallies",
    allowed: CENTRE_STAFF,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { visitorTallies(centreId: $centreId, from: "2026-11-01", to: "2026-11-25") { count } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.activitiesHeld",
    allowed: CENTRE_STAFF,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { activitiesHeld(centreId: $centreId, from: "2026-11-01", to: "2026-11-25") { title } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Query.areaFigures",
    allowed: AREA_READERS,
    request: async () => matrixRequest(graphql(`{ areaFigures(from: "2026-10-01", to: "2026-10-31") { totals { visitors { display } } } }`)),
  },
  {
    operation: "Query.figuresCsv",
    allowed: AREA_READERS,
    request: async () => matrixRequest(graphql(`{ figuresCsv(from: "2026-10-01", to: "2026-10-31") }`)),
  },
  {
    operation: "Query.surveyByToken",
    allowed: EVERYONE,
    request: async (context) =>
      matrixRequest(
        graphql(`query ($token: String!) { surveyByToken(token: $token) { title isOpen } }`),
        { token: (await createOpenSurvey(context)).publicToken },
      ),
  },
  {
    operation: "Query.surveys",
    allowed: CENTRE_READERS,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($centreId: ID!) { surveys(centreId: $centreId) { id } }`), { centreId: world.sendingCentre.centreId }),
  },
  {
    operation: "Query.surveyResults",
    allowed: CENTRE_READERS,
    request: async (context) =>
      matrixRequest(
        graphql(`query ($surveyId: ID!) { surveyResults(surveyId: $surveyId) { responseCount { display } } }`),
        { surveyId: (await createOpenSurvey(context)).id },
      ),
  },
  {
    operation: "Query.surveyComparison",
    allowed: CENTRE_READERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($centreId: ID!) { surveyComparison(centreId: $centreId, baselineYear: 2024, followUpYear: 2026) { questions { position } } }`),
        { centreId: world.sendingCentre.centreId },
      ),
  },
  {
    operation: "Mutation.recordVisitorTally",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: RecordVisitorTallyInput!) { recordVisitorTally(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, date: "2026-11-20", count: 12 } },
      ),
  },
  {
    operation: "Mutation.recordActivityHeld",
    allowed: CENTRE_MEMBERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: RecordActivityHeldInput!) { recordActivityHeld(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId, date: "2026-11-20", title: "Fællesspisning" } },
      ),
  },
  {
    operation: "Mutation.createSurvey",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(graphql(`mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { __typename } }`), {
        input: {
          centreId: world.sendingCentre.centreId,
          title: "Brugerundersøgelse",
          round: "FOLLOW_UP",
          year: 2026,
          opensAt: "2026-11-25T00:00:00.000Z",
          closesAt: "2026-12-25T00:00:00.000Z",
          questions: [...QUESTIONS, { kind: "FREE_TEXT", textDa: "Andet?" }],
        },
      }),
  },
  {
    operation: "Mutation.submitSurveyResponse",
    allowed: EVERYONE,
    request: async (context) => {
      const survey = await createOpenSurvey(context);
      return matrixRequest(
        graphql(`mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { __typename } }`),
        { input: { token: survey.publicToken, answers: [{ questionId: survey.questions[0]!.id, likert: 4 }] } },
      );
    },
  },
];

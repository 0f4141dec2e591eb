// The GraphQL documents of the insights screens.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const FigureFields = graphql(`
  fragment FigureFields on Figure @_unmask {
    key
    display
    isSuppressed
    value
    unit
  }
`);

export const CoverageQuery = graphql(`
  query Coverage($targetGroup: TargetGroup!, $weekOf: Date) {
    coverage(targetGroup: $targetGroup, weekOf: $weekOf) {
      weekStart
      targetGroup
      centres { id name }
      days { date weekday labelDa labelEn hours { hour openCount } }
      gaps { weekday startHour endHour da en }
    }
  }
`);

export const AreaFiguresQuery = graphql(
  `
  query AreaFigures($from: Date!, $to: Date!) {
    figureDefinitions { key nameDa nameEn definitionDa definitionEn unit }
    areaFigures(from: $from, to: $to) {
      from
      to
      centres { centreId centreName figures { all { ...FigureFields } visitors { ...FigureFields } } }
      totals { all { ...FigureFields } visitors { ...FigureFields } }
    }
  }
`,
  [FigureFields],
);

export const FiguresCsvQuery = graphql(`
  query FiguresCsv($from: Date!, $to: Date!) {
    figuresCsv(from: $from, to: $to)
  }
`);

export const CentreInsightsQuery = graphql(
  `
  query CentreInsights($centreId: ID!, $from: Date!, $to: Date!) {
    centre(id: $centreId) { id name unitId targetGroups activities { id title } }
    figureDefinitions { key nameDa nameEn definitionDa definitionEn unit }
    centreFigures(centreId: $centreId, from: $from, to: $to) {
      centreName
      figures {
        all { ...FigureFields }
        visitorsByTargetGroup { key labelDa labelEn count { ...FigureFields } }
      }
    }
  }
`,
  [FigureFields],
);

export const RecordVisitorTallyMutation = graphql(
  `
  mutation RecordVisitorTally($input: RecordVisitorTallyInput!) {
    recordVisitorTally(input: $input) { __typename ... on RecordVisitorTallySuccess { tally { id count date } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RecordActivityHeldMutation = graphql(
  `
  mutation RecordActivityHeld($input: RecordActivityHeldInput!) {
    recordActivityHeld(input: $input) { __typename ... on RecordActivityHeldSuccess { activityHeld { id title date } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SurveysQuery = graphql(
  `
  query Surveys($centreId: ID!) {
    surveys(centreId: $centreId) {
      id
      title
      round
      year
      isOpen
      opensAt
      closesAt
      publicUrl
      qrCodeSvg
      responseCount { ...FigureFields }
      questions { id position kind textDa textEn }
    }
  }
`,
  [FigureFields],
);

export const SurveyComparisonQuery = graphql(
  `
  query SurveyComparison($centreId: ID!, $baselineYear: Int!, $followUpYear: Int!) {
    surveyComparison(centreId: $centreId, baselineYear: $baselineYear, followUpYear: $followUpYear) {
      baseline { surveyId title year responseCount { ...FigureFields } }
      followUp { surveyId title year responseCount { ...FigureFields } }
      questions {
        position
        textDa
        textEn
        meanChange { ...FigureFields }
        baseline { kind mean { ...FigureFields } answerCount { ...FigureFields } freeTextAnswers }
        followUp { kind mean { ...FigureFields } answerCount { ...FigureFields } freeTextAnswers }
      }
    }
  }
`,
  [FigureFields],
);

export const SurveyResultsQuery = graphql(
  `
  query SurveyResults($surveyId: ID!) {
    surveyResults(surveyId: $surveyId) {
      surveyId
      title
      responseCount { ...FigureFields }
      questions {
        questionId
        position
        kind
        textDa
        textEn
        mean { ...FigureFields }
        answerCount { ...FigureFields }
        distribution { value count { ...FigureFields } }
        freeTextAnswers
      }
    }
  }
`,
  [FigureFields],
);

export const CreateSurveyMutation = graphql(
  `
  mutation CreateSurvey($input: CreateSurveyInput!) {
    createSurvey(input: $input) { __typename ... on CreateSurveySuccess { survey { id title } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SurveyByTokenQuery = graphql(`
  query SurveyByToken($token: String!) {
    surveyByToken(token: $token) {
      title
      centreName
      isOpen
      closesAt
      questions { id position kind textDa textEn }
    }
  }
`);

export const SubmitSurveyResponseMutation = graphql(
  `
  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) { __typename ... on SubmitSurveyResponseSuccess { isRecorded } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

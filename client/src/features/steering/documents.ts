// The GraphQL documents of the steering screens.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const AreaSurveyRoundsQuery = graphql(`
  query AreaSurveyRounds {
    areaSurveyRounds { id round year title }
  }
`);

export const RoundCentresQuery = graphql(`
  query AreaSurveyRoundCentres($roundId: ID!) {
    areaSurveyRollup(roundId: $roundId) { roundId questions { position centres { centreId centreName } } }
  }
`);

export const CentreAreaComparisonQuery = graphql(`
  query CentreAreaSurveyComparison($centreId: ID!, $baselineYear: Int!, $followUpYear: Int!) {
    centreAreaSurveyComparison(centreId: $centreId, baselineYear: $baselineYear, followUpYear: $followUpYear) {
      centreId
      centreName
      baselineResponseCount { display }
      followUpResponseCount { display }
      questions {
        position
        textDa
        textEn
        centreBaseline { mean { display } }
        areaBaseline { mean { display } }
        centreFollowUp { mean { display } }
        areaFollowUp { mean { display } }
        centreFollowUpVersusAreaBaseline { display }
      }
    }
  }
`);

export const DemandByHourQuery = graphql(`
  query DemandByHour($from: Date!, $to: Date!, $targetGroup: TargetGroup) {
    demandByHour(from: $from, to: $to, targetGroup: $targetGroup) {
      from
      to
      cells { weekday hour visitors { display value isSuppressed } }
      visitorsWithoutPeriod { display }
    }
  }
`);

export const FigureTrendQuery = graphql(`
  query FigureTrend($fromMonth: String!, $toMonth: String!) {
    figureDefinitions { key nameDa nameEn unit }
    figureTrend(fromMonth: $fromMonth, toMonth: $toMonth) {
      scopeName
      months { month figures { all { key display value isSuppressed } } }
    }
  }
`);

export const FigureTrendCsvQuery = graphql(`
  query FigureTrendCsv($fromMonth: String!, $toMonth: String!) {
    figureTrendCsv(fromMonth: $fromMonth, toMonth: $toMonth)
  }
`);

export const InitiativesQuery = graphql(`
  query Initiatives {
    initiatives {
      id
      title
      description
      kind
      status
      quickEffect
      maturity
      resourceDraw
      evaluationText
      ownerOrganisation { id name }
      centres { id name }
      measures { position kind figureKey surveyPosition labelDa labelEn baselineValue targetValue current { display value isSuppressed } progressPercent }
      idea { id centre { id name } }
    }
  }
`);

export const InitiativeEditorQuery = graphql(`
  query InitiativeEditor {
    initiativeEditorOptions {
      organisations { id name }
      centres { id name }
      commonQuestions { position textDa textEn }
    }
    figureDefinitions { key nameDa nameEn }
  }
`);

export const SaveInitiativeMutation = graphql(
  `
    mutation SaveInitiative($input: SaveInitiativeInput!) {
      saveInitiative(input: $input) {
        __typename
        ... on SaveInitiativeSuccess { initiative { id title } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const SetCentreCoreTaskMutation = graphql(
  `
    mutation SetCentreCoreTask($input: SetCentreCoreTaskInput!) {
      setCentreCoreTask(input: $input) {
        __typename
        ... on SetCentreCoreTaskSuccess { centre { id coreTask guidingPrinciples } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const IdeaFields = graphql(`
  fragment IdeaFields on Idea @_unmask {
    id kind source text raisedOn status answer answeredAt
    centre { id name operator { id name } }
    initiative { id title status }
  }
`);

export const PublicIdeasQuery = graphql(
  `
    query PublicIdeas($centreId: ID) {
      ideas(centreId: $centreId) { ...IdeaFields }
    }
  `,
  [IdeaFields],
);

export const OpenIdeasQuery = graphql(
  `
    query OpenIdeas {
      openIdeas { ...IdeaFields }
      initiativeEditorOptions { organisations { id name } }
    }
  `,
  [IdeaFields],
);

export const RaiseIdeaMutation = graphql(
  `
    mutation RaiseIdea($input: RaiseIdeaInput!) {
      raiseIdea(input: $input) {
        __typename
        ... on RaiseIdeaSuccess { isRecorded }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const QualifyIdeaMutation = graphql(
  `
    mutation QualifyIdea($input: QualifyIdeaInput!) {
      qualifyIdea(input: $input) {
        __typename
        ... on QualifyIdeaSuccess { idea { id status } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const DeleteIdeaMutation = graphql(
  `
    mutation DeleteIdea($id: ID!) {
      deleteIdea(id: $id) {
        __typename
        ... on DeleteIdeaSuccess { isDeleted }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

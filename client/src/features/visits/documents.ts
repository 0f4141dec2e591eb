// The GraphQL documents of the visits screens.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const VisitFields = graphql(`
  fragment VisitFields on Visit @_unmask {
    id
    title
    publicDescription
    internalNote
    status
    startsAt
    endsAt
    centreId
    centreName
    serviceUnitId
    serviceUnitName
    seriesId
    cancelReason
    declineReason
    space { id name }
    sequence
    viewerActions
    events { id type toStatus actorName actorUnitName reason previousStartsAt previousEndsAt at }
  }
`);

export const CentresForVisitsQuery = graphql(`
  query CentresForVisits {
    centres(first: 100) {
      edges { node { id name unitId street city } }
    }
  }
`);

/** The centres the viewer's units run, straight from each unit (no scan of the directory). */
export const ViewerCentresQuery = graphql(`
  query ViewerCentres {
    me {
      memberships { unit { id kind centre { id name unitId street city } } }
    }
  }
`);

export const VisitWindowsQuery = graphql(`
  query VisitWindowsOfCentre($centreId: ID!) {
    visitWindows(centreId: $centreId) { id weekday startMinute endMinute }
  }
`);

export const CentreWeekQuery = graphql(
  `
  query CentreWeek($centreId: ID!, $weekOf: Date!) {
    spaces(centreId: $centreId) { id name capacity description isActive accessibility }
    visitWindows(centreId: $centreId) { id weekday startMinute endMinute }
    visitWindowClosures(centreId: $centreId) { id date reason }
    thisWeekAtCentre(centreId: $centreId, weekOf: $weekOf) { ...VisitFields }
  }
`,
  [VisitFields],
);

/**
 * What CentreWeekQuery shows, any of which may be none yet: a change to one reloads the week
 * (urql's document cache only knows the types an answer holds).
 */
export const CENTRE_WEEK_TYPENAMES = ["Space", "VisitWindow", "VisitWindowClosure", "Visit"];

export const CentreVisitsQuery = graphql(
  `
  query CentreVisits($centreId: ID!, $from: DateTime!, $to: DateTime!) {
    centreVisits(centreId: $centreId, from: $from, to: $to) { ...VisitFields }
  }
`,
  [VisitFields],
);

export const ServiceVisitsQuery = graphql(
  `
  query ServiceVisits($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    serviceVisits(unitId: $unitId, from: $from, to: $to) { ...VisitFields }
  }
`,
  [VisitFields],
);

export const BookVisitMutation = graphql(
  `
  mutation BookVisit($input: BookVisitInput!) {
    bookVisit(input: $input) {
      __typename
      ... on BookVisitSuccess { data { ...VisitFields } }
      ... on VisitConflictError { conflictingVisit { id title serviceUnitName startsAt endsAt } }
      ...MutationErrorFields
    }
  }
`,
  [VisitFields, MutationErrorFields],
);

export const BookVisitSeriesMutation = graphql(
  `
  mutation BookVisitSeries($input: BookVisitSeriesInput!) {
    bookVisitSeries(input: $input) {
      __typename
      ... on BookVisitSeriesSuccess {
        data {
          visits { ...VisitFields }
          conflicts { date isClosed conflictingVisit { id title serviceUnitName startsAt endsAt } }
        }
      }
      ... on SeriesConflictError {
        conflicts { date isClosed conflictingVisit { id title serviceUnitName startsAt endsAt } }
      }
      ...MutationErrorFields
    }
  }
`,
  [VisitFields, MutationErrorFields],
);

export const ConfirmVisitMutation = graphql(
  `
  mutation ConfirmVisit($input: ConfirmVisitInput!) {
    confirmVisit(input: $input) { __typename ... on ConfirmVisitSuccess { data { ...VisitFields } } ...MutationErrorFields }
  }
`,
  [VisitFields, MutationErrorFields],
);

export const DeclineVisitMutation = graphql(
  `
  mutation DeclineVisit($input: DeclineVisitInput!) {
    declineVisit(input: $input) { __typename ... on DeclineVisitSuccess { data { ...VisitFields } } ...MutationErrorFields }
  }
`,
  [VisitFields, MutationErrorFields],
);

export const CancelVisitMutation = graphql(
  `
  mutation CancelVisit($input: CancelVisitInput!) {
    cancelVisit(input: $input) { __typename ... on CancelVisitSuccess { data { ...VisitFields } } ...MutationErrorFields }
  }
`,
  [VisitFields, MutationErrorFields],
);

export const CancelVisitSeriesMutation = graphql(
  `
  mutation CancelVisitSeries($input: CancelVisitSeriesInput!) {
    cancelVisitSeries(input: $input) { __typename ... on CancelVisitSeriesSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const CreateSpaceMutation = graphql(
  `
  mutation CreateSpace($input: CreateSpaceInput!) {
    createSpace(input: $input) { __typename ... on CreateSpaceSuccess { data { id name } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const UpdateSpaceMutation = graphql(
  `
  mutation UpdateSpace($input: UpdateSpaceInput!) {
    updateSpace(input: $input) { __typename ... on UpdateSpaceSuccess { data { id name } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SetVisitWindowsMutation = graphql(
  `
  mutation SetVisitWindows($input: SetVisitWindowsInput!) {
    setVisitWindows(input: $input) { __typename ... on SetVisitWindowsSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const AddClosureMutation = graphql(
  `
  mutation AddVisitWindowClosure($input: AddVisitWindowClosureInput!) {
    addVisitWindowClosure(input: $input) {
      __typename
      ... on AddVisitWindowClosureSuccess { data { id } }
      ... on ClosureHasVisitsError { collisions { date cause nameDa nameEn visit { id title status startsAt endsAt serviceUnitName } } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const RemoveClosureMutation = graphql(
  `
  mutation RemoveVisitWindowClosure($input: RemoveVisitWindowClosureInput!) {
    removeVisitWindowClosure(input: $input) { __typename ... on RemoveVisitWindowClosureSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const ServicesForTrustQuery = graphql(`
  query ServicesForTrust {
    services(first: 100) { edges { node { id name unitId } } }
  }
`);

export const SetServiceTrustedMutation = graphql(
  `
  mutation SetServiceTrusted($input: SetServiceTrustedInput!) {
    setServiceTrusted(input: $input) { __typename ... on SetServiceTrustedSuccess { data } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const FeedTokensQuery = graphql(`
  query CalendarFeedTokens($unitId: ID!) {
    calendarFeedTokens(unitId: $unitId) { id createdAt isActive revokedAt }
  }
`);

export const CreateFeedTokenMutation = graphql(
  `
  mutation CreateCalendarFeedToken($input: CreateCalendarFeedTokenInput!) {
    createCalendarFeedToken(input: $input) { __typename ... on CreateCalendarFeedTokenSuccess { data { url feedToken { id } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RevokeFeedTokenMutation = graphql(
  `
  mutation RevokeCalendarFeedToken($input: RevokeCalendarFeedTokenInput!) {
    revokeCalendarFeedToken(input: $input) { __typename ... on RevokeCalendarFeedTokenSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RescheduleVisitMutation = graphql(
  `
  mutation RescheduleVisit($input: RescheduleVisitInput!) {
    rescheduleVisit(input: $input) {
      __typename
      ... on RescheduleVisitSuccess { data { ...VisitFields } }
      ... on VisitConflictError { conflictingVisit { id title serviceUnitName startsAt endsAt } }
      ...MutationErrorFields
    }
  }
`,
  [VisitFields, MutationErrorFields],
);

// ───────────────────────────── issue 19: wishes, collisions ─────────────────────────────

export const WishFields = graphql(`
  fragment WishFields on VisitWish @_unmask {
    id
    status
    serviceKind
    targetGroups
    weekday
    startMinute
    endMinute
    whenDa
    whenEn
    description
    createdAt
    closedAt
    answerCount
    centre { id name }
    answers { id title status startsAt endsAt serviceUnitName seriesId }
  }
`);

export const CentreWishesQuery = graphql(
  `
  query CentreVisitWishes($centreId: ID!) {
    centreVisitWishes(centreId: $centreId) { ...WishFields }
  }
`,
  [WishFields],
);

export const ServiceWishesQuery = graphql(
  `
  query VisitWishesForService($serviceUnitId: ID!) {
    visitWishesForService(serviceUnitId: $serviceUnitId) { ...WishFields }
  }
`,
  [WishFields],
);

export const AreaWishesQuery = graphql(
  `
  query AreaVisitWishes {
    areaVisitWishes { ...WishFields }
  }
`,
  [WishFields],
);

export const PostWishMutation = graphql(
  `
  mutation PostVisitWish($input: PostVisitWishInput!) {
    postVisitWish(input: $input) { __typename ... on PostVisitWishSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const CloseWishMutation = graphql(
  `
  mutation CloseVisitWish($input: CloseVisitWishInput!) {
    closeVisitWish(input: $input) { __typename ... on CloseVisitWishSuccess { data { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const AnswerWishMutation = graphql(
  `
  mutation AnswerVisitWish($input: AnswerVisitWishInput!) {
    answerVisitWish(input: $input) {
      __typename
      ... on AnswerVisitWishSuccess { data { visits { id status startsAt } } }
      ... on VisitConflictError { conflictingVisit { id title serviceUnitName startsAt endsAt } }
      ... on SeriesConflictError { conflicts { date isClosed conflictingVisit { id title serviceUnitName startsAt endsAt } } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const SpacesQuery = graphql(`
  query SpacesOfCentre($centreId: ID!) {
    spaces(centreId: $centreId) { id name isActive }
  }
`);

export const CollisionFields = graphql(`
  fragment CollisionFields on VisitCollision @_unmask {
    date cause nameDa nameEn
    visit { id title status startsAt endsAt serviceUnitName }
  }
`);

export const UpcomingCollisionsQuery = graphql(
  `
  query UpcomingVisitCollisions($centreId: ID!) {
    upcomingVisitCollisions(centreId: $centreId) { ...CollisionFields }
  }
`,
  [CollisionFields],
);

export const CancelCollidingMutation = graphql(
  `
  mutation CancelCollidingVisits($input: CancelCollidingVisitsInput!) {
    cancelCollidingVisits(input: $input) { __typename ... on CancelCollidingVisitsSuccess { data { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

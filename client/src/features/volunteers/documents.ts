// The GraphQL documents of the volunteer screens.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const ShiftFields = graphql(`
  fragment ShiftFields on Shift @_unmask {
    id
    date
    startsAt
    endsAt
    staffing
    status
    cancelReason
    isKeyHolderGap
    mayBeCancelled
    keyHolderPlaces
    volunteerPlaces
    staffPlaces
    freePlaces { keyHolder volunteer staff }
    centre { id name }
    assignments { id role personName isMine }
    myAssignment { id role openSwap { id } }
  }
`);

export const MyShiftsQuery = graphql(
  `
  query MyShifts {
    myShifts { ...ShiftFields }
    openShifts(days: 28) { ...ShiftFields }
    openShiftSwaps { id assignment { id role shift { ...ShiftFields } } }
    hasShiftFeedLink
  }
`,
  [ShiftFields],
);

// The shift mutations select the changed shift: its type in the answer reloads every query
// showing shifts (the document cache refetches by __typename).
export const SignUpForShiftMutation = graphql(
  `
  mutation SignUpForShift($input: SignUpForShiftInput!) {
    signUpForShift(input: $input) { __typename ... on SignUpForShiftSuccess { assignment { id shift { id } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const LeaveShiftMutation = graphql(
  `
  mutation LeaveShift($input: ShiftIdInput!) {
    leaveShift(input: $input) { __typename ... on LeaveShiftSuccess { shift { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RequestShiftSwapMutation = graphql(
  `
  mutation RequestShiftSwap($input: ShiftIdInput!) {
    requestShiftSwap(input: $input) { __typename ... on RequestShiftSwapSuccess { swap { id assignment { id shift { id } } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const WithdrawShiftSwapMutation = graphql(
  `
  mutation WithdrawShiftSwap($input: ShiftSwapIdInput!) {
    withdrawShiftSwap(input: $input) { __typename ... on WithdrawShiftSwapSuccess { swap { id assignment { id shift { id } } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const AcceptShiftSwapMutation = graphql(
  `
  mutation AcceptShiftSwap($input: ShiftSwapIdInput!) {
    acceptShiftSwap(input: $input) { __typename ... on AcceptShiftSwapSuccess { swap { id assignment { id shift { id } } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const CreateShiftFeedLinkMutation = graphql(
  `
  mutation CreateShiftFeedLink {
    createShiftFeedLink { __typename ... on CreateShiftFeedLinkSuccess { link { url } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RevokeShiftFeedLinkMutation = graphql(
  `
  mutation RevokeShiftFeedLink {
    revokeShiftFeedLink { __typename ... on RevokeShiftFeedLinkSuccess { result { revoked } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const CentreRotaQuery = graphql(
  `
  query CentreRota($centreId: ID!, $fromDate: Date!, $toDate: Date!) {
    centre(id: $centreId) { id name }
    centreRota(centreId: $centreId, fromDate: $fromDate, toDate: $toDate) { ...ShiftFields }
  }
`,
  [ShiftFields],
);

export const CentreVolunteersQuery = graphql(`
  query CentreVolunteers($centreId: ID!) {
    centreVolunteers(centreId: $centreId) { userId name isKeyHolder }
    volunteerHours(centreId: $centreId, months: 6) { month hours shifts }
  }
`);

export const RecruitingAdminQuery = graphql(`
  query RecruitingAdmin($centreId: ID!) {
    centre(id: $centreId) { id rotaGapReminderDays }
    volunteerApplications(centreId: $centreId) { id name email phone message status deleteAfter call { title } }
    centreVolunteerCalls(centreId: $centreId) { id title whenText skills isPublished }
  }
`);

export const GenerateRotaMutation = graphql(
  `
  mutation GenerateRota($input: GenerateRotaInput!) {
    generateRota(input: $input) { __typename ... on GenerateRotaSuccess { summary { created updated cancelled } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SetShiftMayBeCancelledMutation = graphql(
  `
  mutation SetShiftMayBeCancelled($input: SetShiftMayBeCancelledInput!) {
    setShiftMayBeCancelled(input: $input) { __typename ... on SetShiftMayBeCancelledSuccess { shift { id mayBeCancelled } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SetTrainedKeyHolderMutation = graphql(
  `
  mutation SetTrainedKeyHolder($input: SetTrainedKeyHolderInput!) {
    setTrainedKeyHolder(input: $input) { __typename ... on SetTrainedKeyHolderSuccess { volunteer { userId isKeyHolder } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SetRotaGapReminderDaysMutation = graphql(
  `
  mutation SetRotaGapReminderDays($input: SetRotaGapReminderDaysInput!) {
    setRotaGapReminderDays(input: $input) { __typename ... on SetRotaGapReminderDaysSuccess { centre { id rotaGapReminderDays } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const AcceptApplicationMutation = graphql(
  `
  mutation AcceptVolunteerApplication($input: VolunteerApplicationIdInput!) {
    acceptVolunteerApplication(input: $input) {
      __typename
      ... on AcceptVolunteerApplicationSuccess { invitation { passwordLinkUrl application { id } } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const DeclineApplicationMutation = graphql(
  `
  mutation DeclineVolunteerApplication($input: VolunteerApplicationIdInput!) {
    declineVolunteerApplication(input: $input) { __typename ... on DeclineVolunteerApplicationSuccess { declined { applicationId } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const SaveVolunteerCallMutation = graphql(
  `
  mutation SaveVolunteerCall($input: SaveVolunteerCallInput!) {
    saveVolunteerCall(input: $input) { __typename ... on SaveVolunteerCallSuccess { call { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const RotaGapsQuery = graphql(
  `
  query RotaGaps($fromDate: Date!, $toDate: Date!) {
    rotaGaps(fromDate: $fromDate, toDate: $toDate) { id startsAt endsAt mayBeCancelled centre { id name } }
  }
`,
);

export const CentreVolunteerNoticesQuery = graphql(`
  query CentreVolunteerNotices($centreId: ID!) {
    centre(id: $centreId) {
      id
      name
      volunteerCalls { id title whenText skills description }
      mayBeCancelledShifts { id startsAt endsAt }
    }
  }
`);

export const VolunteerCallsQuery = graphql(`
  query VolunteerCalls {
    volunteerCalls { id title whenText skills description centre { id name city } }
    volunteerConsentText { version da en }
  }
`);

export const ApplyToVolunteerMutation = graphql(
  `
  mutation ApplyToVolunteer($input: ApplyToVolunteerInput!) {
    applyToVolunteer(input: $input) { __typename ... on ApplyToVolunteerSuccess { receipt { deleteAfter } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

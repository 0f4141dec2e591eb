// The GraphQL documents of the administration screens for centres, services, units and the security log.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const OpeningPeriodFields = graphql(`
  fragment AdminOpeningPeriodFields on OpeningPeriod @_unmask {
    id weekday startMinute endMinute isOvernight staffing note
  }
`);

export const HolidayPolicyFields = graphql(`
  fragment AdminHolidayPolicyFields on Centre @_unmask {
    publicHolidayPolicy publicHolidayStartMinute publicHolidayEndMinute
    commonClosedDaysPolicy commonClosedDaysStartMinute commonClosedDaysEndMinute
  }
`);

export const ExceptionFields = graphql(`
  fragment AdminExceptionFields on OpeningException @_unmask {
    id date kind startMinute endMinute reason
  }
`);

export const ActivityFields = graphql(`
  fragment AdminActivityFields on Activity @_unmask {
    id title description location place recurrence weekday startMinute endMinute startsAt endsAt whenDa whenEn
  }
`);

export const CentreProfileFields = graphql(`
  fragment AdminCentreProfileFields on Centre @_unmask {
    id name description street postalCode city phone email website askFor
    targetGroups offers accessibility languages isAnonymousWelcome minAge maxAge
    verifiedAt verifiedByName isVerificationDue
  }
`);

export const CentreAdminQuery = graphql(
  `
    query CentreAdmin($id: ID!) {
      units { id }
      centre(id: $id) {
        id
        name
        unitId
        coreTask
        guidingPrinciples
        ...AdminCentreProfileFields
        ...AdminHolidayPolicyFields
        openingPeriods { ...AdminOpeningPeriodFields }
        openingExceptions { ...AdminExceptionFields }
        activities { ...AdminActivityFields }
      }
    }
  `,
  [CentreProfileFields, HolidayPolicyFields, OpeningPeriodFields, ExceptionFields, ActivityFields],
);

export const UpdateCentreProfileMutation = graphql(
  `
    mutation AdminUpdateCentreProfile($input: UpdateCentreProfileInput!) {
      updateCentreProfile(input: $input) {
        __typename
        ... on UpdateCentreProfileSuccess { data { ...AdminCentreProfileFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, CentreProfileFields],
);

export const SetOpeningPeriodsMutation = graphql(
  `
    mutation AdminSetOpeningPeriods($input: SetOpeningPeriodsInput!) {
      setOpeningPeriods(input: $input) {
        __typename
        ... on SetOpeningPeriodsSuccess { data { id openingPeriods { ...AdminOpeningPeriodFields } } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, OpeningPeriodFields],
);

export const SetHolidayPolicyMutation = graphql(
  `
    mutation AdminSetHolidayPolicy($input: SetHolidayPolicyInput!) {
      setHolidayPolicy(input: $input) {
        __typename
        ... on SetHolidayPolicySuccess { data { id ...AdminHolidayPolicyFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, HolidayPolicyFields],
);

export const AddOpeningExceptionMutation = graphql(
  `
    mutation AdminAddOpeningException($input: AddOpeningExceptionInput!) {
      addOpeningException(input: $input) {
        __typename
        ... on AddOpeningExceptionSuccess { data { ...AdminExceptionFields } }
        ... on ClosureHasVisitsError { collisions { date cause nameDa nameEn visit { id title status startsAt endsAt serviceUnitName } } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ExceptionFields],
);

export const RemoveOpeningExceptionMutation = graphql(
  `
    mutation AdminRemoveOpeningException($input: RemoveOpeningExceptionInput!) {
      removeOpeningException(input: $input) {
        __typename
        ... on RemoveOpeningExceptionSuccess { data { id } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const CreateActivityMutation = graphql(
  `
    mutation AdminCreateActivity($input: CreateActivityInput!) {
      createActivity(input: $input) {
        __typename
        ... on CreateActivitySuccess { data { ...AdminActivityFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ActivityFields],
);

export const UpdateActivityMutation = graphql(
  `
    mutation AdminUpdateActivity($input: UpdateActivityInput!) {
      updateActivity(input: $input) {
        __typename
        ... on UpdateActivitySuccess { data { ...AdminActivityFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ActivityFields],
);

export const DeleteActivityMutation = graphql(
  `
    mutation AdminDeleteActivity($input: DeleteActivityInput!) {
      deleteActivity(input: $input) {
        __typename
        ... on DeleteActivitySuccess { data { id } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const ServiceProfileFields = graphql(`
  fragment AdminServiceProfileFields on Service @_unmask {
    id name unitId description street postalCode city phone email website
    intakeStatus typicalWaitDays responseWindowDays isAnonymousWelcome targetGroups languages minAge maxAge isSignpostingOnly
    verifiedAt verifiedByName isVerificationDue
    openingPeriods { id weekday startMinute endMinute note }
  }
`);

export const ServiceAdminQuery = graphql(
  `
    query ServiceAdmin($id: ID!) {
      units { id }
      service(id: $id) { ...AdminServiceProfileFields }
    }
  `,
  [ServiceProfileFields],
);

export const UpdateServiceProfileMutation = graphql(
  `
    mutation AdminUpdateServiceProfile($input: UpdateServiceProfileInput!) {
      updateServiceProfile(input: $input) {
        __typename
        ... on UpdateServiceProfileSuccess { data { ...AdminServiceProfileFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ServiceProfileFields],
);

export const SetServiceOpeningPeriodsMutation = graphql(
  `
    mutation AdminSetServiceOpeningPeriods($input: SetServiceOpeningPeriodsInput!) {
      setServiceOpeningPeriods(input: $input) {
        __typename
        ... on SetServiceOpeningPeriodsSuccess { data { ...AdminServiceProfileFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ServiceProfileFields],
);

/** The units the viewer administers, with the centre or service behind each. */
export const AdministeredUnitsQuery = graphql(`
  query AdministeredUnits {
    units { id name kind organisation { id name } centre { id } service { id } }
  }
`);

export const MemberUserFields = graphql(`
  fragment AdminMemberUserFields on User @_unmask {
    id name email isActive hasPassword lockedUntil
  }
`);

export const UnitMembersQuery = graphql(
  `
    query UnitMembers {
      units {
        id
        name
        kind
        organisation { id name }
        members { id role user { ...AdminMemberUserFields } }
      }
      users(first: 100) {
        edges { node { ...AdminMemberUserFields } }
      }
    }
  `,
  [MemberUserFields],
);

export const PasswordLinkFields = graphql(`
  fragment AdminPasswordLinkFields on PasswordLink @_unmask {
    url
    isEmailed
    expiresAt
    user { id name }
  }
`);

export const AddMembershipMutation = graphql(
  `
    mutation AdminAddMembership($input: MembershipInput!) {
      addMembership(input: $input) {
        __typename
        ... on AddMembershipSuccess { membership { id } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const ChangeMembershipRoleMutation = graphql(
  `
    mutation AdminChangeMembershipRole($input: MembershipInput!) {
      changeMembershipRole(input: $input) {
        __typename
        ... on ChangeMembershipRoleSuccess { membership { id role } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const RemoveMembershipMutation = graphql(
  `
    mutation AdminRemoveMembership($input: RemoveMembershipInput!) {
      removeMembership(input: $input) {
        __typename
        ... on RemoveMembershipSuccess { user { id } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const DeactivateUserMutation = graphql(
  `
    mutation AdminDeactivateUser($input: UserIdInput!) {
      deactivateUser(input: $input) {
        __typename
        ... on DeactivateUserSuccess { user { id isActive } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const ReactivateUserMutation = graphql(
  `
    mutation AdminReactivateUser($input: UserIdInput!) {
      reactivateUser(input: $input) {
        __typename
        ... on ReactivateUserSuccess { user { id isActive } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const IssuePasswordResetMutation = graphql(
  `
    mutation AdminIssuePasswordReset($input: UserIdInput!) {
      issuePasswordReset(input: $input) {
        __typename
        ... on IssuePasswordResetSuccess { passwordLink { ...AdminPasswordLinkFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, PasswordLinkFields],
);

export const CreateUserMutation = graphql(
  `
    mutation AdminCreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ... on CreateUserSuccess { passwordLink { ...AdminPasswordLinkFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, PasswordLinkFields],
);

export const SecurityEventsQuery = graphql(`
  query AdminSecurityEvents($first: Int!, $after: String, $organisationId: ID) {
    securityEvents(first: $first, after: $after, organisationId: $organisationId) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          at
          kind
          detail
          ip
          actor { id name }
          target { id name }
          unit { id name }
          organisation { id name }
        }
      }
    }
  }
`);

export const ConfirmCentreDetailsMutation = graphql(
  `
    mutation AdminConfirmCentreDetails($input: ConfirmCentreDetailsInput!) {
      confirmCentreDetails(input: $input) {
        __typename
        ... on ConfirmCentreDetailsSuccess { data { id verifiedAt verifiedByName isVerificationDue } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const ConfirmServiceDetailsMutation = graphql(
  `
    mutation AdminConfirmServiceDetails($input: ConfirmServiceDetailsInput!) {
      confirmServiceDetails(input: $input) {
        __typename
        ... on ConfirmServiceDetailsSuccess { data { id verifiedAt verifiedByName isVerificationDue } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

// The taxonomy (platform admins): target groups and offers as terms with stable codes.
export const TaxonomyTermFields = graphql(`
  fragment AdminTaxonomyTermFields on TaxonomyTerm @_unmask {
    id vocabulary code nameDa nameEn descriptionDa descriptionEn position isRetired retiredAt usageCount
  }
`);

export const TaxonomyAdminQuery = graphql(
  `
    query AdminTaxonomy {
      taxonomyTerms(includeRetired: true) { ...AdminTaxonomyTermFields }
    }
  `,
  [TaxonomyTermFields],
);

export const CreateTaxonomyTermMutation = graphql(
  `
    mutation AdminCreateTaxonomyTerm($input: CreateTaxonomyTermInput!) {
      createTaxonomyTerm(input: $input) {
        __typename
        ... on CreateTaxonomyTermSuccess { data { ...AdminTaxonomyTermFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, TaxonomyTermFields],
);

export const UpdateTaxonomyTermMutation = graphql(
  `
    mutation AdminUpdateTaxonomyTerm($input: UpdateTaxonomyTermInput!) {
      updateTaxonomyTerm(input: $input) {
        __typename
        ... on UpdateTaxonomyTermSuccess { data { ...AdminTaxonomyTermFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, TaxonomyTermFields],
);

export const RetireTaxonomyTermMutation = graphql(
  `
    mutation AdminRetireTaxonomyTerm($input: TaxonomyTermIdInput!) {
      retireTaxonomyTerm(input: $input) {
        __typename
        ... on RetireTaxonomyTermSuccess { data { ...AdminTaxonomyTermFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, TaxonomyTermFields],
);

export const ReinstateTaxonomyTermMutation = graphql(
  `
    mutation AdminReinstateTaxonomyTerm($input: TaxonomyTermIdInput!) {
      reinstateTaxonomyTerm(input: $input) {
        __typename
        ... on ReinstateTaxonomyTermSuccess { data { ...AdminTaxonomyTermFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, TaxonomyTermFields],
);

// Offers outside the platform, listed for signposting only (platform admins).
export const SignpostingAdminQuery = graphql(`
  query AdminSignposting {
    services(filter: { isSignpostingOnly: true }, first: 100) {
      edges { node { id name operatorName phone email website minAge maxAge targetGroupTerms { code nameDa nameEn } } }
    }
  }
`);

export const CreateSignpostingServiceMutation = graphql(
  `
    mutation AdminCreateSignpostingService($input: CreateSignpostingServiceInput!) {
      createSignpostingService(input: $input) {
        __typename
        ... on CreateSignpostingServiceSuccess { data { id name } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const DeleteSignpostingServiceMutation = graphql(
  `
    mutation AdminDeleteSignpostingService($input: DeleteSignpostingServiceInput!) {
      deleteSignpostingService(input: $input) {
        __typename
        ... on DeleteSignpostingServiceSuccess { data }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

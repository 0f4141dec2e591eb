// GraphQL documents of the notification screens.
import { graphql, MutationErrorFields } from "../../graphql.ts";

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications {
    notifications(first: 50) {
      id
      kind
      text
      textDa
      path
      isRead
      createdAt
    }
    unreadNotificationCount
  }
`);

export const MarkNotificationsReadMutation = graphql(
  `
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
      markNotificationsRead(input: $input) {
        __typename
        ... on MarkNotificationsReadSuccess {
          unreadCount
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      locale
      digestHour
      phone
      emailBouncedAt
      kinds {
        kind
        mode
        sms
        label
        labelDa
      }
    }
  }
`);

export const UpdateNotificationPreferencesMutation = graphql(
  `
    mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
      updateNotificationPreferences(input: $input) {
        __typename
        ... on UpdateNotificationPreferencesSuccess {
          preferences {
            locale
            digestHour
            phone
            emailBouncedAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const UnitMailboxQuery = graphql(`
  query UnitMailbox($unitId: ID!) {
    unitNotificationMailbox(unitId: $unitId) {
      email
      bouncedAt
    }
    failedNotificationDeliveries(unitId: $unitId) {
      id
      status
      address
      attempts
      lastError
      createdAt
    }
  }
`);

export const SetUnitMailboxMutation = graphql(
  `
    mutation SetUnitMailbox($input: SetUnitNotificationMailboxInput!) {
      setUnitNotificationMailbox(input: $input) {
        __typename
        ... on SetUnitNotificationMailboxSuccess {
          mailbox {
            email
            bouncedAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const DevelopmentOutboxQuery = graphql(`
  query DevelopmentOutbox {
    developmentOutbox {
      isEnabled
      mail {
        id
        receivedAt
        to
        subject
        text
      }
      sms {
        to
        text
        at
      }
    }
  }
`);

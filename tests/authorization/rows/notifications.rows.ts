// Notifications: everyone signed in has their own list and preferences; a unit's shared
// mailbox and its failed deliveries are for those who administer the unit; the development
// outbox is for platform admins.
import type { MatrixRow } from "../matrix.ts";
import { SIGNED_IN, type Persona } from "../personas.ts";

const SENDING_CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];

export const rows: MatrixRow[] = [
  { operation: "Query.notifications", allowed: SIGNED_IN, request: async () => ({ query: "{ notifications { id kind textDa path isRead } }" }) },
  { operation: "Query.unreadNotificationCount", allowed: SIGNED_IN, request: async () => ({ query: "{ unreadNotificationCount }" }) },
  {
    operation: "Mutation.markNotificationsRead",
    allowed: SIGNED_IN,
    request: async () => ({ query: "mutation { markNotificationsRead(input: {}) { __typename } }" }),
  },
  {
    operation: "Query.notificationPreferences",
    allowed: SIGNED_IN,
    request: async () => ({ query: "{ notificationPreferences { locale digestHour kinds { kind mode } } }" }),
  },
  {
    operation: "Mutation.updateNotificationPreferences",
    allowed: SIGNED_IN,
    request: async () => ({
      query: "mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { __typename } }",
      variables: { input: { digestHour: 7, kinds: [{ kind: "VISIT_CONFIRMED", mode: "OFF" }] } },
    }),
  },
  {
    operation: "Query.unitNotificationMailbox",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) => ({
      query: "query($unitId: ID!) { unitNotificationMailbox(unitId: $unitId) { email bouncedAt } }",
      variables: { unitId: world.sendingCentre.unitId },
    }),
  },
  {
    operation: "Mutation.setUnitNotificationMailbox",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) => ({
      query: "mutation($input: SetUnitNotificationMailboxInput!) { setUnitNotificationMailbox(input: $input) { __typename } }",
      variables: { input: { unitId: world.sendingCentre.unitId, email: "vaerestedet@matrix.example" } },
    }),
  },
  {
    operation: "Query.failedNotificationDeliveries",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) => ({
      query: "query($unitId: ID!) { failedNotificationDeliveries(unitId: $unitId) { id status } }",
      variables: { unitId: world.sendingCentre.unitId },
    }),
  },
  {
    operation: "Query.developmentOutbox",
    allowed: ["platformAdmin"],
    request: async () => ({ query: "{ developmentOutbox { isEnabled mail { id subject } sms { to } } }" }),
  },
];

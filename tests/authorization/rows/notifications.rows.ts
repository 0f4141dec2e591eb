// Notifications: everyone signed in has their own list and preferences; a unit's shared
// mailbox and its failed deliveries are for those who administer the unit; the development
// outbox is for platform admins.
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixRow } from "../matrix.ts";
import { SIGNED_IN, type Persona } from "../personas.ts";

const SENDING_CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];

export const rows: MatrixRow[] = [
  {
    operation: "Query.notifications",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`{ notifications { id kind textDa path isRead } }`)),
  },
  { operation: "Query.unreadNotificationCount", allowed: SIGNED_IN, request: async () => matrixRequest(graphql(`{ unreadNotificationCount }`)) },
  {
    operation: "Mutation.markNotificationsRead",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`mutation { markNotificationsRead(input: {}) { __typename } }`)),
  },
  {
    operation: "Query.notificationPreferences",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`{ notificationPreferences { locale digestHour kinds { kind mode } } }`)),
  },
  {
    operation: "Mutation.updateNotificationPreferences",
    allowed: SIGNED_IN,
    request: async () =>
      matrixRequest(
        graphql(`mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { __typename } }`),
        { input: { digestHour: 7, kinds: [{ kind: "VISIT_CONFIRMED", mode: "OFF" }] } },
      ),
  },
  {
    operation: "Query.unitNotificationMailbox",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query($unitId: ID!) { unitNotificationMailbox(unitId: $unitId) { email bouncedAt } }`),
        { unitId: world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Mutation.setUnitNotificationMailbox",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: SetUnitNotificationMailboxInput!) { setUnitNotificationMailbox(input: $input) { __typename } }`),
        { input: { unitId: world.sendingCentre.unitId, email: "vaerestedet@matrix.example" } },
      ),
  },
  {
    operation: "Query.failedNotificationDeliveries",
    allowed: SENDING_CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query($unitId: ID!) { failedNotificationDeliveries(unitId: $unitId) { id status } }`),
        { unitId: world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Query.developmentOutbox",
    allowed: ["platformAdmin"],
    request: async () => matrixRequest(graphql(`{ developmentOutbox { isEnabled mail { id subject } sms { to } } }`)),
  },
];

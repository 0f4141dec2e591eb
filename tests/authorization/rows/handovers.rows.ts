// Handovers: only members of the sending and receiving units, and each transition only for its
// side. Coordinators, organisation admins and platform admins are not let in (need to know).
import type { HandoverStatus } from "../../../server/generated/prisma/enums.ts";
import { generateHandoverCode } from "../../../server/modules/handovers/handover-code.ts";
import type { TestApp } from "../../support/app.ts";
import type { TadaDocumentNode } from "gql.tada";
import { graphql, run } from "../../support/graphql.ts";
import { matrixRequest, outcomeOf, sendable, type KnownFields, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { SIGNED_IN, type Persona, type World } from "../personas.ts";
import { subscribe } from "../../support/handovers.ts";

const SENDERS: Persona[] = ["sendingMember", "unitAdmin"];
const RECEIVERS: Persona[] = ["receivingMember"];
const PARTICIPANTS: Persona[] = [...SENDERS, ...RECEIVERS];

/** A throwaway handover from the world's centre to its service, so cells don't interfere. */
async function throwawayHandover(app: TestApp, world: World, status: HandoverStatus, withConsent = false): Promise<string> {
  const now = app.clock.now();
  const handover = await app.prisma.handover.create({
    data: {
      code: generateHandoverCode(),
      fromUnitId: world.sendingCentre.unitId,
      toUnitId: world.receivingService.unitId,
      createdById: world.userIds.sendingMember,
      status,
      purpose: "Matrix",
      helpCategories: ["OTHER"],
      sentAt: status === "DRAFT" ? null : now,
      expiresAt: status === "DRAFT" ? null : new Date(now.getTime() + 5 * 86_400_000),
      ...(withConsent
        ? {
            consent: {
              create: {
                fields: ["FIRST_NAME"],
                recipientUnitId: world.receivingService.unitId,
                purpose: "Matrix",
                method: "VERBAL",
                recordedById: world.userIds.sendingMember,
                givenAt: now,
                validUntil: new Date(now.getTime() + 30 * 86_400_000),
              },
            },
            personalData: { create: { firstName: "Kim (alias)" } },
          }
        : {}),
    },
  });
  return handover.id;
}

/**
 * A row for a transition mutation taking `input: { handoverId, ...extra }`, run on a throwaway
 * handover in the given status.
 */
function transitionRow<Data, Input extends { handoverId: string }>(
  mutation: string,
  document: TadaDocumentNode<Data, { input: Input }> & KnownFields<Data>,
  allowed: Persona[],
  status: HandoverStatus,
  extra: Omit<Input, "handoverId">,
  withConsent = false,
): MatrixRow {
  return {
    operation: `Mutation.${mutation}`,
    allowed,
    request: async ({ app, world }: MatrixContext) => {
      const input = { handoverId: await throwawayHandover(app, world, status, withConsent), ...extra };
      // Omit<Input, "handoverId"> plus the handoverId is the whole of Input; TypeScript cannot see that for a generic Input.
      return sendable(document, { input: input as Input });
    },
  };
}

const HandoverByCode = graphql(`query ($code: String!) { handoverByCode(code: $code) { id } }`);

export const rows: MatrixRow[] = [
  {
    operation: "Query.handover",
    allowed: PARTICIPANTS,
    request: async ({ world }) => matrixRequest(graphql(`query ($id: ID!) { handover(id: $id) { id code } }`), { id: world.handoverId }),
  },
  {
    operation: "Query.handoverByCode",
    allowed: PARTICIPANTS,
    request: async ({ world }) => matrixRequest(HandoverByCode, { code: world.handoverCode }),
    // Outsiders get NOT_FOUND rather than FORBIDDEN, so a code's existence is never confirmed.
    run: async (caller, { world }) => {
      const response = await run(caller, HandoverByCode, { code: world.handoverCode });
      if (response.errors?.some((error) => error.extensions?.["code"] === "NOT_FOUND")) return "denied";
      return outcomeOf(response);
    },
  },
  {
    operation: "Query.receivedHandovers",
    allowed: RECEIVERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { receivedHandovers(unitId: $unitId) { edges { node { id } } } }`),
        { unitId: world.receivingService.unitId },
      ),
  },
  {
    operation: "Query.sentHandovers",
    allowed: SENDERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { sentHandovers(unitId: $unitId) { edges { node { id } } } }`),
        { unitId: world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Query.handoverUnreadCounts",
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`{ handoverUnreadCounts { unit { id } receivedUnread sentUnread } }`)),
  },
  {
    operation: "Query.handoverAuditTrail",
    // The unit's own administrator only; organisation and platform admins are not members.
    allowed: ["unitAdmin"],
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { handoverAuditTrail(unitId: $unitId) { edges { node { id } } } }`),
        { unitId: world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Mutation.createHandover",
    allowed: SENDERS,
    request: async ({ world }) =>
      matrixRequest(graphql(`mutation ($input: CreateHandoverInput!) { createHandover(input: $input) { __typename } }`), {
        input: { fromUnitId: world.sendingCentre.unitId, toUnitId: world.receivingService.unitId, purpose: "Matrix", helpCategories: ["OTHER"] },
      }),
  },
  transitionRow(
    "sendHandover",
    graphql(`mutation ($input: HandoverIdInput!) { sendHandover(input: $input) { __typename } }`),
    SENDERS,
    "DRAFT",
    {},
  ),
  transitionRow(
    "markHandoverReceived",
    graphql(`mutation ($input: HandoverIdInput!) { markHandoverReceived(input: $input) { __typename } }`),
    RECEIVERS,
    "SENT",
    {},
  ),
  transitionRow(
    "acceptHandover",
    graphql(`mutation ($input: AcceptHandoverInput!) { acceptHandover(input: $input) { __typename } }`),
    RECEIVERS,
    "SENT",
    {},
  ),
  transitionRow(
    "declineHandover",
    graphql(`mutation ($input: DeclineHandoverInput!) { declineHandover(input: $input) { __typename } }`),
    RECEIVERS,
    "SENT",
    { reasonCode: "FULL_OR_WAITING_LIST", reason: "Matrix" },
  ),
  transitionRow(
    "completeHandover",
    graphql(`mutation ($input: CompleteHandoverInput!) { completeHandover(input: $input) { __typename } }`),
    RECEIVERS,
    "ACCEPTED",
    { outcome: "CONNECTED" },
  ),
  transitionRow(
    "cancelHandover",
    graphql(`mutation ($input: CancelHandoverInput!) { cancelHandover(input: $input) { __typename } }`),
    SENDERS,
    "SENT",
    { reason: "Matrix" },
  ),
  transitionRow(
    "withdrawConsent",
    graphql(`mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`),
    SENDERS,
    "SENT",
    {},
    true,
  ),
  transitionRow(
    "holdHandover",
    graphql(`mutation ($input: HoldHandoverInput!) { holdHandover(input: $input) { __typename } }`),
    RECEIVERS,
    "ACCEPTED",
    { lookAgainAt: "2027-06-01T09:00:00.000Z" },
  ),
  transitionRow(
    "resumeHandover",
    graphql(`mutation ($input: ResumeHandoverInput!) { resumeHandover(input: $input) { __typename } }`),
    RECEIVERS,
    "ON_HOLD",
    {},
  ),
  transitionRow(
    "retryHandoverAfterNoShow",
    graphql(`mutation ($input: RetryHandoverAfterNoShowInput!) { retryHandoverAfterNoShow(input: $input) { __typename } }`),
    RECEIVERS,
    "ACCEPTED",
    { proposedMeetingAt: "2027-06-01T09:00:00.000Z" },
  ),
  {
    operation: "Mutation.markHandoverRead",
    allowed: PARTICIPANTS,
    request: async ({ app, world }) =>
      matrixRequest(
        graphql(`mutation ($id: ID!) { markHandoverRead(handoverId: $id) { __typename } }`),
        { id: await throwawayHandover(app, world, "SENT") },
      ),
  },
  {
    operation: "Subscription.handoverChanged",
    allowed: RECEIVERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`subscription ($unitId: ID!) { handoverChanged(unitId: $unitId) { handoverId } }`),
        { unitId: world.receivingService.unitId },
      ),
    // Allowed means an event actually arrives; denied means the stream answers with a denial.
    run: async (caller, { app, world }) => {
      const unitId = world.receivingService.unitId;
      const stream = await subscribe(app.url, caller, unitId);
      try {
        for (let attempt = 0; attempt < 10; attempt++) {
          const payload = await stream.next(300);
          if (payload) return payload.data?.handoverChanged ? "allowed" : outcomeOf(payload);
          app.live.pubsub.publish("handover:changed", { handoverId: world.handoverId, unitIds: [unitId], status: "SENT" });
        }
        return "denied";
      } finally {
        stream.close();
      }
    },
  },
  {
    operation: "Query.serviceHandoverFigures",
    // Figures about a unit, never a person, suppressed below 5: every signed-in professional choosing a service.
    allowed: SIGNED_IN,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($ids: [ID!]!) { serviceHandoverFigures(unitIds: $ids) { unitId shareAccepted { display } } }`),
        { ids: [world.receivingService.unitId] },
      ),
  },
  {
    operation: "Query.handoverThread",
    allowed: PARTICIPANTS,
    request: async ({ world }) =>
      matrixRequest(graphql(`query ($id: ID!) { handoverThread(handoverId: $id) { id text } }`), { id: world.handoverId }),
  },
  {
    operation: "Mutation.postHandoverMessage",
    allowed: PARTICIPANTS,
    request: async ({ app, world }) =>
      matrixRequest(
        graphql(`mutation ($input: PostHandoverMessageInput!) { postHandoverMessage(input: $input) { __typename } }`),
        { input: { handoverId: await throwawayHandover(app, world, "SENT"), text: "Matrix" } },
      ),
  },
  {
    operation: "Query.proposeServices",
    // Needs first: ranked directory services with unit-level figures, for every signed-in professional.
    allowed: SIGNED_IN,
    request: async () => matrixRequest(graphql(`query { proposeServices(needs: { helpCategories: [HOUSING] }) { rank service { id } } }`)),
  },
  {
    operation: "Query.claimableHandoverRequests",
    // A unit's own members only: the open requests its group may take.
    allowed: RECEIVERS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`query ($unitId: ID!) { claimableHandoverRequests(unitId: $unitId) { handoverId } }`),
        { unitId: world.receivingService.unitId },
      ),
  },
  {
    operation: "Mutation.claimHandoverRequest",
    // The members of a unit in the request's group; the world's service (housing support, no address) is in every such group.
    allowed: RECEIVERS,
    request: async ({ app, world }) =>
      matrixRequest(
        graphql(`mutation ($input: ClaimHandoverRequestInput!) { claimHandoverRequest(input: $input) { __typename } }`),
        { input: { handoverId: await throwawayOpenRequest(app, world), unitId: world.receivingService.unitId } },
      ),
  },
];

/** An open request from the world's centre to "any housing support near Matrixby", unclaimed. */
async function throwawayOpenRequest(app: TestApp, world: World): Promise<string> {
  const now = app.clock.now();
  const handover = await app.prisma.handover.create({
    data: {
      code: generateHandoverCode(),
      fromUnitId: world.sendingCentre.unitId,
      toUnitId: null,
      createdById: world.userIds.sendingMember,
      status: "OPEN",
      purpose: "Matrix",
      helpCategories: ["HOUSING"],
      sentAt: now,
      expiresAt: new Date(now.getTime() + 5 * 86_400_000),
      openRequest: { create: { serviceKind: "HOUSING_SUPPORT", areaName: "Matrixby", latitude: 55.49, longitude: 9.47, radiusKm: 15 } },
    },
  });
  return handover.id;
}

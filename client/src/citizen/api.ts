// The citizen page's GraphQL client: typed documents (checked against schema.graphql like the
// professional client's) through @urql/core with fetch only (no cache, no cookies: the access
// code is the credential). Nothing from the professional client is imported, so this page loads
// only its own bundle.
import { Client, fetchExchange, type AnyVariables } from "@urql/core";
import { initGraphQLTada, type TadaDocumentNode } from "gql.tada";
import type { introspection } from "../graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string };
}>();

export type { ResultOf, VariablesOf } from "gql.tada";

export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

const client = new Client({
  url: "/graphql",
  exchanges: [fetchExchange],
  preferGetMethod: false,
  // why: the server's CSRF prevention only accepts requests carrying this header.
  fetchOptions: { credentials: "omit", headers: { "x-graphql-csrf": "1" } },
});

/** Runs one query or mutation; throws NetworkError when no GraphQL answer with data arrives. */
export async function request<Data, Variables extends AnyVariables>(document: TadaDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
  const isMutation = document.definitions.some((definition) => definition.kind === "OperationDefinition" && definition.operation === "mutation");
  const result = await (isMutation ? client.mutation(document, variables) : client.query(document, variables, { requestPolicy: "network-only" })).toPromise();
  if (!result.data || result.error) throw new NetworkError(result.error?.message ?? "No data");
  return result.data;
}

const CitizenHandoverFields = graphql(`
  fragment CitizenHandoverFields on CitizenHandover @_unmask {
    handoverCode
    status
    contactChannel
    sentAt
    answerBy
    closedAt
    sender { name isCentre phone address }
    receiver { name isCentre phone address }
    meeting { startsAt endsAt place address }
    consent { fields recipient { name } purposes method givenAt validUntil }
    canWithdrawConsent
    canSayNoLongerNeeded
    canAnswerFeedback
    hasAnsweredFeedback
  }
`);

export const CitizenHandoverQuery = graphql(
  `
  query CitizenHandover($access: CitizenAccessInput!) {
    citizenHandover(access: $access) {
      __typename
      ... on CitizenHandoverSuccess {
        view {
          __typename
          ...CitizenHandoverFields
          ... on ClosedCitizenHandover { isClosed }
        }
      }
    }
  }
`,
  [CitizenHandoverFields],
);

export const CloseHandoverMutation = graphql(`
  mutation CloseHandoverAsCitizen($input: CloseHandoverAsCitizenInput!) {
    closeHandoverAsCitizen(input: $input) {
      __typename
      ... on CloseHandoverAsCitizenSuccess { isClosed }
    }
  }
`);

export const AnswerFeedbackMutation = graphql(`
  mutation AnswerCitizenFeedback($input: AnswerCitizenFeedbackInput!) {
    answerCitizenFeedback(input: $input) {
      __typename
      ... on AnswerCitizenFeedbackSuccess { isRecorded }
    }
  }
`);

export type Access = { token: string } | { code: string; pin: string };

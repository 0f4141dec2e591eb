// The citizen page's own small GraphQL client: typed documents (checked against schema.graphql
// like the professional client's) and one fetch. Nothing from the professional client is
// imported, so this page loads only its own bundle.
import { print } from "@0no-co/graphql.web";
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

/** POSTs one operation; throws NetworkError when no GraphQL answer with data arrives. */
export async function request<Data, Variables>(document: TadaDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "omit",
      headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Data | null; errors?: unknown[] };
  if (!body.data || body.errors?.length) throw new NetworkError(`HTTP ${response.status}`);
  return body.data;
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

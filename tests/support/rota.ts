// Typed documents the volunteers tests share.
import { graphql } from "./graphql.ts";

export const GENERATE_ROTA = graphql(`
  mutation GenerateRota($input: GenerateRotaInput!) {
    generateRota(input: $input) {
      __typename
      ... on GenerateRotaSuccess { summary { created updated cancelled } }
      ... on Error { code message }
    }
  }
`);

export const CENTRE_ROTA = graphql(`
  query CentreRota($centreId: ID!, $fromDate: Date!, $toDate: Date!) {
    centreRota(centreId: $centreId, fromDate: $fromDate, toDate: $toDate) {
      id date startsAt endsAt staffing status cancelReason isKeyHolderGap mayBeCancelled isExtra
      keyHolderPlaces volunteerPlaces staffPlaces
      freePlaces { keyHolder volunteer staff }
      assignments { role place personName isMine }
    }
  }
`);

export const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpForShiftInput!) {
    signUpForShift(input: $input) {
      __typename
      ... on SignUpForShiftSuccess { assignment { id role place } }
      ... on Error { code message messageDa }
    }
  }
`);

export const ROTA_GAPS = graphql(`
  query RotaGaps($fromDate: Date!, $toDate: Date!) {
    rotaGaps(fromDate: $fromDate, toDate: $toDate) { id date startsAt endsAt centre { id name } }
  }
`);

// Documents and inputs the visits tests share.
import { graphql } from "./graphql.ts";
import type { VisitsWorld } from "./world.ts";

/** The visit as the visits tests read it. */
export const VisitFields = graphql(`
  fragment VisitFields on Visit @_unmask {
    id status title publicDescription internalNote declineReason cancelReason startsAt endsAt sequence seriesId centreName serviceUnitName space { name }
  }
`);

export const BookVisit = graphql(
  `mutation ($input: BookVisitInput!) {
    bookVisit(input: $input) {
      __typename
      ... on BookVisitSuccess { data { ...VisitFields } }
      ... on VisitConflictError { code message messageDa conflictingVisit { id title serviceUnitName startsAt endsAt } }
      ... on ValidationError { code issues { field } }
      ... on Error { code message }
    }
  }`,
  [VisitFields],
);

export function bookingInput(world: VisitsWorld, startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) {
  return {
    centreId: world.centreId,
    spaceId: world.spaceId,
    serviceUnitId: world.serviceUnitId,
    startsAt,
    endsAt,
    title: "Spørg jobkonsulenten — ingen tidsbestilling",
    publicDescription: "Kom forbi og få en snak om job og uddannelse.",
    internalNote: "Husk nøgle til skabet.",
    ...overrides,
  };
}

// Documents and inputs the visits tests share.
import type { VisitsWorld } from "./world.ts";

export const VISIT_FIELDS = `id status title publicDescription internalNote declineReason cancelReason startsAt endsAt sequence seriesId centreName serviceUnitName space { name }`;

export const BOOK_VISIT = `mutation ($input: BookVisitInput!) {
  bookVisit(input: $input) {
    __typename
    ... on BookVisitSuccess { data { ${VISIT_FIELDS} } }
    ... on VisitConflictError { code message messageDa conflictingVisit { id title serviceUnitName startsAt endsAt } }
    ... on ValidationError { code issues { field } }
    ... on Error { code message }
  }
}`;

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

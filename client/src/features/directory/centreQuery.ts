import { graphql, useQuery } from "../../graphql.ts";
import { OpeningStatusFields } from "./OpeningStatusBadge.tsx";
import { WeekdayHoursFields } from "./OpeningHours.tsx";

/** Everything the centre page and the printable card show about a centre. */
export const CentreDetailsQuery = graphql(
  `
    query CentreDetails($id: ID!) {
      centre(id: $id) {
        id
        unitId
        name
        description
        street
        postalCode
        city
        latitude
        longitude
        phone
        email
        website
        askFor
        coreTask
        guidingPrinciples
        isAnonymousWelcome
        languages
        accessibility
        targetGroupTerms { code nameDa nameEn }
        offerTerms { code nameDa nameEn }
        minAge
        maxAge
        operator { id name }
        openingStatus { ...OpeningStatusFields }
        openingHours { ...WeekdayHoursFields }
        upcomingExceptions { date nameDa nameEn hoursDa hoursEn isClosed kind reason }
        activities { id title description whenDa whenEn location place }
      }
    }
  `,
  [OpeningStatusFields, WeekdayHoursFields],
);

export function useCentreDetails(id: string) {
  return useQuery(CentreDetailsQuery, { id });
}

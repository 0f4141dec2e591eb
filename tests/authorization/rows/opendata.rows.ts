// Open data: confirming that a directory entry is correct (HSDS assured_date) belongs to the
// entry's own unit admins, like every other change to the entry.
import type { MatrixRow } from "../matrix.ts";
import type { Persona } from "../personas.ts";

const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const SERVICE_ADMINS: Persona[] = ["organisationAdmin", "platformAdmin"];
const RESULT = "{ __typename }";

export const rows: MatrixRow[] = [
  {
    operation: "Mutation.confirmCentreDetails",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) => ({
      query: `mutation($input: ConfirmCentreDetailsInput!) { confirmCentreDetails(input: $input) ${RESULT} }`,
      variables: { input: { centreId: world.sendingCentre.centreId } },
    }),
  },
  {
    operation: "Mutation.confirmServiceDetails",
    allowed: SERVICE_ADMINS,
    request: async ({ world }) => ({
      query: `mutation($input: ConfirmServiceDetailsInput!) { confirmServiceDetails(input: $input) ${RESULT} }`,
      variables: { input: { serviceId: world.receivingService.serviceId } },
    }),
  },
];

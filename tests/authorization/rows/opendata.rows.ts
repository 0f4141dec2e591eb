// Open data: confirming that a directory entry is correct (HSDS assured_date) belongs to the
// entry's own unit admins, like every other change to the entry.
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixRow } from "../matrix.ts";
import type { Persona } from "../personas.ts";

const CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const SERVICE_ADMINS: Persona[] = ["organisationAdmin", "platformAdmin"];

export const rows: MatrixRow[] = [
  {
    operation: "Mutation.confirmCentreDetails",
    allowed: CENTRE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: ConfirmCentreDetailsInput!) { confirmCentreDetails(input: $input) { __typename } }`),
        { input: { centreId: world.sendingCentre.centreId } },
      ),
  },
  {
    operation: "Mutation.confirmServiceDetails",
    allowed: SERVICE_ADMINS,
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation($input: ConfirmServiceDetailsInput!) { confirmServiceDetails(input: $input) { __typename } }`),
        { input: { serviceId: world.receivingService.serviceId } },
      ),
  },
];

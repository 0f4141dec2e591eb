// Areas (search "near an area"): everyone reads them; coordinators (and platform admins, who
// hold every coordinator right) keep the list.
import { randomUUID } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];

async function throwawayArea({ app }: MatrixContext) {
  return app.prisma.area.create({ data: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.1, longitude: 10.2 } });
}

export const rows: MatrixRow[] = [
  { operation: "Query.areas", allowed: EVERYONE, request: async () => matrixRequest(graphql(`{ areas { id name latitude longitude } }`)) },
  {
    operation: "Mutation.createArea",
    allowed: COORDINATORS,
    request: async () =>
      matrixRequest(
        graphql(`mutation($input: AreaInput!) { createArea(input: $input) { __typename } }`),
        { input: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.2, longitude: 10.1 } },
      ),
  },
  {
    operation: "Mutation.updateArea",
    allowed: COORDINATORS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($id: ID!, $input: AreaInput!) { updateArea(id: $id, input: $input) { __typename } }`),
        { id: (await throwawayArea(context)).id, input: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.3, longitude: 10.3 } },
      ),
  },
  {
    operation: "Mutation.deleteArea",
    allowed: COORDINATORS,
    request: async (context) =>
      matrixRequest(graphql(`mutation($id: ID!) { deleteArea(id: $id) { __typename } }`), { id: (await throwawayArea(context)).id }),
  },
];

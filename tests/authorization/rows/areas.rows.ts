// Areas (search "near an area"): everyone reads them; coordinators (and platform admins, who
// hold every coordinator right) keep the list.
import { randomUUID } from "node:crypto";
import type { MatrixContext, MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const COORDINATORS: Persona[] = ["coordinator", "platformAdmin"];
const RESULT = "{ __typename }";

async function throwawayArea({ app }: MatrixContext) {
  return app.prisma.area.create({ data: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.1, longitude: 10.2 } });
}

export const rows: MatrixRow[] = [
  { operation: "Query.areas", allowed: EVERYONE, request: async () => ({ query: "{ areas { id name latitude longitude } }" }) },
  {
    operation: "Mutation.createArea",
    allowed: COORDINATORS,
    request: async () => ({
      query: `mutation($input: AreaInput!) { createArea(input: $input) ${RESULT} }`,
      variables: { input: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.2, longitude: 10.1 } },
    }),
  },
  {
    operation: "Mutation.updateArea",
    allowed: COORDINATORS,
    request: async (context) => ({
      query: `mutation($id: ID!, $input: AreaInput!) { updateArea(id: $id, input: $input) ${RESULT} }`,
      variables: { id: (await throwawayArea(context)).id, input: { name: `Område ${randomUUID().slice(0, 8)}`, latitude: 56.3, longitude: 10.3 } },
    }),
  },
  {
    operation: "Mutation.deleteArea",
    allowed: COORDINATORS,
    request: async (context) => ({
      query: `mutation($id: ID!) { deleteArea(id: $id) ${RESULT} }`,
      variables: { id: (await throwawayArea(context)).id },
    }),
  },
];

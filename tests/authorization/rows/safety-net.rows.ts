// The always-open safety net (issue 18): everyone reads it; only platform admins keep it.
import { randomUUID } from "node:crypto";
import type { MatrixContext, MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const PLATFORM_ADMINS: Persona[] = ["platformAdmin"];
const RESULT = "{ __typename }";

const input = () => ({ name: `Døgnlinje ${randomUUID().slice(0, 8)}`, kind: "HELPLINE", phone: "70 10 00 99" });

async function throwawayEntry({ app }: MatrixContext) {
  return app.prisma.safetyNetEntry.create({ data: { ...input(), kind: "HELPLINE" } });
}

export const rows: MatrixRow[] = [
  { operation: "Query.safetyNet", allowed: EVERYONE, request: async () => ({ query: "{ safetyNet { id name kind phone phoneHref alwaysOpen } }" }) },
  {
    operation: "Mutation.createSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async () => ({
      query: `mutation($input: SafetyNetEntryInput!) { createSafetyNetEntry(input: $input) ${RESULT} }`,
      variables: { input: input() },
    }),
  },
  {
    operation: "Mutation.updateSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async (context) => ({
      query: `mutation($id: ID!, $input: SafetyNetEntryInput!) { updateSafetyNetEntry(id: $id, input: $input) ${RESULT} }`,
      variables: { id: (await throwawayEntry(context)).id, input: input() },
    }),
  },
  {
    operation: "Mutation.deleteSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async (context) => ({
      query: `mutation($id: ID!) { deleteSafetyNetEntry(id: $id) ${RESULT} }`,
      variables: { id: (await throwawayEntry(context)).id },
    }),
  },
];

// The always-open safety net (issue 18): everyone reads it; only platform admins keep it.
import { randomUUID } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const PLATFORM_ADMINS: Persona[] = ["platformAdmin"];

const input = () => ({ name: `Døgnlinje ${randomUUID().slice(0, 8)}`, kind: "HELPLINE" as const, phone: "70 10 00 99" });

async function throwawayEntry({ app }: MatrixContext) {
  return app.prisma.safetyNetEntry.create({ data: { ...input(), kind: "HELPLINE" } });
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.safetyNet",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ safetyNet { id name kind phone phoneHref alwaysOpen } }`)),
  },
  {
    operation: "Mutation.createSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async () =>
      matrixRequest(graphql(`mutation($input: SafetyNetEntryInput!) { createSafetyNetEntry(input: $input) { __typename } }`), { input: input() }),
  },
  {
    operation: "Mutation.updateSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($id: ID!, $input: SafetyNetEntryInput!) { updateSafetyNetEntry(id: $id, input: $input) { __typename } }`),
        { id: (await throwawayEntry(context)).id, input: input() },
      ),
  },
  {
    operation: "Mutation.deleteSafetyNetEntry",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(graphql(`mutation($id: ID!) { deleteSafetyNetEntry(id: $id) { __typename } }`), { id: (await throwawayEntry(context)).id }),
  },
];

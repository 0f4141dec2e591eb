import { outcomeOf, type MatrixRow } from "../matrix.ts";
import { EVERYONE } from "../personas.ts";

export const rows: MatrixRow[] = [
  { operation: "Query.health", allowed: EVERYONE, request: async () => ({ query: "{ health }" }) },
  {
    operation: "Mutation.signOut",
    allowed: EVERYONE,
    request: async () => ({ query: "mutation { signOut }" }),
    // Signing out ends the session, so use a fresh one rather than the persona's shared caller.
    run: async (_caller, context) => outcomeOf(await (await context.freshCaller()).graphql("mutation { signOut }")),
  },
];

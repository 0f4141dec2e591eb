// Accounts: signing in and out, the viewer's own view, and account management.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../../server/modules/accounts/passwords.ts";
import { outcomeOf, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";
import { hashToken } from "../../../server/shared/tokens.ts";
import { createUser } from "../../support/world.ts";

/** Those who administer the sending centre: its unit admin, its organisation's admin, a platform admin. */
const SENDING_CENTRE_ADMINS: Persona[] = ["unitAdmin", "organisationAdmin", "platformAdmin"];
const PASSWORD = "matrix-kodeord-2026";
let passwordHash: Promise<string> | undefined;

/** A throwaway member of the sending centre, so one cell's change cannot spoil the next. */
async function throwawayMember(context: MatrixContext, overrides: Parameters<typeof createUser>[1] = {}) {
  return createUser(context.app.prisma, { memberships: [{ unitId: context.world.sendingCentre.unitId }], ...overrides });
}

async function signInAsThrowawayUser(context: MatrixContext) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await createUser(context.app.prisma, { passwordHash: await passwordHash });
  return {
    query: `mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`,
    variables: { input: { email: user.email, password: PASSWORD } },
  };
}

export const rows: MatrixRow[] = [
  { operation: "Query.health", allowed: EVERYONE, request: async () => ({ query: "{ health }" }) },
  {
    operation: "Query.me",
    allowed: EVERYONE,
    request: async () => ({ query: "{ me { user { id } activeUnit { id } } }" }),
  },
  {
    operation: "Mutation.signOut",
    allowed: EVERYONE,
    request: async () => ({ query: "mutation { signOut }" }),
    // Signing out ends the session, so use a fresh one rather than the persona's shared caller.
    run: async (_caller, context) => outcomeOf(await (await context.freshCaller()).graphql("mutation { signOut }")),
  },
  {
    operation: "Mutation.signIn",
    allowed: EVERYONE,
    request: signInAsThrowawayUser,
    // Signing in replaces the session the cookie carried, so use a fresh one. A wrong password
    // would prove nothing, so the cell signs in for real and insists on success when allowed.
    run: async (_caller, context) => {
      const { query, variables } = await signInAsThrowawayUser(context);
      const response = await (await context.freshCaller()).graphql(query, variables);
      const outcome = outcomeOf(response);
      if (outcome === "allowed" && response.data?.["signIn"]?.__typename !== "SignInSuccess") {
        throw new Error(`signIn did not succeed: ${JSON.stringify(response)}`);
      }
      return outcome;
    },
  },
  {
    operation: "Mutation.setPassword",
    allowed: EVERYONE,
    request: async (context) => {
      const user = await createUser(context.app.prisma);
      const token = randomUUID();
      await context.app.prisma.passwordToken.create({
        data: { id: hashToken(token), userId: user.id, expiresAt: new Date(context.app.clock.now().getTime() + 3_600_000) },
      });
      return {
        query: `mutation($input: SetPasswordInput!) { setPassword(input: $input) { __typename } }`,
        variables: { input: { token, password: PASSWORD } },
      };
    },
  },
  {
    operation: "Mutation.switchActiveUnit",
    allowed: ["sendingMember", "unitAdmin"],
    request: async (context) => ({
      query: `mutation($input: SwitchActiveUnitInput!) { switchActiveUnit(input: $input) { __typename } }`,
      variables: { input: { unitId: context.world.sendingCentre.unitId } },
    }),
  },
  {
    operation: "Query.units",
    allowed: SENDING_CENTRE_ADMINS,
    request: async () => ({ query: "{ units { id name } }" }),
  },
  {
    operation: "Query.organisations",
    allowed: ["platformAdmin"],
    request: async () => ({ query: "{ organisations { id name } }" }),
  },
  {
    operation: "Query.users",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `query($unitId: ID) { users(unitId: $unitId) { edges { node { id email } } } }`,
      variables: { unitId: context.world.sendingCentre.unitId },
    }),
  },
  {
    operation: "Query.securityEvents",
    allowed: ["organisationAdmin", "platformAdmin"],
    request: async () => ({ query: "{ securityEvents(first: 5) { edges { node { kind at } } } }" }),
  },
  {
    operation: "Mutation.createUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename } }`,
      variables: {
        input: { email: `matrix-${randomUUID().slice(0, 8)}@test.example`, name: "Matrix Bruger", unitId: context.world.sendingCentre.unitId, role: "MEMBER" },
      },
    }),
  },
  {
    operation: "Mutation.issuePasswordReset",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: UserIdInput!) { issuePasswordReset(input: $input) { __typename } }`,
      variables: { input: { userId: (await throwawayMember(context)).id } },
    }),
  },
  {
    operation: "Mutation.deactivateUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: UserIdInput!) { deactivateUser(input: $input) { __typename } }`,
      variables: { input: { userId: (await throwawayMember(context)).id } },
    }),
  },
  {
    operation: "Mutation.reactivateUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: UserIdInput!) { reactivateUser(input: $input) { __typename } }`,
      variables: { input: { userId: (await throwawayMember(context, { isActive: false })).id } },
    }),
  },
  {
    operation: "Mutation.addMembership",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: MembershipInput!) { addMembership(input: $input) { __typename } }`,
      variables: { input: { userId: (await createUser(context.app.prisma)).id, unitId: context.world.sendingCentre.unitId, role: "MEMBER" } },
    }),
  },
  {
    operation: "Mutation.changeMembershipRole",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: MembershipInput!) { changeMembershipRole(input: $input) { __typename } }`,
      variables: { input: { userId: (await throwawayMember(context)).id, unitId: context.world.sendingCentre.unitId, role: "UNIT_ADMIN" } },
    }),
  },
  {
    operation: "Mutation.removeMembership",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) => ({
      query: `mutation($input: RemoveMembershipInput!) { removeMembership(input: $input) { __typename } }`,
      variables: { input: { userId: (await throwawayMember(context)).id, unitId: context.world.sendingCentre.unitId } },
    }),
  },
];

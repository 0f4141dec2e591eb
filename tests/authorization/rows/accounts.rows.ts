// Accounts: signing in and out, the viewer's own view, and account management.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../../server/modules/accounts/passwords.ts";
import { graphql, run, type VariablesOf } from "../../support/graphql.ts";
import { matrixRequest, outcomeOf, type MatrixContext, type MatrixRow } from "../matrix.ts";
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

const SignIn = graphql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`);
const SignOut = graphql(`mutation { signOut }`);

/** Variables to sign in as a new user with a known password. */
async function throwawaySignIn(context: MatrixContext): Promise<VariablesOf<typeof SignIn>> {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await createUser(context.app.prisma, { passwordHash: await passwordHash });
  return { input: { email: user.email, password: PASSWORD } };
}

export const rows: MatrixRow[] = [
  { operation: "Query.health", allowed: EVERYONE, request: async () => matrixRequest(graphql(`{ health }`)) },
  {
    operation: "Query.me",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ me { user { id } activeUnit { id } } }`)),
  },
  {
    operation: "Mutation.signOut",
    allowed: EVERYONE,
    request: async () => matrixRequest(SignOut),
    // Signing out ends the session, so use a fresh one rather than the persona's shared caller.
    run: async (_caller, context) => outcomeOf(await run(await context.freshCaller(), SignOut)),
  },
  {
    operation: "Mutation.signIn",
    allowed: EVERYONE,
    request: async (context) => matrixRequest(SignIn, await throwawaySignIn(context)),
    // Signing in replaces the session the cookie carried, so use a fresh one. A wrong password
    // would prove nothing, so the cell signs in for real and insists on success when allowed.
    run: async (_caller, context) => {
      const variables = await throwawaySignIn(context);
      const response = await run(await context.freshCaller(), SignIn, variables);
      const outcome = outcomeOf(response);
      if (outcome === "allowed" && response.data?.signIn?.__typename !== "SignInSuccess") {
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
      return matrixRequest(
        graphql(`mutation($input: SetPasswordInput!) { setPassword(input: $input) { __typename } }`),
        { input: { token, password: PASSWORD } },
      );
    },
  },
  {
    operation: "Mutation.switchActiveUnit",
    allowed: ["sendingMember", "unitAdmin"],
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: SwitchActiveUnitInput!) { switchActiveUnit(input: $input) { __typename } }`),
        { input: { unitId: context.world.sendingCentre.unitId } },
      ),
  },
  {
    operation: "Query.units",
    allowed: SENDING_CENTRE_ADMINS,
    request: async () => matrixRequest(graphql(`{ units { id name } }`)),
  },
  {
    operation: "Query.organisations",
    allowed: ["platformAdmin"],
    request: async () => matrixRequest(graphql(`{ organisations { id name } }`)),
  },
  {
    operation: "Query.users",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`query($unitId: ID) { users(unitId: $unitId) { edges { node { id email } } } }`),
        { unitId: context.world.sendingCentre.unitId },
      ),
  },
  {
    operation: "Query.securityEvents",
    allowed: ["organisationAdmin", "platformAdmin"],
    request: async () => matrixRequest(graphql(`{ securityEvents(first: 5) { edges { node { kind at } } } }`)),
  },
  {
    operation: "Mutation.createUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(graphql(`mutation($input: CreateUserInput!) { createUser(input: $input) { __typename } }`), {
        input: { email: `matrix-${randomUUID().slice(0, 8)}@test.example`, name: "Matrix Bruger", unitId: context.world.sendingCentre.unitId, role: "MEMBER" },
      }),
  },
  {
    operation: "Mutation.issuePasswordReset",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: UserIdInput!) { issuePasswordReset(input: $input) { __typename } }`),
        { input: { userId: (await throwawayMember(context)).id } },
      ),
  },
  {
    operation: "Mutation.deactivateUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: UserIdInput!) { deactivateUser(input: $input) { __typename } }`),
        { input: { userId: (await throwawayMember(context)).id } },
      ),
  },
  {
    operation: "Mutation.reactivateUser",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: UserIdInput!) { reactivateUser(input: $input) { __typename } }`),
        { input: { userId: (await throwawayMember(context, { isActive: false })).id } },
      ),
  },
  {
    operation: "Mutation.addMembership",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: MembershipInput!) { addMembership(input: $input) { __typename } }`),
        { input: { userId: (await createUser(context.app.prisma)).id, unitId: context.world.sendingCentre.unitId, role: "MEMBER" } },
      ),
  },
  {
    operation: "Mutation.changeMembershipRole",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: MembershipInput!) { changeMembershipRole(input: $input) { __typename } }`),
        { input: { userId: (await throwawayMember(context)).id, unitId: context.world.sendingCentre.unitId, role: "UNIT_ADMIN" } },
      ),
  },
  {
    operation: "Mutation.removeMembership",
    allowed: SENDING_CENTRE_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: RemoveMembershipInput!) { removeMembership(input: $input) { __typename } }`),
        { input: { userId: (await throwawayMember(context)).id, unitId: context.world.sendingCentre.unitId } },
      ),
  },
];

// Organisations, units, users and memberships: who works where, and in which role.
import { builder } from "../../graphql/builder.ts";
import { MembershipRole, UnitKind } from "../../generated/prisma/enums.ts";
// The directory module defines OrganisationKind (it shows who runs a centre); reuse it.
import { OrganisationKindEnum } from "../directory/index.ts";
import { canSeeAccountDetails, membershipWhereVisibleTo } from "./accounts.policy.ts";

// Declared like every enum (values, name, description); only the descriptions differ.
export const UnitKindEnum = builder.enumType(UnitKind, {
  name: "UnitKind",
  description: "A drop-in centre, a municipal or civil-society service, or a team of caseworkers.",
});
export const MembershipRoleEnum = builder.enumType(MembershipRole, {
  name: "MembershipRole",
  description: "MEMBER works in the unit; UNIT_ADMIN also manages its members; VOLUNTEER volunteers at a centre (rota and own shifts only, no staff access).",
});

// Organisations and units are the public face of the directory: names only, no people.
export const OrganisationRef = builder.prismaObject("Organisation", {
  description: "A municipal department or civil-society organisation that owns centres and services.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
    units: t.relation("units", {
      description: "The organisation's centres, services and caseworker teams.",
      authScopes: { public: true },
      query: { orderBy: { name: "asc" } },
    }),
  }),
});

export const UnitRef = builder.prismaObject("Unit", {
  description: "Where professionals work: a centre, a service or a caseworker team.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: UnitKindEnum }),
    organisation: t.relation("organisation", { authScopes: { public: true } }),
    members: t.relation("memberships", {
      description: "Who works in the unit. Unit admins, admins of its organisation and platform admins only.",
      nullable: true,
      authScopes: (unit) => ({ unitAdmin: unit.id }),
      query: { orderBy: { createdAt: "asc" } },
    }),
  }),
});

export const UserRef = builder.prismaObject("User", {
  description: "A professional with an account. Never a citizen.",
  // Read at resolve time rather than through the per-request scope cache, so the user who has
  // just signed in within this same request (signIn → me.user) counts as signed in.
  authScopes: (_user, context) => context.viewer !== null,
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    email: t.exposeString("email", {
      description: "Only for the user themself and those who administer one of the user's units; null for others.",
      nullable: true,
      authScopes: (user, _args, context) => canSeeAccountDetails(context.prisma, context.viewer, user.id),
      unauthorizedResolver: () => null,
    }),
    isActive: t.exposeBoolean("isActive", {
      description: "False once deactivated. Same visibility as email; null for others.",
      nullable: true,
      authScopes: (user, _args, context) => canSeeAccountDetails(context.prisma, context.viewer, user.id),
      unauthorizedResolver: () => null,
    }),
    hasPassword: t.boolean({
      description: "Whether the user has set a password yet. Same visibility as email; null for others.",
      nullable: true,
      authScopes: (user, _args, context) => canSeeAccountDetails(context.prisma, context.viewer, user.id),
      unauthorizedResolver: () => null,
      resolve: (user) => user.passwordHash !== null,
    }),
    lockedUntil: t.field({
      type: "DateTime",
      description: "Set while sign-in is locked after failed attempts. Same visibility as email.",
      nullable: true,
      authScopes: (user, _args, context) => canSeeAccountDetails(context.prisma, context.viewer, user.id),
      unauthorizedResolver: () => null,
      resolve: (user, _args, context) => (user.lockedUntil && user.lockedUntil > context.clock.now() ? user.lockedUntil : null),
    }),
    memberships: t.relation("memberships", {
      description: "The user's units and roles, limited to those the viewer may see.",
      query: (_args, context) => ({ where: membershipWhereVisibleTo(context.viewer), orderBy: { createdAt: "asc" } }),
    }),
  }),
});

export const MembershipRef = builder.prismaObject("Membership", {
  description: "A user's place in a unit, with a role.",
  // The member themself, or someone who administers the unit.
  authScopes: (membership, context) => membership.userId === context.viewer?.userId || { unitAdmin: membership.unitId },
  fields: (t) => ({
    id: t.exposeID("id"),
    role: t.expose("role", { type: MembershipRoleEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    unit: t.relation("unit"),
    user: t.relation("user"),
  }),
});

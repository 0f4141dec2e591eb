// The one SchemaBuilder. Defines no types: each module's *.schema.ts adds its own.
// Plugin order matters: errors wraps scope-auth, so an unauthorized mutation returns a typed
// ForbiddenError in its result union instead of a top-level error (tested in authorization tests).
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { ForbiddenError, NotAuthenticatedError } from "../shared/errors.ts";
import type { Context } from "./context.ts";
import { scopesFor } from "./scopes.ts";

export interface AuthScopes {
  /** Anyone, signed in or not: the public directory. */
  public: boolean;
  signedIn: boolean;
  platformAdmin: boolean;
  /** Coordinators (and platform admins) see area-wide figures, never personal data. */
  coordinator: boolean;
  memberOfUnit: string;
  unitAdmin: string;
  organisationAdmin: string;
  /** Administers at least one organisation or unit. */
  anyAdmin: boolean;
  /** A member of the sending or receiving unit of this handover. */
  handoverParticipant: string;
  /** Administers everything this user can reach (see canManageUser), so may reset or deactivate them. */
  manageUser: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => scopesFor(context),
    unauthorizedError: (_parent, context) => (context.viewer ? new ForbiddenError() : new NotAuthenticatedError()),
  },
  errors: { defaultTypes: [] },
  relay: { clientMutationId: "omit", cursorType: "String" },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

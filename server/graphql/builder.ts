// The one SchemaBuilder. Defines no types: each module's *.schema.ts adds its own.
// Plugin order matters: errors wraps scope-auth, so an unauthorized mutation returns a typed
// ForbiddenError in its result union instead of a top-level error (tested in authorization tests).
// Zod comes after both: input is validated only once the caller may call the field (as the
// resolvers did before), and the errors plugin turns its ValidationError into the union member
// (tests/validation-declarative.test.ts).
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { countResolvedError } from "../observability/request-scope.ts";
import { ForbiddenError, NotAuthenticatedError } from "../shared/errors.ts";
import { validationErrorFrom } from "../shared/validation.ts";
import type { Context } from "./context.ts";
import { scopesFor } from "./scopes.ts";

export interface AuthScopes {
  /** Anyone, signed in or not: the public directory. */
  public: boolean;
  signedIn: boolean;
  platformAdmin: boolean;
  /** Coordinators (and platform admins) see area-wide figures, never personal data. */
  coordinator: boolean;
  /** Staff of the unit (MEMBER or UNIT_ADMIN). A volunteer membership never passes this. */
  memberOfUnit: string;
  /** A volunteer at this centre's unit: sees its rota and their own shifts, nothing else. */
  volunteerAtUnit: string;
  unitAdmin: string;
  organisationAdmin: string;
  /** Administers at least one organisation or unit. */
  anyAdmin: boolean;
  /** A member of the sending or receiving unit of this handover. */
  handoverParticipant: string;
  /** Administers everything this user can reach (see canManageUser), so may reset or deactivate them. */
  manageUser: string;
  /** The strategic group's read-only area view (and coordinators, platform admins): aggregates only. */
  strategicGroup: boolean;
  /** Edits initiatives: coordinators (and platform admins) and the admins of any organisation. */
  initiativeEditor: boolean;
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
    /** A taxonomy term's code (server/modules/directory/directory-enums.schema.ts). */
    TargetGroup: { Input: string; Output: string };
    Offer: { Input: string; Output: string };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ZodPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => scopesFor(context),
    unauthorizedError: (_parent, context) => (context.viewer ? new ForbiddenError() : new NotAuthenticatedError()),
  },
  // A mutation's result is named after it ("createArea" → CreateAreaSuccess in CreateAreaResult),
  // so a field declares only its error types.
  errors: {
    defaultTypes: [],
    onResolvedError: countResolvedError,
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  // `validate:` on an argument, input type or input field: a failure is our ValidationError
  // with the same Danish and English messages per field as parseInput gives.
  zod: { validationError: (error) => validationErrorFrom(error.issues) },
  relay: { clientMutationId: "omit", cursorType: "String" },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

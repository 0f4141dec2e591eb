// Account management for admins: users, memberships and roles, and the lists they work from.
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyScope } from "../../shared/idempotency.ts";
import { z } from "zod";
import { MembershipRole } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { parsedBy } from "../../shared/validation.ts";
import {
  addMembership,
  changeMembershipRole,
  createUser,
  deactivateUser,
  issuePasswordReset,
  passwordLinkOnScreen,
  reactivateUser,
  removeMembership,
  type Actor,
} from "./accounts.commands.ts";
import { unitWhereAdministeredBy, userWhereAdministeredBy } from "./accounts.policy.ts";
import { normaliseEmail } from "./sign-in.commands.ts";
import { MembershipRoleEnum, UserRef } from "./user.schema.ts";
import { requireViewer } from "../../shared/viewer.ts";

function actorOf(context: Context): Actor {
  return { viewer: requireViewer(context), ip: context.request.ip, now: context.clock.now() };
}

const id = z.string().min(1).max(100);
// Staff roles only: a volunteer joins through the volunteers module, never through user admin.
const role = z.enum([MembershipRole.MEMBER, MembershipRole.UNIT_ADMIN]);
const createUserSchema = z.object({
  email: z.string().transform(normaliseEmail).pipe(z.email().max(320)),
  name: z.string().trim().min(1).max(200),
  unitId: id,
  role,
  idempotencyKey: z.string().nullish(),
});
const userIdSchema = z.object({ userId: id });
const membershipSchema = z.object({ userId: id, unitId: id, role });
const removeMembershipSchema = z.object({ userId: id, unitId: id });

// ── lists ──

builder.queryField("units", (t) =>
  t.prismaField({
    type: ["Unit"],
    description: "The units the viewer administers (all units for a platform admin).",
    authScopes: { anyAdmin: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.unit.findMany({ ...query, where: unitWhereAdministeredBy(context.viewer), orderBy: { name: "asc" } }),
  }),
);

builder.queryField("organisations", (t) =>
  t.prismaField({
    type: ["Organisation"],
    description: "All organisations. Platform admins only.",
    authScopes: { platformAdmin: true },
    resolve: (query, _root, _args, context) => context.prisma.organisation.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
);

builder.queryField("users", (t) =>
  t.prismaConnection({
    type: "User",
    cursor: "id",
    description: "Users the viewer administers, optionally only the members of one unit.",
    args: { unitId: t.arg.id({ required: false }) },
    authScopes: (_root, args) => (args.unitId ? { unitAdmin: String(args.unitId) } : { anyAdmin: true }),
    resolve: (query, _root, args, context) =>
      context.prisma.user.findMany({
        ...query,
        where: args.unitId ? { memberships: { some: { unitId: String(args.unitId) } } } : userWhereAdministeredBy(context.viewer),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);

// ── users ──

const CreatedUserRef = builder
  .objectRef<{ user: { id: string }; url: string; expiresAt: Date }>("PasswordLink")
  .implement({
    description: "A one-time link for a user to set their password, e-mailed to the user. Not stored.",
    fields: (t) => ({
      user: t.prismaField({
        type: "User",
        resolve: (query, link, _args, context) => context.prisma.user.findUniqueOrThrow({ ...query, where: { id: link.user.id } }),
      }),
      url: t.string({
        nullable: true,
        description: "Valid once, until expiresAt. Only where no real mail server is configured (development, tests); with SMTP_URL, always in production, null: the link goes by e-mail to the user only.",
        resolve: (link, _args, context) => passwordLinkOnScreen(context.config, link.url),
      }),
      isEmailed: t.boolean({
        description: "True when the link was e-mailed to the user (through a mail server or the development catcher).",
        resolve: (_link, _args, context) => context.config.notifications.mail.kind !== "off",
      }),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    }),
  });

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    unitId: t.id({ required: true }),
    role: t.field({ type: MembershipRoleEnum, required: true }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.field({
    type: CreatedUserRef,
    description: "Creates a user in a unit and returns a one-time set-password link valid for 72 hours.",
    args: { input: t.arg({ type: CreateUserInput, required: true, validate: { schema: createUserSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "passwordLink" } },
    authScopes: (_root, { input }) => ({ unitAdmin: String(input.unitId) }),
    resolve: async (_root, { input }, context) => {
      const { idempotencyKey, ...values } = parsedBy(createUserSchema, input);
      const actor = actorOf(context);
      return createUser(context.prisma, context.config, actor, values, idempotencyScope(actor.viewer.userId, "createUser", idempotencyKey));
    },
  }),
);

const UserIdInput = builder.inputType("UserIdInput", { fields: (t) => ({ userId: t.id({ required: true }) }) });

builder.mutationField("issuePasswordReset", (t) =>
  t.field({
    type: CreatedUserRef,
    description: "Invalidates earlier set-password links and returns a new one (valid 72 hours).",
    args: { input: t.arg({ type: UserIdInput, required: true, validate: { schema: userIdSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "passwordLink" } },
    authScopes: (_root, { input }) => ({ manageUser: String(input.userId) }),
    resolve: (_root, { input }, context) => issuePasswordReset(context.prisma, context.config, actorOf(context), input.userId),
  }),
);

builder.mutationField("deactivateUser", (t) =>
  t.prismaField({
    type: "User",
    description: "Stops a user from signing in and ends their sessions at once.",
    args: { input: t.arg({ type: UserIdInput, required: true, validate: { schema: userIdSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "user" } },
    authScopes: (_root, { input }) => ({ manageUser: String(input.userId) }),
    resolve: (_query, _root, { input }, context) => deactivateUser(context.prisma, actorOf(context), input.userId),
  }),
);

builder.mutationField("reactivateUser", (t) =>
  t.prismaField({
    type: "User",
    description: "Lets a deactivated user sign in again.",
    args: { input: t.arg({ type: UserIdInput, required: true, validate: { schema: userIdSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "user" } },
    authScopes: (_root, { input }) => ({ manageUser: String(input.userId) }),
    resolve: (_query, _root, { input }, context) => reactivateUser(context.prisma, actorOf(context), input.userId),
  }),
);

// ── memberships ──

const MembershipInput = builder.inputType("MembershipInput", {
  fields: (t) => ({
    userId: t.id({ required: true }),
    unitId: t.id({ required: true }),
    role: t.field({ type: MembershipRoleEnum, required: true }),
  }),
});
const RemoveMembershipInput = builder.inputType("RemoveMembershipInput", {
  fields: (t) => ({ userId: t.id({ required: true }), unitId: t.id({ required: true }) }),
});

builder.mutationField("addMembership", (t) =>
  t.prismaField({
    type: "Membership",
    description: "Adds an existing user to a unit the viewer administers.",
    args: { input: t.arg({ type: MembershipInput, required: true, validate: { schema: membershipSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "membership" } },
    authScopes: (_root, { input }) => ({ unitAdmin: String(input.unitId) }),
    resolve: (_query, _root, { input }, context) =>
      addMembership(context.prisma, actorOf(context), parsedBy(membershipSchema, input)),
  }),
);

builder.mutationField("changeMembershipRole", (t) =>
  t.prismaField({
    type: "Membership",
    description: "Changes a member's role in a unit the viewer administers. Refuses to take away the viewer's own last admin right.",
    args: { input: t.arg({ type: MembershipInput, required: true, validate: { schema: membershipSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "membership" } },
    authScopes: (_root, { input }) => ({ unitAdmin: String(input.unitId) }),
    resolve: (_query, _root, { input }, context) =>
      changeMembershipRole(context.prisma, actorOf(context), parsedBy(membershipSchema, input)),
  }),
);

builder.mutationField("removeMembership", (t) =>
  t.field({
    type: UserRef,
    description: "Removes a user from a unit the viewer administers; returns the user. Refuses to take away the viewer's own last admin right.",
    args: { input: t.arg({ type: RemoveMembershipInput, required: true, validate: { schema: removeMembershipSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "user" } },
    authScopes: (_root, { input }) => ({ unitAdmin: String(input.unitId) }),
    resolve: async (_root, { input }, context) => {
      await removeMembership(context.prisma, actorOf(context), input);
      return context.prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
    },
  }),
);


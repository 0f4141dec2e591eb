// The security audit log, for organisation admins (their organisations) and platform admins.
import { builder } from "../../graphql/builder.ts";
import { SecurityEventKind } from "../../generated/prisma/enums.ts";
import { isPlatformAdmin, securityEventWhereVisibleTo } from "./accounts.policy.ts";
import { OrganisationRef, UnitRef, UserRef } from "./user.schema.ts";

const SecurityEventKindEnum = builder.enumType(SecurityEventKind, { name: "SecurityEventKind" });

builder.prismaObject("SecurityEvent", {
  description: "Who did what to which account, when and from where. Never holds passwords, tokens or e-mail addresses.",
  authScopes: (event) => (event.organisationId ? { organisationAdmin: event.organisationId } : { platformAdmin: true }),
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: SecurityEventKindEnum }),
    at: t.expose("at", { type: "DateTime" }),
    ip: t.exposeString("ip", { nullable: true, description: "The address the request came from." }),
    detail: t.exposeString("detail", { nullable: true, description: "E.g. the role given; never personal data." }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: "Who acted; null for failed sign-ins.",
      resolve: (event, _args, context) => (event.actorUserId ? context.prisma.user.findUnique({ where: { id: event.actorUserId } }) : null),
    }),
    target: t.field({
      type: UserRef,
      nullable: true,
      description: "Whose account it concerned; null for a failed sign-in with an unknown e-mail.",
      resolve: (event, _args, context) => (event.targetUserId ? context.prisma.user.findUnique({ where: { id: event.targetUserId } }) : null),
    }),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      resolve: (event, _args, context) => (event.unitId ? context.prisma.unit.findUnique({ where: { id: event.unitId } }) : null),
    }),
    organisation: t.field({
      type: OrganisationRef,
      nullable: true,
      resolve: (event, _args, context) =>
        event.organisationId ? context.prisma.organisation.findUnique({ where: { id: event.organisationId } }) : null,
    }),
  }),
});

builder.queryField("securityEvents", (t) =>
  t.prismaConnection({
    type: "SecurityEvent",
    cursor: "id",
    description: "Security events, newest first: one organisation's, or all the viewer may read.",
    args: { organisationId: t.arg.id({ required: false }) },
    authScopes: (_root, args, context) =>
      args.organisationId
        ? { organisationAdmin: String(args.organisationId) }
        : isPlatformAdmin(context.viewer) || (context.viewer?.organisationAdminOf.length ?? 0) > 0,
    resolve: (query, _root, args, context) =>
      context.prisma.securityEvent.findMany({
        ...query,
        where: { AND: [securityEventWhereVisibleTo(context.viewer), args.organisationId ? { organisationId: String(args.organisationId) } : {}] },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
  }),
);

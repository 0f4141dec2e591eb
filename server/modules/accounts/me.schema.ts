// The signed-in user's own view: who they are, their units and which one is active.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Viewer } from "../../graphql/context.ts";
import { parseInput } from "../../shared/validation.ts";
import { switchActiveUnit } from "./accounts.commands.ts";
import { isPlatformAdmin, requireViewer } from "./accounts.policy.ts";

export const MeRef = builder.objectRef<Viewer>("Me").implement({
  description: "The signed-in user and what they may act as.",
  // Only ever shown to the user it describes (also right after signIn, in the same request).
  authScopes: (me, context) => context.viewer?.userId === me.userId,
  fields: (t) => ({
    user: t.prismaField({
      type: "User",
      resolve: (query, viewer, _args, context) => context.prisma.user.findUniqueOrThrow({ ...query, where: { id: viewer.userId } }),
    }),
    memberships: t.prismaField({
      type: ["Membership"],
      description: "The user's units, each with the user's role there.",
      resolve: (query, viewer, _args, context) =>
        context.prisma.membership.findMany({ ...query, where: { userId: viewer.userId }, orderBy: { createdAt: "asc" } }),
    }),
    activeUnit: t.prismaField({
      type: "Unit",
      nullable: true,
      description: "The unit the user currently acts for (switchActiveUnit); null when they belong to none.",
      resolve: (query, viewer, _args, context) =>
        viewer.activeUnitId ? context.prisma.unit.findUnique({ ...query, where: { id: viewer.activeUnitId } }) : null,
    }),
    isCoordinator: t.boolean({
      description: "Sees area-wide figures (never personal data).",
      resolve: (viewer) => viewer.globalRole === "COORDINATOR" || isPlatformAdmin(viewer),
    }),
    isPlatformAdmin: t.boolean({ resolve: (viewer) => isPlatformAdmin(viewer) }),
    administeredOrganisations: t.prismaField({
      type: ["Organisation"],
      description: "Organisations the user administers (all of them for a platform admin).",
      resolve: (query, viewer, _args, context) =>
        context.prisma.organisation.findMany({
          ...query,
          where: isPlatformAdmin(viewer) ? {} : { id: { in: viewer.organisationAdminOf } },
          orderBy: { name: "asc" },
        }),
    }),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: MeRef,
    nullable: true,
    description: "The signed-in user, or null when signed out.",
    authScopes: { public: true },
    resolve: (_root, _args, context) => context.viewer,
  }),
);

const SwitchActiveUnitInput = builder.inputType("SwitchActiveUnitInput", {
  fields: (t) => ({ unitId: t.id({ required: true }) }),
});

builder.mutationField("switchActiveUnit", (t) =>
  t.field({
    type: MeRef,
    description: "Makes one of the user's own units the active one for this session.",
    args: { input: t.arg({ type: SwitchActiveUnitInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], result: { name: "SwitchActiveUnitSuccess" }, union: { name: "SwitchActiveUnitResult" }, dataField: { name: "me" } },
    authScopes: (_root, { input }) => ({ memberOfUnit: String(input.unitId) }),
    resolve: (_root, { input }, context) => {
      const { unitId } = parseInput(z.object({ unitId: z.string().min(1) }), input);
      return switchActiveUnit(context.prisma, requireViewer(context), unitId);
    },
  }),
);

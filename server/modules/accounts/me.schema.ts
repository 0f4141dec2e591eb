// The signed-in user's own view: who they are, their units and which one is active.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Context, Viewer } from "../../graphql/context.ts";
import { switchActiveUnit } from "./accounts.commands.ts";
import { isPlatformAdmin } from "./accounts.policy.ts";
import { requireViewer } from "../../shared/viewer.ts";

const StartPageEnum = builder.enumType("StartPage", {
  values: ["SEARCH", "HANDOVERS", "VISITS", "OVERVIEW", "ADMINISTRATION", "HOME"] as const,
});

const RECENT_DAYS = 90;

async function startPageFor(context: Context, viewer: Viewer): Promise<(typeof StartPageEnum)["$inferType"]> {
  const unit = viewer.activeUnitId
    ? await context.prisma.unit.findUnique({ where: { id: viewer.activeUnitId }, select: { id: true, kind: true } })
    : null;
  if (unit?.kind === "CASEWORKER_TEAM") return "SEARCH";
  if (unit?.kind === "SERVICE") {
    const since = new Date(context.clock.now().getTime() - RECENT_DAYS * 86_400_000);
    const [booked, received] = await Promise.all([
      context.prisma.visit.count({ where: { serviceUnitId: unit.id, startsAt: { gte: since } } }),
      context.prisma.handover.count({ where: { toUnitId: unit.id, createdAt: { gte: since } } }),
    ]);
    return booked > received ? "VISITS" : "HANDOVERS";
  }
  if (unit) return "HANDOVERS";
  if (viewer.globalRole === "COORDINATOR" || viewer.globalRole === "STRATEGIC_GROUP" || isPlatformAdmin(viewer)) return "OVERVIEW";
  if (viewer.organisationAdminOf.length > 0) return "ADMINISTRATION";
  return "HOME";
}

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
      description: "The units the user works in (as staff), each with the user's role there. Volunteering is in volunteerCentres.",
      resolve: (query, viewer, _args, context) =>
        context.prisma.membership.findMany({ ...query, where: { userId: viewer.userId, role: { not: "VOLUNTEER" } }, orderBy: { createdAt: "asc" } }),
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
    isStrategicGroup: t.boolean({
      description: "A leader in the area's strategic group: reads area figures, coverage, survey roll-ups and the catalogue; no personal data.",
      resolve: (viewer) => viewer.globalRole === "STRATEGIC_GROUP",
    }),
    startPage: t.field({
      type: StartPageEnum,
      description:
        "Where the user starts after signing in: what their active unit mostly does. A service that books " +
        "more visits than it receives handovers (last 90 days) starts at the visits; other units at the " +
        "handovers, caseworkers at the search, coordinators at the overview.",
      resolve: (viewer, _args, context) => startPageFor(context, viewer),
    }),
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
    args: { input: t.arg({ type: SwitchActiveUnitInput, required: true, validate: { schema: z.object({ unitId: z.string().min(1) }) } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "me" } },
    authScopes: (_root, { input }) => ({ memberOfUnit: String(input.unitId) }),
    resolve: (_root, { input }, context) => switchActiveUnit(context.prisma, requireViewer(context), input.unitId),
  }),
);

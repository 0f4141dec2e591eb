// What each auth scope means, in one place. Types and fields declare which scope they need.
import type { Context } from "./context.ts";
import { isMemberOf } from "./context.ts";
import { canManageUser } from "../modules/accounts/accounts.policy.ts";

export function scopesFor(context: Context) {
  const viewer = context.viewer;
  const isPlatformAdmin = viewer?.globalRole === "PLATFORM_ADMIN";
  const organisationOfUnit = async (unitId: string) =>
    (await context.prisma.unit.findUnique({ where: { id: unitId }, select: { organisationId: true } }))?.organisationId;
  return {
    public: true,
    signedIn: viewer !== null,
    platformAdmin: isPlatformAdmin,
    coordinator: viewer?.globalRole === "COORDINATOR" || isPlatformAdmin,
    strategicGroup: viewer?.globalRole === "STRATEGIC_GROUP" || viewer?.globalRole === "COORDINATOR" || isPlatformAdmin,
    initiativeEditor: viewer?.globalRole === "COORDINATOR" || isPlatformAdmin || (viewer?.organisationAdminOf.length ?? 0) > 0,
    anyAdmin:
      isPlatformAdmin ||
      (viewer?.organisationAdminOf.length ?? 0) > 0 ||
      (viewer?.memberships.some((membership) => membership.role === "UNIT_ADMIN") ?? false),
    memberOfUnit: (unitId: string) => isMemberOf(viewer, unitId),
    volunteerAtUnit: (unitId: string) => viewer?.volunteerAt.includes(unitId) ?? false,
    unitAdmin: async (unitId: string) => {
      if (!viewer) return false;
      if (isPlatformAdmin) return true;
      if (viewer.memberships.some((membership) => membership.unitId === unitId && membership.role === "UNIT_ADMIN")) return true;
      const organisationId = await organisationOfUnit(unitId);
      return organisationId !== undefined && viewer.organisationAdminOf.includes(organisationId);
    },
    organisationAdmin: (organisationId: string) =>
      isPlatformAdmin || (viewer?.organisationAdminOf.includes(organisationId) ?? false),
    manageUser: (userId: string) => canManageUser(context.prisma, viewer, userId),
    handoverParticipant: async (handoverId: string) => {
      if (!viewer) return false;
      const handover = await context.prisma.handover.findUnique({
        where: { id: handoverId },
        select: { fromUnitId: true, toUnitId: true },
      });
      return handover !== null && (isMemberOf(viewer, handover.fromUnitId) || isMemberOf(viewer, handover.toUnitId));
    },
  };
}

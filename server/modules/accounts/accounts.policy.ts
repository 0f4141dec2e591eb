// Who administers what, as Prisma `where` fragments and one-line checks. Scopes in
// server/graphql/scopes.ts and the account commands use these; nothing else decides.
import type { Prisma } from "../../db/database.ts";
import type { Prisma as Db } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";

const NOTHING = { id: { in: [] } };

export function isPlatformAdmin(viewer: Viewer | null): boolean {
  return viewer?.globalRole === "PLATFORM_ADMIN";
}

function unitAdminOf(viewer: Viewer): string[] {
  return viewer.memberships.filter((membership) => membership.role === "UNIT_ADMIN").map((membership) => membership.unitId);
}

/** Units the viewer administers: as unit admin, as admin of the unit's organisation, or everything as platform admin. */
export function unitWhereAdministeredBy(viewer: Viewer | null): Db.UnitWhereInput {
  if (!viewer) return NOTHING;
  if (isPlatformAdmin(viewer)) return {};
  return { OR: [{ id: { in: unitAdminOf(viewer) } }, { organisationId: { in: viewer.organisationAdminOf } }] };
}

/** Memberships the viewer may see: their own, and those of units they administer. */
export function membershipWhereVisibleTo(viewer: Viewer | null): Db.MembershipWhereInput {
  if (!viewer) return NOTHING;
  if (isPlatformAdmin(viewer)) return {};
  return { OR: [{ userId: viewer.userId }, { unit: unitWhereAdministeredBy(viewer) }] };
}

/** Users the viewer administers: members of their units, and admins of their organisations. */
export function userWhereAdministeredBy(viewer: Viewer | null): Db.UserWhereInput {
  if (!viewer) return NOTHING;
  if (isPlatformAdmin(viewer)) return {};
  return {
    OR: [
      { memberships: { some: { unit: unitWhereAdministeredBy(viewer) } } },
      { organisationAdmin: { some: { organisationId: { in: viewer.organisationAdminOf } } } },
    ],
  };
}

/** Security events the viewer may read: their organisations' events, or all as platform admin. */
export function securityEventWhereVisibleTo(viewer: Viewer | null): Db.SecurityEventWhereInput {
  if (!viewer) return NOTHING;
  if (isPlatformAdmin(viewer)) return {};
  return { organisationId: { in: viewer.organisationAdminOf } };
}

/** E-mail and account state: the user themself and anyone administering one of their units. */
export async function canSeeAccountDetails(prisma: Prisma, viewer: Viewer | null, userId: string): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.userId === userId || isPlatformAdmin(viewer)) return true;
  return (await prisma.user.count({ where: { AND: [{ id: userId }, userWhereAdministeredBy(viewer)] } })) > 0;
}

/**
 * Resetting a password or deactivating hands over everything the account can reach, so the
 * viewer must administer ALL of it: every unit, every organisation, and no global role.
 */
export async function canManageUser(prisma: Prisma, viewer: Viewer | null, userId: string): Promise<boolean> {
  if (!viewer) return false;
  if (isPlatformAdmin(viewer)) return true;
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      globalRole: true,
      memberships: { select: { unitId: true, unit: { select: { organisationId: true } } } },
      organisationAdmin: { select: { organisationId: true } },
    },
  });
  if (!target || target.globalRole) return false;
  const administeredUnits = new Set(unitAdminOf(viewer));
  const administersOrganisation = (organisationId: string) => viewer.organisationAdminOf.includes(organisationId);
  const reach = target.memberships.length + target.organisationAdmin.length;
  return (
    reach > 0 &&
    target.memberships.every((membership) => administeredUnits.has(membership.unitId) || administersOrganisation(membership.unit.organisationId)) &&
    target.organisationAdmin.every((row) => administersOrganisation(row.organisationId))
  );
}

/** True when the viewer keeps an admin right after losing the UNIT_ADMIN role in this unit. */
export function keepsAnAdminRightWithout(viewer: Viewer, unitId: string): boolean {
  return (
    isPlatformAdmin(viewer) ||
    viewer.organisationAdminOf.length > 0 ||
    viewer.memberships.some((membership) => membership.role === "UNIT_ADMIN" && membership.unitId !== unitId)
  );
}

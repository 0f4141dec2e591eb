// What the signed-in viewer works as, for navigation and start pages. The server still decides
// what each of them may do; this only decides what to offer.
import type { Me } from "./viewer.tsx";

export type ViewerRoles = {
  /** A member of a centre, a service or a caseworker team: sends and receives handovers, books visits. */
  worksInUnit: boolean;
  isCaseworker: boolean;
  isCentreStaff: boolean;
  isServiceStaff: boolean;
  isCoordinator: boolean;
  /** Administers a unit, an organisation or the platform. */
  isAdmin: boolean;
};

export function viewerRoles(me: Me | null | undefined): ViewerRoles {
  const kinds = new Set(me?.memberships.map((membership) => membership.unit.kind) ?? []);
  return {
    worksInUnit: kinds.size > 0,
    isCaseworker: kinds.has("CASEWORKER_TEAM"),
    isCentreStaff: kinds.has("CENTRE"),
    isServiceStaff: kinds.has("SERVICE"),
    isCoordinator: me?.isCoordinator ?? false,
    isAdmin:
      (me?.isPlatformAdmin ?? false) ||
      (me?.administeredOrganisations.length ?? 0) > 0 ||
      (me?.memberships.some((membership) => membership.role === "UNIT_ADMIN") ?? false),
  };
}

/** Where a person lands after signing in when they did not come from a page. */
export function startPathFor(me: Me | null | undefined): string {
  const roles = viewerRoles(me);
  const activeKind = me?.activeUnit?.kind ?? me?.memberships[0]?.unit.kind;
  if (activeKind === "CASEWORKER_TEAM") return "/soeg";
  if (activeKind === "CENTRE" || activeKind === "SERVICE") return "/overleveringer";
  if (roles.isCoordinator) return "/overblik";
  if (roles.isAdmin) return "/administration";
  return "/";
}

/** Only paths inside the app, so a crafted ?next= cannot send anyone to another site. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/log-ind") || next.startsWith("/saet-adgangskode")) return null;
  return next;
}

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
  /** Reads the area's aggregates (figures, coverage, survey roll-ups); no unit work. */
  isStrategicGroup: boolean;
  /** Administers a unit, an organisation or the platform. */
  isAdmin: boolean;
  /** Volunteers at a centre: sees the rota and their own shifts, nothing of staff work. */
  isVolunteer: boolean;
};

export function viewerRoles(me: Me | null | undefined): ViewerRoles {
  const kinds = new Set(me?.memberships.map((membership) => membership.unit.kind) ?? []);
  return {
    worksInUnit: kinds.size > 0,
    isCaseworker: kinds.has("CASEWORKER_TEAM"),
    isCentreStaff: kinds.has("CENTRE"),
    isServiceStaff: kinds.has("SERVICE"),
    isCoordinator: me?.isCoordinator ?? false,
    isStrategicGroup: me?.isStrategicGroup ?? false,
    isAdmin:
      (me?.isPlatformAdmin ?? false) ||
      (me?.administeredOrganisations.length ?? 0) > 0 ||
      (me?.memberships.some((membership) => membership.role === "UNIT_ADMIN") ?? false),
    isVolunteer: (me?.volunteerCentres.length ?? 0) > 0,
  };
}

const START_PATHS = {
  SEARCH: "/soeg",
  HANDOVERS: "/overleveringer",
  VISITS: "/besoeg",
  OVERVIEW: "/overblik",
  ADMINISTRATION: "/administration",
  HOME: "/",
} as const satisfies Record<Me["startPage"], string>;

/** The top-level sections a start page can be; the one a person last worked in is remembered. */
const SECTIONS: readonly string[] = Object.values(START_PATHS).filter((path) => path !== "/");
const rememberedKey = (userId: string) => `traedesten.start.${userId}`;

/**
 * Where a person lands after signing in when they did not come from a page: the section they
 * last worked in (remembered per user on this device), else what their unit mostly does.
 */
export function startPathFor(me: Me | null | undefined): string {
  if (!me) return "/";
  const remembered = readRemembered(me.user.id);
  if (remembered && isOfferedTo(me, remembered)) return remembered;
  // A volunteer (and nothing else) starts at their shifts.
  if (me.startPage === "HOME" && viewerRoles(me).isVolunteer) return "/vagter";
  return START_PATHS[me.startPage];
}

/** Remembers the section of `pathname` as the user's start page. */
export function rememberSection(userId: string, pathname: string): void {
  const section = SECTIONS.find((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (!section) return;
  try {
    window.localStorage.setItem(rememberedKey(userId), section);
  } catch {
    // Storage may be off (private mode); the unit's default start page still applies.
  }
}

function readRemembered(userId: string): string | null {
  try {
    return window.localStorage.getItem(rememberedKey(userId));
  } catch {
    return null;
  }
}

/** A remembered section only counts while the person still has it in their menu. */
function isOfferedTo(me: Me, path: string): boolean {
  const roles = viewerRoles(me);
  if (path === START_PATHS.HANDOVERS || path === START_PATHS.VISITS) return roles.worksInUnit;
  if (path === START_PATHS.OVERVIEW) return roles.isCoordinator || roles.isStrategicGroup;
  if (path === START_PATHS.ADMINISTRATION) return roles.isAdmin;
  return path === START_PATHS.SEARCH;
}

/** Only paths inside the app, so a crafted ?next= cannot send anyone to another site. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/log-ind") || next.startsWith("/saet-adgangskode")) return null;
  return next;
}

// Who may see and change what in the visits module. Scope maps are fed to Pothos authScopes;
// `where` fragments narrow lists. An unknown id is refused (server/shared/policy.ts).
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";
import type { VisitStatus } from "../../generated/prisma/enums.ts";
import { isMemberOf, type Viewer } from "../../graphql/context.ts";
import { scopesForRow } from "../../shared/policy.ts";
import { findCentreUnitId } from "../directory/index.ts";
import { allowedVisitActions, VISIT_ACTIONS, type VisitAction } from "./visit-status.ts";

/** Bookings that hold their slot. A pending request holds it too (see the Visit model). */
export const LIVE_VISIT_STATUSES: VisitStatus[] = ["REQUESTED", "CONFIRMED"];

/** Anyone may see a confirmed visit's public fields: it is what "this week at the centre" shows. */
export const publicVisitWhere = { status: "CONFIRMED" } satisfies PrismaNamespace.VisitWhereInput;

/** A member of the host centre's unit or of the booking service's unit. */
export function visitParticipantScopes(centreUnitId: string, serviceUnitId: string) {
  return { $any: { memberOfUnit: centreUnitId, $any: { memberOfUnit: serviceUnitId } } };
}

/** Scopes for someone acting as the host centre's staff. */
export function centreMemberScopes(prisma: Prisma, centreId: string) {
  return scopesForRow(findCentreUnitId(prisma, centreId), (unitId) => ({ memberOfUnit: unitId }));
}

/** Scopes for the centre's administrators (unit admin, organisation admin, platform admin). */
export function centreAdminScopes(prisma: Prisma, centreId: string | undefined) {
  return scopesForRow(centreId ? findCentreUnitId(prisma, centreId) : null, (unitId) => ({ unitAdmin: unitId }));
}

/** Scopes for either side of a booking. */
export function visitSideScopes(prisma: Prisma, visitId: string) {
  const visit = prisma.visit.findUnique({ where: { id: visitId }, select: { serviceUnitId: true, centre: { select: { unitId: true } } } });
  return scopesForRow(visit, (row) => visitParticipantScopes(row.centre.unitId, row.serviceUnitId));
}

/** Scopes for the host centre's staff of a visit. */
export function visitCentreScopes(prisma: Prisma, visitId: string) {
  const visit = prisma.visit.findUnique({ where: { id: visitId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(visit, (row) => ({ memberOfUnit: row.centre.unitId }));
}

/** Revoking a calendar feed: staff of the unit it belongs to. */
export function calendarFeedScopes(prisma: Prisma, tokenId: string) {
  const feedToken = prisma.calendarFeedToken.findUnique({ where: { id: tokenId }, select: { unitId: true } });
  return scopesForRow(feedToken, (row) => ({ memberOfUnit: row.unitId }));
}

/** Scopes for either side of a weekly series. */
export function seriesSideScopes(prisma: Prisma, seriesId: string) {
  const series = prisma.visitSeries.findUnique({ where: { id: seriesId }, select: { serviceUnitId: true, centre: { select: { unitId: true } } } });
  return scopesForRow(series, (row) => visitParticipantScopes(row.centre.unitId, row.serviceUnitId));
}

/** What the viewer may do with a visit now: the transition table's moves for each side the viewer is on. */
export function viewerVisitActions(
  viewer: Viewer | null,
  centreUnitId: string | null,
  visit: { status: VisitStatus; serviceUnitId: string },
): VisitAction[] {
  const sides = [
    ...(centreUnitId && isMemberOf(viewer, centreUnitId) ? (["CENTRE"] as const) : []),
    ...(isMemberOf(viewer, visit.serviceUnitId) ? (["SERVICE"] as const) : []),
  ];
  const actions = new Set(sides.flatMap((side) => allowedVisitActions(visit.status, side)));
  return VISIT_ACTIONS.filter((action) => actions.has(action));
}

// Open requests to a group (issue 18): "any housing-support team in this area". A group is the
// services of one kind with an address within a radius of an area's point, plus those without
// an address (they come to the citizen, as in the directory search). The rule is written once,
// here, in SQL, and used when the request is sent (who is told), when a unit claims it (may it?)
// and when a unit lists what it may claim.
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { ServiceKind } from "../../generated/prisma/enums.ts";

type Database = Prisma | PrismaTypes.TransactionClient;

export const DEFAULT_GROUP_RADIUS_KM = 15;
/** More open requests than this waiting for one unit would be a backlog, not a list. */
export const OPEN_REQUEST_LIST_LIMIT = 100;

export interface HandoverGroup {
  serviceKind: ServiceKind;
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** The units of the group's services, leaving out `excludeUnitId` (the sender). */
export async function findGroupMemberUnitIds(db: Database, group: HandoverGroup, excludeUnitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ unitId: string }[]>`
    SELECT s."unitId" FROM "Service" s
    WHERE s.kind = ${group.serviceKind}::"ServiceKind" AND s."unitId" <> ${excludeUnitId}::text
      AND (s.latitude IS NULL OR s.longitude IS NULL
           OR directory_haversine_km(${group.latitude}::float8, ${group.longitude}::float8, s.latitude, s.longitude) <= ${group.radiusKm}::float8)
    ORDER BY s."unitId"`;
  return rows.map((row) => row.unitId);
}

/** Whether the unit runs a service of the open request's group. */
export async function isInGroup(db: Database, group: HandoverGroup, unitId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM "Service" s
    WHERE s."unitId" = ${unitId}::text AND s.kind = ${group.serviceKind}::"ServiceKind"
      AND (s.latitude IS NULL OR s.longitude IS NULL
           OR directory_haversine_km(${group.latitude}::float8, ${group.longitude}::float8, s.latitude, s.longitude) <= ${group.radiusKm}::float8)`;
  return rows.length > 0;
}

/** Ids of the open, unclaimed requests the unit may claim, oldest first. */
export async function findClaimableRequestIds(db: Database, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT h.id FROM "Handover" h
    JOIN "HandoverOpenRequest" r ON r."handoverId" = h.id
    JOIN "Service" s ON s."unitId" = ${unitId}::text AND s.kind = r."serviceKind"
    WHERE h.status = 'OPEN' AND h."toUnitId" IS NULL AND h."fromUnitId" <> ${unitId}::text
      AND (s.latitude IS NULL OR s.longitude IS NULL
           OR directory_haversine_km(r.latitude, r.longitude, s.latitude, s.longitude) <= r."radiusKm")
    ORDER BY h."sentAt", h.id
    LIMIT ${OPEN_REQUEST_LIST_LIMIT}::int`;
  return rows.map((row) => row.id);
}

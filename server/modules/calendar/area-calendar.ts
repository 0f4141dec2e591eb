// One public calendar for the area (issue 19): activities, meals and visiting services across
// all centres, for a day or a week, filtered by target group, offer, service kind and area.
// Answered by one SQL statement per page, in the manner of the directory search: weekly
// activities are expanded over the window's local dates in SQL, with each date's facts
// (weekday, holiday kind, UTC offsets around a daylight-saving change) computed once in Node
// (directory-query.ts dateFacts), so a weekly 17:30 meal is 17:30 Copenhagen time in winter and
// summer alike; an on-site activity is left out on a date its centre is closed (a CLOSED
// exception, or a holiday under a CLOSED policy). Only the page's rows come back, with what a
// card or an iCalendar event needs, so nothing is loaded per centre.
import type { Prisma } from "../../db/database.ts";
import type { ActivityLocation, ServiceKind } from "../../generated/prisma/enums.ts";
import { dateFacts, type TermCode } from "../directory/index.ts";
import { ValidationError } from "../../shared/errors.ts";
import { addDays } from "../../shared/copenhagen-time.ts";

export const AREA_CALENDAR_KINDS = ["MEAL", "ACTIVITY", "VISIT"] as const;
export type AreaCalendarKind = (typeof AREA_CALENDAR_KINDS)[number];

export const DEFAULT_AREA_RADIUS_KM = 3;
export const MAX_AREA_RADIUS_KM = 50;
export const MAX_CALENDAR_DAYS = 35;
export const MAX_PAGE = 500;

export interface AreaCalendarFilter {
  /** MEAL: activities offering a meal; ACTIVITY: other activities; VISIT: visiting services. Default all. */
  kinds?: readonly AreaCalendarKind[] | null;
  /** Centres for any of these target groups. */
  targetGroups?: readonly TermCode[] | null;
  /** Activities (and meals) offering any of these; visits are not narrowed by it. */
  offers?: readonly TermCode[] | null;
  /** Visits of services of these kinds; activities are not narrowed by it. */
  serviceKinds?: readonly ServiceKind[] | null;
  /** Centres within radiusKm of the area's point. */
  areaId?: string | null;
  radiusKm?: number | null;
  centreId?: string | null;
}

export interface AreaCalendarEntry {
  /** Stable per occurrence: the visit's id, or the activity's id and local date. */
  key: string;
  kind: AreaCalendarKind;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  centreId: string;
  centreName: string;
  centreAddress: string;
  location: ActivityLocation | null;
  place: string | null;
  offers: TermCode[];
  serviceUnitId: string | null;
  serviceName: string | null;
  serviceKind: ServiceKind | null;
  /** iCalendar SEQUENCE: the visit's change counter; 0 for activities. */
  sequence: number;
  /** When the source row last changed, when known (visits). */
  updatedAt: Date | null;
}

export interface AreaCalendarPage {
  entries: AreaCalendarEntry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Cursor {
  startMs: number;
  rank: number;
  key: string;
}

/** The local dates [firstDate, firstDate + days), with one more day before (an activity cannot spill over, but a visit may). */
export function windowOf(firstDate: string, days: number): { from: Date; to: Date; dates: string[] } {
  if (!Number.isInteger(days) || days < 1 || days > MAX_CALENDAR_DAYS) {
    throw ValidationError.single("days", { da: `Vælg 1 til ${MAX_CALENDAR_DAYS} dage.`, en: `Choose 1 to ${MAX_CALENDAR_DAYS} days.` });
  }
  const dates = Array.from({ length: days }, (_, index) => addDays(firstDate, index));
  const first = dateFacts(firstDate);
  const after = dateFacts(addDays(firstDate, days));
  return {
    from: new Date(first.base - first.o1 * 60_000),
    to: new Date(after.base - after.o1 * 60_000),
    dates,
  };
}

class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
  array(values: readonly string[], elementType: string): string {
    return `(ARRAY(SELECT jsonb_array_elements_text(${this.add(JSON.stringify(values), "jsonb")})))::${elementType}[]`;
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (typeof value.startMs === "number" && typeof value.rank === "number" && typeof value.key === "string") return value;
  } catch {
    // fall through
  }
  throw ValidationError.single("after", { da: "Markøren (after) er ugyldig; start forfra.", en: "The cursor (after) is not valid; start again." });
}

interface Row {
  key: string;
  kind: AreaCalendarKind;
  title: string;
  description: string | null;
  startMs: number;
  endMs: number;
  centreId: string;
  centreName: string;
  street: string;
  postalCode: string;
  city: string;
  location: ActivityLocation | null;
  place: string | null;
  offers: TermCode[] | string | null;
  serviceUnitId: string | null;
  serviceName: string | null;
  serviceKind: ServiceKind | null;
  sequence: number;
  updatedAt: Date | string | null;
  rank: number;
}

/** One page of the area calendar for the window [from, to) over `dates`, soonest first. */
export async function areaCalendarPage(
  prisma: Prisma,
  filter: AreaCalendarFilter,
  window: { from: Date; to: Date; dates: readonly string[] },
  page: { first: number; after: string | null },
): Promise<AreaCalendarPage> {
  const parameters = new Parameters();
  const kinds = new Set(filter.kinds?.length ? filter.kinds : AREA_CALENDAR_KINDS);
  const first = Math.min(Math.max(page.first, 1), MAX_PAGE);
  const centreWhere: string[] = [];
  if (filter.targetGroups?.length) centreWhere.push(`c."targetGroups" && ${parameters.array(filter.targetGroups, "text")}`);
  if (filter.centreId) centreWhere.push(`c."id" = ${parameters.add(filter.centreId, "text")}`);
  if (filter.areaId) {
    const area = await prisma.area.findUnique({ where: { id: filter.areaId }, select: { latitude: true, longitude: true } });
    if (!area) throw ValidationError.single("areaId", { da: "Området findes ikke.", en: "The area does not exist." });
    const radiusKm = filter.radiusKm ?? DEFAULT_AREA_RADIUS_KM;
    if (!(radiusKm > 0 && radiusKm <= MAX_AREA_RADIUS_KM)) {
      throw ValidationError.single("radiusKm", { da: `Vælg en afstand op til ${MAX_AREA_RADIUS_KM} km.`, en: `Choose a distance up to ${MAX_AREA_RADIUS_KM} km.` });
    }
    const latitude = parameters.add(area.latitude, "float8");
    const longitude = parameters.add(area.longitude, "float8");
    // The GiST index on ll_to_earth narrows to a box; the exact distance is the directory's haversine.
    centreWhere.push(`earth_box(ll_to_earth(${latitude}, ${longitude}), ${parameters.add(radiusKm * 1000 * 1.002, "float8")}) @> ll_to_earth(c."latitude", c."longitude")`);
    centreWhere.push(`directory_haversine_km(${latitude}, ${longitude}, c."latitude", c."longitude") <= ${parameters.add(radiusKm, "float8")}`);
  }
  const days = parameters.add(JSON.stringify(window.dates.map((date) => dateFacts(date))), "jsonb");
  const fromMs = parameters.add(window.from.getTime(), "float8");
  const toMs = parameters.add(window.to.getTime(), "float8");
  const fromTs = parameters.add(window.from.toISOString(), "timestamp(3)");
  const toTs = parameters.add(window.to.toISOString(), "timestamp(3)");
  const offers = filter.offers?.length ? parameters.array(filter.offers, "text") : null;
  const activityKinds = [...kinds].filter((kind) => kind !== "VISIT");
  // MEAL and ACTIVITY split activities by whether they offer a meal.
  const activityKindTest = activityKinds.length === 2 ? "TRUE" : activityKinds[0] === "MEAL" ? `'MEAL' = ANY(a."offers")` : `NOT ('MEAL' = ANY(a."offers"))`;
  const activityWhere = `${activityKindTest}${offers ? ` AND a."offers" && ${offers}` : ""}`;
  const instant = (minute: string) => `(q.base + (${minute} - CASE WHEN ${minute} < q.sw THEN q.o1 ELSE q.o2 END) * 60000::float8)`;
  const activityColumns = `CASE WHEN 'MEAL' = ANY(a."offers") THEN 'MEAL' ELSE 'ACTIVITY' END AS "kind", a."title", a."description",
      c."id" AS "centreId", c."name" AS "centreName", c."street", c."postalCode", c."city",
      a."location"::text AS "location", a."place", array_to_json(a."offers")::text AS "offers",
      NULL::text AS "serviceUnitId", NULL::text AS "serviceName", NULL::text AS "serviceKind", 0 AS "sequence", NULL::timestamp(3) AS "updatedAt",
      CASE WHEN 'MEAL' = ANY(a."offers") THEN 0 ELSE 1 END AS "rank"`;
  const closedOn = `(EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = c."id" AND x."date" = q.d AND x."kind" = 'CLOSED')
      OR (q.kind = 1 AND c."publicHolidayPolicy" = 'CLOSED') OR (q.kind = 2 AND c."commonClosedDaysPolicy" = 'CLOSED'))`;
  const parts: string[] = [];
  if (activityKinds.length > 0) {
    parts.push(`SELECT a."id" || ':' || to_char(q.d, 'YYYY-MM-DD') AS "key", ${activityColumns},
        ${instant('a."startMinute"')} AS "startMs", ${instant('a."endMinute"')} AS "endMs"
      FROM c JOIN "Activity" a ON a."centreId" = c."id" JOIN q ON q.wd = a."weekday"
      WHERE a."recurrence" = 'WEEKLY' AND a."startMinute" IS NOT NULL AND a."endMinute" IS NOT NULL AND ${activityWhere}
        AND (a."location" <> 'ON_SITE' OR NOT ${closedOn})`);
    parts.push(`SELECT a."id" AS "key", ${activityColumns},
        (extract(epoch FROM a."startsAt") * 1000)::float8 AS "startMs", (extract(epoch FROM a."endsAt") * 1000)::float8 AS "endMs"
      FROM c JOIN "Activity" a ON a."centreId" = c."id"
      WHERE a."recurrence" = 'ONE_OFF' AND a."startsAt" < ${toTs} AND a."endsAt" > ${fromTs} AND ${activityWhere}`);
  }
  if (kinds.has("VISIT")) {
    const serviceKinds = filter.serviceKinds?.length ? ` AND s."kind" = ANY(${parameters.array(filter.serviceKinds, '"ServiceKind"')})` : "";
    parts.push(`SELECT v."id" AS "key", 'VISIT' AS "kind", v."title", v."publicDescription" AS "description",
        c."id" AS "centreId", c."name" AS "centreName", c."street", c."postalCode", c."city",
        NULL::text AS "location", NULL::text AS "place", '[]' AS "offers",
        v."serviceUnitId", s."name" AS "serviceName", s."kind"::text AS "serviceKind", v."sequence", v."updatedAt", 2 AS "rank",
        (extract(epoch FROM v."startsAt") * 1000)::float8 AS "startMs", (extract(epoch FROM v."endsAt") * 1000)::float8 AS "endMs"
      FROM c JOIN "Visit" v ON v."centreId" = c."id" JOIN "Service" s ON s."unitId" = v."serviceUnitId"
      WHERE v."status" = 'CONFIRMED' AND v."startsAt" < ${toTs} AND v."endsAt" > ${fromTs}${serviceKinds}`);
  }
  if (parts.length === 0) return { entries: [], hasNextPage: false, endCursor: null };
  let keyset = "TRUE";
  if (page.after) {
    const cursor = decodeCursor(page.after);
    const start = parameters.add(cursor.startMs, "float8");
    const rank = parameters.add(cursor.rank, "int");
    const key = parameters.add(cursor.key, "text");
    keyset = `(e."startMs" > ${start} OR (e."startMs" = ${start} AND (e."rank" > ${rank} OR (e."rank" = ${rank} AND e."key" COLLATE "C" > ${key} COLLATE "C"))))`;
  }
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `WITH q AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset(${days}) AS q(d date, wd int, kind int, base float8, o1 int, sw int, o2 int)
     ),
     c AS MATERIALIZED (
       SELECT c.* FROM "Centre" c WHERE ${centreWhere.length ? centreWhere.join(" AND ") : "TRUE"}
     )
     SELECT e.* FROM (${parts.join("\nUNION ALL\n")}) AS e
     WHERE e."endMs" > ${fromMs} AND e."startMs" < ${toMs} AND e."endMs" > e."startMs" AND ${keyset}
     ORDER BY e."startMs", e."rank", e."key" COLLATE "C"
     LIMIT ${parameters.add(first + 1, "int")}`,
    ...parameters.values,
  );
  const entries = rows.slice(0, first).map(toEntry);
  const last = rows[Math.min(rows.length, first) - 1];
  return {
    entries,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor({ startMs: Number(last.startMs), rank: Number(last.rank), key: last.key }) : null,
  };
}

function toEntry(row: Row): AreaCalendarEntry {
  const offers = typeof row.offers === "string" ? (JSON.parse(row.offers) as TermCode[]) : (row.offers ?? []);
  return {
    key: row.key,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: new Date(Number(row.startMs)),
    endsAt: new Date(Number(row.endMs)),
    centreId: row.centreId,
    centreName: row.centreName,
    centreAddress: `${row.street}, ${row.postalCode} ${row.city}`,
    location: row.location,
    place: row.place,
    offers,
    serviceUnitId: row.serviceUnitId,
    serviceName: row.serviceName,
    serviceKind: row.serviceKind,
    sequence: Number(row.sequence),
    updatedAt: row.updatedAt === null ? null : new Date(typeof row.updatedAt === "string" ? `${row.updatedAt.replace(" ", "T")}Z` : row.updatedAt),
    // `rank` stays internal.
  };
}


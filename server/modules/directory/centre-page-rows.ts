// The rows of a search page — centres with their weekly periods, exceptions and activities — in
// one prepared statement, shaped as Prisma returns them. The ranking statement gives the page's
// ids; this gives what the reasons and the nodes need, for any page size, without Prisma's client
// (which spent several times the database's time on the four statements it needs for the same).
import type { Activity } from "../../generated/prisma/client.ts";
import type { Prisma } from "../../db/database.ts";
import { rowFromJson } from "../../db/page-rows.ts";
import type { CentreWithSchedule } from "./centre-schedule.ts";

export type CentrePageRow = CentreWithSchedule & { activities: Activity[] };

// Periods in the order the schema's `openingPeriods` gives them; exceptions by date; activities
// by creation, so the reasons that pick the first matching activities are the same on every load.
const CENTRE_ROWS_SQL = `
  SELECT row_to_json(c) AS "centre",
    coalesce((SELECT json_agg(p ORDER BY p."weekday", p."startMinute", p."id") FROM "OpeningPeriod" p WHERE p."centreId" = c."id"), '[]') AS "openingPeriods",
    coalesce((SELECT json_agg(e ORDER BY e."date", e."id") FROM "OpeningException" e WHERE e."centreId" = c."id"), '[]') AS "openingExceptions",
    coalesce((SELECT json_agg(a ORDER BY a."createdAt", a."id") FROM "Activity" a WHERE a."centreId" = c."id"), '[]') AS "activities"
  FROM "Centre" c
  WHERE c."id" = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`;

type Json = Record<string, unknown>;

/** The centres of `ids` (in no particular order; unknown ids are left out). */
export async function loadCentrePageRows(prisma: Prisma, ids: readonly string[]): Promise<CentrePageRow[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.$readPrepared<{ centre: Json; openingPeriods: Json[]; openingExceptions: Json[]; activities: Json[] }>(
    CENTRE_ROWS_SQL,
    // As JSON: both databases' drivers pass a string the same way.
    [JSON.stringify(ids)],
  );
  return rows.map((row) => ({
    ...rowFromJson<CentreWithSchedule>("Centre", row.centre),
    openingPeriods: row.openingPeriods.map((period) => rowFromJson("OpeningPeriod", period)),
    openingExceptions: row.openingExceptions.map((exception) => rowFromJson("OpeningException", exception)),
    activities: row.activities.map((activity) => rowFromJson<Activity>("Activity", activity)),
  }));
}

const PERIOD_ORDER = JSON.stringify([{ weekday: "asc" }, { startMinute: "asc" }]);

/**
 * True when what the client selected of a node is answered by these rows: the centre's columns,
 * its weekly periods (in the schema's order), all its exceptions, its activities. Anything else
 * (a filtered relation, another table) is loaded by Prisma as the query asks.
 */
export function pageRowsAnswer(query: { include?: Record<string, unknown>; select?: Record<string, unknown> }): boolean {
  if (query.select || Object.keys(query).some((key) => key !== "include")) return false;
  return Object.entries(query.include ?? {}).every(([relation, shape]) => {
    if (relation === "openingPeriods") return shape === true || JSON.stringify(shape) === JSON.stringify({ orderBy: JSON.parse(PERIOD_ORDER) });
    return (relation === "openingExceptions" || relation === "activities") && shape === true;
  });
}

// The rows of a search page — centres with their weekly periods, exceptions and activities — as
// columns of the ranking statement itself, shaped as Prisma returns them: what the reasons and
// the nodes need, for any page size, in the same round trip, without Prisma's client (which spent
// several times the database's time on the four statements it needed for the same).
import type { Activity } from "../../generated/prisma/client.ts";
import { jsonObjectSql, rowFromJson } from "../../db/page-rows.ts";
import type { CentreWithSchedule } from "./centre-schedule.ts";

export type CentrePageRow = CentreWithSchedule & { activities: Activity[] };

// Periods in the order the schema's `openingPeriods` gives them; exceptions by date; activities
// by creation, so the reasons that pick the first matching activities are the same on every load.
const CENTRE_JSON = jsonObjectSql("Centre", "c");
const PERIOD_JSON = jsonObjectSql("OpeningPeriod", "p");
const EXCEPTION_JSON = jsonObjectSql("OpeningException", "e");
const ACTIVITY_JSON = jsonObjectSql("Activity", "a");

/** The columns of a centre's page row, for a statement where `id` names the centre's id. */
export function centreRowColumnsSql(id: string): string {
  return `(SELECT ${CENTRE_JSON} FROM "Centre" c WHERE c."id" = ${id}) AS "centre",
    coalesce((SELECT json_agg(${PERIOD_JSON} ORDER BY p."weekday", p."startMinute", p."id") FROM "OpeningPeriod" p WHERE p."centreId" = ${id}), '[]') AS "openingPeriods",
    coalesce((SELECT json_agg(${EXCEPTION_JSON} ORDER BY e."date", e."id") FROM "OpeningException" e WHERE e."centreId" = ${id}), '[]') AS "openingExceptions",
    coalesce((SELECT json_agg(${ACTIVITY_JSON} ORDER BY a."createdAt", a."id") FROM "Activity" a WHERE a."centreId" = ${id}), '[]') AS "activities"`;
}

type Json = Record<string, unknown>;

/** The JSON columns of centreRowColumnsSql. */
export interface CentreRowJson {
  centre: Json | null;
  openingPeriods: Json[];
  openingExceptions: Json[];
  activities: Json[];
}

/** A centre's page row from its JSON columns, as Prisma would give it; null for a vanished centre. */
export function centrePageRowOf(row: CentreRowJson): CentrePageRow | null {
  if (!row.centre) return null;
  return {
    ...rowFromJson<CentreWithSchedule>("Centre", row.centre),
    openingPeriods: row.openingPeriods.map((period) => rowFromJson("OpeningPeriod", period)),
    openingExceptions: row.openingExceptions.map((exception) => rowFromJson("OpeningException", exception)),
    activities: row.activities.map((activity) => rowFromJson<Activity>("Activity", activity)),
  };
}

// The schema's `openingPeriods` relation asks for this order (centre.schema.ts).
const PERIOD_ORDER = JSON.stringify({ orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] });

/**
 * True when what the client selected of a node is answered by these rows: the centre's columns,
 * its weekly periods (in the schema's order), all its exceptions, its activities. Anything else
 * (a filtered relation, another table) is loaded by Prisma as the query asks.
 */
export function pageRowsAnswer(query: { include?: Record<string, unknown>; select?: Record<string, unknown> }): boolean {
  if (query.select || Object.keys(query).some((key) => key !== "include")) return false;
  return Object.entries(query.include ?? {}).every(([relation, shape]) => {
    if (relation === "openingPeriods") return shape === true || JSON.stringify(shape) === PERIOD_ORDER;
    return (relation === "openingExceptions" || relation === "activities") && shape === true;
  });
}

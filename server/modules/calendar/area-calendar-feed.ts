// The area calendar as an iCalendar feed (RFC 5545), one per filter:
//   GET /calendar/area.ics?targetGroup=YOUNG_ADULTS&offer=MEAL&kind=VISIT&serviceKind=…&area=<id>&radiusKm=3&centre=<id>
// Public, like the calendar itself. It covers a week back (so recent changes reach subscribers)
// and four weeks ahead. Each visit keeps its own UID and SEQUENCE (the same entry as the centre's
// feed); an activity occurrence's UID is the activity and its date.
import type Router from "@koa/router";
import type { RouterContext } from "@koa/router";
import type { Clock } from "../../clock.ts";
import type { Prisma } from "../../db/database.ts";
import { ServiceKind } from "../../generated/prisma/enums.ts";
import { ValidationError } from "../../shared/errors.ts";
import { loadTaxonomy, localIsoDate, type Taxonomy } from "../directory/index.ts";
import { buildCalendarFeed, type CalendarFeedEvent } from "../visits/index.ts";
import {
  AREA_CALENDAR_KINDS,
  areaCalendarPage,
  MAX_PAGE,
  windowOf,
  type AreaCalendarEntry,
  type AreaCalendarFilter,
  type AreaCalendarKind,
} from "./area-calendar.ts";
import { addDays } from "../../shared/copenhagen-time.ts";

export const AREA_FEED_PATH = "/calendar/area.ics";
const FEED_DAYS_BACK = 7;
const FEED_DAYS_AHEAD = 28;
/** A feed holds at most this many events (the soonest). */
const MAX_FEED_EVENTS = 3000;

const KIND_TITLE: Record<AreaCalendarKind, string> = { MEAL: "Måltid", ACTIVITY: "Aktivitet", VISIT: "Besøg" };

/** The feed's path and query for a filter; parseAreaFeedQuery reads it back. */
export function areaFeedPath(filter: AreaCalendarFilter): string {
  const query = new URLSearchParams();
  for (const kind of filter.kinds ?? []) query.append("kind", kind);
  for (const group of filter.targetGroups ?? []) query.append("targetGroup", group);
  for (const offer of filter.offers ?? []) query.append("offer", offer);
  for (const kind of filter.serviceKinds ?? []) query.append("serviceKind", kind);
  if (filter.areaId) query.set("area", filter.areaId);
  if (filter.areaId && filter.radiusKm != null) query.set("radiusKm", String(filter.radiusKm));
  if (filter.centreId) query.set("centre", filter.centreId);
  const text = query.toString();
  return text ? `${AREA_FEED_PATH}?${text}` : AREA_FEED_PATH;
}

function valuesOf<Value extends string>(query: URLSearchParams, name: string, allowed: readonly Value[]): Value[] {
  const values = query.getAll(name);
  const unknown = values.find((value) => !allowed.includes(value as Value));
  if (unknown !== undefined) {
    throw ValidationError.single(name, { da: `Ukendt værdi for ${name}.`, en: `Unknown value for ${name}.` });
  }
  return values as Value[];
}

/** The filter a feed URL's query asks for; an unknown value is a ValidationError (HTTP 400). */
export function parseAreaFeedQuery(query: URLSearchParams, taxonomy: Taxonomy): AreaCalendarFilter {
  const radius = query.get("radiusKm");
  return {
    kinds: valuesOf(query, "kind", AREA_CALENDAR_KINDS),
    targetGroups: valuesOf(query, "targetGroup", taxonomy.list("TARGET_GROUP", true).map((term) => term.code)),
    offers: valuesOf(query, "offer", taxonomy.list("OFFER", true).map((term) => term.code)),
    serviceKinds: valuesOf(query, "serviceKind", Object.values(ServiceKind)),
    areaId: query.get("area"),
    radiusKm: radius === null ? null : Number(radius),
    centreId: query.get("centre"),
  };
}

function toEvent(entry: AreaCalendarEntry): CalendarFeedEvent {
  const at = entry.location === "ON_SITE" || entry.location === null ? entry.centreName : (entry.place ?? entry.centreName);
  const description = [entry.description, entry.serviceName, `${KIND_TITLE[entry.kind]} · ${entry.centreName}`]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  return {
    id: entry.key,
    sequence: entry.sequence,
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    title: entry.title,
    description,
    location: at === entry.centreName ? `${entry.centreName}, ${entry.centreAddress}` : at,
    status: "CONFIRMED",
    updatedAt: entry.updatedAt ?? entry.startsAt,
  };
}

export function registerAreaCalendarRoutes(router: Router, deps: { prisma: Prisma; clock: Clock }): void {
  router.get(AREA_FEED_PATH, async (ctx: RouterContext) => {
    let filter: AreaCalendarFilter;
    try {
      filter = parseAreaFeedQuery(new URLSearchParams(ctx.querystring), await loadTaxonomy(deps.prisma));
      const now = deps.clock.now();
      const window = windowOf(addDays(localIsoDate(now), -FEED_DAYS_BACK), FEED_DAYS_BACK + FEED_DAYS_AHEAD);
      const events: CalendarFeedEvent[] = [];
      let after: string | null = null;
      do {
        const page = await areaCalendarPage(deps.prisma, filter, window, { first: MAX_PAGE, after });
        events.push(...page.entries.map(toEvent));
        after = page.hasNextPage ? page.endCursor : null;
      } while (after && events.length < MAX_FEED_EVENTS);
      ctx.type = "text/calendar; charset=utf-8";
      ctx.set("Cache-Control", "public, max-age=300");
      ctx.body = buildCalendarFeed({ name: "Trædesten – kalender for området", events: events.slice(0, MAX_FEED_EVENTS), generatedAt: now });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      ctx.status = 400;
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = error.message;
    }
  });
}

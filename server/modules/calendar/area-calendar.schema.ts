// The public area calendar in the graph: a day or a week of activities, meals and visiting
// services across the centres, filtered, paged by the database.
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { loadInBatch } from "../../shared/request-loader.ts";
import { ActivityLocationEnum, assertKnownCodes, compactWeekText, localIsoDate, OfferEnum, ServiceKindEnum, TargetGroupEnum, taxonomyOf } from "../directory/index.ts";
import {
  AREA_CALENDAR_KINDS,
  areaCalendarPage,
  DEFAULT_AREA_RADIUS_KM,
  MAX_AREA_RADIUS_KM,
  MAX_CALENDAR_DAYS,
  MAX_PAGE,
  windowOf,
  type AreaCalendarEntry,
  type AreaCalendarFilter,
  type AreaCalendarPage,
} from "./area-calendar.ts";
import { areaFeedPath } from "./area-calendar-feed.ts";

const DEFAULT_PAGE = 200;

export const AreaCalendarKindEnum = builder.enumType("AreaCalendarKind", {
  values: AREA_CALENDAR_KINDS,
  description: "MEAL: an activity offering a meal; ACTIVITY: any other activity; VISIT: a visiting service (a confirmed visit).",
});

/** A service's own hours in a few words ("man–fre 09:00–15:00"), for the services of one page at once. */
function serviceHours(context: Context, serviceUnitId: string) {
  return loadInBatch(context, "area-calendar:service-hours", serviceUnitId, async (unitIds: string[]) => {
    const services = await context.prisma.service.findMany({ where: { unitId: { in: unitIds } }, select: { unitId: true, openingPeriods: true } });
    return new Map(services.map((service) => [service.unitId, { da: compactWeekText(service.openingPeriods, "da"), en: compactWeekText(service.openingPeriods, "en") }]));
  });
}

const AreaCalendarEntryRef = builder.objectRef<AreaCalendarEntry>("AreaCalendarEntry").implement({
  description: "One occurrence in the area calendar: an activity or meal at (or from) a centre, or a visiting service at a centre. Public.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable per occurrence (also the iCalendar UID's first part)." }),
    kind: t.field({ type: AreaCalendarKindEnum, resolve: (entry) => entry.kind }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    centreId: t.exposeID("centreId"),
    centreName: t.exposeString("centreName"),
    centreAddress: t.exposeString("centreAddress"),
    location: t.field({ type: ActivityLocationEnum, nullable: true, description: "For activities; null for visits (at the centre).", resolve: (entry) => entry.location }),
    place: t.exposeString("place", { nullable: true, description: "Where an off-site or location-less activity happens." }),
    offers: t.field({ type: [OfferEnum], resolve: (entry) => entry.offers }),
    serviceUnitId: t.exposeID("serviceUnitId", { nullable: true }),
    serviceName: t.exposeString("serviceName", { nullable: true }),
    serviceKind: t.field({ type: ServiceKindEnum, nullable: true, resolve: (entry) => entry.serviceKind }),
    serviceHoursDa: t.string({
      nullable: true,
      description: "For a visit: the service's own opening hours in short (\"man–fre 09:00–15:00\"), or null when it has none.",
      resolve: async (entry, _args, context) => (entry.serviceUnitId ? ((await serviceHours(context, entry.serviceUnitId))?.da ?? null) : null),
    }),
    serviceHoursEn: t.string({
      nullable: true,
      resolve: async (entry, _args, context) => (entry.serviceUnitId ? ((await serviceHours(context, entry.serviceUnitId))?.en ?? null) : null),
    }),
  }),
});

const AreaCalendarFilterInput = builder.inputType("AreaCalendarFilter", {
  description: "All given criteria must hold; lists match when any listed value matches.",
  fields: (t) => ({
    kinds: t.field({ type: [AreaCalendarKindEnum], required: false, description: "Default: all three." }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: "Centres for any of these target groups." }),
    offers: t.field({ type: [OfferEnum], required: false, description: "Activities offering any of these (visits are not narrowed by it)." }),
    serviceKinds: t.field({ type: [ServiceKindEnum], required: false, description: "Visits of these kinds of service (activities are not narrowed by it)." }),
    areaId: t.id({ required: false, description: "Centres near this area's point." }),
    radiusKm: t.float({ required: false, description: `With areaId: how near (default ${DEFAULT_AREA_RADIUS_KM} km, at most ${MAX_AREA_RADIUS_KM}).` }),
    centreId: t.id({ required: false, description: "One centre only." }),
  }),
});

type PageShape = AreaCalendarPage & { from: string; days: number; filter: AreaCalendarFilter };

const AreaCalendarPageRef = builder.objectRef<PageShape>("AreaCalendarPage").implement({
  fields: (t) => ({
    from: t.field({ type: "Date", description: "The first local date of the window.", resolve: (page) => page.from }),
    days: t.exposeInt("days"),
    entries: t.field({ type: [AreaCalendarEntryRef], description: "Soonest first.", resolve: (page) => page.entries }),
    hasNextPage: t.exposeBoolean("hasNextPage"),
    endCursor: t.exposeString("endCursor", { nullable: true }),
    feedUrl: t.string({
      description: "An iCalendar feed of the same filter (today and the next four weeks), for a calendar app to subscribe to.",
      resolve: (page, _args, context) => `${context.config.publicUrl.replace(/\/$/, "")}${areaFeedPath(page.filter)}`,
    }),
  }),
});

builder.queryField("areaCalendar", (t) =>
  t.field({
    type: AreaCalendarPageRef,
    description:
      "Activities, meals and visiting services across all centres in `days` local dates from `from` (default today, 7 days, at most " +
      `${MAX_CALENDAR_DAYS}), soonest first, paged (first ≤ ${MAX_PAGE}, after). On-site activities are left out on days their centre is closed. Public.`,
    authScopes: { public: true },
    args: {
      filter: t.arg({ type: AreaCalendarFilterInput, required: false }),
      from: t.arg({ type: "Date", required: false }),
      days: t.arg.int({ required: false }),
      first: t.arg.int({ required: false, description: `Default ${DEFAULT_PAGE}.` }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, context) => {
      const from = args.from ?? localIsoDate(context.clock.now());
      const days = args.days ?? 7;
      const filter: AreaCalendarFilter = args.filter ?? {};
      const taxonomy = await taxonomyOf(context);
      assertKnownCodes(taxonomy, "TARGET_GROUP", filter.targetGroups, "filter.targetGroups");
      assertKnownCodes(taxonomy, "OFFER", filter.offers, "filter.offers");
      const page = await areaCalendarPage(context.prisma, filter, windowOf(from, days), { first: args.first ?? DEFAULT_PAGE, after: args.after ?? null });
      return { ...page, from, days, filter };
    },
  }),
);

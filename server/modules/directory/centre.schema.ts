// Centres in the graph: the public directory. Centres are public places; nothing here is
// personal, so every type and query is public (scope `public`), including a centre's contact data.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { selectsField } from "../../graphql/selection.ts";
import type { Activity } from "../../generated/prisma/client.ts";
import { builder } from "../../graphql/builder.ts";
import type { LocalizedText } from "../../shared/errors.ts";
import { SafetyNetEntryRef, sortSafetyNet } from "./safety-net.schema.ts";
import { isoDateOf, localIsoDate, scheduleOf, SCHEDULE_INCLUDE, type CentreWithSchedule } from "./centre-schedule.ts";
import {
  coverageFor,
  statusText,
  upcomingDays,
  weeklyHours,
  type Coverage,
  type CoverageDay,
  type CoverageGapText,
  type CoverageHour,
  type UpcomingDay,
  type WeekdayHours,
} from "./centre-hours.ts";
import {
  AccessibilityFeatureEnum,
  ActivityLocationEnum,
  ActivityRecurrenceEnum,
  HolidayPolicyEnum,
  OfferEnum,
  OpeningExceptionKindEnum,
  OpenPresetEnum,
  OrganisationKindEnum,
  ReasonKindEnum,
  StaffingEnum,
  TargetGroupEnum,
  UpcomingDayKindEnum,
} from "./directory-enums.schema.ts";
import {
  activityWhen,
  centreReasons,
  haversineKm,
  openAlternativesAmong,
  originOf,
  resolveTimeCriterion,
  type CentreSearchFilter,
  type OpenAlternative,
  type Reason,
} from "./directory-search.ts";
import { countCentres, nearestOpenCentres, searchCentrePage } from "./directory-query.ts";
import { pageRowsAnswer } from "./centre-page-rows.ts";
import { forwardPageInfo, type ForwardPageInfo, pageSizeOf } from "./directory-paging.ts";
import { openingStatusAt, type OpeningStatus } from "./opening-hours.ts";
import { assertKnownCode, assertKnownCodes, taxonomyOf } from "./taxonomy.ts";
import { TaxonomyTermRef, termsOf } from "./taxonomy.schema.ts";

const UPCOMING_DAYS = 60;
const DEFAULT_ALTERNATIVES = 5;
const MAX_ALTERNATIVES = 20;

export const ReasonRef = builder.objectRef<Reason>("Reason").implement({
  description: "Why a result fits the search, in Danish and English, e.g. \"åben nu til 21:00\", \"1,2 km\".",
  fields: (t) => ({
    kind: t.field({ type: ReasonKindEnum, resolve: (reason) => reason.kind }),
    da: t.exposeString("da"),
    en: t.exposeString("en"),
  }),
});

const OpeningStatusRef = builder.objectRef<OpeningStatus & { text: LocalizedText }>("OpeningStatus").implement({
  description: "Whether a centre is open at an instant (Europe/Copenhagen rules), until when, and when it opens next.",
  fields: (t) => ({
    isOpen: t.exposeBoolean("isOpen"),
    closesAt: t.field({ type: "DateTime", nullable: true, resolve: (status) => status.closesAt }),
    opensNextAt: t.field({ type: "DateTime", nullable: true, resolve: (status) => status.opensNextAt }),
    staffing: t.field({ type: StaffingEnum, nullable: true, resolve: (status) => status.staffing }),
    textDa: t.string({ description: "\"Åben nu til 21:00\" / \"Lukket – åbner torsdag 09:00\".", resolve: (status) => status.text.da }),
    textEn: t.string({ resolve: (status) => status.text.en }),
  }),
});

export const OpeningPeriodRef = builder.prismaObject("OpeningPeriod", {
  description: "A weekly opening window in local wall-clock minutes (Europe/Copenhagen).",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after local midnight." }),
    endMinute: t.exposeInt("endMinute", { description: "Minutes after local midnight; on the next day when isOvernight." }),
    isOvernight: t.exposeBoolean("isOvernight", { description: "The period ends after midnight, e.g. 20:00–02:00." }),
    staffing: t.expose("staffing", { type: StaffingEnum }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

export const OpeningExceptionRef = builder.prismaObject("OpeningException", {
  description: "A closed date or special hours on one local date.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    date: t.field({ type: "Date", resolve: (exception) => isoDateOf(exception.date) }),
    kind: t.expose("kind", { type: OpeningExceptionKindEnum }),
    startMinute: t.exposeInt("startMinute", { nullable: true }),
    endMinute: t.exposeInt("endMinute", {
      nullable: true,
      description: "An end before the start means the special hours run past midnight.",
    }),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

export const ActivityRef = builder.prismaObject("Activity", {
  description: "A recurring or one-off activity, on site, off site (walks, trips, swimming) or location-less.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    location: t.expose("location", { type: ActivityLocationEnum }),
    place: t.exposeString("place", { nullable: true, description: "Where it happens when off site or location-less." }),
    recurrence: t.expose("recurrence", { type: ActivityRecurrenceEnum }),
    weekday: t.exposeInt("weekday", { nullable: true }),
    startMinute: t.exposeInt("startMinute", { nullable: true }),
    endMinute: t.exposeInt("endMinute", { nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    offers: t.expose("offers", { type: [OfferEnum] }),
    whenDa: t.string({ description: "\"torsdag kl. 17:30–19:00\".", resolve: (activity) => activityWhen(activity, false).da }),
    whenEn: t.string({ resolve: (activity) => activityWhen(activity, false).en }),
  }),
});

const WeekdayHoursRef = builder.objectRef<WeekdayHours>("WeekdayHours").implement({
  description: "A centre's weekly hours for one weekday, with a readable summary.",
  fields: (t) => ({
    weekday: t.exposeInt("weekday"),
    labelDa: t.exposeString("labelDa"),
    labelEn: t.exposeString("labelEn"),
    periods: t.field({ type: [OpeningPeriodRef], resolve: (day) => day.periods }),
    textDa: t.exposeString("textDa", { description: "\"09:00–15:00, 17:00–21:00 (frivillige)\" or \"lukket\"." }),
    textEn: t.exposeString("textEn"),
  }),
});

const UpcomingDayRef = builder.objectRef<UpcomingDay>("UpcomingDay").implement({
  description: "A coming date with special opening: an exception, a public holiday or a commonly closed day.",
  fields: (t) => ({
    date: t.field({ type: "Date", resolve: (day) => day.date }),
    kind: t.field({ type: UpcomingDayKindEnum, resolve: (day) => day.kind }),
    nameDa: t.exposeString("nameDa"),
    nameEn: t.exposeString("nameEn"),
    policy: t.field({ type: HolidayPolicyEnum, nullable: true, resolve: (day) => day.policy }),
    isClosed: t.exposeBoolean("isClosed"),
    hoursDa: t.exposeString("hoursDa", { description: "Computed hours that day, e.g. \"18:00–02:00\", or \"lukket\"." }),
    hoursEn: t.exposeString("hoursEn"),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

export const OrganisationSummaryRef = builder
  .objectRef<{ id: string; name: string; kind: "MUNICIPAL" | "CIVIL_SOCIETY" | "OTHER" }>("CentreOperator")
  .implement({
    description: "The organisation that runs a centre or service.",
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      kind: t.field({ type: OrganisationKindEnum, resolve: (organisation) => organisation.kind }),
    }),
  });

export const CentreRef = builder.prismaObject("Centre", {
  description: "A drop-in centre (værested). Public: centres are public places.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    unitId: t.exposeID("unitId", { description: "The unit whose members work here." }),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    operator: t.field({
      type: OrganisationSummaryRef,
      select: { unit: { select: { organisation: { select: { id: true, name: true, kind: true } } } } },
      resolve: (centre) => centre.unit.organisation,
    }),
    street: t.exposeString("street"),
    postalCode: t.exposeString("postalCode"),
    city: t.exposeString("city"),
    latitude: t.exposeFloat("latitude"),
    longitude: t.exposeFloat("longitude"),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    askFor: t.exposeString("askFor", { nullable: true, description: "Who a newcomer can ask for." }),
    targetGroups: t.expose("targetGroups", { type: [TargetGroupEnum] }),
    targetGroupTerms: t.field({
      type: [TaxonomyTermRef],
      description: "The target groups as terms, with their names, in the taxonomy's order.",
      select: { targetGroups: true },
      resolve: (centre, _args, context) => termsOf(context, "TARGET_GROUP", centre.targetGroups),
    }),
    offers: t.expose("offers", { type: [OfferEnum] }),
    offerTerms: t.field({
      type: [TaxonomyTermRef],
      description: "What the centre offers, as terms with their names, in the taxonomy's order.",
      select: { offers: true },
      resolve: (centre, _args, context) => termsOf(context, "OFFER", centre.offers),
    }),
    accessibility: t.expose("accessibility", { type: [AccessibilityFeatureEnum] }),
    languages: t.exposeStringList("languages", { description: "ISO 639-1 codes of languages spoken." }),
    isAnonymousWelcome: t.exposeBoolean("isAnonymousWelcome"),
    minAge: t.exposeInt("minAge", { nullable: true, description: "Youngest age admitted, in years; null: no lower limit." }),
    maxAge: t.exposeInt("maxAge", { nullable: true, description: "Oldest age admitted, in years; null: no upper limit." }),
    publicHolidayPolicy: t.expose("publicHolidayPolicy", { type: HolidayPolicyEnum }),
    publicHolidayStartMinute: t.exposeInt("publicHolidayStartMinute", { nullable: true }),
    publicHolidayEndMinute: t.exposeInt("publicHolidayEndMinute", { nullable: true }),
    commonClosedDaysPolicy: t.expose("commonClosedDaysPolicy", {
      type: HolidayPolicyEnum,
      description: "What the centre does on Grundlovsdag, 24 and 31 December.",
    }),
    commonClosedDaysStartMinute: t.exposeInt("commonClosedDaysStartMinute", { nullable: true }),
    commonClosedDaysEndMinute: t.exposeInt("commonClosedDaysEndMinute", { nullable: true }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    openingPeriods: t.relation("openingPeriods", {
      query: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
    }),
    openingExceptions: t.relation("openingExceptions", {
      description: "Exceptions from today (local date) on.",
      query: (_args, context) => ({
        where: { date: { gte: new Date(`${localIsoDate(context.clock.now())}T00:00:00.000Z`) } },
        orderBy: { date: "asc" },
      }),
    }),
    openingStatus: t.field({
      type: OpeningStatusRef,
      args: { at: t.arg({ type: "DateTime", required: false, description: "The instant to reason about; defaults to now." }) },
      select: SCHEDULE_INCLUDE,
      resolve: (centre, { at }, context) => {
        const status = openingStatusAt(scheduleOf(centre), at ?? context.clock.now());
        return { ...status, text: statusText(status) };
      },
    }),
    openingHours: t.field({
      type: [WeekdayHoursRef],
      description: "The weekly hours, Monday first, with Danish and English labels.",
      select: { openingPeriods: true },
      resolve: (centre) => weeklyHours(centre.openingPeriods),
    }),
    upcomingExceptions: t.field({
      type: [UpcomingDayRef],
      description: `Exceptions, public holidays and commonly closed days in the next ${UPCOMING_DAYS} days, with what the centre does.`,
      args: { at: t.arg({ type: "DateTime", required: false, description: "The instant to reason about; defaults to now." }) },
      select: SCHEDULE_INCLUDE,
      resolve: (centre, { at }, context) => upcomingDays(centre, at ?? context.clock.now(), UPCOMING_DAYS),
    }),
    activities: t.field({
      type: [ActivityRef],
      description: "Weekly activities and one-off activities that have not ended by `at`.",
      args: { at: t.arg({ type: "DateTime", required: false, description: "The instant to reason about; defaults to now." }) },
      select: { activities: true },
      resolve: (centre, { at }, context) => currentActivities(centre.activities, at ?? context.clock.now()),
    }),
  }),
});

export const NearInput = builder.inputType("NearInput", {
  description: "Near a point or near a known centre (the centre itself is then left out).",
  fields: (t) => ({
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    centreId: t.id({ required: false }),
    radiusKm: t.float({ required: true }),
  }),
});

const TimeWindowInput = builder.inputType("TimeWindowInput", {
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: true }),
    to: t.field({ type: "DateTime", required: true }),
  }),
});

const CentreFilterInput = builder.inputType("CentreFilter", {
  description:
    "All given criteria must hold. Target groups, offers and languages match when any listed value matches; " +
    "accessibility needs every listed feature. Give at most one of openAt, openDuring and openPreset.",
  fields: (t) => ({
    targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
    offers: t.field({ type: [OfferEnum], required: false }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum], required: false }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes." }),
    isAnonymousWelcome: t.boolean({ required: false, description: "true: only centres where citizens can come anonymously." }),
    age: t.int({ required: false, description: "The citizen's age in years (0–120): only centres whose age limits, if any, admit it." }),
    openAt: t.field({ type: "DateTime", required: false }),
    openDuring: t.field({ type: TimeWindowInput, required: false }),
    openPreset: t.field({ type: OpenPresetEnum, required: false }),
    near: t.field({ type: NearInput, required: false }),
    text: t.string({ required: false, description: "Words in the name or description." }),
  }),
});

interface CentreEdgeShape {
  cursor: string;
  node: CentreWithSchedule;
  reasons: Reason[];
  distanceKm: number | null;
}

interface CentreConnectionShape {
  edges: CentreEdgeShape[];
  pageInfo: ForwardPageInfo;
  /** Counted only when a client asks for it: the count costs what the matches cost, not the page. */
  totalCount: () => Promise<number>;
  /** No centre on this page is open now (issue 18: then the safety net leads). */
  nothingOpenNow: boolean;
}

builder.queryField("centres", (t) =>
  t.connection(
    {
      type: CentreRef,
      description:
        "Centres that fit the filter, best fit first: matched criteria, then open now, then distance, then name. " +
        "Ranked and paged by the database; cursors are keyset positions in that ranking (forward only: first/after).",
      authScopes: { public: true },
      args: { filter: t.arg({ type: CentreFilterInput, required: false }) },
      resolve: async (_root, args, context, info) => {
        const now = context.clock.now();
        const filter: CentreSearchFilter = args.filter ?? {};
        // The taxonomy and the page are read at the same time (two round trips at once, not one
        // after the other); an unknown code is still the error reported first.
        const pending = searchCentrePage(context.prisma, filter, now, { first: pageSizeOf(args), after: args.after ?? null });
        pending.catch(() => {}); // awaited below, unless a code is refused first
        const taxonomy = await taxonomyOf(context);
        assertKnownCodes(taxonomy, "TARGET_GROUP", filter.targetGroups, "filter.targetGroups");
        assertKnownCodes(taxonomy, "OFFER", filter.offers, "filter.offers");
        const page = await pending;
        const ids = page.rows.map((row) => row.id);
        // The page's rows came with the ranking (periods, exceptions and activities, which the
        // reasons need); the nodes are those rows unless the client selected more than they
        // hold, which Prisma then loads as selected.
        const nodeQuery = queryFromInfo({ context, info, path: ["edges", "node"] });
        const [nodes, origin] = await Promise.all([
          pageRowsAnswer(nodeQuery) ? null : context.prisma.centre.findMany({ ...nodeQuery, where: { id: { in: ids } } }),
          filter.near ? originOf(context.prisma, filter.near) : null,
        ]);
        const rowById = new Map(page.rows.flatMap((row) => (row.centre ? [[row.id, row.centre] as const] : [])));
        const nodeById = nodes ? new Map(nodes.map((node) => [node.id, node])) : rowById;
        const time = resolveTimeCriterion(filter, now);
        const edges = page.rows.flatMap((row): CentreEdgeShape[] => {
          const node = nodeById.get(row.id);
          const centre = rowById.get(row.id);
          if (!node || !centre) return [];
          const distanceKm = origin ? haversineKm(origin, centre) : null;
          const ranked = { centre, schedule: scheduleOf(centre), score: row.score, isOpenNow: row.isOpenNow, distanceKm };
          return [{ cursor: row.cursor, node: node as CentreWithSchedule, reasons: centreReasons(ranked, filter, now, centre.activities, taxonomy, time), distanceKm }];
        });
        const connection: CentreConnectionShape = {
          edges,
          pageInfo: forwardPageInfo(edges, page.hasNextPage, args.after),
          totalCount: () => countCentres(context.prisma, filter, now),
          nothingOpenNow: !page.rows.some((row) => row.isOpenNow),
        };
        return connection as never;
      },
    },
    {
      name: "CentreConnection",
      fields: (connection) => ({
        totalCount: connection.int({ resolve: (parent) => (parent as unknown as CentreConnectionShape).totalCount() }),
        nothingOpenNow: connection.boolean({
          description: "true when no centre in this result is open now: show the safety net first.",
          resolve: (parent) => (parent as unknown as CentreConnectionShape).nothingOpenNow,
        }),
        safetyNet: connection.prismaField({
          type: [SafetyNetEntryRef],
          description: "The always-open safety net (\"døgnåbent / akut\"), whatever the result: never a dead end.",
          resolve: async (query, _parent, _args, context) => {
            const entries = await context.prisma.safetyNetEntry.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] });
            return sortSafetyNet(entries);
          },
        }),
      }),
    },
    {
      name: "CentreEdge",
      fields: (edge) => ({
        reasons: edge.field({ type: [ReasonRef], resolve: (parent) => (parent as unknown as CentreEdgeShape).reasons }),
        distanceKm: edge.float({
          nullable: true,
          description: "Distance from `near`, when given.",
          resolve: (parent) => (parent as unknown as CentreEdgeShape).distanceKm,
        }),
      }),
    },
  ),
);

builder.queryField("centre", (t) =>
  t.prismaField({
    type: CentreRef,
    nullable: true,
    description: "One centre by id, or null.",
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, context) => context.prisma.centre.findUnique({ ...query, where: { id } }),
  }),
);

const OpenAlternativeRef = builder.objectRef<OpenAlternative>("OpenAlternative").implement({
  description: "An open centre for the same target groups as a closed one.",
  fields: (t) => ({
    centre: t.field({ type: CentreRef, resolve: (alternative) => alternative.centre }),
    distanceKm: t.exposeFloat("distanceKm"),
    closesAt: t.field({ type: "DateTime", nullable: true, resolve: (alternative) => alternative.closesAt }),
    reasons: t.field({ type: [ReasonRef], resolve: (alternative) => alternative.reasons }),
  }),
});

builder.queryField("openElsewhere", (t) =>
  t.field({
    type: [OpenAlternativeRef],
    description: "When a centre is closed: other centres sharing a target group that are open at `at`, nearest first.",
    authScopes: { public: true },
    args: {
      centreId: t.arg.id({ required: true }),
      at: t.arg({ type: "DateTime", required: false, description: "Defaults to now." }),
      first: t.arg.int({ required: false, description: `At most this many (default ${DEFAULT_ALTERNATIVES}, max ${MAX_ALTERNATIVES}).` }),
    },
    resolve: async (_root, { centreId, at, first }, context) => {
      const instant = at ?? context.clock.now();
      const limit = Math.min(Math.max(first ?? DEFAULT_ALTERNATIVES, 1), MAX_ALTERNATIVES);
      const [{ closed, candidates }, taxonomy] = await Promise.all([
        nearestOpenCentres(context.prisma, centreId, instant, limit),
        taxonomyOf(context),
      ]);
      return openAlternativesAmong(closed, candidates, instant, limit, taxonomy);
    },
  }),
);

const CoverageHourRef = builder.objectRef<CoverageHour>("CoverageHour").implement({
  fields: (t) => ({
    hour: t.exposeInt("hour", { description: "Local hour 0..23." }),
    openCount: t.exposeInt("openCount", { description: "Centres open at some moment of this hour." }),
    centreIds: t.exposeIDList("centreIds"),
  }),
});

const CoverageDayRef = builder.objectRef<CoverageDay>("CoverageDay").implement({
  fields: (t) => ({
    weekday: t.exposeInt("weekday"),
    date: t.field({ type: "Date", resolve: (day) => day.date }),
    labelDa: t.exposeString("labelDa"),
    labelEn: t.exposeString("labelEn"),
    hours: t.field({ type: [CoverageHourRef], resolve: (day) => day.hours }),
  }),
});

const CoverageGapRef = builder.objectRef<CoverageGapText>("CoverageGap").implement({
  description: "A run of local hours on one weekday when no centre for the target group is open.",
  fields: (t) => ({
    weekday: t.exposeInt("weekday"),
    startHour: t.exposeInt("startHour"),
    endHour: t.exposeInt("endHour", { description: "Exclusive; 24 means until midnight." }),
    da: t.exposeString("da"),
    en: t.exposeString("en"),
  }),
});

const CoverageRef = builder.objectRef<Coverage>("Coverage").implement({
  description: "Week × hour picture of how many centres for a target group are open (about centres, never people).",
  fields: (t) => ({
    targetGroup: t.field({ type: TargetGroupEnum, resolve: (coverage) => coverage.targetGroup }),
    weekStart: t.field({ type: "Date", description: "The Monday of the week.", resolve: (coverage) => coverage.weekStart }),
    days: t.field({ type: [CoverageDayRef], resolve: (coverage) => coverage.days }),
    gaps: t.field({ type: [CoverageGapRef], resolve: (coverage) => coverage.gaps }),
    centres: t.prismaField({
      type: [CentreRef],
      description: "The centres for the target group, by name (loaded only when asked for).",
      resolve: (query, coverage, _args, context) =>
        context.prisma.centre.findMany({
          ...query,
          where: { targetGroups: { has: coverage.targetGroup } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
  }),
});

builder.queryField("coverage", (t) =>
  t.field({
    type: CoverageRef,
    // Public: it counts centres' opening hours, which are public anyway; nothing personal.
    description: "Opening-hours coverage for a target group in the week (Monday–Sunday) containing weekOf.",
    authScopes: { public: true },
    args: {
      targetGroup: t.arg({ type: TargetGroupEnum, required: true }),
      weekOf: t.arg({ type: "Date", required: false, description: "Any date in the week; defaults to today." }),
    },
    resolve: async (_root, { targetGroup, weekOf }, context, info) => {
      assertKnownCode(await taxonomyOf(context), "TARGET_GROUP", targetGroup, "targetGroup");
      return coverageFor(context.prisma, targetGroup, weekOf ?? localIsoDate(context.clock.now()), {
        withCentreIds: selectsField(info.fieldNodes, info.fragments, "centreIds"),
      });
    },
  }),
);

function currentActivities(activities: readonly Activity[], at: Date): Activity[] {
  return activities
    .filter((activity) => !(activity.recurrence === "ONE_OFF" && activity.endsAt !== null && activity.endsAt < at))
    .sort(
      (left, right) =>
        (left.weekday ?? 8) - (right.weekday ?? 8) ||
        (left.startMinute ?? 0) - (right.startMinute ?? 0) ||
        (left.startsAt?.getTime() ?? 0) - (right.startsAt?.getTime() ?? 0) ||
        left.title.localeCompare(right.title, "da"),
    );
}

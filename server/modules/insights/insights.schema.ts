// Centre figures in the graph: anonymous tallies and activities held (writes), figures per
// centre and across centres, their definitions and a CSV export (reads). Aggregates only.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { NotAuthenticatedError, NotFoundError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { assertKnownCodes, TargetGroupEnum, taxonomyOf, TERM_CODE_PATTERN } from "../directory/index.ts";
import { FIGURE_DEFINITIONS, FIGURE_KEYS, type FigureDefinition } from "./figure-definitions.ts";
import { figuresCsv } from "./figures-csv.ts";
import { checkPeriod, dateColumn, figureList, findAreaFigures, type AreaFigures, type BreakdownItem, type CentreFigures, type FigureSet } from "./figures.ts";
import { recordActivityHeld, recordVisitorTally } from "./insights.commands.ts";
import { centreMemberScopes, centreReaderScopes, centreStaffScopes } from "./insights.policy.ts";
import type { Figure } from "./suppression.ts";

const FigureUnitEnum = builder.enumType("FigureUnit", {
  description: "COUNT: a whole number. PERCENT: 0–100. HOURS: hours with decimals. SCORE: a mean on the 1–5 scale.",
  values: ["COUNT", "PERCENT", "HOURS", "SCORE"] as const,
});

export const FigureRef = builder.objectRef<Figure>("Figure").implement({
  description:
    "One number about a centre (never about a person). Counts of 1–4 are suppressed: `value` is null, " +
    "`display` is \"<5\" and `isSuppressed` is true. Rates, medians and sums whose base is 1–4 are suppressed too. " +
    "A figure with no base at all (e.g. a rate of zero handovers) has `value` null and `display` \"–\".",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Which figure this is; see Query.figureDefinitions." }),
    unit: t.field({ type: FigureUnitEnum, resolve: (figure) => figure.unit }),
    value: t.exposeFloat("value", { nullable: true, description: "Null when suppressed or not available. Percentages are 0–100." }),
    display: t.exposeString("display", { description: "Danish formatting, ready to show: \"1.234\", \"<5\", \"62 %\", \"3,5 t\", \"–\"." }),
    isSuppressed: t.exposeBoolean("isSuppressed"),
  }),
});

const FigureBreakdownItemRef = builder.objectRef<BreakdownItem>("FigureBreakdownItem").implement({
  description: "One slice of a count broken down (by target group, by the other side's kind, or by outcome), suppressed like any count.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "A ServiceKind, CENTRE, CASEWORKER_TEAM, a TargetGroup, or a result (an outcome, a closed status, OPEN)." }),
    labelDa: t.exposeString("labelDa"),
    labelEn: t.exposeString("labelEn"),
    count: t.field({ type: FigureRef, resolve: (item) => item.count }),
  }),
});

export const FigureSetRef = builder.objectRef<FigureSet>("FigureSet").implement({
  description: "Every figure for one centre or for a total, defined as in Query.figureDefinitions.",
  fields: (t) => ({
    ...Object.fromEntries(
      FIGURE_KEYS.map((key) => [key, t.field({ type: FigureRef, description: FIGURE_DEFINITIONS.find((definition) => definition.key === key)?.definitionEn, resolve: (figures) => figures[key] })]),
    ),
    all: t.field({ type: [FigureRef], description: "The figures above, in definition order (handy for tables and CSV-like views).", resolve: figureList }),
    visitorsByTargetGroup: t.field({
      type: [FigureBreakdownItemRef],
      description: "Visitors split by broad target group, where the centre recorded a split (the split may cover only part of the visitors).",
      resolve: (figures) => figures.visitorsByTargetGroup,
    }),
    handoversSentByCounterpart: t.field({ type: [FigureBreakdownItemRef], description: "Handovers sent, by the receiver's service kind (or CENTRE / CASEWORKER_TEAM).", resolve: (figures) => figures.handoversSentByCounterpart }),
    handoversSentByResult: t.field({ type: [FigureBreakdownItemRef], description: "Handovers sent, by outcome (completed outcomes, other closed statuses, OPEN).", resolve: (figures) => figures.handoversSentByResult }),
    handoversReceivedByCounterpart: t.field({ type: [FigureBreakdownItemRef], description: "Handovers received, by the sender's service kind (or CENTRE / CASEWORKER_TEAM).", resolve: (figures) => figures.handoversReceivedByCounterpart }),
    handoversReceivedByResult: t.field({ type: [FigureBreakdownItemRef], description: "Handovers received, by outcome.", resolve: (figures) => figures.handoversReceivedByResult }),
  }),
});

const CentreFiguresRef = builder.objectRef<CentreFigures>("CentreFigures").implement({
  description: "One centre's figures for a period.",
  fields: (t) => ({
    centreId: t.exposeID("centreId"),
    centreName: t.exposeString("centreName"),
    coreTask: t.exposeString("coreTask", { nullable: true, description: "The centre's stated core task (kerneopgave), to read the figures against." }),
    guidingPrincipleKeys: t.exposeStringList("guidingPrinciples", { description: "The GuidingPrinciple values the centre serves." }),
    from: t.field({ type: "Date", resolve: (row) => row.period.from }),
    to: t.field({ type: "Date", resolve: (row) => row.period.to }),
    figures: t.field({ type: FigureSetRef, resolve: (row) => row.figures }),
  }),
});

const AreaFiguresRef = builder.objectRef<AreaFigures>("AreaFigures").implement({
  description: "Figures per centre and in total for a period.",
  fields: (t) => ({
    from: t.field({ type: "Date", resolve: (area) => area.period.from }),
    to: t.field({ type: "Date", resolve: (area) => area.period.to }),
    centres: t.field({ type: [CentreFiguresRef], description: "One row per centre, by name.", resolve: (area) => area.centres }),
    totals: t.field({
      type: FigureSetRef,
      description:
        "Totals built only from what the rows show: a suppressed cell adds nothing, and rates and medians pool only " +
        "the centres whose own rate or median is shown, so no total reveals a suppressed cell by subtraction.",
      resolve: (area) => area.totals,
    }),
  }),
});

const FigureDefinitionRef = builder.objectRef<FigureDefinition>("FigureDefinition").implement({
  description: "The written definition of one figure; the same for every centre.",
  fields: (t) => ({
    key: t.exposeString("key"),
    unit: t.field({ type: FigureUnitEnum, resolve: (definition) => definition.unit }),
    nameDa: t.exposeString("nameDa"),
    nameEn: t.exposeString("nameEn"),
    definitionDa: t.exposeString("definitionDa"),
    definitionEn: t.exposeString("definitionEn"),
  }),
});

const period = { from: z.string(), to: z.string() };
const centrePeriodArgs = z.object({ centreId: z.string(), ...period }).superRefine(checkPeriod);
const areaPeriodArgs = z.object({ ...period, centreIds: z.array(z.string()).nullish() }).superRefine(checkPeriod);

builder.queryField("figureDefinitions", (t) =>
  t.field({
    type: [FigureDefinitionRef],
    description: "What each figure means, in Danish and English, in dashboard order.",
    authScopes: { public: true },
    resolve: () => [...FIGURE_DEFINITIONS],
  }),
);

builder.queryField("centreFigures", (t) =>
  t.field({
    type: CentreFiguresRef,
    description: "One centre's figures for the local dates from–to (inclusive). For the centre's members, its organisation's admins and coordinators.",
    args: { centreId: t.arg.id({ required: true }), from: t.arg({ type: "Date", required: true }), to: t.arg({ type: "Date", required: true }) },
    validate: { schema: centrePeriodArgs },
    authScopes: (_root, args, context) => centreReaderScopes(context, String(args.centreId)),
    resolve: async (_root, args, context) => {
      const area = await findAreaFigures(context.prisma, { from: args.from, to: args.to }, [String(args.centreId)]);
      const row = area.centres[0];
      if (!row) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      return row;
    },
  }),
);

const areaArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  from: t.arg({ type: "Date", required: true }),
  to: t.arg({ type: "Date", required: true }),
  centreIds: t.arg.idList({ required: false, description: "Only these centres; all centres when left out." }),
});

async function areaFiguresFor(context: Context, args: { from: string; to: string; centreIds?: (string | number)[] | null }) {
  return findAreaFigures(context.prisma, { from: args.from, to: args.to }, args.centreIds?.map(String) ?? null);
}

builder.queryField("areaFigures", (t) =>
  t.field({
    type: AreaFiguresRef,
    description: "Figures for every centre (or the chosen ones) and their totals, for the local dates from–to. Coordinators and the strategic group (suppressed figures only).",
    args: areaArgs(t),
    validate: { schema: areaPeriodArgs },
    authScopes: { strategicGroup: true },
    resolve: (_root, args, context) => areaFiguresFor(context, args),
  }),
);

builder.queryField("figuresCsv", (t) =>
  t.string({
    description:
      "The area figures as CSV for Excel: UTF-8 with BOM, semicolon-separated, decimal comma, Danish header row, " +
      "one row per centre and a last row \"I alt\". Suppressed cells read \"<5\"; figures without a base are empty. " +
      "Coordinators and the strategic group.",
    args: areaArgs(t),
    validate: { schema: areaPeriodArgs },
    authScopes: { strategicGroup: true },
    resolve: async (_root, args, context) => figuresCsv(await areaFiguresFor(context, args)),
  }),
);

const TargetGroupCountRef = builder.objectRef<{ targetGroup: string; count: number }>("TargetGroupCount").implement({
  fields: (t) => ({
    targetGroup: t.field({ type: TargetGroupEnum, resolve: (part) => part.targetGroup }),
    count: t.exposeInt("count"),
  }),
});

const VisitorTallyRef = builder.prismaObject("VisitorTally", {
  description: "An anonymous count of visitors on one day (or in one opening period), as recorded by the centre's staff.",
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    date: t.field({ type: "Date", resolve: (tally) => tally.date.toISOString().slice(0, 10) }),
    openingPeriodId: t.exposeID("openingPeriodId", { nullable: true }),
    count: t.exposeInt("count", { description: "The count as entered, shown only to the centre's own staff. Figures suppress small counts." }),
    byTargetGroup: t.field({
      type: [TargetGroupCountRef],
      resolve: (tally) =>
        Object.entries((tally.byTargetGroup ?? {}) as Record<string, number>).map(([targetGroup, count]) => ({ targetGroup, count })),
    }),
  }),
});

const ActivityHeldRef = builder.prismaObject("ActivityHeld", {
  description: "An activity the centre held on a date.",
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    activityId: t.exposeID("activityId", { nullable: true }),
    title: t.exposeString("title"),
    date: t.field({ type: "Date", resolve: (activity) => activity.date.toISOString().slice(0, 10) }),
    participants: t.exposeInt("participants", { nullable: true }),
  }),
});

const TargetGroupCountInput = builder.inputType("TargetGroupCountInput", {
  fields: (t) => ({ targetGroup: t.field({ type: TargetGroupEnum, required: true }), count: t.int({ required: true }) }),
});

const RecordVisitorTallyInput = builder.inputType("RecordVisitorTallyInput", {
  description: "Recording the same centre, date and opening period again corrects the earlier count.",
  fields: (t) => ({
    centreId: t.id({ required: true }),
    date: t.field({ type: "Date", required: true, description: "Local date; not in the future." }),
    openingPeriodId: t.id({ required: false, description: "The opening period counted, if the centre counts per period." }),
    count: t.int({ required: true, description: "0–1000." }),
    byTargetGroup: t.field({ type: [TargetGroupCountInput], required: false, description: "Optional split; must not add up to more than count." }),
  }),
});

const recordVisitorTallySchema = z.object({
  centreId: z.string().min(1),
  date: z.string(),
  openingPeriodId: z.string().min(1).nullish(),
  count: z.number().int().min(0).max(1000),
  // Which codes are target groups is data: the resolver checks them against the taxonomy.
  byTargetGroup: z.array(z.object({ targetGroup: z.string().regex(TERM_CODE_PATTERN), count: z.number().int().min(0).max(1000) })).max(50).nullish(),
});

function requireUserId(context: Context): string {
  if (!context.viewer) throw new NotAuthenticatedError();
  return context.viewer.userId;
}

builder.mutationField("recordVisitorTally", (t) =>
  t.field({
    type: VisitorTallyRef,
    description: "Records an anonymous visitor count for a day or opening period. For members of the centre.",
    args: { input: t.arg({ type: RecordVisitorTallyInput, required: true, validate: { schema: recordVisitorTallySchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "tally" } },
    authScopes: (_root, { input }, context) => centreMemberScopes(context, String(input.centreId)),
    resolve: async (_root, { input }, context) => {
      const parsed = parsedBy(recordVisitorTallySchema, input);
      const groups = parsed.byTargetGroup?.map((part) => part.targetGroup);
      assertKnownCodes(await taxonomyOf(context), "TARGET_GROUP", groups, "byTargetGroup");
      return recordVisitorTally(context.prisma, context.clock, requireUserId(context), parsed);
    },
  }),
);

const RecordActivityHeldInput = builder.inputType("RecordActivityHeldInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    date: t.field({ type: "Date", required: true, description: "Local date; not in the future." }),
    title: t.string({ required: true, description: "What was held, 1–200 characters. No personal data." }),
    participants: t.int({ required: false, description: "How many took part (0–1000), if counted." }),
    activityId: t.id({ required: false, description: "The centre's planned activity this was an occurrence of, if any." }),
  }),
});

const recordActivityHeldSchema = z.object({
  centreId: z.string().min(1),
  date: z.string(),
  title: z.string().trim().min(1).max(200),
  participants: z.number().int().min(0).max(1000).nullish(),
  activityId: z.string().min(1).nullish(),
});

builder.mutationField("recordActivityHeld", (t) =>
  t.field({
    type: ActivityHeldRef,
    description: "Records that an activity was held at the centre. For members of the centre.",
    args: { input: t.arg({ type: RecordActivityHeldInput, required: true, validate: { schema: recordActivityHeldSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "activityHeld" } },
    authScopes: (_root, { input }, context) => centreMemberScopes(context, String(input.centreId)),
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(recordActivityHeldSchema, input);
      return recordActivityHeld(context.prisma, context.clock, requireUserId(context), parsed);
    },
  }),
);

const centreListArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  centreId: t.arg.id({ required: true }),
  from: t.arg({ type: "Date", required: true }),
  to: t.arg({ type: "Date", required: true }),
});

builder.queryField("visitorTallies", (t) =>
  t.prismaField({
    type: [VisitorTallyRef],
    description: "The tallies a centre recorded for the local dates from–to, newest first, so staff can check and correct them. For the centre's own people.",
    args: centreListArgs(t),
    validate: { schema: centrePeriodArgs },
    authScopes: (_root, args, context) => centreStaffScopes(context, String(args.centreId)),
    resolve: (query, _root, args, context) => {
      const period = { from: args.from, to: args.to };
      return context.prisma.visitorTally.findMany({
        ...query,
        where: { centreId: String(args.centreId), date: { gte: dateColumn(period.from), lte: dateColumn(period.to) } },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      });
    },
  }),
);

builder.queryField("activitiesHeld", (t) =>
  t.prismaField({
    type: [ActivityHeldRef],
    description: "The activities a centre recorded as held for the local dates from–to, newest first. For the centre's own people.",
    args: centreListArgs(t),
    validate: { schema: centrePeriodArgs },
    authScopes: (_root, args, context) => centreStaffScopes(context, String(args.centreId)),
    resolve: (query, _root, args, context) => {
      const period = { from: args.from, to: args.to };
      return context.prisma.activityHeld.findMany({
        ...query,
        where: { centreId: String(args.centreId), date: { gte: dateColumn(period.from), lte: dateColumn(period.to) } },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      });
    },
  }),
);

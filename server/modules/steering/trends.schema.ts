// Monthly trends of every figure in the graph, with a CSV: the area for coordinators and the
// strategic group; one centre also for the centre's own people and its organisation's admins.
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { FigureSetRef } from "../insights/index.ts";
import { centreVersusAreaScopes } from "./steering.policy.ts";
import { findFigureTrend, MAX_TREND_MONTHS, trendCsv, type FigureTrend, type TrendMonth } from "./trends.ts";

const TrendMonthRef = builder.objectRef<TrendMonth>("FigureTrendMonth").implement({
  fields: (t) => ({
    month: t.exposeString("month", { description: "yyyy-mm (local calendar month)." }),
    from: t.field({ type: "Date", resolve: (month) => month.from }),
    to: t.field({ type: "Date", resolve: (month) => month.to }),
    figures: t.field({ type: FigureSetRef, resolve: (month) => month.figures }),
  }),
});

const FigureTrendRef = builder.objectRef<FigureTrend>("FigureTrend").implement({
  description: "Every figure month by month, each month computed and suppressed exactly like the figures of that period.",
  fields: (t) => ({
    centreId: t.exposeID("centreId", { nullable: true, description: "Null for the area's totals." }),
    scopeName: t.exposeString("scopeName"),
    months: t.field({ type: [TrendMonthRef], resolve: (trend) => trend.months }),
  }),
});

const trendArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  fromMonth: t.arg.string({ required: true, description: "yyyy-mm" }),
  toMonth: t.arg.string({ required: true, description: `yyyy-mm; at most ${MAX_TREND_MONTHS} months after fromMonth.` }),
  centreId: t.arg.id({ required: false, description: "One centre; the area's totals when left out." }),
});

async function trendScopes(context: Context, centreId: string | null | undefined) {
  return centreId ? centreVersusAreaScopes(context, String(centreId)) : { strategicGroup: true };
}

async function trendFor(context: Context, args: { fromMonth: string; toMonth: string; centreId?: string | null }) {
  let centre: { id: string; name: string } | null = null;
  if (args.centreId) {
    centre = await context.prisma.centre.findUnique({ where: { id: String(args.centreId) }, select: { id: true, name: true } });
    if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  }
  return findFigureTrend(context.prisma, args, centre);
}

builder.queryField("figureTrend", (t) =>
  t.field({
    type: FigureTrendRef,
    description: "Monthly figures for the area's totals or one centre.",
    args: trendArgs(t),
    authScopes: (_root, args, context) => trendScopes(context, args.centreId),
    resolve: (_root, args, context) => trendFor(context, args),
  }),
);

builder.queryField("figureTrendCsv", (t) =>
  t.string({
    description: "The monthly figures as CSV for Excel (UTF-8 with BOM, semicolons, decimal comma); suppressed cells read \"<5\".",
    args: trendArgs(t),
    authScopes: (_root, args, context) => trendScopes(context, args.centreId),
    resolve: async (_root, args, context) => trendCsv(await trendFor(context, args)),
  }),
);

// Demand by hour and target group in the graph, for coordinators and the strategic group.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { assertKnownCode, TargetGroupEnum, taxonomyOf } from "../directory/index.ts";
import { checkPeriod, FigureRef } from "../insights/index.ts";
import { findDemandGrid, type DemandCell, type DemandGrid } from "./demand.ts";

const DemandCellRef = builder.objectRef<DemandCell>("DemandCell").implement({
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    hour: t.exposeInt("hour", { description: "Local hour 0–23 (the hour from :00 to :59)." }),
    visitors: t.field({ type: FigureRef, description: "Visitors counted in opening periods open in this hour; <5 suppressed.", resolve: (cell) => cell.visitors }),
  }),
});

const DemandGridRef = builder.objectRef<DemandGrid>("DemandGrid").implement({
  description:
    "When people come: the visitor tallies recorded per opening period, on a week × hour grid across all centres. A tally counts " +
    "in every hour its opening period covers. Tallies without an opening period have no hour and are counted apart.",
  fields: (t) => ({
    from: t.field({ type: "Date", resolve: (grid) => grid.period.from }),
    to: t.field({ type: "Date", resolve: (grid) => grid.period.to }),
    targetGroup: t.field({ type: TargetGroupEnum, nullable: true, resolve: (grid) => grid.targetGroup }),
    cells: t.field({ type: [DemandCellRef], description: "7 × 24 cells, Monday 00 first.", resolve: (grid) => grid.cells }),
    visitorsWithoutPeriod: t.field({ type: FigureRef, resolve: (grid) => grid.visitorsWithoutPeriod }),
  }),
});

builder.queryField("demandByHour", (t) =>
  t.field({
    type: DemandGridRef,
    description: "Demand by weekday and hour for the local dates from–to, for all visitors or one target group's recorded split. Coordinators and the strategic group.",
    args: {
      from: t.arg({ type: "Date", required: true }),
      to: t.arg({ type: "Date", required: true }),
      targetGroup: t.arg({ type: TargetGroupEnum, required: false, description: "Left out: every visitor." }),
    },
    validate: { schema: z.object({ from: z.string(), to: z.string(), targetGroup: z.string().nullish() }).superRefine(checkPeriod) },
    authScopes: { strategicGroup: true },
    resolve: async (_root, args, context) => {
      const period = { from: args.from, to: args.to };
      if (args.targetGroup) assertKnownCode(await taxonomyOf(context), "TARGET_GROUP", args.targetGroup, "targetGroup");
      return findDemandGrid(context.prisma, period, args.targetGroup ?? null);
    },
  }),
);

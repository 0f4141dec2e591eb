// Figures per receiving unit in the graph: measured responsiveness and decline reasons.
import { builder } from "../../graphql/builder.ts";
import { ValidationError } from "../../shared/errors.ts";
import { FigureRef } from "../insights/index.ts";
import { HandoverDeclineCodeEnum } from "./handover.schema.ts";
import { findServiceHandoverFigures, RESPONSIVENESS_WINDOW_DAYS, type DeclineReasonCount, type ServiceHandoverFigures } from "./service-figures.ts";

const MAX_UNITS = 100;

const DeclineReasonCountRef = builder.objectRef<DeclineReasonCount>("DeclineReasonCount").implement({
  description: "How many handovers the unit declined for one coded reason (suppressed below 5).",
  fields: (t) => ({
    code: t.field({ type: HandoverDeclineCodeEnum, resolve: (row) => row.code }),
    count: t.field({ type: FigureRef, resolve: (row) => row.count }),
  }),
});

export const ServiceHandoverFiguresRef = builder.objectRef<ServiceHandoverFigures>("ServiceHandoverFigures").implement({
  description: `Measured responsiveness of a receiving unit (a service or a centre) over the last ${RESPONSIVENESS_WINDOW_DAYS} days, from its handovers' events. About the unit, never about a person; every figure is suppressed when fewer than 5 handovers are behind it.`,
  fields: (t) => ({
    unitId: t.id({ resolve: (figures) => figures.unit.id }),
    unitName: t.string({ resolve: (figures) => figures.unit.name }),
    windowDays: t.exposeInt("windowDays"),
    isSuppressed: t.exposeBoolean("isSuppressed", { description: "True when 1–4 handovers reached the unit: every figure then shows \"<5\"." }),
    handoversReceived: t.field({ type: FigureRef, description: "Handovers sent to the unit in the window.", resolve: (figures) => figures.handoversReceived }),
    medianHoursToFirstAnswer: t.field({
      type: FigureRef,
      description: "Median hours from sending to the first answer (accept or decline).",
      resolve: (figures) => figures.medianHoursToFirstAnswer,
    }),
    shareAccepted: t.field({ type: FigureRef, description: "Of the answered handovers, the share accepted (percent).", resolve: (figures) => figures.shareAccepted }),
    declined: t.field({ type: FigureRef, description: "Handovers declined.", resolve: (figures) => figures.declined }),
    declinedByReason: t.field({ type: [DeclineReasonCountRef], description: "Declined handovers by coded reason.", resolve: (figures) => figures.declinedByReason }),
  }),
});

builder.queryField("serviceHandoverFigures", (t) =>
  t.field({
    type: [ServiceHandoverFiguresRef],
    description: `Responsiveness and decline reasons of the given services or centres (up to ${MAX_UNITS}) over the last ${RESPONSIVENESS_WINDOW_DAYS} days. Unknown units and caseworker teams are left out.`,
    args: { unitIds: t.arg.idList({ required: true }) },
    authScopes: { signedIn: true },
    resolve: (_root, args, context) => {
      if (args.unitIds.length > MAX_UNITS) {
        throw ValidationError.single("unitIds", { da: `Højst ${MAX_UNITS} enheder ad gangen.`, en: `At most ${MAX_UNITS} units at a time.` });
      }
      return findServiceHandoverFigures(context.prisma, args.unitIds.map(String), context.clock.now());
    },
  }),
);

// Open requests to a group in the graph. Before a unit claims one, the units of its group see
// only coded facts (help categories, urgency, the group, the sender, when): the purpose, wish and
// every other free text stay with the sender until a unit has taken it and become its receiver
// (need to know). Claiming is one mutation whose database rule lets exactly one unit win.
import { z } from "zod";
import type { HandoverKind, HelpCategory, ServiceKind, Urgency } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { IllegalTransitionError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { ServiceKindEnum } from "../directory/index.ts";
import { optionalText } from "./handover-mutations.schema.ts";
import { HandoverKindEnum, HandoverRef, HelpCategoryEnum, UrgencyEnum } from "./handover.schema.ts";
import { claimOpenRequest } from "./open-requests.commands.ts";
import { findClaimableRequestIds, OPEN_REQUEST_LIST_LIMIT } from "./open-requests.ts";
import { requireViewer } from "../../shared/viewer.ts";

interface ClaimableRequestView {
  id: string;
  kind: HandoverKind;
  helpCategories: HelpCategory[];
  urgency: Urgency;
  sentAt: Date | null;
  expiresAt: Date | null;
  fromUnit: { id: string; name: string };
  openRequest: { serviceKind: ServiceKind; areaName: string; radiusKm: number } | null;
}

const ClaimableRequestRef = builder.objectRef<ClaimableRequestView>("ClaimableHandoverRequest").implement({
  description:
    "An open request a unit may claim, as its group sees it before anyone has: coded facts only. The purpose, wish and other text are shown to the unit that claims it.",
  fields: (t) => ({
    handoverId: t.exposeID("id"),
    kind: t.field({ type: HandoverKindEnum, resolve: (request) => request.kind }),
    helpCategories: t.field({ type: [HelpCategoryEnum], resolve: (request) => request.helpCategories }),
    urgency: t.field({ type: UrgencyEnum, resolve: (request) => request.urgency }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "When the request expires if nobody claims it." }),
    fromUnitName: t.string({ resolve: (request) => request.fromUnit.name }),
    serviceKind: t.field({ type: ServiceKindEnum, resolve: (request) => request.openRequest!.serviceKind }),
    areaName: t.string({ resolve: (request) => request.openRequest!.areaName }),
    radiusKm: t.float({ resolve: (request) => request.openRequest!.radiusKm }),
  }),
});

builder.queryField("claimableHandoverRequests", (t) =>
  t.field({
    type: [ClaimableRequestRef],
    description: `Open requests to a group the unit belongs to that no unit has claimed yet, oldest first (at most ${OPEN_REQUEST_LIST_LIMIT}). For the unit's members.`,
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ memberOfUnit: String(args.unitId) }),
    resolve: async (_root, args, context) => {
      const ids = await findClaimableRequestIds(context.prisma, String(args.unitId));
      const rows = await context.prisma.handover.findMany({
        where: { id: { in: ids } },
        // Coded fields only: nothing here is free text about the citizen.
        select: {
          id: true,
          kind: true,
          helpCategories: true,
          urgency: true,
          sentAt: true,
          expiresAt: true,
          fromUnit: { select: { id: true, name: true } },
          openRequest: { select: { serviceKind: true, areaName: true, radiusKm: true } },
        },
      });
      const rowById = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => rowById.get(id) ?? []);
    },
  }),
);

const ClaimHandoverRequestInput = builder.inputType("ClaimHandoverRequestInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    unitId: t.id({ required: true, description: "The viewer's unit that takes the request (a service of its group)." }),
    note: t.string({ required: false, description: "Shown to the sender on the timeline; purged with the personal data." }),
    proposedMeetingAt: t.field({ type: "DateTime", required: false }),
    proposedMeetingPlace: t.string({ required: false }),
  }),
});

const claimSchema = z.object({
  handoverId: z.string(),
  unitId: z.string(),
  note: optionalText(1000),
  proposedMeetingAt: z.date().nullish().transform((date) => date ?? null),
  proposedMeetingPlace: optionalText(200),
});

builder.mutationField("claimHandoverRequest", (t) =>
  t.field({
    type: HandoverRef,
    description:
      "A unit of the group takes an open request: it becomes the receiver and has accepted it (CLAIMED on the timeline; the sender is told). Exactly one unit can: the others get ConflictError.",
    args: { input: t.arg({ type: ClaimHandoverRequestInput, required: true, validate: { schema: claimSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError] },
    authScopes: (_root, args) => ({ memberOfUnit: String(args.input.unitId) }),
    resolve: (_root, { input }, context) => claimOpenRequest(context, requireViewer(context), parsedBy(claimSchema, input)),
  }),
);
